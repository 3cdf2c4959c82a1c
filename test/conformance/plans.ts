/**
 * The plans every host must apply alike: each scenario is a setup plan (what the sheet held before) and the plan
 * under test, applied to a workbook holding one empty sheet «Лист1». Expected results are not written here: the
 * suite compares the hosts with each other and with hand-written spot checks (conformance.test.ts).
 */
import type { EditOp, EditPlan } from "../../src/domain/edit-plan";

export const BASE_SHEET = "Лист1";

export interface Scenario {
  name: string;
  setup: EditOp[];
  /** Excel Tables laid over the setup's cells before `act` (no op makes one): header row first. */
  tables?: { sheet: string; name: string; address: string }[];
  act: EditOp[];
}

const S = BASE_SHEET;
const R = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

const table: EditOp[] = [
  {
    op: "setValues",
    sheet: S,
    row: 0,
    col: 0,
    values: [
      ["Дорожная карта", null, null, null, null],
      ["№", "Мероприятие", "Срок", "Ответственный", "Статус"],
      [1, "Семинар для учителей", "сентябрь 2024", "Иванова А.А.", "Выполнено"],
      [2, "Диагностика", "до 01.12.2024", "Петров П.П.", null],
      [3, "=не формула", "+7 дней", "@почта", "-"],
    ],
  },
];

