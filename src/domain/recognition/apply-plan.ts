/**
 * Apply an EditPlan to a plain WorkbookGrid (pure; the input is not modified). For tests and the browser
 * preview: the same semantics the host adapters implement (copy after the original, delete rows bottom-up,
 * merges shifted with their rows).
 */
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../grid";
import type { EditOp, EditPlan } from "../edit-plan";

function cloneSheet(s: SheetGrid, name = s.name): SheetGrid {
  return {
    name,
    // Array.from, not map: a sparse rows array (missing rows) must become real empty rows, or deleting rows
    // later would shift everything below a hole.
    rows: Array.from(s.rows, (row) => (row ? Array.from(row, (v) => (v === undefined ? null : v)) : [])),
    merges: (s.merges ?? []).map((m) => ({ ...m })),
    hiddenRows: [...(s.hiddenRows ?? [])],
    hiddenColumns: [...(s.hiddenColumns ?? [])],
    protected: s.protected,
  };
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

function deleteRows(s: SheetGrid, rows: number[]): void {
  const del = [...new Set(rows)].filter((r) => r >= 0).sort((a, b) => a - b);
  if (del.length === 0) return;
  const gone = new Set(del);
  // Rows deleted above r (binary search in the sorted list).
  const shift = (r: number) => {
    let lo = 0;
    let hi = del.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (del[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return r - lo;
  };
  s.rows = s.rows.filter((_, i) => !gone.has(i));
  const merges: CellRange[] = [];
  for (const m of s.merges) {
    let kept = 0;
    for (let r = m.top; r <= m.bottom; r++) if (!gone.has(r)) kept++;
    if (kept === 0) continue;
    let top = m.top;
    while (gone.has(top)) top++;
    const nm = { top: shift(top), bottom: shift(top) + kept - 1, left: m.left, right: m.right };
    if (nm.bottom > nm.top || nm.right > nm.left) merges.push(nm);
  }
  s.merges = merges;
  s.hiddenRows = s.hiddenRows.filter((r) => !gone.has(r)).map(shift);
}

function setValues(s: SheetGrid, row: number, col: number, values: CellValue[][]): void {
  values.forEach((vals, i) => {
    const r = row + i;
    while (s.rows.length <= r) s.rows.push([]);
    const target = s.rows[r] ?? (s.rows[r] = []);
    vals.forEach((v, j) => {
      while (target.length < col + j) target.push(null);
      target[col + j] = v;
    });
  });
}

function applyOp(wb: WorkbookGrid, op: EditOp): void {
  const idx = wb.sheets.findIndex((s) => s.name === op.sheet);
  const sheet = idx >= 0 ? wb.sheets[idx] : undefined;
  switch (op.op) {
    case "copySheet":
      if (sheet && !wb.sheets.some((s) => s.name === op.newName)) {
        wb.sheets.splice(idx + 1, 0, cloneSheet(sheet, op.newName));
      }
      return;
    case "addSheet":
      if (!sheet) {
        wb.sheets.push({
          name: op.sheet,
          rows: [],
          merges: [],
          hiddenRows: [],
          hiddenColumns: [],
          protected: false,
        });
      }
      return;
    case "setValues":
      if (sheet) setValues(sheet, op.row, op.col, op.values);
      return;
    case "deleteRows":
      if (sheet) deleteRows(sheet, op.rows);
      return;
    case "unmerge":
      if (sheet) sheet.merges = sheet.merges.filter((m) => !intersects(m, op.range));
      return;
    case "setListValidation":
    case "setColumnWidths":
      // Formatting only: a grid has nothing to change.
      return;
  }
}

export function applyPlanToGrid(plan: EditPlan, wb: WorkbookGrid): WorkbookGrid {
  const out: WorkbookGrid = { sheets: wb.sheets.map((s) => cloneSheet(s)) };
  for (const op of plan.ops) applyOp(out, op);
  return out;
}
