/**
 * Excel Tables (ListObjects) in ExcelJS: read as the grid's GridTable, moved by inserted columns and grown by
 * `extendTable`, with the semantics of src/domain/plan/tables.ts. ExcelJS writes a table's XML from its model
 * (`tableRef`, `autoFilterRef`, `columns`) and never from the cells, so both are kept equal here: a file whose
 * table ref, filter ref, column count or names disagree with the header cells is "repaired" by Excel.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import type { EditOp } from "../domain/edit-plan";
import { a1, parseA1, rangeA1, type CellRange, type GridTable } from "../domain/grid";
import {
  filterRange,
  findTable,
  tableAfterInsert,
  tableExtended,
  type HeaderCell,
} from "../domain/plan/tables";

/** The parts of ExcelJS's table model we read and write (loaded tables and `addTable` ones alike). */
export interface TableModel {
  name: string;
  /** The whole table (ExcelJS renders `ref` of the XML from this). */
  tableRef?: string;
  /** Top-left cell of a table made by `addTable`. */
  ref?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name: string; filterButton?: boolean; [k: string]: unknown }[];
  [k: string]: unknown;
}

function tableModels(ws: ExcelJS.Worksheet): TableModel[] {
  const tables = (ws as unknown as { tables?: Record<string, { model?: TableModel; table?: TableModel }> })
    .tables;
  return Object.values(tables ?? {})
    .map((t) => t.model ?? t.table)
    .filter((m): m is TableModel => Boolean(m?.name));
}

export function gridTableOf(m: TableModel): GridTable | null {
  const range = parseA1(m.tableRef ?? "") ?? null;
  if (!range) return null;
  return {
    name: m.name,
    range,
    columns: (m.columns ?? []).map((c) => String(c.name ?? "")),
    showHeaders: m.headerRow !== false,
    showTotals: m.totalsRow === true,
  };
}

/** The sheet's tables as the grid carries them. */
export function readTables(ws: ExcelJS.Worksheet): GridTable[] {
  return tableModels(ws)
    .map(gridTableOf)
    .filter((t): t is GridTable => t !== null);
}

/** The model changed to match `t` (range, filter range, columns; new columns get a filter button like Excel's). */
function updateModel(m: TableModel, t: GridTable): void {
  m.tableRef = rangeA1(t.range);
  if (m.ref !== undefined) m.ref = a1(t.range.top, t.range.left);
  // A table's filter covers header and body; a table without one stays without (see dropTableFiltersWithoutRef).
  if (m.autoFilterRef) m.autoFilterRef = rangeA1(filterRange(t));
  const old = new Map((m.columns ?? []).map((c) => [c.name, c]));
  m.columns = t.columns.map(
    (name) => old.get(name) ?? { name, filterButton: true, totalsRowFunction: "none" },
  );
}

function writeHeaders(ws: ExcelJS.Worksheet, headers: HeaderCell[]): void {
  for (const h of headers) ws.getCell(h.row + 1, h.col + 1).value = h.name;
}

/** Sheet columns inserted before `col`: every table moves or grows (the model is changed in place). */
export function moveTableModels(models: TableModel[], col: number, count: number): HeaderCell[] {
  const headers: HeaderCell[] = [];
  for (const m of models) {
    const t = gridTableOf(m);
    if (!t) continue;
    const moved = tableAfterInsert(t, col, count);
    updateModel(m, moved.table);
    headers.push(...moved.headers);
  }
  return headers;
}

/** Whole rows deleted: each table keeps its remaining rows (`span`), and goes with the last of them. */
export function mapTableModels(models: TableModel[], span: (r: CellRange) => CellRange | null): TableModel[] {
  return models.flatMap((m) => {
    const t = gridTableOf(m);
    if (!t) return [m];
    const range = span(t.range);
    if (!range) return [];
    const copy = structuredClone(m);
    updateModel(copy, { ...t, range });
    return [copy];
  });
}

export function writeTableHeaders(ws: ExcelJS.Worksheet, headers: HeaderCell[]): void {
  writeHeaders(ws, headers);
}

/** The op `extendTable` (validated before: the table exists, the cells taken in are empty). */
export function extendTable(ws: ExcelJS.Worksheet, op: Extract<EditOp, { op: "extendTable" }>): void {
  const models = tableModels(ws);
  const t = findTable(
    models.map(gridTableOf).filter((x): x is GridTable => x !== null),
    op.table,
  );
  const m = t && models.find((x) => x.name === t.name);
  if (!t || !m) return;
  const grown = tableExtended(t, op.columns);
  updateModel(m, grown.table);
  writeHeaders(ws, grown.headers);
}

/** Tables of every sheet, for the shared preflight. */
export function tableFacts(wb: ExcelJS.Workbook): (GridTable & { sheet: string })[] {
  return wb.worksheets.flatMap((ws) => readTables(ws).map((t) => ({ ...t, sheet: ws.name })));
}

/** A table without a filter (its buttons turned off in Excel) has no autoFilterRef after ExcelJS reads it. */
export function hasTableWithoutFilter(wb: ExcelJS.Workbook): boolean {
  return wb.worksheets.some((ws) => tableModels(ws).some((m) => !m.autoFilterRef));
}

/**
 * ExcelJS writes an <autoFilter> into every table part, without `ref` for a table that has none: the schema
 * requires `ref`, so Excel would "repair" the file. Such elements are dropped; the table stays without a filter.
 */
export async function dropTableFiltersWithoutRef(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const refless = /<autoFilter(?![^>]*\sref=)[^>]*?(?:\/>|>[\s\S]*?<\/autoFilter>)/g;
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    const out = xml.replace(refless, "");
    if (out === xml) continue;
    zip.file(name, out);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

/**
 * Cells written over a table's header row rename its columns, as Excel does when a header is typed: the name is
 * the cell's text (an empty header becomes «СтолбецN», a repeated one gets a number), and the cell holds it as
 * text. Left as they were, names and header cells would disagree and Excel would "repair" the file.
 */
export function renameTableColumns(ws: ExcelJS.Worksheet, range: CellRange): void {
  for (const m of tableModels(ws)) {
    const t = gridTableOf(m);
    if (!t || !t.showHeaders || !m.columns) continue;
    const top = t.range.top;
    if (top < range.top || top > range.bottom) continue;
    const from = Math.max(range.left, t.range.left);
    const to = Math.min(range.right, t.range.right);
    for (let c = from; c <= to; c++) {
      const i = c - t.range.left;
      const column = m.columns[i];
      if (!column) continue;
      const cell = ws.getCell(top + 1, c + 1);
      const others = new Set(m.columns.filter((_, j) => j !== i).map((x) => String(x.name).toLowerCase()));
      const base = cell.text.trim() || `Столбец${i + 1}`;
      let name = base;
      for (let n = 2; others.has(name.toLowerCase()); n++) name = `${base}${n}`;
      column.name = name;
      if (cell.value !== name) cell.value = name;
    }
  }
}
