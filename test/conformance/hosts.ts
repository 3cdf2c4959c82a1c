/** Each host set up on a workbook with one empty sheet, a scenario applied, and the result as a model snapshot. */
import ExcelJS from "exceljs";
import { applyPlanToModel, emptyModelSheet, normaliseModel, type ModelWorkbook } from "../../src/domain/plan";
import { applyPlanToXlsx, workbookToBytes } from "../../src/xlsx/write";
import { BASE_SHEET, plan, type Scenario } from "./plans";
import { xlsxCharts, xlsxSnapshot } from "./snapshot-xlsx";
import { fakeSnapshot } from "./snapshot-fake";
import { ExcelWorkbookHost } from "../../src/excel/host";
import { FakeExcel } from "../fake-excel";

export function memoryResult(s: Scenario): ModelWorkbook {
  const base: ModelWorkbook = { sheets: [emptyModelSheet(BASE_SHEET)], names: {} };
  return normaliseModel(applyPlanToModel(plan(s.act), applyPlanToModel(plan(s.setup), base)));
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
  excel.resetCounters();
  const outcome = await host.apply(plan(s.act));
  return { snapshot: fakeSnapshot(excel), notices: outcome.notices, syncs: excel.syncCount, excel };
}
