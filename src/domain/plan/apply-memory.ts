/**
 * The in-memory host: an EditPlan applied to a workbook held as plain data (pure; inputs are not modified). For
 * tests, the browser preview's dry runs and the conformance suite, which holds the .xlsx and Office.js hosts to
 * these same semantics:
 * - a sheet copy goes right after the original (its tables are not duplicated: table names are unique in a
 *   workbook); rows are deleted bottom-up, merges, tables and conditional formats shortened or dropped with their rows (formulas are not rewritten on row deletion, as before);
 * - inserted columns shift cells, merges, conditional formats, names and formulas right, as Excel does; a range
 *   spanning the insertion point grows; the new cells take the format (number format, style, lock) of the cell
 *   on their left, and a validation where their left and right neighbours share it;
 * - a null in setValues clears the cell, a null in setFormulas leaves it; numberFormat applies to the cells given;
 * - deleting a sheet drops the names that point into it;
 * - Excel Tables move with inserted columns, and grow (by «СтолбецN» columns) when the insertion is inside them;
 *   extendTable grows one on its right, header cells and column names always equal (./tables.ts).
 * Values live in grid rows (so a WorkbookGrid passes through unchanged in shape); everything else per cell.
 */
import { a1, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from "../grid";
import type { EditOp, EditPlan } from "../edit-plan";
import { shiftFormulaColumns, shiftRangeColumns, defaultValidationMessage } from "./references";
import {
  emptyModelSheet,
  quoteSheetName,
  rangeRef,
  splitSheetRef,
  type ModelCell,
  type ModelSheet,
  type ModelWorkbook,
  type SheetVisibility,
} from "./workbook-model";
import { parseA1 } from "../grid";
import { findTable, tableAfterInsert, tableExtended, type HeaderCell } from "./tables";

type Attrs = Omit<ModelCell, "value">;

interface MemSheet {
  grid: SheetGrid;
  visibility: SheetVisibility;
  /** "r,c" → everything but the value. */
  attrs: Map<string, Attrs>;
  rest: Pick<ModelSheet, "conditionalFormats" | "freeze" | "layout" | "charts" | "autoFilter">;
}

interface MemWorkbook {
  sheets: MemSheet[];
  names: Record<string, string>;
}

const key = (r: number, c: number) => `${r},${c}`;
const unkey = (k: string) => k.split(",").map(Number) as [number, number];

function cloneGrid(s: SheetGrid, name = s.name): SheetGrid {
  return {
    name,
    // Array.from, not map: a sparse rows array (missing rows) must become real empty rows, or deleting rows
    // later would shift everything below a hole.
    rows: Array.from(s.rows, (row) => (row ? Array.from(row, (v) => (v === undefined ? null : v)) : [])),
    merges: (s.merges ?? []).map((m) => ({ ...m })),
    hiddenRows: [...(s.hiddenRows ?? [])],
    hiddenColumns: [...(s.hiddenColumns ?? [])],
    protected: s.protected,
    ...(s.tables ? { tables: structuredClone(s.tables) } : {}),
  };
}

function cloneMem(s: MemSheet, name = s.grid.name): MemSheet {
  return {
    grid: cloneGrid(s.grid, name),
    visibility: s.visibility,
    attrs: new Map([...s.attrs].map(([k, v]) => [k, structuredClone(v)])),
    rest: structuredClone(s.rest),
  };
}

function memSheet(grid: SheetGrid, visibility: SheetVisibility = "visible"): MemSheet {
  return {
    grid,
    visibility,
    attrs: new Map(),
    rest: { conditionalFormats: [], freeze: null, layout: null, charts: [] },
  };
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

function eachCell(r: CellRange, f: (row: number, col: number) => void): void {
  for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) f(i, j);
}

function attrsAt(s: MemSheet, r: number, c: number): Attrs {
  let a = s.attrs.get(key(r, c));
  if (!a) s.attrs.set(key(r, c), (a = {}));
  return a;
}

function setValue(s: MemSheet, r: number, c: number, v: CellValue): void {
  const rows = s.grid.rows;
  while (rows.length <= r) rows.push([]);
  const target = rows[r] ?? (rows[r] = []);
  while (target.length < c) target.push(null);
  target[c] = v;
}

// ------------------------------------------------------------------------------------------------ deleteRows

function deleteRows(wb: MemWorkbook, s: MemSheet, rows: number[]): void {
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
  const span = (m: CellRange): CellRange | null => {
    let kept = 0;
    for (let r = m.top; r <= m.bottom; r++) if (!gone.has(r)) kept++;
    if (kept === 0) return null;
    let top = m.top;
    while (gone.has(top)) top++;
    return { top: shift(top), bottom: shift(top) + kept - 1, left: m.left, right: m.right };
  };
  const g = s.grid;
  g.rows = g.rows.filter((_, i) => !gone.has(i));
  g.merges = g.merges
    .map(span)
    .filter((m): m is CellRange => m !== null && (m.bottom > m.top || m.right > m.left));
  g.hiddenRows = g.hiddenRows.filter((r) => !gone.has(r)).map(shift);
  const attrs = new Map<string, Attrs>();
  for (const [k, v] of s.attrs) {
    const [r, c] = unkey(k);
    if (!gone.has(r)) attrs.set(key(shift(r), c), v);
  }
  s.attrs = attrs;
  s.rest.conditionalFormats = s.rest.conditionalFormats.flatMap((cf) => {
    const r = parseA1(cf.ref);
    const m = r && span(r);
    return m ? [{ ...cf, ref: rangeRef(m) }] : [];
  });
  // A table keeps its remaining rows (gone with the last of them), as a merge does.
  if (g.tables)
    g.tables = g.tables.flatMap((t) => {
      const range = span(t.range);
      return range ? [{ ...t, range }] : [];
    });
  mapNames(wb, g.name, span);
}

function mapNames(wb: MemWorkbook, sheet: string, f: (r: CellRange) => CellRange | null): void {
  for (const [name, ref] of Object.entries(wb.names)) {
    const at = splitSheetRef(ref);
    if (!at || at.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    const r = parseA1(at.ref);
    const m = r && f(r);
    if (m) wb.names[name] = `${quoteSheetName(at.sheet)}!${rangeRef(m)}`;
    else delete wb.names[name];
  }
}

// ------------------------------------------------------------------------------------------------ insertColumns

function insertColumns(wb: MemWorkbook, s: MemSheet, col: number, count: number): void {
  const g = s.grid;
  for (const row of g.rows)
    if (row && row.length > col) row.splice(col, 0, ...Array<CellValue>(count).fill(null));
  const moved = new Map<string, Attrs>();
  for (const [k, v] of s.attrs) {
    const [r, c] = unkey(k);
    moved.set(key(r, c >= col ? c + count : c), v);
  }
  // The new cells: the format of their left neighbour, and a validation both neighbours share.
  const rowsWithAttrs = new Set([...moved.keys()].map((k) => unkey(k)[0]));
  for (const r of rowsWithAttrs) {
    const left = col > 0 ? moved.get(key(r, col - 1)) : undefined;
    const right = moved.get(key(r, col + count));
    const inherited: Attrs = {};
    if (left?.numberFormat !== undefined) inherited.numberFormat = left.numberFormat;
    if (left?.style) inherited.style = { ...left.style };
    if (left?.locked === false) inherited.locked = false;
    if (
      left?.validation &&
      right?.validation &&
      JSON.stringify(left.validation) === JSON.stringify(right.validation)
    )
      inherited.validation = structuredClone(left.validation);
    if (Object.keys(inherited).length === 0) continue;
    for (let c = col; c < col + count; c++) moved.set(key(r, c), structuredClone(inherited));
  }
  s.attrs = moved;
  const grow = (r: CellRange) => shiftRangeColumns(r, col, count);
  g.merges = g.merges.map(grow);
  g.hiddenColumns = g.hiddenColumns.map((c) => (c >= col ? c + count : c));
  s.rest.conditionalFormats = s.rest.conditionalFormats.map((cf) => ({
    ...cf,
    ref: rangeRef(grow(parseA1(cf.ref) as CellRange)),
  }));
  if (s.rest.layout?.printArea)
    s.rest.layout.printArea = rangeRef(grow(parseA1(s.rest.layout.printArea) as CellRange));
  s.rest.charts = s.rest.charts.map((ch) => ({
    ...ch,
    data: rangeRef(grow(parseA1(ch.data) as CellRange)),
    anchor: rangeRef(grow(parseA1(ch.anchor) as CellRange)),
  }));
  if (g.tables) {
    g.tables = g.tables.map((t) => {
      const moved = tableAfterInsert(t, col, count);
      writeHeaders(s, moved.headers);
      return moved.table;
    });
  }
  mapNames(wb, g.name, grow);
  // Every formula of the workbook that points at the moved cells follows them.
  for (const other of wb.sheets) {
    const home = other.grid.name;
    for (const a of other.attrs.values())
      if (a.formula) a.formula = shiftFormulaColumns(a.formula, home, g.name, col, count);
    for (const cf of other.rest.conditionalFormats)
      cf.formula = shiftFormulaColumns(cf.formula, home, g.name, col, count);
  }
}

function writeHeaders(s: MemSheet, headers: HeaderCell[]): void {
  for (const h of headers) {
    setValue(s, h.row, h.col, h.name);
    const a = s.attrs.get(key(h.row, h.col));
    if (a) delete a.formula;
  }
}

// ------------------------------------------------------------------------------------------------ ops

function applyOp(wb: MemWorkbook, op: EditOp): void {
  const idx = wb.sheets.findIndex((s) => s.grid.name.toLowerCase() === op.sheet.toLowerCase());
  const s = idx >= 0 ? wb.sheets[idx] : undefined;
  if (op.op === "addSheet") {
    if (!s) wb.sheets.push(memSheet(cloneGrid({ ...emptyGrid(op.sheet) }), op.hidden ?? "visible"));
    return;
  }
  if (!s) return;
  switch (op.op) {
    case "copySheet":
      if (!wb.sheets.some((x) => x.grid.name.toLowerCase() === op.newName.toLowerCase())) {
        const copy = cloneMem(s, op.newName);
        // Table names are unique in a workbook: the copy's cells stay, its tables are not duplicated.
        delete copy.grid.tables;
        wb.sheets.splice(idx + 1, 0, copy);
      }
      return;
    case "deleteSheet":
      wb.sheets.splice(idx, 1);
      mapNames(wb, s.grid.name, () => null);
      return;
    case "setSheetVisibility":
      s.visibility = op.visibility;
      return;
    case "setValues":
      op.values.forEach((vals, i) =>
        vals?.forEach((v, j) => {
          const r = op.row + i;
          const c = op.col + j;
          setValue(s, r, c, v ?? null);
          const a = s.attrs.get(key(r, c));
          if (a) delete a.formula;
          if (op.numberFormat !== undefined) attrsAt(s, r, c).numberFormat = op.numberFormat;
        }),
      );
      return;
    case "setFormulas":
      op.formulas.forEach((fs, i) =>
        fs?.forEach((f, j) => {
          if (f === null) return;
          const r = op.row + i;
          const c = op.col + j;
          if (s.grid.rows[r]?.[c] !== undefined) setValue(s, r, c, null);
          const a = attrsAt(s, r, c);
          a.formula = f;
          if (op.numberFormat !== undefined) a.numberFormat = op.numberFormat;
        }),
      );
      return;
    case "deleteRows":
      return deleteRows(wb, s, op.rows);
    case "insertColumns":
      return insertColumns(wb, s, op.col, op.count);
    case "unmerge":
      s.grid.merges = s.grid.merges.filter((m) => !intersects(m, op.range));
      return;
    case "merge":
      s.grid.merges = s.grid.merges.filter((m) => !intersects(m, op.range));
      s.grid.merges.push({ ...op.range });
      return;
    case "setListValidation":
    case "setValidation": {
      const rule = op.op === "setListValidation" ? { kind: "list" as const, list: [...op.list] } : op.rule;
      const message = (op.op === "setValidation" ? op.message : undefined) ?? defaultValidationMessage(rule);
      eachCell(op.range, (r, c) => (attrsAt(s, r, c).validation = { rule: structuredClone(rule), message }));
      return;
    }
    case "addConditionalFormat":
      s.rest.conditionalFormats.push({
        ref: rangeRef(op.range),
        formula: op.formula,
        fill: op.fill.toUpperCase(),
        ...(op.fontColor ? { fontColor: op.fontColor.toUpperCase() } : {}),
      });
      return;
    case "removeConditionalFormats":
      s.rest.conditionalFormats = s.rest.conditionalFormats.filter((cf) => !cf.formula.includes(op.marker));
      return;
    case "setHyperlink": {
      setValue(s, op.row, op.col, op.text);
      const a = attrsAt(s, op.row, op.col);
      delete a.formula;
      a.hyperlink = op.target;
      return;
    }
    case "setDefinedName":
      for (const name of Object.keys(wb.names))
        if (name.toLowerCase() === op.name.toLowerCase()) delete wb.names[name];
      wb.names[op.name] = `${quoteSheetName(s.grid.name)}!${rangeRef(op.range)}`;
      return;
    case "setLocked":
      eachCell(op.range, (r, c) => {
        const a = attrsAt(s, r, c);
        if (op.locked) delete a.locked;
        else a.locked = false;
      });
      return;
    case "protectSheet":
      s.grid.protected = true;
      return;
    case "freezePanes":
      s.rest.freeze = op.rows || op.cols ? { rows: op.rows, cols: op.cols } : null;
      return;
    case "setAutoFilter":
      s.rest.autoFilter = rangeRef(op.range);
      return;
    case "setPageLayout":
      s.rest.layout = {
        orientation: op.orientation,
        fitToWidth: op.fitToWidth,
        ...(op.printArea ? { printArea: rangeRef(op.printArea) } : {}),
        ...(op.repeatRows ? { repeatRows: { ...op.repeatRows } } : {}),
      };
      return;
    case "setStyle":
      eachCell(op.range, (r, c) => {
        const a = attrsAt(s, r, c);
        const style = { ...a.style };
        if (op.bold !== undefined) style.bold = op.bold;
        if (op.fill !== undefined) style.fill = op.fill.toUpperCase();
        if (op.wrap !== undefined) style.wrap = op.wrap;
        if (op.border !== undefined) style.border = op.border;
        if (op.fontColor !== undefined) style.fontColor = op.fontColor.toUpperCase();
        a.style = style;
      });
      return;
    case "addChart":
      s.rest.charts.push({
        type: op.type,
        data: rangeRef(op.data),
        anchor: rangeRef(op.anchor),
        title: op.title,
      });
      return;
    case "setColumnWidths":
      // Layout only: nothing the model compares.
      return;
    case "extendTable": {
      const t = findTable(s.grid.tables, op.table);
      if (!t || !s.grid.tables) return;
      const grown = tableExtended(t, op.columns);
      s.grid.tables[s.grid.tables.indexOf(t)] = grown.table;
      writeHeaders(s, grown.headers);
      return;
    }
  }
}

function emptyGrid(name: string): SheetGrid {
  return { name, rows: [], merges: [], hiddenRows: [], hiddenColumns: [], protected: false };
}

function run(plan: EditPlan, wb: MemWorkbook): MemWorkbook {
  for (const op of plan.ops) applyOp(wb, op);
  return wb;
}

/** The plan applied to plain grids: values, merges, hidden rows, protection and sheets change as in Excel. */
export function applyPlanToGrid(plan: EditPlan, wb: WorkbookGrid): WorkbookGrid {
  const mem = run(plan, { sheets: wb.sheets.map((s) => memSheet(cloneGrid(s))), names: {} });
  return { sheets: mem.sheets.map((s) => s.grid) };
}

/** The plan applied to the full workbook model (what the conformance suite compares). */
export function applyPlanToModel(plan: EditPlan, wb: ModelWorkbook): ModelWorkbook {
  const mem: MemWorkbook = {
    names: { ...wb.names },
    sheets: wb.sheets.map((ms) => {
      const s = memSheet(emptyGrid(ms.name), ms.visibility);
      s.grid.protected = ms.protected;
      s.grid.merges = ms.merges.map((m) => parseA1(m) as CellRange);
      s.grid.hiddenRows = [...(ms.hiddenRows ?? [])];
      s.grid.hiddenColumns = [...(ms.hiddenColumns ?? [])];
      if (ms.tables)
        s.grid.tables = ms.tables.map((t) => ({
          name: t.name,
          range: parseA1(t.ref) as CellRange,
          columns: [...t.columns],
          showHeaders: t.showHeaders,
          showTotals: t.showTotals,
        }));
      s.rest = structuredClone({
        conditionalFormats: ms.conditionalFormats,
        freeze: ms.freeze,
        layout: ms.layout,
        charts: ms.charts,
        ...(ms.autoFilter ? { autoFilter: ms.autoFilter } : {}),
      });
      for (const [address, cell] of Object.entries(ms.cells)) {
        const r = parseA1(address) as CellRange;
        const { value, ...attrs } = structuredClone(cell);
        if (value !== undefined && value !== null) setValue(s, r.top, r.left, value);
        if (Object.keys(attrs).length) s.attrs.set(key(r.top, r.left), attrs);
      }
      return s;
    }),
  };
  run(plan, mem);
  return {
    names: mem.names,
    sheets: mem.sheets.map((s) => {
      const out = emptyModelSheet(s.grid.name, s.visibility);
      out.protected = s.grid.protected;
      out.merges = s.grid.merges.map(rangeRef);
      if (s.grid.hiddenRows.length) out.hiddenRows = [...s.grid.hiddenRows];
      if (s.grid.hiddenColumns.length) out.hiddenColumns = [...s.grid.hiddenColumns];
      Object.assign(out, s.rest);
      if (s.grid.tables?.length)
        out.tables = s.grid.tables.map((t) => ({
          name: t.name,
          ref: rangeRef(t.range),
          columns: [...t.columns],
          showHeaders: t.showHeaders,
          showTotals: t.showTotals,
        }));
      s.grid.rows.forEach((row, r) =>
        row?.forEach((v, c) => {
          if (v !== null && v !== undefined && v !== "") out.cells[a1(r, c)] = { value: v };
        }),
      );
      for (const [k, attrs] of s.attrs) {
        const [r, c] = unkey(k);
        out.cells[a1(r, c)] = { ...out.cells[a1(r, c)], ...attrs };
      }
      return out;
    }),
  };
}
