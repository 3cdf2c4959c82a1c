/** The typed fake Excel's state read into the normalised workbook model, from the fake's own records. */
import { parseA1, type CellRange } from "../../src/domain/grid";
import {
  isoToSerial,
  normaliseModel,
  quoteSheetName,
  rangeRef,
  ruleFromBounds,
  splitSheetRef,
  type CellStyle,
  type ModelCell,
  type ModelSheet,
  type ModelWorkbook,
} from "../../src/domain/plan";
import type { ValidationRule } from "../../src/domain/edit-plan";
import { isOwnSheet, LISTS_SHEET } from "../../src/domain/workbook-format/settings-format";
import type { FakeExcel } from "../fake-excel";
import type { FakeCell, FakeSheetState } from "../fake-excel/world";

const hex = (c: string | null | undefined) => (c ? c.replace(/^#/, "").toUpperCase() : undefined);
const OPERATOR: Record<string, string> = {
  Between: "between",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

function ruleOf(excel: FakeExcel, raw: unknown): ValidationRule {
  const rule = raw as {
    list?: { source: string };
    date?: { operator: string; formula1: string; formula2?: string };
    wholeNumber?: { operator: string; formula1: number; formula2?: number };
    decimal?: { operator: string; formula1: number; formula2?: number };
  };
  if (rule.list) {
    const at = splitSheetRef(rule.list.source);
    if (!at) return { kind: "list", list: rule.list.source.split(",") };
    const lists = excel.workbook.findSheet(LISTS_SHEET);
    const r = parseA1(at.ref)!;
    const items: string[] = [];
    for (let row = r.top; row <= r.bottom; row++) items.push(String(lists?.cell(row, r.left)?.value ?? ""));
    return { kind: "list", list: items };
  }
  const [kind, basic] = rule.date
    ? (["date", rule.date] as const)
    : rule.wholeNumber
      ? (["whole", rule.wholeNumber] as const)
      : (["decimal", rule.decimal!] as const);
  const num = (v: string | number | undefined) =>
    v === undefined ? undefined : kind === "date" ? isoToSerial(String(v)) : Number(v);
  const nums = [num(basic.formula1), num(basic.formula2)].filter((n): n is number => n !== undefined);
  return ruleFromBounds(kind, OPERATOR[basic.operator], nums) ?? { kind: "list", list: ["?"] };
}

function styleOf(cell: FakeCell): CellStyle | undefined {
  const s: CellStyle = {};
  if (cell.bold) s.bold = true;
  if (cell.fill) s.fill = hex(cell.fill);
  if (cell.fontColor) s.fontColor = hex(cell.fontColor);
  if (cell.wrap) s.wrap = true;
  const b = cell.borders;
  if (b?.top && b.bottom && b.left && b.right) s.border = true;
  return Object.keys(s).length ? s : undefined;
}

const inside = (r: CellRange, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

function sheetOf(excel: FakeExcel, s: FakeSheetState): ModelSheet {
  const cells: Record<string, ModelCell> = {};
  const addresses = new Set<string>();
  const at = (r: number, c: number) => rangeRef({ top: r, left: c, bottom: r, right: c });
  for (const [r, row] of s.cells) for (const [c] of row) addresses.add(`${r},${c}`);
  for (const v of s.validations)
    for (let r = v.range.top; r <= v.range.bottom; r++)
      for (let c = v.range.left; c <= v.range.right; c++) addresses.add(`${r},${c}`);
  for (const key of addresses) {
    const [r, c] = key.split(",").map(Number);
    const cell = s.cell(r, c);
    const out: ModelCell = {};
    if (cell?.formula) out.formula = cell.formula;
    else if (cell && cell.value !== "") out.value = cell.value;
    if (cell?.numberFormat && cell.numberFormat !== "General") out.numberFormat = cell.numberFormat;
    const dv = [...s.validations].reverse().find((v) => inside(v.range, r, c));
    if (dv)
      out.validation = {
        rule: ruleOf(excel, dv.rule),
        message: String((dv.errorAlert as { message?: string } | undefined)?.message ?? ""),
      };
    if (cell?.hyperlink)
      out.hyperlink = cell.hyperlink.documentReference
        ? `#${cell.hyperlink.documentReference}`
        : (cell.hyperlink.address ?? "");
    if (cell?.locked === false) out.locked = false;
    const style = cell && styleOf(cell);
    if (style) out.style = style;
    if (Object.keys(out).length) cells[at(r, c)] = out;
  }
  const layout = s.pageLayout;
  const chartType = (t: string) => (t === "Pie" ? "pie" : t === "BarClustered" ? "bar" : "column");
  return {
    name: s.name,
    visibility:
      s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible",
    protected: s.protected,
    cells,
    merges: s.merges.map(rangeRef),
    conditionalFormats: s.conditionalFormats
      .filter((cf) => cf.type === "Custom")
      .map((cf) => ({
        ref: rangeRef(cf.range),
        formula: cf.formula ?? "",
        fill: hex(cf.fill) ?? "",
        ...(cf.fontColor ? { fontColor: hex(cf.fontColor) } : {}),
      })),
    freeze: s.freeze && (s.freeze.rows || s.freeze.cols) ? { ...s.freeze } : null,
    layout: layout
      ? {
          orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
          fitToWidth: layout.zoom.horizontalFitToPages === 1,
          ...(layout.printArea ? { printArea: rangeRef(layout.printArea) } : {}),
          ...(layout.printTitleRows ? { repeatRows: { ...layout.printTitleRows } } : {}),
        }
      : null,
    ...(s.autoFilter ? { autoFilter: rangeRef(s.autoFilter) } : {}),
    ...(s.tables.length
      ? {
          tables: s.tables.map((t) => ({
            name: t.name,
            ref: rangeRef(t.range),
            columns: [...t.columns],
            showHeaders: t.showHeaders,
            showTotals: t.showTotals,
          })),
        }
      : {}),
    charts: s.charts.map((ch) => ({
      type: chartType(ch.type),
      data: rangeRef(ch.data),
      anchor: rangeRef(parseA1(`${ch.from}:${ch.to}`)!),
      title: ch.title,
    })),
  };
}

export function fakeSnapshot(excel: FakeExcel): ModelWorkbook {
  const wb = excel.workbook;
  const names: Record<string, string> = {};
  for (const n of wb.names) {
    const sheet = wb.sheets.find((s) => s.uid === n.sheetUid);
    names[n.name] = sheet ? `${quoteSheetName(sheet.name)}!${rangeRef(n.rect)}` : "#REF!";
  }
  return normaliseModel({
    names,
    sheets: wb.sheets.filter((s) => !isOwnSheet(s.name)).map((s) => sheetOf(excel, s)),
  });
}
