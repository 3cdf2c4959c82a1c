/**
 * The skeleton of every subcommand that writes a workbook (contract): -o is required and may name no input, the
 * input is opened and changed, the result saved to -o, and only then is anything reported; exit 0. A refusal on
 * the way is a UserFacingError (runCli: one Russian line, exit 2), thrown before anything is written. Each
 * subcommand states only its own part: the other files it reads, the work, the report.
 */
import type { XlsxWorkbookHost } from "../xlsx/host";
import type { ParsedArgs } from "./args";
import { openWorkbook, outputPath, saveWorkbook } from "./files";
import { EXIT_OK, type CliIo, type Subcommand } from "./io";

export interface WritingContext {
  args: ParsedArgs;
  io: CliIo;
  /** The workbook read and changed: the first positional argument. */
  input: string;
  /** The other files read (a school list, returned forms): never overwritten either. */
  others: string[];
  /** -o, checked against every input. */
  out: string;
  /** --today, else today. */
  today: string;
  host: XlsxWorkbookHost;
}

export interface WritingCommand<T> extends Omit<Subcommand, "run"> {
  /** The other files the command reads, found before anything is opened. */
  otherInputs?(args: ParsedArgs, io: CliIo): Promise<string[]>;
  /** Refusals of the arguments that come before the workbook is opened. */
  precheck?(args: ParsedArgs): void;
  /** The work on the open workbook; nothing is written if it throws. */
  change(ctx: WritingContext): Promise<T>;
  /** What is said once the workbook is saved (stderr notices, stdout). */
  report(outcome: T, ctx: WritingContext): Promise<void> | void;
}

/** A subcommand that writes its input, changed, to -o (`-o` is added to its options and required first). */
export function writingCommand<T>(command: WritingCommand<T>): Subcommand {
  const { otherInputs, precheck, change, report, ...spec } = command;
  return {
    ...spec,
    options: ["out", ...spec.options],
    required: ["out", ...(spec.required ?? [])],
    async run(args, io) {
      const input = args.positional[0];
      const others = otherInputs ? await otherInputs(args, io) : [];
      const out = outputPath(io, args.out as string, [input, ...others]);
      precheck?.(args);
      const host = await openWorkbook(io, input);
      const ctx: WritingContext = { args, io, input, others, out, today: args.today ?? io.today(), host };
      const outcome = await change(ctx);
      await saveWorkbook(io, host, out);
      await report(outcome, ctx);
      return EXIT_OK;
    },
  };
}

/** The one JSON document of --json on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + "\n");
}
