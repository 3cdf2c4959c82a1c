/**
 * What the .xlsx workbook says about one cell before the user types into it (the preview's cell editor): its
 * data validation as a ValidationRule (a list's items resolved wherever the list lives), its number format,
 * whether it is locked and its sheet protected.
 */
import type ExcelJS from "exceljs";
import type { CellInput } from "../domain/cell-entry";
import type { ValidationRule } from "../domain/edit-plan";
import { a1, parseA1 } from "../domain/grid";
import { ruleFromBounds, serialToIso } from "../domain/plan/references";
import { splitSheetRef } from "../domain/plan/workbook-model";
import { definedNames, isProtected } from "./sheet-model";

/** Items longer than this are not a drop-down anyone uses; a reference to more is not read. */
const MAX_LIST_ITEMS = 1000;

function serialOf(v: unknown): number {
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return serialOf(new Date(`${v}T00:00:00Z`));
  return Number(v);
}

function itemText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    const [y, m, d] = serialToIso(serialOf(v)).split("-");
    return `${d}.${m}.${y}`;
  }
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return itemText((v.result ?? null) as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    return "";
  }
  return String(v);
}

/**
 * A list validation's items: inline («"Да,Нет"»), a range on a sheet («'Списки'!$A$1:$A$6», «$H$2:$H$5» on the
 * same sheet) or a defined name of one. Null when the formula is something else (OFFSET, INDIRECT…).
 */
export function listItems(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, formula: string): string[] | null {
  const f = formula.trim().replace(/^=/, "");
  const inline = /^"(.*)"$/s.exec(f);
  if (inline) return inline[1].split(",").map((x) => x.trim());
  let at =
    splitSheetRef(f) ??
    (parseA1(f.replace(/\$/g, "")) ? { sheet: ws.name, ref: f.replace(/\$/g, "") } : null);
  if (!at) {
    const named = definedNames(wb).find((n) => n.name.toLowerCase() === f.toLowerCase());
    at = named?.ranges.length === 1 ? splitSheetRef(named.ranges[0]) : null;
  }
  const source = at && wb.worksheets.find((w) => w.name.toLowerCase() === at.sheet.toLowerCase());
  const range = at && parseA1(at.ref);
  if (!source || !range) return null;
  if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > MAX_LIST_ITEMS) return null;
  const out: string[] = [];
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) {
      const text = itemText(source.findCell(r + 1, c + 1)?.value ?? null).trim();
      if (text) out.push(text);
    }
  return out;
}

function ruleOf(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  dv: ExcelJS.DataValidation,
): ValidationRule | null {
  const formulae = (dv.formulae ?? []) as unknown[];
  if (dv.type === "list") {
    const list = listItems(wb, ws, String(formulae[0] ?? ""));
    return list && list.length ? { kind: "list", list } : null;
  }
  if (dv.type === "date" || dv.type === "whole" || dv.type === "decimal")
    return ruleFromBounds(dv.type, dv.operator ?? "between", formulae.map(serialOf));
  return null;
}

/** The cell's input facts; a merged cell answers for its top-left cell, where Excel keeps the value. */
export function cellInputOf(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  row: number,
  col: number,
): CellInput {
  const found = ws.findCell(row + 1, col + 1);
  const cell = found?.master ?? found;
  const address = cell?.address ?? a1(row, col);
  const dv = (
    ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }
  ).dataValidations.find(address);
  const rule = dv?.type ? ruleOf(wb, ws, dv) : null;
  return {
    validation: rule && dv ? { rule, message: dv.error ?? "" } : null,
    numberFormat: cell?.numFmt ?? null,
    locked: cell?.protection?.locked !== false,
    sheetProtected: isProtected(ws),
  };
}
