/** Fast read access to one sheet for the recogniser: cell texts, merges by their top-left cell. */
import {
  cellAt,
  cellText,
  isErrorValue,
  sheetWidth,
  type CellRange,
  type CellValue,
  type SheetGrid,
} from "../grid";

export class SheetView {
  readonly sheet: SheetGrid;
  readonly width: number;
  readonly height: number;
  private readonly mergeByTopLeft = new Map<string, CellRange>();
  /** Merges sorted by top row, for the rare "which merge covers this cell" questions. */
  private readonly merges: CellRange[];

  constructor(sheet: SheetGrid) {
    this.sheet = sheet;
    this.width = sheetWidth(sheet);
    this.height = sheet.rows.length;
    this.merges = [...(sheet.merges ?? [])].sort((a, b) => a.top - b.top);
    for (const m of this.merges) this.mergeByTopLeft.set(`${m.top},${m.left}`, m);
  }

  value(r: number, c: number): CellValue {
    return cellAt(this.sheet, r, c);
  }

  /** Trimmed text; error values (#REF!) and booleans read as empty. */
  text(r: number, c: number): string {
    return cellText(this.value(r, c));
  }

  isError(r: number, c: number): boolean {
    return isErrorValue(this.value(r, c));
  }

  rowLength(r: number): number {
    const row = this.sheet.rows[r];
    return row ? row.length : 0;
  }

  /** Column indexes of the non-empty cells of a row, within [left, right]. */
  nonEmpty(r: number, left = 0, right = Number.MAX_SAFE_INTEGER): number[] {
    const row = this.sheet.rows[r];
    if (!row) return [];
    const out: number[] = [];
    const end = Math.min(right, row.length - 1);
    for (let c = Math.max(0, left); c <= end; c++) if (cellText(row[c]) !== "") out.push(c);
    return out;
  }

  mergeAt(r: number, c: number): CellRange | null {
    return this.mergeByTopLeft.get(`${r},${c}`) ?? null;
  }

  /** The merge containing (r, c), if any. Linear in the merges above r: used for header rows only. */
  coveringMerge(r: number, c: number): CellRange | null {
    for (const m of this.merges) {
      if (m.top > r) break;
      if (m.bottom >= r && m.left <= c && m.right >= c) return m;
    }
    return null;
  }

  /** Merges that intersect a range. */
  mergesIntersecting(range: CellRange): CellRange[] {
    const out: CellRange[] = [];
    for (const m of this.merges) {
      if (m.top > range.bottom) break;
      if (m.bottom >= range.top && m.left <= range.right && m.right >= range.left) out.push(m);
    }
    return out;
  }
}
