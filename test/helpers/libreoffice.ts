/**
 * LibreOffice headless for the tests that show another program reads (and recalculates) what we write.
 * CI installs it (libreoffice-calc); a missing soffice is a failure, not a skip.
 *
 *   const lo = libreOffice();             // a private profile and work folder
 *   const csv = lo.toCsv(file, 2);        // the 2nd sheet as rows of cells (values as LibreOffice computed them)
 *   const back = lo.resave(file);         // LibreOffice opens and saves the .xlsx; returns the new file's path
 *   lo.dispose();
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export function findSoffice(): string | null {
  const candidates = [
    process.env.SOFFICE,
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** RFC 4180 CSV → rows of cells (LibreOffice quotes text cells as it likes; compare cells, not quoting). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

export interface LibreOffice {
  dir: string;
  /** Convert `file` with a filter ("xlsx", "csv:…"); the result lands in `outDir` (default: a fresh folder). */
  convert(file: string, to: string, outDir?: string): string;
  /** One sheet (1-based) as CSV rows: the values LibreOffice shows after loading and recalculating. */
  toCsv(file: string, sheet?: number): string[][];
  /** Open and save as .xlsx in LibreOffice; the path of the re-saved copy. */
  resave(file: string): string;
  dispose(): void;
}

let counter = 0;

export function libreOffice(): LibreOffice {
  const soffice = findSoffice();
  if (!soffice)
    throw new Error(
      "LibreOffice (soffice) не найден: установите libreoffice-calc (apt-get install libreoffice-calc) или укажите путь в SOFFICE.",
    );
  const dir = mkdtempSync(path.join(tmpdir(), "roadmap-lo-"));
  // A private profile: other soffice processes on the machine must not lock ours.
  const profile = pathToFileURL(path.join(dir, "profile")).href;
  const fresh = () => {
    const d = path.join(dir, `out-${++counter}`);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const convert = (file: string, to: string, outDir = fresh()): string => {
    execFileSync(
      soffice,
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, file],
      { stdio: "pipe", timeout: 180000 },
    );
    const ext = to.split(":")[0];
    return path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, "")}.${ext}`);
  };
  return {
    dir,
    convert,
    toCsv(file, sheet = 1) {
      // 44 = comma, 34 = quote, 76 = UTF-8, 1 = first line; the last field picks the sheet (LibreOffice ≥ 7.2).
      const out = fresh();
      const src = path.join(out, path.basename(file));
      copyFileSync(file, src);
      const target = path.join(out, "csv");
      convert(
        src,
        `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`,
        target,
      );
      // With a sheet number LibreOffice names the file «<name>-<sheet name>.csv».
      const csv = readdirSync(target).find((f) => f.endsWith(".csv"));
      if (!csv) throw new Error(`LibreOffice did not write a CSV of sheet ${sheet} of ${file}`);
      return parseCsv(readFileSync(path.join(target, csv), "utf8"));
    },
    resave(file) {
      return convert(file, "xlsx");
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
