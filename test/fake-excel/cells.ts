/** Cell-level helpers shared by the fake's objects: addresses, what a write does to a cell, what a cell shows. */
import type { CellRange } from "../../src/domain/grid";
import { a1, columnLetter } from "../../src/domain/grid";
import { FakeOfficeError, accessDenied } from "./errors";
import { MAX_COLUMNS, MAX_ROWS, type FakeCell, type FakeSheetState } from "./world";

export function gridOf<T>(sheet: FakeSheetState, r: CellRange, f: (c: FakeCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.top; i <= r.bottom; i++) {
    const row: T[] = [];
    for (let j = r.left; j <= r.right; j++) row.push(f(sheet.cell(i, j)));
    out.push(row);
  }
  return out;
}

function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rangeAddress(sheet: FakeSheetState, r: CellRange): string {
  const local =
    r.top === r.bottom && r.left === r.right
      ? a1(r.top, r.left)
      : r.left === 0 && r.right === MAX_COLUMNS - 1
        ? `${r.top + 1}:${r.bottom + 1}`
        : r.top === 0 && r.bottom === MAX_ROWS - 1
          ? `${columnLetter(r.left)}:${columnLetter(r.right)}`
          : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
  return `${quoteSheet(sheet.name)}!${local}`;
}

export const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What Excel does with a value typed or written through Range.values (ru-RU-like, simplified). */
export function writeCellValue(cell: FakeCell, v: unknown): void {
  if (v === null || v === undefined) return; // Office.js: null in a values array leaves the cell unchanged
  delete cell.formula;
  delete cell.quotePrefix;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (s === "" || cell.numberFormat === "@") {
    // A Text-formatted cell keeps whatever is typed, verbatim.
    cell.value = s;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) {
    cell.value = Number(s);
    return;
  }
  if (/^[=+\-@]/.test(s)) {
    // Excel makes it a formula; the fake evaluates only "=<number>" and shows #NAME? otherwise.
    const formula = s.startsWith("=") ? s : `=${s}`;
    cell.formula = formula;
    const body = formula.slice(1).trim();
    cell.value = /^[+-]?\d+(\.\d+)?$/.test(body) ? Number(body) : "#NAME?";
    return;
  }
  const date = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (date) {
    cell.value = (Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])) - EXCEL_EPOCH) / 86400000;
    if ((cell.numberFormat ?? "General") === "General") cell.numberFormat = "dd.mm.yyyy";
    return;
  }
  if (/^(true|false|истина|ложь)$/i.test(s)) {
    cell.value = /^(true|истина)$/i.test(s);
    return;
  }
  cell.value = s;
}

export function cellText(cell: FakeCell | undefined): string {
  if (!cell) return "";
  const fmt = cell.numberFormat ?? "General";
  if (typeof cell.value === "number" && /d|y/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ""))) {
    const d = new Date(EXCEL_EPOCH + Math.floor(cell.value) * 86400000);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  }
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/** A 2D write argument or a single value applied to every cell; a 2D array must match the range exactly. */
export function cellArgument(arg: unknown, r: CellRange, what: string): (i: number, j: number) => unknown {
  if (!Array.isArray(arg)) return () => arg;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (arg.length !== rows || arg.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
  return (i, j) => (arg as unknown[][])[i][j];
}

export function unknownProperty(owner: string, property: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", `The property '${property}' does not exist on ${owner}.`);
}

export interface RangeTarget {
  sheet: FakeSheetState;
  rect: CellRange;
}

export function hiddenState(set: Set<number>, from: number, to: number): boolean | null {
  let hidden = 0;
  if (to - from + 1 > set.size) {
    for (const i of set) if (i >= from && i <= to) hidden++;
  } else {
    for (let i = from; i <= to; i++) if (set.has(i)) hidden++;
  }
  if (hidden === 0) return false;
  return hidden === to - from + 1 ? true : null;
}

export function checkWritable(t: RangeTarget): void {
  if (t.sheet.protected) throw accessDenied(t.sheet.name);
}
