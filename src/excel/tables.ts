/**
 * Reading Excel Tables (ListObjects) for the grid (ExcelApi 1.1): the list rides on a read's first round trip, each
 * table's range and column names on the next (a range is a method's result, not a loadable property).
 */
import { parseA1, type GridTable, type SheetGrid } from "../domain/grid";
import type { WorkbookFacts } from "../domain/plan/validate";

/** Queues every table with its sheet (ExcelApi 1.2) for the apply preflight; the result is read after the sync. */
export function queueTableFacts(context: Excel.RequestContext): () => NonNullable<WorkbookFacts["tables"]> {
  const tables = context.workbook.tables.load([
    "items/name",
    "items/showHeaders",
    "items/showTotals",
    "items/worksheet/name",
  ]);
  return () =>
    tables.items.map((t) => ({
      sheet: t.worksheet.name,
      name: t.name,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
    }));
}

/** «'Лист 1'!$A$6:$F$58» → { sheet: "Лист 1", address: "A6:F58" }; null when it is not one range. */
export function splitAddress(full: string): { sheet: string; address: string } | null {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const address = full.slice(bang + 1).replace(/\$/g, "");
  return sheet && parseA1(address) ? { sheet, address } : null;
}

export const TABLE_LIST = ["items/name", "items/showHeaders", "items/showTotals"];

interface TableDetails {
  table: Excel.Table;
  range: Excel.Range;
  columns: Excel.TableColumnCollection;
}

/** Queues each table's range and column names (ExcelApi 1.1). */
export function queueTableDetails(context: Excel.RequestContext, tables: Excel.Table[]): TableDetails[] {
  return tables.map((table) => {
    const item = context.workbook.tables.getItem(table.name);
    return {
      table,
      range: item.getRange().load("address"),
      columns: item.columns.load("items/name"),
    };
  });
}

/** Loaded details → the grid's tables, by sheet (the range's address names the sheet). */
export function tablesOf(details: TableDetails[]): Map<string, GridTable[]> {
  const out = new Map<string, GridTable[]>();
  for (const d of details) {
    const at = splitAddress(d.range.address);
    const range = at && parseA1(at.address);
    if (!at || !range) continue;
    const key = at.sheet.toLocaleLowerCase("ru");
    const list = out.get(key) ?? [];
    list.push({
      name: d.table.name,
      range,
      columns: d.columns.items.map((c) => c.name),
      showHeaders: d.table.showHeaders,
      showTotals: d.table.showTotals,
    });
    out.set(key, list);
  }
  return out;
}

export function withTables(grid: SheetGrid, tables: Map<string, GridTable[]>): SheetGrid {
  const mine = tables.get(grid.name.toLocaleLowerCase("ru"));
  return mine?.length ? { ...grid, tables: mine } : grid;
}
