/**
 * A school's form as an EditPlan for a blank workbook: «Показатели» (a row per indicator, the school's name
 * locked, plain instructions at the top), «Мероприятия» (the activities due, with status / document /
 * comment cells), and the fingerprint (fingerprint.ts): the very hidden sheet FINGERPRINT_SHEET and one
 * defined name per input cell. Only input cells are unlocked; each is validated by its type.
 */
import { plural } from "../ru/plural";
import type { EditOp, EditPlan, ValidationRule } from "../edit-plan";
import { a1, type CellRange, type CellValue } from "../grid";
import { formatRuDate } from "../russian-dates";
import { parseQuarter } from "../quarter";
import {
  FINGERPRINT_MARKER,
  FINGERPRINT_SHEET,
  activityInputName,
  inputName,
  type ActivityInput,
  type Fingerprint,
  type FormInput,
} from "./fingerprint";
import {
  finishSheetOps,
  headerColumnWidths,
  inputsOf,
  partLabels,
  rowFormulas,
  targetCell,
  validationOf,
  YES_NO,
  type RowColumns,
} from "./layout";
import { defaultReturnBy, quarterLabel, targetFor, type MonitoringTemplate } from "./template";
import { ACTIVITY_STATUSES, HEADER_FILL, INPUT_FILL } from "./workbook-plan";

export const FORM_INDICATOR_SHEET = "Показатели";
export const FORM_ACTIVITY_SHEET = "Мероприятия";
/** A cell holds at most 32,767 characters. */
const CHUNK = 32000;

const COLS: RowColumns = {
  first: "D",
  second: "E",
  value: "F",
  target: "G",
  deviation: "H",
  attainment: "I",
};
const col = (letter: string) => letter.charCodeAt(0) - 65;
const range = (top: number, left: number, bottom = top, right = left): CellRange => ({
  top,
  left,
  bottom,
  right,
});
/** 0-based row of the first indicator on «Показатели» (header one above). */
export const FORM_FIRST_ROW = 7;
/** 0-based row of the first activity on «Мероприятия». */
export const FORM_FIRST_ACTIVITY_ROW = 4;

export interface SchoolForm {
  plan: EditPlan;
  fingerprint: Fingerprint;
}

/** Cells of one column on consecutive rows with the same key, as ranges. */
function runs<T extends { r: number; c: number }>(
  cells: T[],
  key: (x: T) => string,
): { range: CellRange; first: T }[] {
  const sorted = [...cells].sort((a, b) => a.c - b.c || a.r - b.r);
  const out: { range: CellRange; first: T }[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && last.range.left === x.c && last.range.bottom === x.r - 1 && key(last.first) === key(x))
      last.range.bottom = x.r;
    else out.push({ range: range(x.r, x.c), first: x });
  }
  return out;
}

