/**
 * One row of indicator inputs, shared by the monitoring sheet (a row per school) and the school form (a row
 * per indicator): which cells are inputs of which type, and the formulas for the value, the deviation from
 * the year's target and the attainment. Formulas are plain Excel 2007 functions (IF, AND, ISNUMBER, ROUND)
 * so LibreOffice, МойОфис and Р7-Офис compute them the same.
 */
import type { EditOp, ValidationRule } from "../edit-plan";
import type { CellRange } from "../grid";
import type { Indicator, IndicatorType, IndicatorValue } from "../indicators";
import type { InputPart, InputType } from "./fingerprint";

/** Column letters of a row: two inputs, then value, target, deviation, attainment. */
export interface RowColumns {
  first: string;
  second: string;
  value: string;
  target: string;
  deviation: string;
  attainment: string;
}

export interface RowInput {
  part: InputPart;
  /** "first" or "second" input column. */
  slot: "first" | "second";
  type: InputType;
}

/** The input cells an indicator of this type asks for. */
export function inputsOf(type: IndicatorType): RowInput[] {
  switch (type) {
    case "share":
      return [
        { part: "numerator", slot: "first", type: "integer" },
        { part: "denominator", slot: "second", type: "integer" },
      ];
    case "dynamics":
      return [
        { part: "previous", slot: "first", type: "number" },
        { part: "value", slot: "second", type: "number" },
      ];
    case "count":
      return [{ part: "value", slot: "second", type: "integer" }];
    case "number":
      return [{ part: "value", slot: "second", type: "number" }];
    case "yesno":
      return [{ part: "value", slot: "second", type: "yesno" }];
    case "text":
      return [{ part: "value", slot: "second", type: "text" }];
  }
}

export const YES_NO = ["Да", "Нет"];

/** The validation of an input type, with the Russian message shown on a wrong entry; null for free text. */
export function validationOf(type: InputType): { rule: ValidationRule; message: string } | null {
  switch (type) {
    case "integer":
      return {
        rule: { kind: "whole", min: 0 },
        message: "Введите целое число не меньше 0 (без пробелов и букв).",
      };
    case "number":
      return { rule: { kind: "decimal" }, message: "Введите число (дробную часть — через запятую)." };
    case "yesno":
      return { rule: { kind: "list", list: YES_NO }, message: "Выберите «Да» или «Нет» из списка." };
    case "text":
      return null;
  }
}

/** The headers of the two input columns and the value column for a type, in plain Russian. */
export function partLabels(type: IndicatorType): { first: string; second: string; value: string } {
  switch (type) {
    case "share":
      return { first: "Числитель (сколько)", second: "Знаменатель (из скольких)", value: "Значение, %" };
    case "dynamics":
      return { first: "Прошлый период", second: "Текущий период", value: "Изменение" };
    case "yesno":
      return { first: "", second: "Да / Нет", value: "Значение" };
    default:
      return { first: "", second: "Значение", value: "Значение" };
  }
}

export const TYPE_LABEL: Record<IndicatorType, string> = {
  share: "доля, %",
  count: "количество",
  number: "число",
  yesno: "да/нет",
  dynamics: "динамика",
  text: "текст",
};

export function targetCell(target: IndicatorValue | null): string | number | null {
  return target === null ? null : target;
}

/** Formulas of one row (1-based sheet row `r`): value, deviation, attainment; null where none applies. */
export function rowFormulas(
  ind: Pick<Indicator, "type" | "direction">,
  target: IndicatorValue | null,
  c: RowColumns,
  r: number,
): { value: string | null; deviation: string | null; attainment: string | null } {
  const p1 = `${c.first}${r}`;
  const p2 = `${c.second}${r}`;
  const v = `${c.value}${r}`;
  const t = `${c.target}${r}`;
  const numericTarget = typeof target === "number";
  let value: string | null;
  switch (ind.type) {
    case "share":
      value = `=IF(AND(ISNUMBER(${p1}),ISNUMBER(${p2})),IF(${p2}>0,ROUND(${p1}/${p2}*100,2),""),"")`;
      break;
    case "dynamics":
      value = `=IF(AND(ISNUMBER(${p1}),ISNUMBER(${p2})),${p2}-${p1},"")`;
      break;
    case "count":
    case "number":
      value = `=IF(ISNUMBER(${p2}),${p2},"")`;
      break;
    case "yesno":
    case "text":
      value = `=IF(${p2}="","",${p2})`;
      break;
  }
  // What is compared with the target: the value, or for dynamics this period's value.
  const measured = ind.type === "dynamics" ? p2 : v;
  let deviation: string | null = null;
  let attainment: string | null = null;
  if (numericTarget && ind.type !== "yesno" && ind.type !== "text") {
    deviation = `=IF(ISNUMBER(${measured}),ROUND(${measured}-${t},2),"")`;
    attainment =
      ind.direction === "lower"
        ? `=IF(ISNUMBER(${measured}),IF(${measured}<=${t},100,ROUND(${t}/${measured}*100,1)),"")`
        : `=IF(ISNUMBER(${measured}),IF(${t}>0,ROUND(${measured}/${t}*100,1),""),"")`;
  } else if (ind.type === "yesno" && (target === "Да" || target === "Нет")) {
    attainment = `=IF(${p2}="","",IF(${p2}=${t},100,0))`;
  } else if (ind.type === "dynamics") {
    attainment = `=IF(ISNUMBER(${v}),IF(${v}${ind.direction === "lower" ? "<" : ">"}0,100,0),"")`;
  }
  return { value, deviation, attainment };
}

/**
 * Column widths (Excel's unit: the default font's digit) for a bold, wrapped header row: at least `least`, and
 * wide enough that the longest word of each header fits on one line («Отклонение», «Знаменатель»), so a header
 * wraps between words, never inside one. A bold Cyrillic letter is about 1.2 digits wide; 2 more for the padding.
 */
export function headerColumnWidths(header: readonly string[], least: readonly number[]): number[] {
  return least.map((width, c) => {
    const longest = Math.max(0, ...(header[c] ?? "").split(/\s+/).map((w) => w.length));
    return Math.max(width, Math.ceil(longest * 1.2) + 2);
  });
}

/**
 * How every sheet we make for monitoring ends: header frozen, column widths, A4 landscape fit to width with the
 * header row repeated, and the sheet protected last (only the input cells were unlocked before).
 */
export function finishSheetOps(
  sheet: string,
  o: { freeze: { rows: number; cols: number }; widths: number[]; headerRow: number; printArea?: CellRange },
): EditOp[] {
  return [
    { op: "freezePanes", sheet, ...o.freeze },
    { op: "setColumnWidths", sheet, widths: o.widths.map((width, col) => ({ col, width })) },
    {
      op: "setPageLayout",
      sheet,
      orientation: "landscape",
      fitToWidth: true,
      ...(o.printArea ? { printArea: o.printArea } : {}),
      repeatRows: { top: o.headerRow, bottom: o.headerRow },
    },
    { op: "protectSheet", sheet },
  ];
}
