/** Opening inputs and writing outputs for the subcommands: every error becomes one Russian line. */
import { UserFacingError } from "../domain/host";
import { XlsxWorkbookHost } from "../xlsx/host";
import type { CliIo } from "./io";

/** Open an .xlsx as a host. `readOnly` skips what reading values does not need (drop-downs, formats). */
export async function openWorkbook(io: CliIo, path: string, readOnly = false): Promise<XlsxWorkbookHost> {
  const bytes = await io.readFile(path);
  return XlsxWorkbookHost.open(bytes, io.baseName(path), { valuesOnly: readOnly });
}

/** The output path, refused when it is one of the inputs (inputs are never modified). */
export function outputPath(io: CliIo, out: string, inputs: readonly string[]): string {
  if (inputs.some((i) => io.samePath(i, out)))
    throw new UserFacingError(
      `Файл результата «${out}» совпадает с исходным: исходные файлы не изменяются, укажите в -o другой путь.`,
    );
  return out;
}

/** Writes the file; what the saved copy cannot keep (pivot tables, macros…) is said on stderr, never silently. */
export async function saveWorkbook(io: CliIo, host: XlsxWorkbookHost, out: string): Promise<void> {
  await io.writeFile(out, await host.toBuffer());
  for (const n of host.lossNotices()) io.stderr(`${n}\n`);
}

/** The host's notices of a command that saveWorkbook has not already said. */
export function otherNotices(host: XlsxWorkbookHost, notices: readonly string[]): string[] {
  const said = new Set(host.lossNotices());
  return notices.filter((n) => !said.has(n));
}

/** Files and folders → the .xlsx paths to read, in order (a folder contributes its .xlsx files, sorted). */
export async function expandInputs(io: CliIo, paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const inFolder = await io.listFolder(p);
    if (inFolder) out.push(...inFolder);
    else out.push(p);
  }
  return out;
}