function indicatorOps(
  t: MonitoringTemplate,
  school: string,
  due: string,
): { ops: EditOp[]; inputs: FormInput[] } {
  const sheet = FORM_INDICATOR_SHEET;
  const q = parseQuarter(t.quarter)!;
  const header = [
    "№",
    "Показатель",
    "Ед. изм.",
    "Числитель / прошлый период",
    "Знаменатель / значение",
    "Значение",
    `Цель ${t.targetYear}`,
    "Отклонение",
    "Достижение, %",
  ];
  const ops: EditOp[] = [{ op: "addSheet", sheet }];
  ops.push({
    op: "setValues",
    sheet,
    row: 0,
    col: 0,
    values: [
      [`Форма мониторинга: ${quarterLabel(q)}`],
      ["Школа:", school],
      [
        "Что заполнить: только жёлтые ячейки на этом листе и на листе «Мероприятия». Остальные ячейки защищены и считаются сами.",
      ],
      [
        "Доля: числитель — сколько (например, педагогов прошли курсы), знаменатель — из скольких всего; процент посчитается сам. Количество — целое число. Да/Нет — выберите из списка.",
      ],
      [
        `Срок: до ${formatRuDate(due)}. Сохраните файл в формате .xlsx, не меняя названий листов, и отправьте его обратно в орган управления образованием.`,
      ],
      [],
      header,
    ],
  });
  ops.push({ op: "setStyle", sheet, range: range(0, 0, 1, 1), bold: true });
  ops.push({ op: "setStyle", sheet, range: range(2, 0, 4, 0), wrap: false });
  ops.push({
    op: "setStyle",
    sheet,
    range: range(6, 0, 6, 8),
    bold: true,
    fill: HEADER_FILL,
    wrap: true,
    border: true,
  });
  const inputs: FormInput[] = [];
  // Rows are written as one block each (values, formulas, hints), input cells grouped into runs of one column
  // and one type: a form of 25 indicators is a few dozen ops, not hundreds.
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const hints: CellValue[][] = [];
  const cells: { r: number; c: number; key: string; rule: ValidationRule | null; message: string }[] = [];
  t.indicators.forEach((ind, k) => {
    const r = FORM_FIRST_ROW + k;
    const target = targetFor(ind.targets, t.targetYear);
    const labels = partLabels(ind.type);
    values.push([k + 1, ind.text, ind.unit ?? "", null, null, null, targetCell(target)]);
    const f = rowFormulas(ind, target, COLS, r + 1);
    formulas.push([f.value, null, f.deviation, f.attainment]);
    // The label of a two-part row's inputs, so a school sees which is which.
    hints.push([labels.first ? `${labels.first} / ${labels.second}` : null]);
    for (const input of inputsOf(ind.type)) {
      const c = col(COLS[input.slot]);
      const v = validationOf(input.type);
      const message = v ? `${v.message} (${labels[input.slot]})` : "";
      cells.push({ r, c, key: `${input.type}|${message}`, rule: v?.rule ?? null, message });
      const name = inputName(ind.id, input.part);
      ops.push({ op: "setDefinedName", sheet, name, range: range(r, c) });
      inputs.push({ indicator: ind.id, part: input.part, sheet, cell: a1(r, c), type: input.type, name });
    }
  });
  if (values.length) {
    ops.push({ op: "setValues", sheet, row: FORM_FIRST_ROW, col: 0, values });
    ops.push({ op: "setFormulas", sheet, row: FORM_FIRST_ROW, col: col(COLS.value), formulas });
    ops.push({ op: "setValues", sheet, row: FORM_FIRST_ROW, col: col(COLS.attainment) + 1, values: hints });
  }
  for (const run of runs(cells, () => "")) {
    ops.push({ op: "setLocked", sheet, range: run.range, locked: false });
    ops.push({ op: "setStyle", sheet, range: run.range, fill: INPUT_FILL, border: true });
  }
  for (const run of runs(cells, (x) => x.key))
    if (run.first.rule)
      ops.push({
        op: "setValidation",
        sheet,
        range: run.range,
        rule: run.first.rule,
        message: run.first.message,
      });
  const last = FORM_FIRST_ROW + Math.max(t.indicators.length, 1) - 1;
  ops.push({ op: "setStyle", sheet, range: range(FORM_FIRST_ROW, 1, last, 1), wrap: true });
  ops.push(
    ...finishSheetOps(sheet, {
      freeze: { rows: FORM_FIRST_ROW, cols: 0 },
      widths: headerColumnWidths(header, [5, 55, 9, 13, 13, 11, 10, 11, 12, 30]),
      headerRow: 6,
      printArea: range(0, 0, last, 8),
    }),
  );
  return { ops, inputs };
}

