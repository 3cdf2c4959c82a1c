/**
 * Excel Tables (ListObjects) under the EditPlan ops, once for every host: how a table moves or grows when sheet
 * columns are inserted, and what `extendTable` makes of it. Excel keeps a table's column names equal to its header
 * cells; a file whose names and header cells differ is "repaired" by Excel, so both are always changed together.
 */
import type { CellRange, GridTable } from "../grid";
import { shiftRangeColumns } from "./references";

/** The name Excel (Russian) gives a column it creates itself: the first «СтолбецN» the table does not have. */
export function generatedColumnNames(existing: string[], count: number): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const out: string[] = [];
  for (let n = 1; out.length < count; n++) {
    const name = `Столбец${n}`;
    if (taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** A header cell a host must write so that header and column name stay equal. */
export interface HeaderCell {
  row: number;
  col: number;
  name: string;
}

/**
 * The table after `count` sheet columns were inserted before `col`: moved right when the insertion is at or left of
 * its first column, grown by generated columns when it is inside, unchanged when it is right of it.
 */
export function tableAfterInsert(
  t: GridTable,
  col: number,
  count: number,
): { table: GridTable; headers: HeaderCell[] } {
  const range: CellRange = shiftRangeColumns(t.range, col, count);
  if (!(t.range.left < col && col <= t.range.right)) return { table: { ...t, range }, headers: [] };
  const names = generatedColumnNames(t.columns, count);
  const at = col - t.range.left;
  const columns = [...t.columns.slice(0, at), ...names, ...t.columns.slice(at)];
  const headers = t.showHeaders ? names.map((name, i) => ({ row: t.range.top, col: col + i, name })) : [];
  return { table: { ...t, range, columns }, headers };
}

/** The table grown by `names` on its right (the op `extendTable`), and the header cells to write. */
export function tableExtended(t: GridTable, names: string[]): { table: GridTable; headers: HeaderCell[] } {
  const left = t.range.right + 1;
  const table = {
    ...t,
    range: { ...t.range, right: t.range.right + names.length },
    columns: [...t.columns, ...names],
  };
  const headers = t.showHeaders ? names.map((name, i) => ({ row: t.range.top, col: left + i, name })) : [];
  return { table, headers };
}

/** The rows a table's filter covers: header and body, not the totals row (the file's autoFilter ref). */
export function filterRange(t: GridTable): CellRange {
  return t.showTotals ? { ...t.range, bottom: t.range.bottom - 1 } : t.range;
}

export function findTable(tables: GridTable[] | undefined, name: string): GridTable | undefined {
  const lower = name.toLowerCase();
  return tables?.find((t) => t.name.toLowerCase() === lower);
}
