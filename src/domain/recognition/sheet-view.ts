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
import { markupToText } from "../ru";

/**
 * cellText, with the error-value test only for text that starts with «#» (most cells do not); HTML markup pasted
 * from a web page («<p>…</p>», «&nbsp;») read as the text it stands for.
 */
function fastText(v: CellValue | undefined): string {
  if (typeof v === "string") {
    const t = v.trim();
    return t.charCodeAt(0) === 35 ? cellText(t) : markupToText(t);
  }
  return cellText(v);
}

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
    let budget = 200_000;
    for (const m of this.merges) {
      this.mergeByTopLeft.set(`${m.top},${m.left}`, m);
      // Cells under the top row of a vertical merge (capped: a hostile merge may cover a whole column).
      if (m.bottom > m.top && budget > 0) {
        for (let r = m.top + 1; r <= Math.min(m.bottom, m.top + 500); r++) {
          for (let c = m.left; c <= Math.min(m.right, m.left + 50); c++) {
            this.underMerge.set(`${r},${c}`, m);
            budget--;
          }
        }
      }
    }
  }

  private readonly underMerge = new Map<string, CellRange>();

  /** The vertical merge whose top row is above (r, c) and which covers it, if any. */
  mergeFromAbove(r: number, c: number): CellRange | null {
    return this.underMerge.get(`${r},${c}`) ?? null;
  }

  value(r: number, c: number): CellValue {
    return cellAt(this.sheet, r, c);
  }

  /** Trimmed text; error values (#REF!) and booleans read as empty. */
  text(r: number, c: number): string {
    return fastText(this.value(r, c));
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
    for (let c = Math.max(0, left); c <= end; c++) if (fastText(row[c]) !== "") out.push(c);
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