export const SCENARIOS: Scenario[] = [
  {
    name: "values, formulas, number formats, merge",
    setup: table,
    act: [
      { op: "merge", sheet: S, range: R(0, 0, 0, 4) },
      { op: "setFormulas", sheet: S, row: 2, col: 5, formulas: [["=A3*2"], [null], ['=IF(E5="-",1,0)']] },
      { op: "setValues", sheet: S, row: 5, col: 0, values: [[0.25, "05.06.2024"]], numberFormat: "0%" },
      { op: "setFormulas", sheet: S, row: 6, col: 1, formulas: [["=SUM(A3:A5)"]], numberFormat: "0.00" },
      { op: "setValues", sheet: S, row: 3, col: 4, values: [["Не выполнено"]] },
    ],
  },
  {
    name: "validation of every kind",
    setup: table,
    act: [
      { op: "setListValidation", sheet: S, range: R(2, 4, 4, 4), list: ["Выполнено", "Не выполнено"] },
      {
        op: "setValidation",
        sheet: S,
        range: R(2, 5, 4, 5),
        rule: { kind: "date", min: "2024-01-01", max: "2025-12-31" },
        message: "Дата в 2024–2025 годах.",
      },
      { op: "setValidation", sheet: S, range: R(2, 6, 4, 6), rule: { kind: "date" } },
      { op: "setValidation", sheet: S, range: R(2, 7, 4, 7), rule: { kind: "whole", min: 0 } },
      { op: "setValidation", sheet: S, range: R(2, 8, 4, 8), rule: { kind: "decimal", max: 100 } },
      { op: "setValidation", sheet: S, range: R(2, 9, 4, 9), rule: { kind: "decimal" } },
      {
        op: "setValidation",
        sheet: S,
        range: R(2, 10, 4, 10),
        rule: { kind: "list", list: ["Выполнено, с замечаниями", "Частично", "Не начато"] },
      },
    ],
  },
  {
    name: "conditional formats added and only ours removed",
    setup: [
      ...table,
      {
        op: "addConditionalFormat",
        sheet: S,
        range: R(2, 4, 4, 4),
        formula: '=AND($E3="Выполнено","RM:old"<>"")',
        fill: "C6EFCE",
      },
      {
        op: "addConditionalFormat",
        sheet: S,
        range: R(2, 0, 4, 0),
        formula: '=AND($A3>1,"USER"<>"")',
        fill: "FFC7CE",
      },
    ],
    act: [
      { op: "removeConditionalFormats", sheet: S, marker: "RM:old" },
      {
        op: "addConditionalFormat",
        sheet: S,
        range: R(2, 0, 4, 4),
        formula: '=AND($E3<>"Выполнено",$C3<TODAY(),"RM:signal"<>"")',
        fill: "FFC7CE",
        fontColor: "9C0006",
      },
      {
        op: "addConditionalFormat",
        sheet: S,
        range: R(3, 1),
        formula: '=LEN("RM:signal")>0',
        fill: "FFEB9C",
      },
    ],
  },
  {
    name: "links and names",
    setup: [...table, { op: "addSheet", sheet: "Отчёт" }],
    act: [
      {
        op: "setHyperlink",
        sheet: S,
        row: 2,
        col: 5,
        target: "https://school.example/приказ.pdf",
        text: "Приказ №5",
      },
      { op: "setHyperlink", sheet: S, row: 3, col: 5, target: "#'Отчёт'!A1", text: "=к отчёту" },
      { op: "setDefinedName", sheet: S, name: "RM_Status", range: R(2, 4, 4, 4) },
      { op: "setDefinedName", sheet: "Отчёт", name: "RM_Total", range: R(0, 0) },
      { op: "setDefinedName", sheet: S, name: "rm_total", range: R(1, 1, 1, 2) },
    ],
  },
  {
    name: "locking, protection, panes, layout, styles",
    setup: table,
    act: [
      {
        op: "setStyle",
        sheet: S,
        range: R(1, 0, 1, 4),
        bold: true,
        fill: "D9E1F2",
        wrap: true,
        border: true,
      },
      { op: "setStyle", sheet: S, range: R(2, 4), fontColor: "9C0006" },
      { op: "setLocked", sheet: S, range: R(2, 4, 4, 4), locked: false },
      { op: "freezePanes", sheet: S, rows: 2, cols: 1 },
      { op: "setAutoFilter", sheet: S, range: R(1, 0, 4, 4) },
      {
        op: "setPageLayout",
        sheet: S,
        orientation: "landscape",
        fitToWidth: true,
        printArea: R(0, 0, 4, 4),
        repeatRows: { top: 1, bottom: 1 },
      },
      { op: "protectSheet", sheet: S },
    ],
  },
  {
    name: "sheets added, copied, hidden, deleted",
    setup: [
      ...table,
      { op: "addSheet", sheet: "Отчёт 2024-Q3" },
      { op: "setValues", sheet: "Отчёт 2024-Q3", row: 0, col: 0, values: [["старый"]] },
    ],
    act: [
      { op: "deleteSheet", sheet: "Отчёт 2024-Q3" },
      { op: "addSheet", sheet: "Отчёт 2024-Q3" },
      { op: "setValues", sheet: "Отчёт 2024-Q3", row: 0, col: 0, values: [["новый"]] },
      { op: "addSheet", sheet: "_RM_Form", hidden: "veryHidden" },
      { op: "setValues", sheet: "_RM_Form", row: 0, col: 0, values: [['{"id":1}']] },
      { op: "addSheet", sheet: "Списки" },
      { op: "setSheetVisibility", sheet: "Списки", visibility: "hidden" },
      { op: "copySheet", sheet: S, newName: "Лист1 (копия)" },
    ],
  },
  {
    name: "columns inserted inside a formatted table",
    setup: [
      ...table,
      { op: "addSheet", sheet: "Итоги" },
      { op: "merge", sheet: S, range: R(0, 0, 0, 4) },
      { op: "setListValidation", sheet: S, range: R(2, 1, 4, 4), list: ["да", "нет"] },
      { op: "setStyle", sheet: S, range: R(1, 0, 1, 4), bold: true, fill: "D9E1F2" },
      {
        op: "addConditionalFormat",
        sheet: S,
        range: R(2, 2, 4, 3),
        formula: '=AND(C3<>"","RM:x"<>"")',
        fill: "FFEB9C",
      },
      {
        op: "addConditionalFormat",
        sheet: S,
        range: R(2, 0, 4, 0),
        formula: '=AND($A3>0,"RM:y"<>"")',
        fill: "FFEB9C",
      },
      { op: "setDefinedName", sheet: S, name: "RM_Deadlines", range: R(2, 2, 4, 2) },
      { op: "setDefinedName", sheet: S, name: "RM_Numbers", range: R(2, 0, 4, 0) },
      { op: "setFormulas", sheet: S, row: 6, col: 0, formulas: [["=COUNTA(C3:C5)&D3&$E$3"]] },
      { op: "setFormulas", sheet: "Итоги", row: 0, col: 0, formulas: [["=COUNTA('Лист1'!E3:E5)+Лист1!A3"]] },
    ],
    act: [{ op: "insertColumns", sheet: S, col: 2, count: 2 }],
  },
  {
    name: "rows deleted under validations and formats",
    setup: [
      ...table,
      { op: "setListValidation", sheet: S, range: R(2, 4, 4, 4), list: ["да", "нет"] },
      {
        op: "addConditionalFormat",
        sheet: S,
        range: R(2, 0, 4, 4),
        formula: '=AND($A3>0,"RM:z"<>"")',
        fill: "FFEB9C",
      },
      { op: "setDefinedName", sheet: S, name: "RM_Rows", range: R(3, 0, 4, 4) },
    ],
    act: [{ op: "deleteRows", sheet: S, rows: [3] }],
  },
];

