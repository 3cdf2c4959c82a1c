/**
 * Applying an EditPlan to an in-memory ExcelJS workbook, and writing a WorkbookGrid to a real .xlsx.
 * Strings are always written as text: "=HYPERLINK(…)" lands in the file as a string cell, never a formula.
 */
import ExcelJS from "exceljs";
import type { EditOp, EditPlan } from "../domain/edit-plan";
import { isErrorValue, rangeA1, type CellRange, type CellValue, type WorkbookGrid } from "../domain/grid";
import { UserFacingError } from "../domain/host";
import { numberFormatKind } from "../domain/cell-format";
import { validatePlan, type WorkbookFacts } from "../domain/plan/validate";
import { HOST_MESSAGES } from "../domain/workbook-format/host-messages";
import { HIGHLIGHT_FORMULA } from "../domain/workbook-format/settings-format";
import { copyCharts, dropCharts, injectCharts, recordChart, shiftCharts } from "./charts";
import {
  addConditionalFormat,
  freezePanes,
  protectSheet,
  removeConditionalFormats,
  setDefinedName,
  setHyperlink,
  setLocked,
  setPageLayout,
  setStyle,
  setValidation,
} from "./write-format";
import { deleteRows, dropNamesOf, insertColumns } from "./write-rows";
import { carryParts, recordCopy, recordPlanName, recordShift } from "./preserve";
import {
  dropTableFiltersWithoutRef,
  extendTable,
  hasTableWithoutFilter,
  renameTableColumns,
  tableFacts,
} from "./tables";
import { isProtected, mergeRanges, type SheetModel } from "./sheet-model";

// ---------------------------------------------------------------------------------------------------------
// Sheet names

export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  // Excel compares sheet names without regard to case.
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

function requireSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = findSheet(wb, name);
  if (!ws) throw new UserFacingError(HOST_MESSAGES.sheetNotFound(name));
  return ws;
}

/** What the shared preflight needs to know about the workbook. */
function factsOf(wb: ExcelJS.Workbook): WorkbookFacts {
  return {
    sheets: wb.worksheets.map((ws) => ({
      name: ws.name,
      visibility: ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible",
      protected: isProtected(ws),
    })),
    cell: (sheet, r, c) => {
      const ws = findSheet(wb, sheet);
      const cell = ws?.findCell(r + 1, c + 1);
      // A merged cell other than the top-left reads its master's value in ExcelJS: it holds nothing itself.
      if (!cell || cell.master !== cell) return null;
      const v = cell.value;
      return v === null || v === undefined ? null : typeof v === "object" ? "…" : (v as CellValue);
    },
    // A cell without its own protection is locked, as in Excel.
    locked: (sheet, r, c) => findSheet(wb, sheet)?.findCell(r + 1, c + 1)?.protection?.locked !== false,
    tables: tableFacts(wb),
  };
}

/**
 * Apply every op of the plan, in order. Throws UserFacingError (nothing changed) when the plan cannot apply.
 * Returns the notes the caller should show (Russian), e.g. a chart this host cannot write.
 */
export function applyPlanToXlsx(wb: ExcelJS.Workbook, plan: EditPlan): string[] {
  const problem = validatePlan(plan, factsOf(wb));
  if (problem) throw new UserFacingError(problem);
  const notes: string[] = [];
  for (const op of plan.ops) {
    const note = applyOp(wb, op);
    if (note && !notes.includes(note)) notes.push(note);
  }
  return notes;
}

