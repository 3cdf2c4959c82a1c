/**
 * The consolidated workbook as an EditPlan: a sheet «Свод YYYY-QN» (a row per school, columns per indicator,
 * totals and attainment as formulas so they stay right in Excel, LibreOffice, МойОфис without us, the activity
 * statuses) and «Приём форм» (each file, its verdict, every reason). Both sheets are ours: a rerun replaces
 * them whole; the user's other sheets are never touched, and a same-named sheet of the user's is refused.
 */
import { plural } from "../ru/plural";
import type { EditOp, EditPlan } from "../edit-plan";
import { a1, columnLetter, type CellValue } from "../grid";
import { UserFacingError } from "../host";
import { STATUS_LIST } from "../model";
import type { Consolidation } from "./consolidate";
import { VERDICT_RU } from "./record";
import type { ConsolidationTemplate, TemplateIndicator } from "./template";

export const RECEIPT_SHEET = "Приём форм";
export function svodSheetName(quarter: string): string {
  return `Свод ${quarter}`;
}

const HEADER_FILL = "DDEBF7";
const TOTAL_FILL = "FFF2CC";
const FIRST_DATA_ROW = 5; // 0-based: title, summary, blank, two header rows

interface Column {
  col: number;
  label: string;
}
/** Where each indicator's columns are on the «Свод» sheet; `main` holds the value compared with the target. */
export interface IndicatorColumns {
  indicator: TemplateIndicator;
  first: number;
  parts: Column[];
  main: number;
}

function partsOf(type: TemplateIndicator["type"]): string[] {
  switch (type) {
    case "share":
      return ["Числитель", "Знаменатель", "%"];
    case "dynamics":
      return ["Прошлый период", "Текущий период"];
    case "yesno":
      return ["Да/Нет"];
    case "count":
      return ["Количество"];
    case "text":
      return ["Ответ"];
    default:
      return ["Значение"];
  }
}

export function indicatorColumns(t: ConsolidationTemplate): IndicatorColumns[] {
  let col = 3;
  return t.indicators.map((indicator) => {
    const labels = partsOf(indicator.type);
    const parts = labels.map((label, i) => ({ col: col + i, label }));
    const main = indicator.type === "share" ? col + 2 : indicator.type === "dynamics" ? col + 1 : col;
    const out = { indicator, first: col, parts, main };
    col += labels.length;
    return out;
  });
}

/** The «Свод» cell of a school's indicator value (for links from «Приём форм»), A1; null when not there. */
export function svodCellOf(t: ConsolidationTemplate, school: string, indicator: string): string | null {
  const i = t.schools.indexOf(school);
  const ic = indicatorColumns(t).find((c) => c.indicator.id === indicator);
  if (i < 0) return null;
  if (ic) return a1(FIRST_DATA_ROW + i, ic.main);
  const ai = t.activities.findIndex((a) => a.id === indicator);
  if (ai < 0) return null;
  const cols = indicatorColumns(t);
  const after = cols.length ? cols[cols.length - 1].first + cols[cols.length - 1].parts.length : 3;
  return a1(FIRST_DATA_ROW + i, after + ai);
}

/**
 * «ID. text, unit» over an indicator's columns. A share's «%» column already says the unit, and a text that
 * ends with its unit («…дефицитов, %», «…(чел.)») is not given it twice.
 */
export function indicatorHeader(indicator: Pick<TemplateIndicator, "id" | "text" | "type" | "unit">): string {
  const text = indicator.text.trim();
  const unit = indicator.unit?.trim() ?? "";
  const escaped = unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const endsWithUnit = unit !== "" && new RegExp(`(?:^|[\\s,(])${escaped}\\)?\\.?$`, "iu").test(text);
  const say = unit !== "" && indicator.type !== "share" && !endsWithUnit;
  return `${indicator.id}. ${text}${say ? `, ${unit}` : ""}`;
}

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

export interface PlanContext {
  /** Sheet names now in the workbook. */
  sheets: string[];
  /** Sheets an earlier consolidation made (from the workbook's settings): only these may be replaced. */
  ownSheets: string[];
}

function replaceSheet(name: string, ctx: PlanContext, ops: EditOp[]): void {
  const existing = ctx.sheets.find((s) => s.toLowerCase() === name.toLowerCase());
  if (existing) {
    if (!ctx.ownSheets.some((s) => s.toLowerCase() === name.toLowerCase()))
      throw new UserFacingError(
        `В книге уже есть лист «${existing}», созданный не надстройкой: переименуйте его, чтобы свод не записался поверх.`,
      );
    ops.push({ op: "deleteSheet", sheet: existing });
  }
  ops.push({ op: "addSheet", sheet: name });
}

