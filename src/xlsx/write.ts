/**
 * Applying an EditPlan to an in-memory ExcelJS workbook, and writing a WorkbookGrid to a real .xlsx.
 * Strings are always written as text: "=HYPERLINK(…)" lands in the file as a string cell, never a formula.
 */
import ExcelJS from "exceljs";
import type { EditOp, EditPlan } from "../domain/edit-plan";
import { a1, isErrorValue, rangeA1, type CellRange, type CellValue, type WorkbookGrid } from "../domain/grid";
import { UserFacingError } from "../domain/host";
import { HOST_MESSAGES, sheetNameProblem } from "./host-messages";
import { HIGHLIGHT_FORMULA, LISTS_SHEET, inlineList, listColumn, listReference } from "./settings-format";

// ---------------------------------------------------------------------------------------------------------
// Sheet names

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  // Excel compares sheet names without regard to case.
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

function requireSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = findSheet(wb, name);
  if (!ws) throw new UserFacingError(HOST_MESSAGES.sheetNotFound(name));
  return ws;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  return Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet);
}

const MODIFYING_OPS = new Set<EditOp["op"]>([
  "setValues",
  "deleteRows",
  "unmerge",
  "setListValidation",
  "setColumnWidths",
]);

/**
 * Check the whole plan before touching anything, so a bad plan leaves the workbook as it was
 * (the Office.js adapter gets the same all-or-nothing from one batch).
 */
function checkPlan(wb: ExcelJS.Workbook, plan: EditPlan): void {
  const names = new Map<string, { protected: boolean }>();
  for (const ws of wb.worksheets) names.set(ws.name.toLowerCase(), { protected: isProtected(ws) });
  const need = (name: string) => {
    const s = names.get(name.toLowerCase());
    if (!s) throw new UserFacingError(HOST_MESSAGES.sheetNotFound(name));
    return s;
  };
  for (const op of plan.ops) {
    if (op.op === "copySheet") {
      need(op.sheet);
      const problem = sheetNameProblem(op.newName);
      if (problem) throw new UserFacingError(problem);
      if (names.has(op.newName.toLowerCase()))
        throw new UserFacingError(`Лист с именем «${op.newName}» уже есть в книге: выберите другое имя.`);
      names.set(op.newName.toLowerCase(), { protected: false });
    } else if (op.op === "addSheet") {
      if (names.has(op.sheet.toLowerCase())) continue;
      const problem = sheetNameProblem(op.sheet);
      if (problem) throw new UserFacingError(problem);
      names.set(op.sheet.toLowerCase(), { protected: false });
    } else {
      const s = need(op.sheet);
      if (s.protected && MODIFYING_OPS.has(op.op))
        throw new UserFacingError(HOST_MESSAGES.sheetProtected(op.sheet));
      if (op.op === "setValues" && (op.row < 0 || op.col < 0))
        throw new UserFacingError("Внутренняя ошибка плана правки: отрицательный номер строки или столбца.");
      if (op.op === "deleteRows" && op.rows.some((r) => !Number.isInteger(r) || r < 0))
        throw new UserFacingError("Внутренняя ошибка плана правки: неверный номер удаляемой строки.");
    }
  }
}

/** Apply every op of the plan, in order. Throws UserFacingError (nothing changed) when the plan cannot apply. */
export function applyPlanToXlsx(wb: ExcelJS.Workbook, plan: EditPlan): void {
  checkPlan(wb, plan);
  for (const op of plan.ops) applyOp(wb, op);
}

