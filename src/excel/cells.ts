/**
 * Pure conversions between Office.js cell data and the engine's grid (src/domain/grid.ts conventions).
 * No Office.js here, so it is tested directly and usable by any host.
 */
import { formatDateCell, numberFormatKind } from "../domain/cell-format";
import { a1, capLongCells, type CellRange, type CellValue, type SheetGrid } from "../domain/grid";

/** Largest serial Excel shows as a date (31.12.9999). */
const MAX_SERIAL = 2958465;

/**
 * An Excel serial of the 1900 date system as UTC milliseconds. Excel counts 29.02.1900 (serial 60), a day that did
 * not exist: serials from 61 on are days since 30.12.1899, those below 60 are days since 31.12.1899.
 */
export function serialToUtc(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null;
  const day = Math.floor(serial);
  const epoch = day >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const minutes = Math.round((serial - day) * 1440);
  return epoch + day * 86400000 + minutes * 60000;
}

/** A number cell as the grid wants it: dates as «ДД.ММ.ГГГГ», months as «Сентябрь 2023», times as «ЧЧ:ММ». */
export function numberCell(value: number, format: string | null | undefined): CellValue {
  const kind = numberFormatKind(format);
  if (kind === "none") return value;
  if (Math.floor(value) === 60 && kind === "date") return "29.02.1900"; // Excel's phantom leap day
  const t = serialToUtc(kind === "time" ? value + 1 : value);
  return t === null ? value : formatDateCell(new Date(t), kind);
}

/** One value from Range.values: "" → null; numbers through their format; text (error values included) as is. */
export function gridCell(value: unknown, format: string | null | undefined): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return numberCell(value, format);
  if (typeof value === "boolean") return value;
  return String(value);
}

export interface UsedBlock {
  /** 0-based sheet coordinates of values[0][0]. */
  top: number;
  left: number;
  values: unknown[][];
  /** Same shape as values, or null when formats were not read. */
  numberFormat: unknown[][] | null;
  /** Same shape as values when read: a formula whose value is "" is the user's content all the same. */
  formulas?: unknown[][] | null;
}

/** Grid rows in sheet coordinates: rows above the used range are empty, cells left of it null. */
export function gridRows(blocks: UsedBlock[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const block of blocks) {
    block.values.forEach((src, i) => {
      const r = block.top + i;
      const out: CellValue[] = [];
      let last = -1;
      for (let j = 0; j < src.length; j++) {
        const v = gridCell(src[j], block.numberFormat?.[i]?.[j] as string | undefined);
        out[block.left + j] = v;
        if (v !== null) last = block.left + j;
      }
      // Trailing empties dropped: rows may be ragged (grid.ts), and it keeps large sheets small.
      const row = last < 0 ? [] : Array.from({ length: last + 1 }, (_, c) => out[c] ?? null);
      rows[r] = row;
    });
  }
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  // Trailing empty rows dropped too (a blank sheet's used range is A1 holding "").
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

export function makeSheetGrid(
  name: string,
  blocks: UsedBlock[],
  extra: { merges: CellRange[]; hiddenRows: number[]; hiddenColumns: number[]; protected: boolean },
): SheetGrid {
  const rows = gridRows(blocks);
  // A merged area's value sits in its top-left cell; Excel already gives "" for the others, enforce it anyway.
  for (const m of extra.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && c < row.length) row[c] = null;
    }
  }
  // Excel itself keeps a cell under the limit; cut anyway, so both hosts read the same grid.
  const cutCells = capLongCells(rows);
  const emptyFormulas = emptyFormulaCells(blocks);
  return {
    name,
    rows,
    ...extra,
    ...(cutCells.length ? { cutCells } : {}),
    ...(emptyFormulas.length ? { emptyFormulas } : {}),
  };
}

/** Formulas valued "" (=IF(…;"";…)): they read as empty, yet a write must not cover them (see annotate). */
function emptyFormulaCells(blocks: UsedBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    b.formulas?.forEach((line, i) =>
      line.forEach((f, j) => {
        if (typeof f === "string" && f.startsWith("=") && b.values[i]?.[j] === "")
          out.push(a1(b.top + i, b.left + j));
      }),
    );
  }
  return out;
}

const MONTH_THEN_NUMBER =
  /^(янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[\p{L}]*\.?[\s\-/.,]*\d/iu;
const BOOLEAN_WORD = /^\s*(true|false|истина|ложь)\s*$/i;

/**
 * Would Excel turn this text into something else when it is written to Range.values? A leading "=", "+", "-",
 * "@" makes a formula; digits, "(1)", "5%", "1/2", "12:30", currency make numbers, dates or times; «Сентябрь 2024»
 * makes a date in a Russian Excel; TRUE/ИСТИНА a boolean; a leading apostrophe is eaten as a prefix. Anything not
 * starting with a letter is treated as at risk: the cost of a needless prefix is nil (see excelInput).
 */
export function needsTextPrefix(s: string): boolean {
  if (s === "") return false;
  if (!/^\p{L}/u.test(s)) return true;
  return BOOLEAN_WORD.test(s) || MONTH_THEN_NUMBER.test(s);
}

/**
 * A grid value as written through Range.values, so it reads back unchanged. Text at risk gets Excel's own
 * quote prefix ("'"): Excel stores the text without the apostrophe (the cell's quotePrefix style flag is set),
 * exactly what a user gets by typing '=A1. Chosen over numberFormat "@" because it changes nothing else about
 * the cell (a Text format would stay on the cell and turn later typed numbers into text).
 * null becomes "" (clears the cell; a null in a values array would leave the cell unchanged).
 * `asText`: the target cells are Text-formatted ("@"), which keep any string verbatim, so no prefix is added.
 */
export function excelInput(v: CellValue, asText = false): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  return !asText && needsTextPrefix(v) ? `'${v}` : v;
}

/** Excel's column width unit (characters of the default font) → points, for Range.format.columnWidth. */
export function widthToPoints(chars: number): number {
  // Calibri 11: a character is 7 px plus 5 px padding; 96 px = 72 pt.
  const px = Math.round(Math.max(0, chars) * 7 + 5);
  return Math.round(px * 0.75 * 100) / 100;
}

/** "Лист1!A1:B2, 'Мой лист'!C3" (RangeAreas.address) → ranges; sheet names are dropped. */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /!\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?(?=\s*,|\s*$)/g;
  for (const m of address.matchAll(re)) {
    const col = (letters: string) => {
      let n = 0;
      for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
      return n - 1;
    };
    const top = Number(m[2]) - 1;
    const left = col(m[1]);
    const bottom = m[4] ? Number(m[4]) - 1 : top;
    const right = m[3] ? col(m[3]) : left;
    out.push({
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    });
  }
  return out;
}

/** The UTF-8 size of a JSON payload, as Excel on the web measures a request. */
export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value ?? null);
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
