/**
 * The schools' forms as one .zip, the task pane's download (the CLI writes a folder instead). Each form lies at
 * the archive's top under its Windows-safe name, unique without regard to case (monitoring/file-names.ts): an
 * archive may hold «Школа 1.xlsx» and «школа 1.xlsx», but Windows unpacks them into one file, and JSZip
 * silently keeps only the last of two equal names — either way a school's form would be lost.
 */
import { UserFacingError } from "../../domain/host";

export interface ZippedForm {
  fileName: string;
  bytes: Uint8Array;
}

export async function formsZip(forms: readonly ZippedForm[]): Promise<Uint8Array> {
  // The zip library loads only when forms are made.
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  const zip = new JSZip();
  const seen = new Set<string>();
  for (const f of forms) {
    const key = f.fileName.toLowerCase();
    if (seen.has(key))
      throw new UserFacingError(
        `Две формы получили одно имя файла «${f.fileName}»: архив не собран, чтобы не потерять форму школы.`,
      );
    seen.add(key);
    zip.file(f.fileName, f.bytes);
  }
  return zip.generateAsync({ type: "uint8array" });
}