function activityOps(t: MonitoringTemplate, school: string): { ops: EditOp[]; inputs: ActivityInput[] } {
  const sheet = FORM_ACTIVITY_SHEET;
  const ops: EditOp[] = [{ op: "addSheet", sheet }];
  const header = ["№", "Мероприятие", "Срок", "Статус", "Подтверждающий документ", "Комментарий"];
  ops.push({
    op: "setValues",
    sheet,
    row: 0,
    col: 0,
    values: [
      ["Мероприятия дорожной карты со сроком в этом квартале"],
      ["Школа:", school],
      [
        "Для каждого мероприятия выберите статус из списка, укажите подтверждающий документ (название, номер и дату или ссылку) и, если нужно, комментарий. Для «Не выполнено» комментарий обязателен.",
      ],
      header,
    ],
  });
  ops.push({ op: "setStyle", sheet, range: range(0, 0, 1, 1), bold: true });
  ops.push({
    op: "setStyle",
    sheet,
    range: range(3, 0, 3, 5),
    bold: true,
    fill: HEADER_FILL,
    wrap: true,
    border: true,
  });
  const inputs: ActivityInput[] = [];
  const first = FORM_FIRST_ACTIVITY_ROW;
  if (t.activities.length === 0) {
    ops.push({
      op: "setValues",
      sheet,
      row: first,
      col: 0,
      values: [["В этом квартале мероприятий со сроком нет: лист заполнять не нужно."]],
    });
  } else {
    ops.push({
      op: "setValues",
      sheet,
      row: first,
      col: 0,
      values: t.activities.map((a, i) => [
        a.number ?? String(i + 1),
        a.activity,
        a.deadline,
        null,
        null,
        null,
      ]),
    });
    const last = first + t.activities.length - 1;
    ops.push({
      op: "setValidation",
      sheet,
      range: range(first, 3, last, 3),
      rule: { kind: "list", list: ACTIVITY_STATUSES },
      message: "Выберите статус из списка.",
    });
    ops.push({ op: "setLocked", sheet, range: range(first, 3, last, 5), locked: false });
    ops.push({
      op: "setStyle",
      sheet,
      range: range(first, 3, last, 5),
      fill: INPUT_FILL,
      border: true,
      wrap: true,
    });
    ops.push({ op: "setStyle", sheet, range: range(first, 1, last, 2), wrap: true });
    t.activities.forEach((a, i) => {
      const r = first + i;
      const names = {
        status: activityInputName(a.id, "status"),
        evidence: activityInputName(a.id, "evidence"),
        comment: activityInputName(a.id, "comment"),
      };
      ops.push({ op: "setDefinedName", sheet, name: names.status, range: range(r, 3) });
      ops.push({ op: "setDefinedName", sheet, name: names.evidence, range: range(r, 4) });
      ops.push({ op: "setDefinedName", sheet, name: names.comment, range: range(r, 5) });
      inputs.push({ activity: a.id, sheet, status: a1(r, 3), evidence: a1(r, 4), comment: a1(r, 5), names });
    });
  }
  ops.push(
    ...finishSheetOps(sheet, {
      freeze: { rows: first, cols: 0 },
      widths: [5, 55, 18, 22, 30, 30],
      headerRow: 3,
    }),
  );
  return { ops, inputs };
}

/** The fingerprint sheet: A1 the marker, B1… the JSON in chunks (fingerprint.ts). */
export function fingerprintOps(fp: Fingerprint): EditOp[] {
  const json = JSON.stringify(fp);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  return [
    { op: "addSheet", sheet: FINGERPRINT_SHEET, hidden: "veryHidden" },
    { op: "setValues", sheet: FINGERPRINT_SHEET, row: 0, col: 0, values: [[FINGERPRINT_MARKER, ...chunks]] },
    { op: "setSheetVisibility", sheet: FINGERPRINT_SHEET, visibility: "veryHidden" },
    { op: "protectSheet", sheet: FINGERPRINT_SHEET },
  ];
}

export function planSchoolForm(t: MonitoringTemplate, school: string): SchoolForm {
  const due = t.returnBy ?? defaultReturnBy(t.end);
  const ind = indicatorOps(t, school, due);
  const act = activityOps(t, school);
  const fingerprint: Fingerprint = {
    marker: FINGERPRINT_MARKER,
    template: { id: t.id, version: t.version, quarter: t.quarter },
    school,
    indicators: t.indicators.map((i) => ({ id: i.id, text: i.text })),
    inputs: ind.inputs,
    activityInputs: act.inputs,
    schoolCell: { sheet: FORM_INDICATOR_SHEET, cell: "B2" },
  };
  return {
    plan: {
      summary: `Форма для школы «${school}»: ${plural(ind.inputs.length, "ячейка", "ячейки", "ячеек")} показателей, ${plural(act.inputs.length, "мероприятие", "мероприятия", "мероприятий")}.`,
      ops: [...ind.ops, ...act.ops, ...fingerprintOps(fingerprint)],
    },
    fingerprint,
  };
}

export { YES_NO };
