/**
 * The engine's input: a sheet as a plain grid of cell values, the same whichever host read it
 * (Office.js, an .xlsx file, the browser preview).
 *
 * Conventions every adapter follows (so the domain never has to guess):
 * - `rows[r][c]` with r, c 0-based sheet coordinates: A1 is rows[0][0]. Rows may be ragged or missing.
 * - A date-formatted number arrives as the text the user sees (src/domain/cell-format.ts): "ДД.ММ.ГГГГ"; a
 *   month-and-year format as "Сентябрь 2023"; a time as "ЧЧ:ММ". Adapters convert Excel serials this way.
 * - An error value arrives as its text ("#REF!", "#N/A"); see isErrorValue.
 * - A formula arrives as its cached value; the formula itself is not needed for reading.
 * - A merged area's value sits in its top-left cell; the other cells are null.
 */
export type CellValue = string | number | boolean | null;

/** 0-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel Table (ListObject) on a sheet, as both adapters read it. */
export interface GridTable {
  /** The table's name (unique in the workbook, compared without regard to case). */
  name: string;
  /** The whole table: header row (when shown), body and totals row (when shown). */
  range: CellRange;
  /** Column names, left to right: the header cells' text. */
  columns: string[];
  showHeaders: boolean;
  showTotals: boolean;
}

export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  merges: CellRange[];
  hiddenRows: number[];
  hiddenColumns: number[];
  protected: boolean;
  /** Excel Tables on the sheet; absent when the host read none. */
  tables?: GridTable[];
  /**
   * A1 addresses of formulas saved without a calculated value (a file written by a program that does not
   * calculate): they read as empty, and validation says why. Absent when there are none (Excel always calculates).
   */
  uncalculated?: string[];
  /**
   * A1 addresses of formulas whose calculated value is empty text (=IF(…;"";…)): they read as empty, yet they are
   * the user's content, which a write must not cover. Absent when there are none.
   */
  emptyFormulas?: string[];
  /** A1 addresses of cells whose text was cut at Excel's limit (capLongCells). Absent when there are none. */
  cutCells?: string[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

const ERROR_VALUES =
  /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Excel's limit on the text of one cell: nothing longer can come from Excel, so nothing longer is read. */
export const MAX_CELL_TEXT = 32767;

/**
 * Cuts every text longer than Excel's limit (a file made by another program may hold a 200 MB string), so no
 * report can balloon; returns the cells cut (A1), for a notice. A surrogate pair is never split.
 */
export function capLongCells(rows: CellValue[][]): string[] {
  const cut: string[] = [];
  rows.forEach((row, r) => {
    if (!row) return;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length <= MAX_CELL_TEXT) continue;
      const end = MAX_CELL_TEXT - (/[\uD800-\uDBFF]/.test(v.charAt(MAX_CELL_TEXT - 1)) ? 1 : 0);
      row[c] = v.slice(0, end);
      cut.push(`${columnLetter(c)}${r + 1}`);
    }
  });
  return cut;
}

export function isErrorValue(v: CellValue): boolean {
  return typeof v === "string" && ERROR_VALUES.test(v.trim());
}

/** The text a reader sees in a cell: trimmed, error values and booleans as empty. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === "boolean") return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (isErrorValue(v)) return "";
  return v.trim();
}

export function cellAt(sheet: SheetGrid, r: number, c: number): CellValue {
  const row = sheet.rows[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function sheetWidth(sheet: SheetGrid): number {
  let w = 0;
  for (const row of sheet.rows) if (row && row.length > w) w = row.length;
  return w;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (r, c) → "B7". */
export function a1(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

export function rangeA1(range: CellRange): string {
  return `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
}

/** "B7" or "A6:F58" → 0-based range; null when it is not an A1 address. */
export function parseA1(address: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(address.trim());
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function emptySheet(name: string): SheetGrid {
  return { name, rows: [], merges: [], hiddenRows: [], hiddenColumns: [], protected: false };
}

/** A grid from plain rows (tests, fixtures). */
export function sheetFromRows(name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { ...emptySheet(name), rows, ...extra };
}
