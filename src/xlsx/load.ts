/**
 * Opening an .xlsx file with ExcelJS, and telling the user in one Russian sentence why a file cannot be
 * opened (old .xls, password, .ods, Word document, corrupt zip…).
 *
 * ExcelJS import: `import ExcelJS from "exceljs"` works everywhere we run. Under ts-jest/tsx/esbuild (Node,
 * CommonJS) the default import is `module.exports` of `exceljs/excel.js`; under webpack (target web) the
 * package's `browser` field resolves to `exceljs/dist/exceljs.min.js` (a UMD bundle with its own polyfills),
 * and webpack's CommonJS interop gives the same object. The browser preview imports `src/xlsx/*` with a
 * dynamic `import()`, so webpack puts ExcelJS in its own chunk, loaded only when a file is opened.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { UserFacingError } from "../domain/host";
import { rememberPackage } from "./preserve";
import { KIND_MESSAGES, MESSAGES, sniffFile, toBytes, type FileData } from "./sniff";

export { MESSAGES, sniffFile, type FileData, type FileKind } from "./sniff";

export interface LoadOptions {
  /**
   * Only reading values: skip the parts a grid does not need. ExcelJS expands every data validation into
   * one entry per cell, so a drop-down over whole columns (sqref="D1:H1048576", common in real files)
   * costs seconds and hundreds of MB, and one over the whole sheet never finishes.
   */
  valuesOnly?: boolean;
}

const SKIPPED_WHEN_READING = ["dataValidations", "conditionalFormatting", "extLst"];

/** Load an .xlsx into an ExcelJS workbook, or throw UserFacingError with one Russian sentence. */
export async function loadExcelWorkbook(data: FileData, opts: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = toBytes(data);
  const problem = KIND_MESSAGES[sniffFile(bytes)];
  if (problem) throw new UserFacingError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    const safe = await prepareForExcelJS(bytes);
    // ExcelJS types say Buffer; JSZip underneath accepts any Uint8Array / ArrayBuffer.
    await wb.xlsx.load(safe as unknown as Parameters<typeof wb.xlsx.load>[0], {
      ignoreNodes: opts.valuesOnly ? SKIPPED_WHEN_READING : [],
    });
    mendTableStyles(wb);
    // A workbook that may be saved keeps its package: what ExcelJS drops is carried from it (preserve.ts).
    if (!opts.valuesOnly) await rememberPackage(wb, bytes);
  } catch {
    throw new UserFacingError(MESSAGES.corrupt);
  }
  if (wb.worksheets.length === 0) throw new UserFacingError(MESSAGES.corrupt);
  return wb;
}

/**
 * A table (ListObject) without <tableStyleInfo>, as LibreOffice writes them, makes ExcelJS crash when it saves the
 * workbook; such a table gets the "no style" ExcelJS writes as an unnamed tableStyleInfo (it looks the same).
 */
function mendTableStyles(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const tables =
      (ws as unknown as { tables?: Record<string, { table?: { style?: unknown } }> }).tables ?? {};
    for (const t of Object.values(tables))
      if (t.table && !t.table.style)
        t.table.style = {
          theme: null,
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: false,
          showColumnStripes: false,
        };
  }
}

/** A merged area larger than this is clipped to the cells the sheet really uses before ExcelJS sees it. */
const HUGE_MERGE_CELLS = 100_000;
const MERGE_CELL = /<mergeCell ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"\s*\/>/g;

function letters(col: string): number {
  let n = 0;
  for (const ch of col) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function toLetters(n: number): string {
  let s = "";
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
}

/** OOXML booleans may be "true"/"false" (LibreOffice writes them so); ExcelJS reads only "1"/"0" here. */
const BOOLEAN_ELEMENTS = /<(sheetProtection|protection)\b[^>]*>/g;

export function normaliseBooleans(xml: string): string {
  return xml.replace(BOOLEAN_ELEMENTS, (el) => el.replace(/="true"/g, '="1"').replace(/="false"/g, '="0"'));
}

/**
 * Fix-ups before ExcelJS reads a file: huge merges clipped (clipHugeMerge), table header counts made explicit
 * (withHeaderRowCount), and LibreOffice's "true"/"false" in
 * sheet protection and cell locking turned into the "1"/"0" ExcelJS understands — without it a form saved back by
 * LibreOffice reads as unprotected, all cells locked. Files needing neither pass through as they are.
 */
export async function prepareForExcelJS(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (/^xl\/tables\/[^/]+\.xml$/i.test(name)) {
      const xml = await zip.file(name)?.async("string");
      const out = xml === undefined ? xml : withHeaderRowCount(xml);
      if (out !== undefined && out !== xml) {
        zip.file(name, out);
        changed = true;
      }
      continue;
    }
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
    if (!sheet && name !== "xl/styles.xml") continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    let out = /="(true|false)"/.test(xml) ? normaliseBooleans(xml) : xml;
    if (sheet && out.includes("<mergeCell ")) out = clipHugeMerge(out);
    if (out !== xml) {
      zip.file(name, out);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

/**
 * A table's header row is the default (headerRowCount absent, as Excel writes it), but ExcelJS reads an absent
 * count as "no header" and would write headerRowCount="0" back: the count is made explicit before it reads.
 */
export function withHeaderRowCount(xml: string): string {
  return xml.replace(/<table\b[^>]*>/, (el) =>
    /\sheaderRowCount=/.test(el) ? el : el.replace(/^<table\b/, '<table headerRowCount="1"'),
  );
}

/** Kept for callers and tests: only the merge clipping. */
export async function clipHugeMerges(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    if (!xml.includes("<mergeCell ")) continue;
    const out = clipHugeMerge(xml);
    if (out === xml) continue;
    zip.file(name, out);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

/**
 * ExcelJS creates every cell of a merged area while loading, so one merge over whole columns (C20:C1048576, or
 * F1:XFD1048576) takes seconds to forever. Such a merge is clipped to the sheet's real extent (the last cell
 * present in the XML); a merge left with one cell is dropped. A sheet without huge merges comes back unchanged.
 */
function clipHugeMerge(xml: string): string {
  const huge = [...xml.matchAll(MERGE_CELL)].some(
    (m) => (letters(m[3]) - letters(m[1]) + 1) * (Number(m[4]) - Number(m[2]) + 1) > HUGE_MERGE_CELLS,
  );
  if (!huge) return xml;
  let maxRow = 1;
  let maxCol = 1;
  for (const c of xml.matchAll(/<c r="([A-Z]{1,3})(\d{1,7})"/g)) {
    maxCol = Math.max(maxCol, letters(c[1]));
    maxRow = Math.max(maxRow, Number(c[2]));
  }
  return xml.replace(MERGE_CELL, (whole, c1: string, r1: string, c2: string, r2: string) => {
    const left = letters(c1);
    const top = Number(r1);
    const right = Math.min(letters(c2), Math.max(maxCol, left));
    const bottom = Math.min(Number(r2), Math.max(maxRow, top));
    if (right === letters(c2) && bottom === Number(r2)) return whole;
    if (right === left && bottom === top) return "";
    return `<mergeCell ref="${c1}${r1}:${toLetters(right)}${bottom}"/>`;
  });
}