export function consolidationPlan(t: ConsolidationTemplate, c: Consolidation, ctx: PlanContext): EditPlan {
  const ops: EditOp[] = [];
  const svod = svodSheetName(t.template.quarter);
  replaceSheet(svod, ctx, ops);
  replaceSheet(RECEIPT_SHEET, ctx, ops);
  svodOps(t, c, svod, ops);
  receiptOps(t, c, svod, ops);
  const accepted = c.used.filter((u) => u.record).length;
  return {
    summary: `Свод за ${t.template.quarter}: принято форм от ${plural(accepted, "школы", "школ", "школ")} из ${t.schools.length}; листы «${svod}» и «${RECEIPT_SHEET}» будут созданы заново.`,
    ops,
  };
}

function svodOps(t: ConsolidationTemplate, c: Consolidation, sheet: string, ops: EditOp[]): void {
  const cols = indicatorColumns(t);
  const actFirst = cols.length ? cols[cols.length - 1].first + cols[cols.length - 1].parts.length : 3;
  const width = actFirst + t.activities.length;
  const n = t.schools.length;
  const first = FIRST_DATA_ROW + 1; // 1-based rows in formulas
  const last = FIRST_DATA_ROW + Math.max(n, 1);
  const totalRow = FIRST_DATA_ROW + Math.max(n, 1); // 0-based
  const accepted = c.used.filter((u) => u.record).length;

  const head1: CellValue[] = Array(width).fill(null);
  const head2: CellValue[] = Array(width).fill(null);
  head1[0] = "№";
  head1[1] = "Школа";
  head1[2] = "Форма";
  for (const ic of cols) {
    head1[ic.first] = indicatorHeader(ic.indicator);
    for (const p of ic.parts) head2[p.col] = p.label;
  }
  t.activities.forEach((a, i) => {
    head1[actFirst + i] = `${a.id}. ${a.activity}`;
    head2[actFirst + i] = "Статус";
  });
  ops.push({
    op: "setValues",
    sheet,
    row: 0,
    col: 0,
    values: [
      [`Свод мониторинга за ${t.template.quarter} (шаблон ${t.template.id}, версия ${t.template.version})`],
      [
        `Приняты формы ${plural(accepted, "школы", "школ", "школ")} из ${n}; не прислали или отклонены: ${n - accepted}.`,
      ],
    ],
  });
  ops.push({ op: "setValues", sheet, row: 3, col: 0, values: [head1, head2] });

  const rows: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  t.schools.forEach((school, i) => {
    const row: CellValue[] = Array(width).fill(null);
    const f: (string | null)[] = Array(width).fill(null);
    const used = c.used[i]?.record ?? null;
    row[0] = i + 1;
    row[1] = school;
    const verdict = c.returns.find((r) => used && r.key === used.key)?.verdict;
    row[2] = used ? VERDICT_RU[verdict ?? "accepted"] : "Нет принятой формы";
    const r1 = FIRST_DATA_ROW + i + 1;
    for (const ic of cols) {
      const v = used?.values.find((x) => x.indicator === ic.indicator.id);
      if (ic.indicator.type === "share") {
        if (v) {
          row[ic.first] = v.numerator ?? null;
          row[ic.first + 1] = v.denominator ?? null;
        }
        const num = `${columnLetter(ic.first)}${r1}`;
        const den = `${columnLetter(ic.first + 1)}${r1}`;
        f[ic.main] = `=IF(AND(ISNUMBER(${num}),ISNUMBER(${den}),${den}>0),ROUND(${num}/${den}*100,2),"")`;
      } else if (ic.indicator.type === "dynamics") {
        if (v) {
          row[ic.first] = v.previous ?? null;
          row[ic.first + 1] = v.value;
        }
      } else if (v) row[ic.first] = v.value;
    }
    t.activities.forEach((a, k) => {
      const s = used?.activities.find((x) => x.activity === a.id);
      if (s) row[actFirst + k] = s.status === "" ? "Не указан" : s.status;
    });
    rows.push(row);
    formulas.push(f);
  });
  if (rows.length) {
    ops.push({ op: "setValues", sheet, row: FIRST_DATA_ROW, col: 0, values: rows });
    ops.push({ op: "setFormulas", sheet, row: FIRST_DATA_ROW, col: 0, formulas });
  }

  // Totals, targets, attainment.
  const year = t.template.quarter.slice(0, 4);
  const totalF: (string | null)[] = Array(width).fill(null);
  const targetV: CellValue[] = Array(width).fill(null);
  const attainF: (string | null)[] = Array(width).fill(null);
  const T = totalRow + 1;
  const range = (col: number) => `${columnLetter(col)}${first}:${columnLetter(col)}${last}`;
  for (const ic of cols) {
    const L = (col: number) => columnLetter(col);
    const type = ic.indicator.type;
    if (type === "share") {
      totalF[ic.first] = `=SUM(${range(ic.first)})`;
      totalF[ic.first + 1] = `=SUM(${range(ic.first + 1)})`;
      totalF[ic.main] =
        `=IF(${L(ic.first + 1)}${T}>0,ROUND(${L(ic.first)}${T}/${L(ic.first + 1)}${T}*100,2),"")`;
    } else if (type === "count") totalF[ic.main] = `=SUM(${range(ic.main)})`;
    else if (type === "number")
      totalF[ic.main] = `=IF(COUNT(${range(ic.main)})>0,ROUND(AVERAGE(${range(ic.main)}),2),"")`;
    else if (type === "yesno") totalF[ic.main] = `=COUNTIF(${range(ic.main)},"Да")`;
    else if (type === "dynamics") {
      totalF[ic.first] = `=SUM(${range(ic.first)})`;
      totalF[ic.first + 1] = `=SUM(${range(ic.first + 1)})`;
    }
    const target = ic.indicator.targets[year];
    if (target === undefined || type === "text") continue;
    targetV[ic.main] = target;
    // A yes/no target is a share of «Да» answers, %.
    const value =
      type === "yesno"
        ? `IF(COUNTIF(${range(ic.main)},"Да")+COUNTIF(${range(ic.main)},"Нет")>0,COUNTIF(${range(ic.main)},"Да")/(COUNTIF(${range(ic.main)},"Да")+COUNTIF(${range(ic.main)},"Нет"))*100,"")`
        : `${L(ic.main)}${T}`;
    const tgt = `${L(ic.main)}${T + 1}`;
    attainF[ic.main] =
      ic.indicator.direction === "lower"
        ? `=IF(AND(ISNUMBER(${value}),${value}<>0),ROUND(${tgt}/${value}*100,2),"")`
        : `=IF(AND(ISNUMBER(${value}),${tgt}<>0),ROUND(${value}/${tgt}*100,2),"")`;
  }
  ops.push({
    op: "setValues",
    sheet,
    row: totalRow,
    col: 1,
    values: [["Итого"], [`Цель на ${year} год`], ["Достижение цели, %"]],
  });
  ops.push({ op: "setFormulas", sheet, row: totalRow, col: 0, formulas: [totalF] });
  ops.push({
    op: "setValues",
    sheet,
    row: totalRow + 1,
    col: 0,
    values: [targetV.map((v, i) => (i === 1 ? `Цель на ${year} год` : v))],
  });
  ops.push({ op: "setFormulas", sheet, row: totalRow + 2, col: 0, formulas: [attainF] });

  // Activity statuses: how many schools report each status, per activity.
  const actRow = totalRow + 4;
  if (t.activities.length) {
    const statuses = [...STATUS_LIST, "Не указан"];
    ops.push({
      op: "setValues",
      sheet,
      row: actRow,
      col: 1,
      values: [["Статусы мероприятий (число школ)"], ...statuses.map((s) => [s])],
    });
    const f = statuses.map((s) => {
      const line: (string | null)[] = Array(width).fill(null);
      t.activities.forEach((_, k) => (line[actFirst + k] = `=COUNTIF(${range(actFirst + k)},"${s}")`));
      return line;
    });
    ops.push({ op: "setFormulas", sheet, row: actRow + 1, col: 0, formulas: f });
  }
  const targeted = cols.filter((ic) => attainF[ic.main] !== null);
  const chartRow = actRow + (t.activities.length ? STATUS_LIST.length + 3 : 0);
  attainmentChartOps(sheet, year, chartRow, targeted, (ic) => `${columnLetter(ic.main)}${T + 2}`, ops);

  ops.push({ op: "setStyle", sheet, range: { top: 0, left: 0, bottom: 0, right: 0 }, bold: true });
  ops.push({
    op: "setStyle",
    sheet,
    range: { top: 3, left: 0, bottom: 4, right: width - 1 },
    bold: true,
    fill: HEADER_FILL,
    wrap: true,
    border: true,
  });
  ops.push({
    op: "setStyle",
    sheet,
    range: { top: totalRow, left: 0, bottom: totalRow + 2, right: width - 1 },
    bold: true,
    fill: TOTAL_FILL,
    border: true,
  });
  ops.push({ op: "freezePanes", sheet, rows: FIRST_DATA_ROW, cols: 2 });
  const widths = [
    { col: 0, width: 5 },
    { col: 1, width: 40 },
    { col: 2, width: 22 },
  ];
  for (let col = 3; col < width; col++) widths.push({ col, width: 14 });
  ops.push({ op: "setColumnWidths", sheet, widths });
}

