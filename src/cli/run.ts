/**
 * `roadmap check`: read an .xlsx, run the engine (checkWorkbook), print the contract's JSON or a Russian
 * report. All I/O comes through CliIo so tests can run it in-process.
 */
import { checkWorkbook } from "../domain/check";
import { UserFacingError } from "../domain/host";
import { CheckReport } from "../domain/model";
import { readXlsx } from "../xlsx/read";
import { HELP, parseArgs } from "./args";
import { formatTextReport } from "./report";
import { runConsolidate } from "./commands/consolidate";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's bytes; throws UserFacingError (Russian) when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  baseName(path: string): string;
  /** Today's local date, ISO. */
  today(): string;
  /** Developers' hook (ROADMAP_DEBUG=1): sees the original error before it becomes one line. */
  debug?(error: unknown): void;
}

export const EXIT_OK = 0;
export const EXIT_FAIL = 2;

export const GENERIC_FAILURE =
  "Не удалось проверить файл из-за внутренней ошибки программы: сообщите о ней разработчикам, приложив файл.";

/** One line for stderr: never a stack trace, never several lines. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === "consolidate") return runSubcommand(() => runConsolidate(argv.slice(1), io), io);
  const cmd = parseArgs(argv);
  if (cmd.kind === "help") {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (cmd.kind === "error") {
    io.stderr(oneLine(cmd.message) + "\n");
    return EXIT_FAIL;
  }
  try {
    const bytes = await io.readFile(cmd.file);
    const grid = await readXlsx(bytes);
    const today = cmd.today ?? io.today();
    const result = checkWorkbook(grid, { today });
    const report = CheckReport.parse({
      file: io.baseName(cmd.file),
      tables: result.tables,
      findings: result.findings,
    });
    if (cmd.json) io.stdout(JSON.stringify(report, null, 2) + "\n");
    else io.stdout(formatTextReport(report, { today, notices: result.notices }));
    return EXIT_OK;
  } catch (e) {
    io.debug?.(e);
    io.stderr(oneLine(e instanceof UserFacingError ? e.message : GENERIC_FAILURE) + "\n");
    return EXIT_FAIL;
  }
}

/** A subcommand that returns a Russian line when it cannot do its work (exit 2), anything else when done. */
async function runSubcommand(run: () => Promise<unknown>, io: CliIo): Promise<number> {
  try {
    const r = await run();
    if (typeof r === "string") {
      io.stderr(oneLine(r) + "\n");
      return EXIT_FAIL;
    }
    return EXIT_OK;
  } catch (e) {
    io.debug?.(e);
    io.stderr(oneLine(e instanceof UserFacingError ? e.message : GENERIC_FAILURE) + "\n");
    return EXIT_FAIL;
  }
}
