/**
 * The .xlsx host's ops beyond values and rows: validation, conditional formats, links, names, locking and
 * protection, panes, print layout, styles, charts. Semantics as the in-memory host (src/domain/plan).
 */
import type ExcelJS from "exceljs";
import type { EditOp, ValidationRule } from "../domain/edit-plan";
import { a1, rangeA1, type CellRange } from "../domain/grid";
import { defaultValidationMessage, storedBounds } from "../domain/plan/references";
import {
  LISTS_SHEET,
  inlineList,
  listColumn,
  listReference,
} from "../domain/workbook-format/settings-format";
import { conditionalFormats, definedNames, setDefinedNames } from "./sheet-model";
import { absolute, quoteForName, toColonRange } from "./write-rows";

type Op<K extends EditOp["op"]> = Extract<EditOp, { op: K }>;

function eachCell(ws: ExcelJS.Worksheet, r: CellRange, f: (cell: ExcelJS.Cell) => void): void {
  for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) f(ws.getCell(i + 1, j + 1));
}

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

// ---------------------------------------------------------------------------------------------------------
// validation

/** The validation formula of a list too long to go inline: its column on the lists sheet, written if new. */
function listSheetFormula(wb: ExcelJS.Workbook, list: string[]): string {
  const lower = LISTS_SHEET.toLowerCase();
  const ws =
    wb.worksheets.find((w) => w.name.toLowerCase() === lower) ??
    wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
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

export function setValidation(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  range: CellRange,
  rule: ValidationRule,
  message: string | undefined,
): void {
  const error = message ?? defaultValidationMessage(rule);
  let validation: ExcelJS.DataValidation;
  if (rule.kind === "list") {
    const inline = inlineList(rule.list);
    validation = {
      type: "list",
      allowBlank: true,
      formulae: [inline !== null ? `"${inline}"` : listSheetFormula(wb, rule.list)],
      showErrorMessage: true,
      // A warning, not a stop: a colleague may still type a value the list lacks (the checks report it).
      errorStyle: "warning",
      errorTitle: "Значение не из списка",
      error,
    };
  } else {
    const { operator, formulae } = storedBounds(rule);
    validation = {
      type: rule.kind,
      operator,
      allowBlank: true,
      // ExcelJS turns date formulae into serials itself, from Date objects.
      formulae:
        rule.kind === "date"
          ? formulae.map((n) => new Date(Date.UTC(1899, 11, 30) + n * 86_400_000))
          : formulae,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Неверное значение",
      error,
    };
  }
  eachCell(ws, range, (cell) => (cell.dataValidation = { ...validation }));
}

// ---------------------------------------------------------------------------------------------------------
// conditional formats

export function addConditionalFormat(ws: ExcelJS.Worksheet, op: Op<"addConditionalFormat">): void {
  const priority = 1 + conditionalFormats(ws).reduce((n, cf) => n + cf.rules.length, 0);
  const style: Partial<ExcelJS.Style> = {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(op.fill) } },
  };
  if (op.fontColor) style.font = { color: { argb: argb(op.fontColor) } };
  ws.addConditionalFormatting({
    ref: rangeA1(op.range).replace(/^(\w+):\1$/, "$1"),
    rules: [{ type: "expression", priority, formulae: [op.formula.replace(/^=/, "")], style }],
  });
}

export function removeConditionalFormats(ws: ExcelJS.Worksheet, marker: string): void {
  const ours = (cf: ExcelJS.ConditionalFormattingOptions) =>
    cf.rules.some((r) =>
      ((r as { formulae?: unknown[] }).formulae ?? []).some((f) => String(f).includes(marker)),
    );
  if (conditionalFormats(ws).some(ours))
    ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !ours(cf));
}

// ---------------------------------------------------------------------------------------------------------
// links and names

export function setHyperlink(ws: ExcelJS.Worksheet, op: Op<"setHyperlink">): void {
  const cell = ws.getCell(op.row + 1, op.col + 1);
  // ExcelJS writes a link inside the workbook when it looks like Лист!A1 (no "#"), as a location.
  const target = op.target.startsWith("#") ? op.target.slice(1) : op.target;
  cell.value = { text: op.text, hyperlink: target } as ExcelJS.CellHyperlinkValue;
}

export function setDefinedName(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  name: string,
  range: CellRange,
): void {
  const others = definedNames(wb).filter((n) => n.name.toLowerCase() !== name.toLowerCase());
  setDefinedNames(wb, [...others, { name, ranges: [`${quoteForName(ws.name)}!${absolute(range)}`] }]);
}

// ---------------------------------------------------------------------------------------------------------
// locking and protection

export function setLocked(ws: ExcelJS.Worksheet, range: CellRange, locked: boolean): void {
  eachCell(ws, range, (cell) => (cell.protection = { ...cell.protection, locked }));
}

/** No password; formatting and selecting stay allowed (a user may still unprotect deliberately). */
export function protectSheet(ws: ExcelJS.Worksheet): void {
  // Set directly, not with ws.protect(): that is async only to hash a password, and there is none.
  (ws as unknown as { sheetProtection: Record<string, boolean> }).sheetProtection = {
    sheet: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    selectLockedCells: true,
    selectUnlockedCells: true,
  };
}

// ---------------------------------------------------------------------------------------------------------
// panes, print layout, styles

export function freezePanes(ws: ExcelJS.Worksheet, rows: number, cols: number): void {
  ws.views =
    rows || cols
      ? [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: a1(rows, cols) }]
      : [{ state: "normal" }];
}

export function setPageLayout(ws: ExcelJS.Worksheet, op: Op<"setPageLayout">): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: op.orientation,
    fitToPage: op.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: op.printArea ? toColonRange(rangeA1(op.printArea)) : undefined,
    printTitlesRow: op.repeatRows ? `${op.repeatRows.top + 1}:${op.repeatRows.bottom + 1}` : undefined,
  };
  ws.pageSetup = setup as ExcelJS.PageSetup;
}

export function setStyle(ws: ExcelJS.Worksheet, op: Op<"setStyle">): void {
  eachCell(ws, op.range, (cell) => {
    if (op.bold !== undefined || op.fontColor !== undefined) {
      const font: Partial<ExcelJS.Font> = { ...cell.font };
      if (op.bold !== undefined) font.bold = op.bold;
      if (op.fontColor !== undefined) font.color = { argb: argb(op.fontColor) };
      cell.font = font;
    }
    if (op.fill !== undefined)
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(op.fill) } };
    if (op.wrap !== undefined) cell.alignment = { ...cell.alignment, wrapText: op.wrap };
    if (op.border !== undefined) {
      const side: Partial<ExcelJS.Border> = { style: "thin" };
      cell.border = op.border ? { top: side, left: side, bottom: side, right: side } : {};
    }
  });
}
