/** Each host set up on a workbook with one empty sheet, a scenario applied, and the result as a model snapshot. */
import ExcelJS from "exceljs";
import { applyPlanToModel, emptyModelSheet, normaliseModel, type ModelWorkbook } from "../../src/domain/plan";
import { applyPlanToXlsx, workbookToBytes } from "../../src/xlsx/write";
import { BASE_SHEET, plan, type Scenario } from "./plans";
import { xlsxCharts, xlsxSnapshot } from "./snapshot-xlsx";
import { fakeSnapshot } from "./snapshot-fake";
import { ExcelWorkbookHost } from "../../src/excel/host";
import { a1, parseA1 } from "../../src/domain/grid";
import { FakeExcel } from "../fake-excel";

export function memoryResult(s: Scenario): ModelWorkbook {
  const base: ModelWorkbook = { sheets: [emptyModelSheet(BASE_SHEET)], names: {} };
  const before = applyPlanToModel(plan(s.setup), base);
  for (const t of s.tables ?? []) {
    const sheet = before.sheets.find((x) => x.name === t.sheet)!;
    const r = parseA1(t.address)!;
    const columns: string[] = [];
    for (let c = r.left; c <= r.right; c++) columns.push(String(sheet.cells[a1(r.top, c)]?.value ?? ""));
    (sheet.tables ??= []).push({
      name: t.name,
      ref: t.address,
      columns,
      showHeaders: true,
      showTotals: false,
    });
  }
  return normaliseModel(applyPlanToModel(plan(s.act), before));
}

/** An Excel Table over cells ExcelJS already holds (addTable writes the same values back). */
function addXlsxTable(wb: ExcelJS.Workbook, t: NonNullable<Scenario["tables"]>[number]): void {
  const ws = wb.getWorksheet(t.sheet)!;
  const r = parseA1(t.address)!;
  const value = (row: number, col: number) => {
    const v = ws.getCell(row + 1, col + 1).value;
    return v === undefined ? null : v;
  };
  const columns = [];
  for (let c = r.left; c <= r.right; c++) columns.push({ name: String(value(r.top, c)), filterButton: true });
  const rows = [];
  for (let row = r.top + 1; row <= r.bottom; row++) {
    const cells = [];
    for (let c = r.left; c <= r.right; c++) cells.push(value(row, c));
    rows.push(cells);
  }
  ws.addTable({ name: t.name, ref: a1(r.top, r.left), headerRow: true, columns, rows });
}

export interface XlsxRun {
  snapshot: ModelWorkbook;
  notices: string[];
  bytes: Uint8Array;
}

/** Applied with ExcelJS, written to a file and read back (what a user downloads). */
export async function xlsxResult(s: Scenario): Promise<XlsxRun> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(BASE_SHEET);
  applyPlanToXlsx(wb, plan(s.setup));
  for (const t of s.tables ?? []) addXlsxTable(wb, t);
  const notices = applyPlanToXlsx(wb, plan(s.act));
  const bytes = await workbookToBytes(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  const snapshot = xlsxSnapshot(back);
  const charts = await xlsxCharts(bytes);
  for (const sheet of snapshot.sheets) sheet.charts = charts.get(sheet.name) ?? [];
  return { snapshot: normaliseModel(snapshot), notices, bytes };
}

export interface FakeRun {
  snapshot: ModelWorkbook;
  notices: string[];
  syncs: number;
  excel: FakeExcel;
}

/** Applied through the Office.js host to the typed fake Excel (Microsoft 365 unless told). */
export async function fakeResult(s: Scenario, excelApi?: string): Promise<FakeRun> {
  const excel = new FakeExcel(excelApi ? { excelApi } : {});
  excel.addSheet(BASE_SHEET);
  const host = new ExcelWorkbookHost(excel.run, { isSetSupported: excel.requirements.isSetSupported });
  await host.apply(plan(s.setup));
  for (const t of s.tables ?? []) excel.addTable(t.sheet, t.name, t.address);
  excel.resetCounters();
  const outcome = await host.apply(plan(s.act));
  return { snapshot: fakeSnapshot(excel), notices: outcome.notices, syncs: excel.syncCount, excel };
}
