/**
 * The monitoring workbook's two sheets for a quarter, as an EditPlan (new sheets only; nothing the user wrote
 * is touched):
 * - «Мониторинг YYYY-QN»: a block per indicator (its title, then a row per school) with typed input cells,
 *   the year's target, and formulas for the value, the deviation and the attainment;
 * - «Мероприятия YYYY-QN»: the roadmap activities due in the quarter, with status / document / comment cells.
 * Both are protected without a password, only input cells unlocked; headers frozen; A4 landscape print.
 */
import { plural } from "../ru/plural";
import { STATUS_LIST } from "../model";
import type { EditOp, EditPlan } from "../edit-plan";
import type { CellRange, CellValue } from "../grid";
import {
  TYPE_LABEL,
  finishSheetOps,
  headerColumnWidths,
  inputsOf,
  partLabels,
  rowFormulas,
  targetCell,
  validationOf,
  type RowColumns,
} from "./layout";
import { defaultReturnBy, quarterLabel, targetFor, type MonitoringTemplate } from "./template";
import { formatRuDate } from "../russian-dates";
import { parseQuarter } from "../quarter";

/** The status drop-down of the activity inputs: the contract's list, from the model. */
export const ACTIVITY_STATUSES: string[] = [...STATUS_LIST];

export const INPUT_FILL = "FFF2CC";
export const HEADER_FILL = "D9E1F2";
export const BLOCK_FILL = "EDEDED";

const COLS: RowColumns = {
  first: "C",
  second: "D",
  value: "E",
  target: "F",
  deviation: "G",
  attainment: "H",
};
const WIDTH = 8;
const col = (letter: string) => letter.charCodeAt(0) - 65;
const range = (top: number, left: number, bottom = top, right = left): CellRange => ({
  top,
  left,
  bottom,
  right,
});

function directionLabel(d: "higher" | "lower" | null): string {
  return d === "lower" ? "лучше меньше" : d === "higher" ? "лучше больше" : "";
}

/** The indicators × schools sheet. */
export function indicatorSheetOps(t: MonitoringTemplate): EditOp[] {
  const header = [
    "№",
    "Школа",
    "Числитель / прошлый период",
    "Знаменатель / значение",
    "Значение",
    `Цель ${t.targetYear}`,
    "Отклонение",
    "Достижение, %",
  ];
  const sheet = t.sheets.indicators;
  const q = parseQuarter(t.quarter)!;
  const ops: EditOp[] = [{ op: "addSheet", sheet }];
  ops.push({
    op: "setValues",
    sheet,
    row: 0,
    col: 0,
    values: [
      [`Мониторинг показателей: ${quarterLabel(q)}`],
      [
        `Шаблон ${t.id}, версия ${t.version}. Жёлтые ячейки заполняются, остальные считаются сами. Формы школ принимаются до ${formatRuDate(t.returnBy ?? defaultReturnBy(t.end))}.`,
      ],
      [`Цель — значение на ${t.targetYear} год; отклонение = значение − цель; достижение — в % от цели.`],
      header,
    ],
  });
  ops.push({ op: "setStyle", sheet, range: range(0, 0), bold: true });
  ops.push({
    op: "setStyle",
    sheet,
    range: range(3, 0, 3, WIDTH - 1),
    bold: true,
    fill: HEADER_FILL,
    wrap: true,
    border: true,
  });
  let r = 4;
  t.indicators.forEach((ind, k) => {
    const target = targetFor(ind.targets, t.targetYear);
    const labels = partLabels(ind.type);
    const unit = ind.unit && ind.type !== "share" ? `, ${ind.unit}` : "";
    const title = `${k + 1}. ${ind.text} [${ind.id}] — ${TYPE_LABEL[ind.type]}${unit}${ind.direction ? `; ${directionLabel(ind.direction)}` : ""}`;
    ops.push({ op: "setValues", sheet, row: r, col: 0, values: [[title]] });
    ops.push({ op: "merge", sheet, range: range(r, 0, r, WIDTH - 1) });
    ops.push({
      op: "setStyle",
      sheet,
      range: range(r, 0, r, WIDTH - 1),
      bold: true,
      fill: BLOCK_FILL,
      wrap: true,
    });
    ops.push({
      op: "setValues",
      sheet,
      row: r + 1,
      col: 0,
      values: [["", "", labels.first, labels.second, labels.value, "Цель", "Отклонение", "Достижение, %"]],
    });
    ops.push({
      op: "setStyle",
      sheet,
      range: range(r + 1, 0, r + 1, WIDTH - 1),
      bold: true,
      wrap: true,
      border: true,
    });
    const top = r + 2;
    const n = t.schools.length;
    const values: CellValue[][] = t.schools.map((s, i) => [i + 1, s, null, null, null, targetCell(target)]);
    ops.push({ op: "setValues", sheet, row: top, col: 0, values });
    const formulas = t.schools.map((_, i) => {
      const f = rowFormulas(ind, target, COLS, top + i + 1);
      return [f.value, null, f.deviation, f.attainment];
    });
    ops.push({ op: "setFormulas", sheet, row: top, col: col(COLS.value), formulas });
    for (const input of inputsOf(ind.type)) {
      const c = col(COLS[input.slot]);
      const cells = range(top, c, top + n - 1, c);
      const v = validationOf(input.type);
      if (v) ops.push({ op: "setValidation", sheet, range: cells, rule: v.rule, message: v.message });
      ops.push({ op: "setLocked", sheet, range: cells, locked: false });
      ops.push({ op: "setStyle", sheet, range: cells, fill: INPUT_FILL, border: true });
    }
    r = top + n;
  });
  ops.push(
    ...finishSheetOps(sheet, {
      freeze: { rows: 4, cols: 2 },
      widths: headerColumnWidths(header, [6, 40, 14, 14, 12, 10, 12, 12]),
      headerRow: 3,
      printArea: range(0, 0, Math.max(r - 1, 3), WIDTH - 1),
    }),
  );
  return ops;
}

