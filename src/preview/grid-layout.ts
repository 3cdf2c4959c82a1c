/** Pure layout of the preview's grid view: what to render, merged spans, widths, selection cells. */
import { cellText, parseA1, sheetWidth, type SheetGrid } from "../domain/grid";

export const MAX_ROWS = 500;
export const MAX_COLS = 60;

export interface GridLayout {
  rowCount: number;
  colCount: number;
  /** Rows in the sheet beyond what is rendered (0 when all are shown). */
  hiddenByCap: number;
  widths: number[];
  /** "r,c" of a merge's top-left → its span (clipped to what is rendered). */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** "r,c" of a cell covered by a merge → its top-left "r,c". */
  covered: Map<string, string>;
}

export const key = (r: number, c: number) => `${r},${c}`;

/**
 * A width the file stores (Excel's unit: characters of the default font, padding included) in pixels, by the
 * OOXML formula for a 7-pixel maximum digit width (Calibri 11): 9.140625 → 64 px, Excel's default column.
 */
export function excelWidthToPx(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
}

/**
 * `fileWidths`: the widths the file sets per column, in pixels (undefined where it sets none); a column
 * without one is sized to its longest text, as before.
 */
export function layoutSheet(
  sheet: SheetGrid,
  maxRows = MAX_ROWS,
  maxCols = MAX_COLS,
  fileWidths: readonly (number | undefined)[] = [],
): GridLayout {
  let lastRow = sheet.rows.length;
  for (const m of sheet.merges) lastRow = Math.max(lastRow, m.bottom + 1);
  let width = sheetWidth(sheet);
  for (const m of sheet.merges) width = Math.max(width, m.right + 1);
  const rowCount = Math.min(Math.max(lastRow, 1), maxRows);
  const colCount = Math.min(Math.max(width, 1), maxCols);

  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Map<string, string>();
  for (const m of sheet.merges) {
    if (m.top >= rowCount || m.left >= colCount) continue;
    const bottom = Math.min(m.bottom, rowCount - 1);
    const right = Math.min(m.right, colCount - 1);
    const owner = key(m.top, m.left);
    if (spans.has(owner) || covered.has(owner)) continue; // overlapping merges in a broken file: first wins
    spans.set(owner, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++)
      for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) covered.set(key(r, c), owner);
  }

  const widths: number[] = [];
  for (let c = 0; c < colCount; c++) {
    const given = fileWidths[c];
    if (given !== undefined && given > 0) {
      widths.push(Math.max(24, Math.min(800, given)));
      continue;
    }
    let longest = 0;
    for (let r = 0; r < rowCount; r++) {
      if ((spans.get(key(r, c))?.colSpan ?? 1) > 1) continue; // a merged title does not widen its first column
      const text = cellText(sheet.rows[r]?.[c] ?? null);
      if (text.length > longest) longest = text.length;
    }
    widths.push(Math.max(56, Math.min(280, Math.round(longest * 7.2) + 16)));
  }
  return { rowCount, colCount, hiddenByCap: Math.max(0, lastRow - rowCount), widths, spans, covered };
}

/**
 * The rendered cells ("r,c") an address covers, each mapped to the cell that is drawn (a merge's top-left).
 * Large ranges are bounded so a whole-column address cannot freeze the page.
 */
export function cellsOf(address: string, layout: GridLayout): Set<string> {
  const range = parseA1(address);
  const out = new Set<string>();
  if (!range) return out;
  const bottom = Math.min(range.bottom, layout.rowCount - 1);
  const right = Math.min(range.right, layout.colCount - 1);
  for (let r = range.top; r <= bottom; r++)
    for (let c = range.left; c <= right; c++) out.add(layout.covered.get(key(r, c)) ?? key(r, c));
  return out;
}

/** "roadmap.xlsx" → "roadmap-обработано.xlsx". */
export function resultFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "") || "книга";
  return `${base}-обработано.xlsx`;
}

/**
 * The cell an arrow key (or Tab) reaches from the drawn cell (r, c), as Excel moves: a merge is one cell, so
 * leaving it skips its covered cells; the edge of what is rendered stops the move. Returns the drawn cell.
 */
export function stepFrom(
  layout: GridLayout,
  r: number,
  c: number,
  dr: number,
  dc: number,
): { row: number; col: number } {
  const span = layout.spans.get(key(r, c));
  let row = dr > 0 ? r + (span?.rowSpan ?? 1) : r + dr;
  let col = dc > 0 ? c + (span?.colSpan ?? 1) : c + dc;
  if (row < 0 || col < 0 || row >= layout.rowCount || col >= layout.colCount) return { row: r, col: c };
  const owner = layout.covered.get(key(row, col));
  if (owner) [row, col] = owner.split(",").map(Number);
  return { row, col };
}
