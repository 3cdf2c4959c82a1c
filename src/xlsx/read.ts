/**
 * .xlsx → WorkbookGrid, following the conventions of src/domain/grid.ts: dates as "ДД.ММ.ГГГГ" text,
 * formulas as their cached value, errors as their text, rich text and hyperlinks as plain text, merged
 * areas with the value in the top-left cell only.
 */
import type ExcelJS from "exceljs";
import { formatDateCell, numberFormatKind, type FormatKind } from "../domain/cell-format";
import {
  capLongCells,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from "../domain/grid";
import { loadExcelWorkbook, type FileData } from "./load";
import { isOwnSheet } from "../domain/workbook-format/settings-format";
import { readTables } from "./tables";

export interface ReadOptions {
  /** Also return hidden and very hidden worksheets (our own state sheets are never returned). */
  includeHidden?: boolean;
}

/** Read an .xlsx file; throws UserFacingError (Russian) when it is not a readable .xlsx. */
export async function readXlsx(data: FileData, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  const wb = await loadExcelWorkbook(data, { valuesOnly: true });
  return workbookToGrid(wb, opts);
}

export function workbookToGrid(wb: ExcelJS.Workbook, opts: ReadOptions = {}): WorkbookGrid {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const own = wb.worksheets.filter((ws) => !isOwnSheet(ws.name));
  const visible = own.filter((ws) => ws.state === undefined || ws.state === "visible");
  // A workbook whose every sheet is hidden still holds the user's roadmaps: read them rather than nothing.
  const chosen = opts.includeHidden || visible.length === 0 ? own : visible;
  return { sheets: chosen.map((ws) => worksheetToGrid(ws, date1904)) };
}

/** ExcelJS keeps merges in a private map (master address → Range); `ws.model` would rebuild every row. */
function worksheetMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (
    ws as unknown as {
      _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
    }
  )._merges;
  const out: CellRange[] = [];
  for (const m of Object.values(internal ?? {})) {
    if (!m) continue;
    out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet, date1904 = false): SheetGrid {
  const rows: CellValue[][] = [];
  const uncalculated: string[] = [];
  const emptyFormulas: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged non-top-left cells report the master's value in ExcelJS; the grid wants null there.
      if (cell.master !== cell) return;
      const raw = cell.value;
      if (raw === null || raw === undefined) return;
      // The number format is only needed to tell dates from times and months (a style lookup per cell).
      const needsFormat = raw instanceof Date || (typeof raw === "object" && "formula" in raw);
      const v = cellValue(raw, needsFormat ? cell.numFmt : undefined, date1904);
      if (v !== null) values[colNumber - 1] = v;
      else if (isUncalculated(raw)) uncalculated.push(cell.address);
      else if (isFormula(raw)) emptyFormulas.push(cell.address);
    });
    if (values.length === 0) return;
    for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
    rows[rowNumber - 1] = values;
  });
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const cutCells = capLongCells(rows);

  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  const merges = worksheetMerges(ws);
  for (const m of merges) {
    width = Math.max(width, m.right + 1);
  }
  const height = Math.max(rows.length, ...merges.map((m) => m.bottom + 1));

  // Hidden rows/columns beyond the used area carry no information for the engine; cap them there.
  const hiddenRows: number[] = [];
  for (let r = 1; r <= Math.min(ws.rowCount, height); r++) {
    const row = ws.findRow(r);
    if (row?.hidden) hiddenRows.push(r - 1);
  }
  const hiddenColumns: number[] = [];
  const columns = (ws as unknown as { _columns?: (ExcelJS.Column | undefined)[] })._columns ?? [];
  for (let c = 0; c < Math.min(columns.length, width); c++) {
    if (columns[c]?.hidden) hiddenColumns.push(c);
  }

  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  const tables = readTables(ws);
  return {
    name: ws.name,
    rows,
    merges,
    hiddenRows,
    hiddenColumns,
    protected: Boolean(protection?.sheet),
    ...(tables.length ? { tables } : {}),
    ...(uncalculated.length ? { uncalculated } : {}),
    ...(emptyFormulas.length ? { emptyFormulas } : {}),
    ...(cutCells.length ? { cutCells } : {}),
  };
}

/** A formula saved without its result (ExcelJS gives no `result`): the cell reads empty, validation says why. */
function isFormula(raw: RawValue): boolean {
  if (!raw || typeof raw !== "object" || raw instanceof Date) return false;
  return "formula" in raw || "sharedFormula" in raw;
}

function isUncalculated(raw: RawValue): boolean {
  if (!isFormula(raw)) return false;
  const o = raw as unknown as Record<string, unknown>;
  return o.result === undefined || o.result === null;
}

type RawValue = ExcelJS.CellValue | undefined;

/** One ExcelJS cell value → grid value. */
export function cellValue(v: RawValue, numFmt: string | undefined, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return cleanText(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return dateValue(v, numFmt, date1904);
  if (typeof v !== "object") return null;
  const o = v as unknown as Record<string, unknown>;
  if ("error" in o && typeof o.error === "string") return o.error;
  if ("richText" in o && Array.isArray(o.richText)) return richText(o.richText);
  if ("formula" in o || "sharedFormula" in o) {
    // A formula without a cached result (never calculated, or written by a tool) reads as empty.
    return "result" in o ? cellValue(o.result as RawValue, numFmt, date1904) : null;
  }
  if ("hyperlink" in o || "text" in o) {
    const t = o.text;
    if (typeof t === "string") return cleanText(t);
    if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText))
      return richText((t as { richText: unknown[] }).richText);
    return null;
  }
  return null;
}

function richText(runs: unknown[]): CellValue {
  const text = runs
    .map((r) => (r && typeof (r as { text?: unknown }).text === "string" ? (r as { text: string }).text : ""))
    .join("");
  return cleanText(text);
}

/** ExcelJS already decodes _xHHHH_ escapes; Windows line breaks become plain "\n" for the engine. */
function cleanText(s: string): CellValue {
  const normalized = s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
  return normalized === "" ? null : normalized;
}

/** What a number format shows; ExcelJS only makes Date objects from date formats, so no format means a date. */
export function dateFormatKind(numFmt: string | undefined): FormatKind {
  return numFmt ? numberFormatKind(numFmt) : "date";
}

/** ExcelJS builds dates as UTC midnights of the Excel serial; read them back in UTC. */
function dateValue(d: Date, numFmt: string | undefined, date1904: boolean): CellValue {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  // Round to the minute so 23:59:59.999 artefacts of float serials do not shift the day.
  const rounded = new Date(Math.round(t / 60000) * 60000);
  const kind = dateFormatKind(numFmt);
  if (kind === "none") {
    const serial = t / 86400000 + (date1904 ? 24107 : 25569);
    return Math.round(serial * 1e9) / 1e9;
  }
  // "ММММ ГГГГ" shows a month, not a day: the deadline reader must see «Сентябрь 2023», not «01.09.2023».
  return formatDateCell(rounded, kind);
}
