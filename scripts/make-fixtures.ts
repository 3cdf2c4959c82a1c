/**
 * Writes the .xlsx fixtures and the bundled sample workbook (`npx tsx scripts/make-fixtures.ts`):
 * - test/fixtures/xlsx/<id>.xlsx for every seedFixtures() entry (dates typed as Excel would after a paste);
 * - test/fixtures/xlsx/hostile/*: files the CLI must refuse with one Russian line (.xls, .ods made by
 *   LibreOffice when soffice is installed; a password-protected-looking OLE file; corrupt and random bytes);
 * - assets/samples/roadmap-sample.xlsx: the browser preview's sample, seed 000 as pasted from Word plus
 *   seed 004 tidied up, with widths, wrapping and borders like a real workbook.
 * Re-running gives the same cells and properties (fixed creation dates); only zip timestamps differ.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type ExcelJS from "exceljs";
import { SEED_SPECS, seedFixtures } from "../test/fixtures/seeds";
import type { SheetGrid } from "../src/domain/grid";
import { buildExcelWorkbook, workbookToBytes } from "../src/xlsx/write";

const root = path.resolve(__dirname, "..");
const fixturesDir = path.join(root, "test/fixtures/xlsx");
const hostileDir = path.join(fixturesDir, "hostile");
const samplesDir = path.join(root, "assets/samples");
const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 9, 0, 0));

function stamp(wb: ExcelJS.Workbook): void {
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.creator = "Мониторинг дорожных карт";
  wb.lastModifiedBy = "Мониторинг дорожных карт";
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Rows 1-based, first..last, that form the roadmap table of a sheet (from the seed spec, or guessed). */
function tableRows(
  sheet: SheetGrid,
  seed: string,
  layout: "clean" | "pasted",
): { first: number; last: number; width: number }[] {
  const spec = SEED_SPECS.find((s) => s.seed === seed);
  if (layout === "pasted" && spec)
    return spec.tables.map((t) => ({ first: t.first, last: t.last, width: t.width }));
  // Clean layout: the table starts at the first row with three or more filled cells and runs to the end.
  const filled = (r: number) => (sheet.rows[r] ?? []).filter((v) => v !== null && v !== "").length;
  const first = sheet.rows.findIndex((_, r) => filled(r) >= 3);
  if (first < 0) return [];
  let width = 0;
  for (const row of sheet.rows.slice(first)) width = Math.max(width, row?.length ?? 0);
  return [{ first: first + 1, last: sheet.rows.length, width }];
}

/** Make a sheet look like a real roadmap workbook: column widths, wrapped text, bold bordered header. */
function dress(ws: ExcelJS.Worksheet, sheet: SheetGrid, seed: string, layout: "clean" | "pasted"): void {
  const widths = [8, 60, 22, 30, 30, 24, 24, 20, 20, 20];
  for (const t of tableRows(sheet, seed, layout)) {
    for (let c = 1; c <= t.width; c++) ws.getColumn(c).width = widths[c - 1] ?? 20;
    for (let r = t.first; r <= t.last; r++) {
      for (let c = 1; c <= t.width; c++) {
        const cell = ws.getCell(r, c);
        cell.border = THIN;
        cell.alignment = { wrapText: true, vertical: "top" };
        if (r === t.first) cell.font = { bold: true };
      }
    }
  }
  ws.views = [{ state: "normal", zoomScale: 100 }];
}

async function writeSeedFixtures(): Promise<void> {
  mkdirSync(fixturesDir, { recursive: true });
  for (const f of seedFixtures()) {
    const wb = await buildExcelWorkbook(f.workbook, { realDates: true });
    stamp(wb);
    writeFileSync(path.join(fixturesDir, `${f.id}.xlsx`), await workbookToBytes(wb));
  }
}

async function writeSample(): Promise<void> {
  const all = seedFixtures();
  const main = all.find((f) => f.seed === "000" && f.layout === "pasted");
  const second = all.find((f) => f.seed === "004" && f.layout === "clean");
  if (!main || !second) throw new Error("seedFixtures() has no 000-pasted or 004-clean");
  const sheets: { sheet: SheetGrid; seed: string; layout: "clean" | "pasted" }[] = [
    { sheet: { ...main.workbook.sheets[0], name: "Горячий Ключ 2023" }, seed: "000", layout: "pasted" },
    { sheet: { ...second.workbook.sheets[0], name: "Зея 2022" }, seed: "004", layout: "clean" },
  ];
  const wb = await buildExcelWorkbook({ sheets: sheets.map((s) => s.sheet) }, { realDates: true });
  stamp(wb);
  sheets.forEach((s) => dress(wb.getWorksheet(s.sheet.name) as ExcelJS.Worksheet, s.sheet, s.seed, s.layout));
  mkdirSync(samplesDir, { recursive: true });
  writeFileSync(path.join(samplesDir, "roadmap-sample.xlsx"), await workbookToBytes(wb));
}

function findSoffice(): string | null {
  const candidates = [process.env.SOFFICE, "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string)) ?? null;
}

async function writeHostile(): Promise<void> {
  mkdirSync(hostileDir, { recursive: true });
  const base = readFileSync(path.join(fixturesDir, "000-clean.xlsx"));
  writeFileSync(path.join(hostileDir, "empty.xlsx"), new Uint8Array(0));
  // A download cut in half.
  writeFileSync(path.join(hostileDir, "truncated.xlsx"), base.subarray(0, Math.floor(base.length / 2)));
  // Deterministic noise (a photo renamed to .xlsx, say).
  const random = new Uint8Array(8192);
  let x = 2463534242;
  for (let i = 0; i < random.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    random[i] = x & 0xff;
  }
  writeFileSync(path.join(hostileDir, "random.xlsx"), random);
  // An encrypted .xlsx is an OLE compound file with EncryptionInfo / EncryptedPackage streams; this one has
  // the OLE header and the directory names (what the reader looks at), not a real cipher.
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const utf16 = (s: string) => Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);
  ole.set(utf16("EncryptionInfo"), 1024);
  ole.set(utf16("EncryptedPackage"), 1152);
  writeFileSync(path.join(hostileDir, "password.xlsx"), ole);

  const soffice = findSoffice();
  if (!soffice) {
    console.warn(
      "soffice не найден: old-format.xls и roadmap.ods не пересозданы (остались прежние, если были).",
    );
    return;
  }
  const work = mkdtempSync(path.join(tmpdir(), "roadmap-fixtures-"));
  try {
    const profile = pathToFileURL(path.join(work, "profile")).href;
    for (const [format, name] of [
      ["xls", "old-format.xls"],
      ["ods", "roadmap.ods"],
    ] as const) {
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          format,
          "--outdir",
          work,
          path.join(fixturesDir, "000-clean.xlsx"),
        ],
        { stdio: "pipe", timeout: 120000 },
      );
      renameSync(path.join(work, `000-clean.${format}`), path.join(hostileDir, name));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await writeSeedFixtures();
  await writeSample();
  await writeHostile();
  console.log(`Готово: ${fixturesDir}, ${hostileDir}, ${samplesDir}/roadmap-sample.xlsx`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