/**
 * A native chart of each indicator's attainment against the year's target. Its data is a small column
 * block of formulas pointing at the «Достижение цели, %» row, since a chart reads categories down a column.
 */
function attainmentChartOps(
  sheet: string,
  year: string,
  top: number,
  targeted: IndicatorColumns[],
  attainmentCell: (ic: IndicatorColumns) => string,
  ops: EditOp[],
): void {
  if (!targeted.length) return;
  ops.push({
    op: "setValues",
    sheet,
    row: top,
    col: 1,
    values: [
      [`Достижение целей на ${year} год`, "Достижение, %"],
      ...targeted.map((ic) => [`${ic.indicator.id}. ${ic.indicator.text}`, null]),
    ],
  });
  ops.push({
    op: "setFormulas",
    sheet,
    row: top + 1,
    col: 2,
    formulas: targeted.map((ic) => [`=${attainmentCell(ic)}`]),
  });
  ops.push({
    op: "setStyle",
    sheet,
    range: { top, left: 1, bottom: top, right: 2 },
    bold: true,
    fill: HEADER_FILL,
    border: true,
  });
  const bottom = top + targeted.length;
  ops.push({
    op: "addChart",
    sheet,
    type: "bar",
    data: { top, left: 1, bottom, right: 2 },
    anchor: { top, left: 3, bottom: top + Math.max(targeted.length + 2, 14), right: 10 },
    title: `Достижение целей на ${year} год, %`,
  });
}