/** The activities due in the quarter, with the control cells to fill. */
export function activitySheetOps(t: MonitoringTemplate): EditOp[] {
  const sheet = t.sheets.activities;
  const q = parseQuarter(t.quarter)!;
  const ops: EditOp[] = [{ op: "addSheet", sheet }];
  const header = [
    "№",
    "Мероприятие",
    "Срок",
    "Ответственные",
    "Где в дорожной карте",
    "Статус",
    "Подтверждающий документ",
    "Комментарий",
  ];
  ops.push({
    op: "setValues",
    sheet,
    row: 0,
    col: 0,
    values: [
      [`Мероприятия дорожной карты со сроком в квартале: ${quarterLabel(q)}`],
      [`Шаблон ${t.id}, версия ${t.version}. Статус выбирается из списка.`],
      header,
    ],
  });
  ops.push({ op: "setStyle", sheet, range: range(0, 0), bold: true });
  ops.push({
    op: "setStyle",
    sheet,
    range: range(2, 0, 2, header.length - 1),
    bold: true,
    fill: HEADER_FILL,
    wrap: true,
    border: true,
  });
  const n = t.activities.length;
  if (n === 0) {
    ops.push({
      op: "setValues",
      sheet,
      row: 3,
      col: 0,
      values: [["В этом квартале мероприятий со сроком нет."]],
    });
  } else {
    ops.push({
      op: "setValues",
      sheet,
      row: 3,
      col: 0,
      values: t.activities.map((a, i) => [
        a.number ?? String(i + 1),
        a.activity,
        a.deadline,
        a.responsible,
        `${a.sheet}, строка ${a.row}`,
        null,
        null,
        null,
      ]),
    });
    const inputs = range(3, 5, 3 + n - 1, 7);
    ops.push({
      op: "setValidation",
      sheet,
      range: range(3, 5, 3 + n - 1, 5),
      rule: { kind: "list", list: ACTIVITY_STATUSES },
      message: "Выберите статус из списка.",
    });
    ops.push({ op: "setLocked", sheet, range: inputs, locked: false });
    ops.push({ op: "setStyle", sheet, range: inputs, fill: INPUT_FILL, border: true, wrap: true });
    ops.push({ op: "setStyle", sheet, range: range(3, 1, 3 + n - 1, 4), wrap: true });
  }
  ops.push(
    ...finishSheetOps(sheet, {
      freeze: { rows: 3, cols: 0 },
      widths: [6, 50, 18, 28, 18, 18, 28, 28],
      headerRow: 2,
      printArea: range(0, 0, Math.max(2 + n, 3), header.length - 1),
    }),
  );
  return ops;
}

export function planMonitoringWorkbook(t: MonitoringTemplate): EditPlan {
  return {
    summary:
      `Будут добавлены листы «${t.sheets.indicators}» (${t.indicators.length} показ., ${plural(t.schools.length, "школа", "школы", "школ")}) ` +
      `и «${t.sheets.activities}» (${plural(t.activities.length, "мероприятие", "мероприятия", "мероприятий")}). Существующие листы не изменяются.`,
    ops: [...indicatorSheetOps(t), ...activitySheetOps(t)],
  };
}