SCENARIOS.push({
  name: "charts over a status table",
  setup: [
    {
      op: "setValues",
      sheet: S,
      row: 0,
      col: 0,
      values: [
        ["Статус", "Мероприятий", "Доля"],
        ["Выполнено", 12, 0.6],
        ["Не выполнено", 5, 0.25],
        ["Просрочено", 3, 0.15],
      ],
    },
    { op: "addSheet", sheet: "Отчёт 2024-Q3" },
    {
      op: "setValues",
      sheet: "Отчёт 2024-Q3",
      row: 0,
      col: 0,
      values: [
        ["Статус", "Число"],
        ["Выполнено", 1],
      ],
    },
  ],
  act: [
    {
      op: "addChart",
      sheet: S,
      type: "column",
      data: R(0, 0, 3, 1),
      anchor: R(5, 0, 20, 6),
      title: "Мероприятия по статусам",
    },
    {
      op: "addChart",
      sheet: S,
      type: "bar",
      data: R(0, 0, 3, 2),
      anchor: R(5, 8, 20, 14),
      title: "Статусы & доли",
    },
    {
      op: "addChart",
      sheet: "Отчёт 2024-Q3",
      type: "pie",
      data: R(0, 0, 1, 1),
      anchor: R(3, 0, 18, 5),
      title: "Выполнение",
    },
    { op: "insertColumns", sheet: S, col: 1, count: 1 },
  ],
});

SCENARIOS.push({
  name: "an Excel Table cut through by inserted columns, extended on its right, a body row deleted",
  setup: [
    ...table,
    { op: "setValues", sheet: S, row: 2, col: 7, values: [["справа от таблицы"]] },
    { op: "addSheet", sheet: "Итоги" },
    {
      op: "setValues",
      sheet: "Итоги",
      row: 0,
      col: 0,
      values: [
        ["Показатель", "Значение"],
        ["Охват", 10],
      ],
    },
  ],
  tables: [
    { sheet: S, name: "Мероприятия", address: "A2:E5" },
    { sheet: "Итоги", name: "Итоги", address: "A1:B2" },
  ],
  act: [
    // Inside the table: it grows by a «Столбец1» column; the note right of it moves to I3.
    { op: "insertColumns", sheet: S, col: 2, count: 1 },
    // Right of it: the table does not move; the note moves to K3.
    { op: "insertColumns", sheet: S, col: 6, count: 2 },
    { op: "extendTable", sheet: S, table: "Мероприятия", columns: ["Дата выполнения", "Комментарий"] },
    { op: "setValues", sheet: S, row: 2, col: 6, values: [["05.06.2024", "в срок"]] },
    { op: "extendTable", sheet: "Итоги", table: "итоги", columns: ["Статус"] },
    // Whole rows out of the body: the table keeps the rest.
    { op: "deleteRows", sheet: S, rows: [3] },
  ],
});

export function plan(ops: EditOp[]): EditPlan {
  return { summary: "conformance", ops };
}