function receiptOps(t: ConsolidationTemplate, c: Consolidation, svod: string, ops: EditOp[]): void {
  const sheet = RECEIPT_SHEET;
  const count = (v: string) => c.returns.filter((r) => r.verdict === v).length;
  ops.push({
    op: "setValues",
    sheet,
    row: 0,
    col: 0,
    values: [
      [`Приём форм мониторинга за ${t.template.quarter}`],
      [
        `Получено файлов: ${c.returns.length}; принято: ${count("accepted")}; с замечаниями: ${count("accepted_with_remarks")}; отклонено: ${count("rejected")}; заменено более новыми: ${count("superseded")}; школ без принятой формы: ${c.missing.length}.`,
      ],
    ],
  });
  const header = [
    "Файл",
    "Школа",
    "Решение",
    "Сохранена",
    "Важность",
    "Ячейка в форме",
    "Причина",
    "В своде",
  ];
  ops.push({ op: "setValues", sheet, row: 3, col: 0, values: [header] });
  const rows: CellValue[][] = [];
  const links: { row: number; target: string }[] = [];
  const saved = new Map(c.records.map((r) => [r.key, r.savedAt]));
  c.returns.forEach((r) => {
    const savedAt = saved.get(r.key) ?? null;
    const head: CellValue[] = [
      r.file,
      r.school,
      VERDICT_RU[r.verdict],
      savedAt ? savedAt.replace("T", " ").slice(0, 16) : null,
    ];
    if (r.reasons.length === 0) rows.push([...head, null, null, null, null]);
    for (const reason of r.reasons) {
      const target = r.school && reason.indicator ? svodCellOf(t, r.school, reason.indicator) : null;
      if (target && r.verdict !== "rejected" && r.verdict !== "superseded")
        links.push({ row: FIRST_DATA_ROW - 1 + rows.length, target: `#${quote(svod)}!${target}` });
      rows.push([
        ...head,
        reason.severity === "error" ? "Ошибка" : "Замечание",
        reason.cell,
        reason.message,
        null,
      ]);
    }
  });
  if (rows.length) ops.push({ op: "setValues", sheet, row: 4, col: 0, values: rows });
  for (const l of links)
    ops.push({ op: "setHyperlink", sheet, row: l.row, col: 7, target: l.target, text: "Перейти" });
  const missingRow = 4 + rows.length + 1;
  ops.push({
    op: "setValues",
    sheet,
    row: missingRow,
    col: 0,
    values: [[`Школы без принятой формы (${c.missing.length}) — позвонить:`], ...c.missing.map((s) => [s])],
  });
  ops.push({ op: "setStyle", sheet, range: { top: 0, left: 0, bottom: 0, right: 0 }, bold: true });
  ops.push({
    op: "setStyle",
    sheet,
    range: { top: 3, left: 0, bottom: 3, right: header.length - 1 },
    bold: true,
    fill: HEADER_FILL,
    border: true,
  });
  ops.push({
    op: "setStyle",
    sheet,
    range: { top: missingRow, left: 0, bottom: missingRow, right: 0 },
    bold: true,
  });
  ops.push({ op: "freezePanes", sheet, rows: 4, cols: 0 });
  ops.push({
    op: "setColumnWidths",
    sheet,
    widths: [
      { col: 0, width: 30 },
      { col: 1, width: 30 },
      { col: 2, width: 20 },
      { col: 3, width: 17 },
      { col: 4, width: 11 },
      { col: 5, width: 16 },
      { col: 6, width: 70 },
      { col: 7, width: 10 },
    ],
  });
}
