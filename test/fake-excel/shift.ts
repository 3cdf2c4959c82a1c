/**
 * What Excel does on Range.insert("Right") of whole columns: cells move right; merges, conditional formats,
 * validations, names and print areas that span the insertion point grow; formulas everywhere follow the moved
 * cells; the new cells take the format of the column on their left (Excel's default «Format Same As Left»).
 * Reference rewriting reuses the domain's A1 shifter, itself pinned by hand-written tests (test/domain).
 */
import { a1, parseA1 } from "../../src/domain/grid";
import { shiftFormulaColumns, shiftRangeColumns } from "../../src/domain/plan/references";
import { tableAfterInsert } from "../../src/domain/plan/tables";
import type { FakeCell, FakeSheetState, FakeWorkbookState } from "./world";

const FORMAT_KEYS = ["numberFormat", "fill", "bold", "fontColor", "wrap", "borders", "locked"] as const;

export function insertShiftRight(
  wb: FakeWorkbookState,
  sheet: FakeSheetState,
  col: number,
  count: number,
): void {
  for (const row of sheet.cells.values()) {
    const moved = [...row.entries()].filter(([c]) => c >= col).sort((a, b) => b[0] - a[0]);
    for (const [c, cell] of moved) {
      row.delete(c);
      row.set(c + count, cell);
    }
    const left = col > 0 ? row.get(col - 1) : undefined;
    if (!left) continue;
    const format: Partial<FakeCell> = {};
    for (const k of FORMAT_KEYS)
      if (left[k] !== undefined) (format as Record<string, unknown>)[k] = structuredClone(left[k]);
    if (Object.keys(format).length === 0) continue;
    for (let c = col; c < col + count; c++) row.set(c, { value: "", ...structuredClone(format) });
  }
  const grow = <T extends { top: number; left: number; bottom: number; right: number }>(r: T) =>
    shiftRangeColumns(r, col, count) as T;
  sheet.merges = sheet.merges.map(grow);
  sheet.conditionalFormats = sheet.conditionalFormats.map((cf) => ({ ...cf, range: grow(cf.range) }));
  sheet.validations = sheet.validations.map((v) => ({ ...v, range: grow(v.range) }));
  const hidden = [...sheet.hiddenColumns];
  sheet.hiddenColumns.clear();
  for (const c of hidden) sheet.hiddenColumns.add(c >= col ? c + count : c);
  const widths = [...sheet.columnWidths];
  sheet.columnWidths.clear();
  for (const [c, w] of widths) sheet.columnWidths.set(c >= col ? c + count : c, w);
  // A chart over cells moves and resizes with them (Excel's default placement).
  sheet.charts = sheet.charts.map((ch) => {
    const at = grow(parseA1(`${ch.from}:${ch.to}`)!);
    return { ...ch, data: grow(ch.data), from: a1(at.top, at.left), to: a1(at.bottom, at.right) };
  });
  // A table right of the insertion moves; one cut through grows by «СтолбецN» columns, header cells written.
  for (const t of sheet.tables) {
    const moved = tableAfterInsert(t, col, count);
    Object.assign(t, { range: moved.table.range, columns: moved.table.columns });
    for (const h of moved.headers) {
      const cell = sheet.cellForWrite(h.row, h.col);
      delete cell.formula;
      cell.value = h.name;
    }
  }
  if (sheet.pageLayout?.printArea) sheet.pageLayout.printArea = grow(sheet.pageLayout.printArea);
  wb.names = wb.names.map((n) => (n.sheetUid === sheet.uid ? { ...n, rect: grow(n.rect) } : n));
  for (const other of wb.sheets) {
    for (const row of other.cells.values())
      for (const cell of row.values())
        if (cell.formula)
          cell.formula = shiftFormulaColumns(cell.formula, other.name, sheet.name, col, count);
    for (const cf of other.conditionalFormats)
      if (cf.formula) cf.formula = shiftFormulaColumns(cf.formula, other.name, sheet.name, col, count);
  }
}