function applyOp(wb: ExcelJS.Workbook, op: EditOp): void {
  switch (op.op) {
    case "copySheet":
      return copySheet(wb, op.sheet, op.newName);
    case "addSheet":
      if (!findSheet(wb, op.sheet)) wb.addWorksheet(op.sheet, { state: op.hidden ?? "visible" });
      return;
    case "setValues":
      return setValues(requireSheet(wb, op.sheet), op.row, op.col, op.values, op.numberFormat);
    case "deleteRows":
      return deleteRows(requireSheet(wb, op.sheet), op.rows);
    case "unmerge":
      return unmerge(requireSheet(wb, op.sheet), op.range);
    case "setListValidation":
      return setListValidation(wb, requireSheet(wb, op.sheet), op.range, op.list);
    case "setColumnWidths": {
      const ws = requireSheet(wb, op.sheet);
      for (const { col, width } of op.widths) {
        if (col >= 0 && Number.isFinite(width) && width > 0)
          ws.getColumn(col + 1).width = Math.min(width, 255);
      }
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// copySheet

type SheetModel = ExcelJS.WorksheetModel & {
  merges: string[];
  mergeCells?: string[];
  tables: unknown[];
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  rows: RowModel[];
};

function copySheet(wb: ExcelJS.Workbook, sheet: string, newName: string): void {
  const src = requireSheet(wb, sheet);
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
  values.forEach((line, i) => {
    line.forEach((v, j) => {
      let cell = ws.getCell(row + i + 1, col + j + 1);
      if (cell.master !== cell) {
        // ExcelJS would write a merged cell's value into its top-left cell; Excel keeps it out of the merge.
        if (v === null) return;
        unmergeAt(ws, cell.master);
        cell = ws.getCell(row + i + 1, col + j + 1);
      }
      cell.value = toExcelValue(v);
      if (numberFormat !== undefined) cell.numFmt = numberFormat;
    });
  });
}

/** A grid value as an ExcelJS value: strings stay strings (ExcelJS never parses "=…" from a string). */
function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// merges

function mergeRanges(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (
    ws as unknown as {
      _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
    }
  )._merges;
  return Object.values(internal ?? {})
    .filter(Boolean)
    .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

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
// deleteRows — ExcelJS spliceRows leaves merges, hidden flags, validations and conditional formats in place,
// so the sheet model is rebuilt with every row-addressed part renumbered.

interface CellModel {
  address: string;
  sharedFormula?: string;
  result?: unknown;
  formula?: string;
  value?: unknown;
  type?: number;
  [k: string]: unknown;
}
interface RowModel {
  number: number;
  cells: CellModel[];
  [k: string]: unknown;
}

const ADDRESS = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function deleteRows(ws: ExcelJS.Worksheet, rows0: number[]): void {
  const deleted = [...new Set(rows0.map((r) => r + 1))].sort((a, b) => a - b);
  if (deleted.length === 0) return;
  const deletedSet = new Set(deleted);
  /** New 1-based row number, or null when the row is deleted. */
  const mapRow = (r: number): number | null => {
    if (deletedSet.has(r)) return null;
    let lo = 0;
    let hi = deleted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (deleted[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return r - lo;
  };
  /** A 1-based row span after deletion, or null when all of its rows are gone. */
  const mapSpan = (top: number, bottom: number): [number, number] | null => {
    let t: number | null = null;
    let b: number | null = null;
    for (let r = top; r <= bottom; r++) {
      const n = mapRow(r);
      if (n === null) continue;
      if (t === null) t = n;
      b = n;
    }
    return t === null || b === null ? null : [t, b];
  };
  const mapAddress = (addr: string): string | null => {
    const m = ADDRESS.exec(addr);
    if (!m) return addr;
    const n = mapRow(Number(m[2]));
    return n === null ? null : `${m[1]}${n}`;
  };
  const mapRef = (ref: string): string | null => {
    const parts = ref
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => {
        const [a, b] = part.split(":");
        const ma = ADDRESS.exec(a);
        const mb = b ? ADDRESS.exec(b) : ma;
        if (!ma || !mb) return part;
        const span = mapSpan(Number(ma[2]), Number(mb[2]));
        if (!span) return null;
        return b ? `${ma[1]}${span[0]}:${mb[1]}${span[1]}` : `${ma[1]}${span[0]}`;
      })
      .filter((p): p is string => p !== null);
    return parts.length ? parts.join(" ") : null;
  };

  const model = ws.model as unknown as SheetModel & { dataValidations: Record<string, unknown> };
  // Shared-formula children name their master cell; a child whose master goes keeps its cached value.
  const masters = new Map<string, string | null>();
  for (const row of model.rows)
    for (const cell of row.cells)
      if (cell.formula !== undefined) masters.set(cell.address, mapAddress(cell.address));

  const rows: RowModel[] = [];
  for (const row of model.rows) {
    const n = mapRow(row.number);
    if (n === null) continue;
    const cells = row.cells.map((cell) => {
      const addr = mapAddress(cell.address) as string;
      const out: CellModel = { ...cell, address: addr };
      if (typeof cell.ref === "string" && cell.shareType === "shared") out.ref = mapRef(cell.ref) ?? addr;
      if (cell.sharedFormula) {
        const master = masters.get(cell.sharedFormula);
        if (master) out.sharedFormula = master;
        else {
          delete out.sharedFormula;
          out.type = ExcelJS.ValueType.Null;
          const result = cell.result;
          if (result !== undefined) {
            out.value = result;
            out.type =
              typeof result === "number"
                ? ExcelJS.ValueType.Number
                : typeof result === "string"
                  ? ExcelJS.ValueType.String
                  : typeof result === "boolean"
                    ? ExcelJS.ValueType.Boolean
                    : result instanceof Date
                      ? ExcelJS.ValueType.Date
                      : ExcelJS.ValueType.Null;
            if (out.type === ExcelJS.ValueType.Null) delete out.value;
          }
          delete out.result;
        }
      }
      return out;
    });
    rows.push({ ...row, number: n, cells });
  }

  const merges: string[] = [];
  for (const m of mergeRanges(ws)) {
    const span = mapSpan(m.top + 1, m.bottom + 1);
    if (!span) continue;
    if (span[0] === span[1] && m.left === m.right) continue; // a single cell is no longer a merge
    merges.push(rangeA1({ top: span[0] - 1, left: m.left, bottom: span[1] - 1, right: m.right }));
  }

  const dataValidations: Record<string, unknown> = {};
  for (const [addr, dv] of Object.entries(model.dataValidations ?? {})) {
    if (!dv) continue;
    const n = mapAddress(addr);
    if (n) dataValidations[n] = dv;
  }

  const conditionalFormattings = (model.conditionalFormattings ?? [])
    .map((cf) => ({ ...cf, ref: mapRef(cf.ref) }))
    .filter((cf): cf is ExcelJS.ConditionalFormattingOptions => cf.ref !== null);

  // The model setter re-merges; clear the old merges first or ExcelJS refuses overlapping ones.
  for (const m of mergeRanges(ws)) ws.unMergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.model = {
    ...model,
    rows,
    mergeCells: merges,
    dataValidations,
    conditionalFormattings,
  } as unknown as ExcelJS.WorksheetModel;
}

// ---------------------------------------------------------------------------------------------------------
// setListValidation

/** The validation formula of a list too long to go inline: its column on the lists sheet, written if new. */
function listSheetFormula(wb: ExcelJS.Workbook, list: string[]): string {
  const ws = findSheet(wb, LISTS_SHEET) ?? wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
  const columns: string[][] = [];
  for (let col = 1; col <= ws.columnCount; col++) {
    const values: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const v = ws.getCell(r, col).value;
      if (v === null || v === undefined || v === "") break;
      values.push(String(v));
    }
    columns.push(values);
  }
  const { col, write } = listColumn(columns, list);
  if (write) list.forEach((s, i) => (ws.getCell(i + 1, col + 1).value = s));
  return listReference(col, list.length);
}

function setListValidation(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  range: CellRange,
  list: string[],
): void {
  const inline = inlineList(list);
  const formula = inline !== null ? `"${inline}"` : listSheetFormula(wb, list);
  const validation: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "Значение не из списка",
    error: "Выберите значение из раскрывающегося списка.",
  };
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) dv.add(a1(r, c), validation);
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
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

/** Write a grid to a real .xlsx file's bytes (a Node Buffer when run in Node). */
export async function writeWorkbookGrid(grid: WorkbookGrid, opts: BuildOptions = {}): Promise<Uint8Array> {
  return workbookToBytes(await buildExcelWorkbook(grid, opts));
}