function applyOp(wb: ExcelJS.Workbook, op: EditOp): string | void {
  if (op.op === "addSheet") {
    if (!findSheet(wb, op.sheet)) wb.addWorksheet(op.sheet, { state: op.hidden ?? "visible" });
    return;
  }
  const ws = requireSheet(wb, op.sheet);
  switch (op.op) {
    case "copySheet":
      return copySheet(wb, ws, op.newName);
    case "deleteSheet":
      dropNamesOf(wb, ws.name);
      dropCharts(wb, ws);
      wb.removeWorksheet(ws.id);
      return;
    case "setSheetVisibility":
      ws.state = op.visibility;
      return;
    case "setValues":
      setValues(ws, op.row, op.col, op.values, op.numberFormat);
      return renameTableColumns(ws, {
        top: op.row,
        left: op.col,
        bottom: op.row + op.values.length - 1,
        right: op.col + Math.max(0, ...op.values.map((r) => r.length)) - 1,
      });
    case "setFormulas":
      return setFormulas(ws, op.row, op.col, op.formulas, op.numberFormat);
    case "deleteRows":
      recordShift(wb, ws, { kind: "rows", rows: op.rows });
      return deleteRows(ws, op.rows);
    case "insertColumns":
      shiftCharts(wb, ws, op.col, op.count);
      recordShift(wb, ws, { kind: "columns", col: op.col, count: op.count });
      return insertColumns(wb, ws, op.col, op.count);
    case "unmerge":
      return unmerge(ws, op.range);
    case "merge":
      unmerge(ws, op.range);
      ws.mergeCells(op.range.top + 1, op.range.left + 1, op.range.bottom + 1, op.range.right + 1);
      return;
    case "setListValidation":
      return setValidation(wb, ws, op.range, { kind: "list", list: op.list }, undefined);
    case "setValidation":
      return setValidation(wb, ws, op.range, op.rule, op.message);
    case "addConditionalFormat":
      return addConditionalFormat(ws, op);
    case "removeConditionalFormats":
      return removeConditionalFormats(ws, op.marker);
    case "setHyperlink":
      return setHyperlink(ws, op);
    case "setDefinedName":
      recordPlanName(wb, op.name);
      return setDefinedName(wb, ws, op.name, op.range);
    case "setLocked":
      return setLocked(ws, op.range, op.locked);
    case "protectSheet":
      return protectSheet(ws);
    case "freezePanes":
      return freezePanes(ws, op.rows, op.cols);
    case "setPageLayout":
      return setPageLayout(ws, op);
    case "setStyle":
      return setStyle(ws, op);
    case "addChart":
      return recordChart(wb, ws, op);
    case "extendTable":
      return extendTable(ws, op);
    case "setAutoFilter":
      ws.autoFilter = rangeA1(op.range);
      return;
    case "setColumnWidths":
      for (const { col, width } of op.widths) {
        if (col >= 0 && Number.isFinite(width) && width > 0)
          ws.getColumn(col + 1).width = Math.min(width, 255);
      }
      return;
  }
}

// ---------------------------------------------------------------------------------------------------------
// copySheet

function copySheet(wb: ExcelJS.Workbook, src: ExcelJS.Worksheet, newName: string): void {
  const model = structuredClone(src.model) as SheetModel;
  const copy = wb.addWorksheet(newName, { state: src.state });
  copy.model = {
    ...model,
    name: newName,
    mergeCells: model.merges,
    // Excel table names are unique per workbook: the copy keeps the cells, not the table objects.
    tables: [],
    conditionalFormattings: (model.conditionalFormattings ?? []).filter((cf) => !isOurHighlight(cf)),
  } as unknown as ExcelJS.WorksheetModel;
  placeAfter(wb, copy, src);
  copyCharts(wb, src, copy);
  recordCopy(wb, src, copy);
}

/** Put `ws` right after `anchor` in the tab order. */
function placeAfter(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, anchor: ExcelJS.Worksheet): void {
  const order = wb.worksheets.filter((w) => w !== ws);
  order.splice(order.indexOf(anchor) + 1, 0, ws);
  order.forEach((w, i) => {
    (w as unknown as { orderNo: number }).orderNo = i + 1;
  });
}

export function isOurHighlight(cf: ExcelJS.ConditionalFormattingOptions): boolean {
  return (cf.rules ?? []).some(
    (r) =>
      r.type === "expression" &&
      (r.formulae ?? []).some((f) => String(f).replace(/^=/, "") === HIGHLIGHT_FORMULA),
  );
}

// ---------------------------------------------------------------------------------------------------------
// setValues

function setValues(
  ws: ExcelJS.Worksheet,
  row: number,
  col: number,
  values: CellValue[][],
  numberFormat: string | undefined,
): void {
  const kind = numberFormat === undefined ? "none" : numberFormatKind(numberFormat);
  const dateFormat = kind === "date" || kind === "month";
  values.forEach((line, i) => {
    line.forEach((v, j) => {
      let cell = ws.getCell(row + i + 1, col + j + 1);
      if (cell.master !== cell) {
        // ExcelJS would write a merged cell's value into its top-left cell; Excel keeps it out of the merge.
        if (v === null) return;
        unmergeAt(ws, cell.master);
        cell = ws.getCell(row + i + 1, col + j + 1);
      }
      // A serial under a date format is held as a Date, as ExcelJS holds it after loading the file, so the
      // workbook reads the same before and after saving («30.04.2022», not 44681).
      cell.value = typeof v === "number" && dateFormat ? serialToDate(v) : toExcelValue(v);
      if (numberFormat !== undefined) cell.numFmt = numberFormat;
    });
  });
}

