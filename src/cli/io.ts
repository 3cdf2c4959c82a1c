/** What every subcommand shares: the I/O it goes through, its shape, exit codes. */
import type { ArgsSpec, ParsedArgs } from "./args";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's bytes; throws UserFacingError (Russian) when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /** Write a file (creating its folder); throws UserFacingError (Russian) when it cannot. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Rename a file within its folder (replacing none: callers move an existing target aside first). */
  rename(from: string, to: string): Promise<void>;
  /** Delete a file; throws UserFacingError (Russian) when it cannot. */
  removeFile(path: string): Promise<void>;
  /** The .xlsx files of a folder, sorted, as paths; null when `path` is not a folder. */
  listFolder(path: string): Promise<string[] | null>;
  /** The file's modification time (ms since 1970), or null. */
  mtime(path: string): Promise<number | null>;
  /** Same file on disk (resolving relative paths)? Inputs are never overwritten. */
  samePath(a: string, b: string): boolean;
  baseName(path: string): string;
  /** Today's local date, ISO. */
  today(): string;
  /** Developers' hook (ROADMAP_DEBUG=1): sees the original error before it becomes one line. */
  debug?(error: unknown): void;
}

export interface Subcommand extends ArgsSpec {
  /** One Russian line for the help. */
  summary: string;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAIL = 2;

export const GENERIC_FAILURE =
  "Не удалось выполнить команду из-за внутренней ошибки программы: сообщите о ней разработчикам, приложив файл.";

/** One line for stderr: never a stack trace, never several lines. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}
