/** LibreOffice headless for the consolidation tests: a private profile, so other soffice processes never lock ours. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export function soffice(): string {
  const found = [
    process.env.SOFFICE,
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
  ]
    .filter((p): p is string => Boolean(p))
    .find((p) => existsSync(p));
  if (!found)
    throw new Error(
      "LibreOffice (soffice) не найден: установите libreoffice-calc или укажите путь в SOFFICE.",
    );
  return found;
}

/** Convert (re-save) files with LibreOffice into `outDir`; returns nothing, the files appear there under the same base name. */
export function libreOfficeConvert(files: string[], to: string, outDir: string, profileDir: string): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
      "--headless",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 180000 },
  );
  for (const f of files) {
    const out = path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${to.split(":")[0]}`));
    if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  }
}