function serialToDate(serial: number): Date | null {
  return Number.isFinite(serial) ? new Date(Math.round((serial - 25569) * 86_400_000)) : null;
}

/** Formulas ("=…") into cells; null leaves a cell as it is. ExcelJS stores them without the "=". */
function setFormulas(
  ws: ExcelJS.Worksheet,
  row: number,
  col: number,
  formulas: (string | null)[][],
  numberFormat: string | undefined,
): void {
  formulas.forEach((line, i) =>
    line.forEach((f, j) => {
      if (f === null) return;
      const cell = ws.getCell(row + i + 1, col + j + 1);
      cell.value = { formula: f.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
      if (numberFormat !== undefined) cell.numFmt = numberFormat;
    }),
  );
}

/** A grid value as an ExcelJS value: strings stay strings (ExcelJS never parses "=…" from a string). */
function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// merges

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Unmerge keeping each cell's own borders and fills (ExcelJS resets the former merged cells' styles). */
function unmergeRange(ws: ExcelJS.Worksheet, m: CellRange): void {
  const styles: { r: number; c: number; style: Partial<ExcelJS.Style> }[] = [];
  for (let r = m.top; r <= m.bottom; r++)
    for (let c = m.left; c <= m.right; c++)
      styles.push({ r, c, style: { ...ws.getCell(r + 1, c + 1).style } });
  ws.unMergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const s of styles) ws.getCell(s.r + 1, s.c + 1).style = s.style;
}

function unmergeAt(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const r = Number(master.row) - 1;
  const c = Number(master.col) - 1;
  const m = mergeRanges(ws).find((x) => x.top === r && x.left === c);
  if (m) unmergeRange(ws, m);
}

function unmerge(ws: ExcelJS.Worksheet, range: CellRange): void {
  for (const m of mergeRanges(ws)) if (intersects(m, range)) unmergeRange(ws, m);
}

// ---------------------------------------------------------------------------------------------------------
// WorkbookGrid → .xlsx (fixtures, samples, tests)

export interface BuildOptions {
  /** Write "ДД.ММ.ГГГГ" strings as real date cells (format dd.mm.yyyy), as Excel would after typing them. */
  realDates?: boolean;
}

const DMY = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function gridValueForFile(v: CellValue, opts: BuildOptions): { value: ExcelJS.CellValue; numFmt?: string } {
  if (typeof v === "string") {
    // Error texts become real error cells, so fixtures exercise the reader's error path.
    if (isErrorValue(v)) return { value: { error: v.trim() as ExcelJS.CellErrorValue["error"] } };
    const m = opts.realDates ? DMY.exec(v) : null;
    if (m) {
      const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
      if (d.getUTCDate() === Number(m[1])) return { value: d, numFmt: "dd.mm.yyyy" };
    }
  }
  return { value: toExcelValue(v) };
}

/** A grid as an ExcelJS workbook (values, merges, hidden rows/columns, protection). */
export async function buildExcelWorkbook(
  grid: WorkbookGrid,
  opts: BuildOptions = {},
): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Мониторинг дорожных карт";
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const { value, numFmt } = gridValueForFile(v, opts);
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      });
    });
    for (const m of sheet.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
    for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const c of sheet.hiddenColumns) ws.getColumn(c + 1).hidden = true;
    if (sheet.protected) await ws.protect("", {});
  }
  return wb;
}

/** ExcelJS's writeBuffer gives a Node Buffer in Node and a Uint8Array-compatible buffer in the browser. */
export async function workbookToBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer;
  let bytes = out instanceof Uint8Array ? out : new Uint8Array(out);
  if (hasTableWithoutFilter(wb)) bytes = await dropTableFiltersWithoutRef(bytes);
  // What ExcelJS dropped is carried from the opened file (./preserve.ts), then our charts added (./charts.ts).
  return injectCharts(wb, await carryParts(wb, bytes));
}

/** Write a grid to a real .xlsx file's bytes (a Node Buffer when run in Node). */
export async function writeWorkbookGrid(grid: WorkbookGrid, opts: BuildOptions = {}): Promise<Uint8Array> {
  return workbookToBytes(await buildExcelWorkbook(grid, opts));
}
