/**
 * Office.js: a plan with every op makes the same number of context.sync() calls for 10 rows as for 10,000
 * (Standards: constant round trips whatever the size), each request under the 5 MB limit.
 */
import type { EditOp } from "../../src/domain/edit-plan";
import type { CellValue } from "../../src/domain/grid";
import { ExcelWorkbookHost } from "../../src/excel/host";
import { FakeExcel } from "../fake-excel";

const S = "Дорожная карта";
const R = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

function table(n: number): CellValue[][] {
  const rows: CellValue[][] = [["Дорожная карта"], ["№", "Мероприятие", "Срок", "Ответственный", "Статус"]];
  for (let i = 1; i <= n; i++) rows.push([i, `Мероприятие ${i}`, "до 01.12.2024", "Иванова А.А.", null]);
  return rows;
}

function everyOp(n: number): EditOp[] {
  const last = n + 1;
  return [
    { op: "copySheet", sheet: S, newName: "Резервная копия" },
    { op: "deleteSheet", sheet: "Отчёт 2024-Q3" },
    { op: "addSheet", sheet: "Отчёт 2024-Q3" },
    { op: "addSheet", sheet: "_RM_Form", hidden: "veryHidden" },
    { op: "setSheetVisibility", sheet: "_RM_Form", visibility: "hidden" },
    { op: "deleteRows", sheet: S, rows: [last, last - 1] },
    { op: "insertColumns", sheet: S, col: 5, count: 2 },
    { op: "unmerge", sheet: S, range: R(0, 0, 0, 6) },
    { op: "merge", sheet: S, range: R(0, 0, 0, 6) },
    { op: "setValues", sheet: S, row: 1, col: 5, values: [["Статус", "Дата выполнения"]] },
    {
      op: "setValues",
      sheet: S,
      row: 2,
      col: 6,
      values: table(n)
        .slice(2)
        .map((_, i) => [`0${(i % 9) + 1}.10.2024`]),
    },
    {
      op: "setFormulas",
      sheet: S,
      row: 2,
      col: 7,
      formulas: table(n)
        .slice(2)
        .map((_, i) => [`=IF(F${i + 3}="Выполнено",1,0)`]),
    },
    { op: "setListValidation", sheet: S, range: R(2, 5, last, 5), list: ["Выполнено", "Не выполнено"] },
    { op: "setValidation", sheet: S, range: R(2, 6, last, 6), rule: { kind: "date", min: "2024-01-01" } },
    { op: "setValidation", sheet: S, range: R(2, 7, last, 7), rule: { kind: "whole", min: 0, max: 1 } },
    { op: "removeConditionalFormats", sheet: S, marker: "RM:signal" },
    {
      op: "addConditionalFormat",
      sheet: S,
      range: R(2, 0, last, 6),
      formula: '=AND($F3<>"Выполнено",$G3="","RM:signal"<>"")',
      fill: "FFC7CE",
      fontColor: "9C0006",
    },
    { op: "setHyperlink", sheet: S, row: 2, col: 8, target: "https://school.example/a.pdf", text: "Приказ" },
    { op: "setDefinedName", sheet: S, name: "RM_Status", range: R(2, 5, last, 5) },
    { op: "setStyle", sheet: S, range: R(1, 0, 1, 7), bold: true, fill: "D9E1F2", wrap: true, border: true },
    { op: "setColumnWidths", sheet: S, widths: [{ col: 5, width: 16 }] },
    { op: "setAutoFilter", sheet: S, range: R(1, 0, last, 7) },
    { op: "freezePanes", sheet: S, rows: 2, cols: 0 },
    {
      op: "setPageLayout",
      sheet: S,
      orientation: "landscape",
      fitToWidth: true,
      printArea: R(0, 0, last, 7),
      repeatRows: { top: 1, bottom: 1 },
    },
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
    {
      op: "addChart",
      sheet: "Отчёт 2024-Q3",
      type: "pie",
      data: R(0, 0, 1, 1),
      anchor: R(3, 0, 18, 6),
      title: "Выполнение",
    },
    { op: "setLocked", sheet: S, range: R(2, 5, last, 6), locked: false },
    { op: "protectSheet", sheet: S },
  ];
}

async function syncsFor(n: number): Promise<{ syncs: number; maxRequest: number; excel: FakeExcel }> {
  const excel = new FakeExcel();
  const host = new ExcelWorkbookHost(excel.run, { isSetSupported: excel.requirements.isSetSupported });
  excel.addSheet(S);
  excel.addSheet("Отчёт 2024-Q3");
  await host.apply({
    summary: "",
    ops: [
      { op: "setValues", sheet: S, row: 0, col: 0, values: table(n) },
      {
        op: "addConditionalFormat",
        sheet: S,
        range: R(2, 4, n + 1, 4),
        formula: '=LEN("RM:signal")>0',
        fill: "FFEB9C",
      },
      { op: "addConditionalFormat", sheet: S, range: R(2, 0, n + 1, 0), formula: "=A3>5", fill: "FFEB9C" },
    ],
  });
  excel.resetCounters();
  const outcome = await host.apply({ summary: "", ops: everyOp(n) });
  expect(outcome.notices).toEqual([]);
  return { syncs: excel.syncCount, maxRequest: excel.maxRequestBytes, excel };
}

test("every op on 10 and on 10,000 rows: the same number of syncs, requests under 5 MB", async () => {
  const small = await syncsFor(10);
  const large = await syncsFor(10_000);
  // 1 sheets and protection, 1 reads before writing (merge cells, names, formats), 1 formulas of the formats
  // a removal looks at, then the writes in one chunk.
  expect(small.syncs).toBe(4);
  expect(large.syncs).toBe(small.syncs);
  expect(large.maxRequest).toBeLessThan(5 * 1024 * 1024);
  // The work was done: the last formula row (row 10,002), the moved status column's drop-down, protection.
  const sheet = large.excel.sheet(S);
  expect(sheet.protected).toBe(true);
  expect(sheet.cell(10_001, 7)?.formula).toBe('=IF(F10002="Выполнено",1,0)');
  expect(sheet.validations.map((v) => v.range)).toContainEqual(R(2, 5, 10_001, 5));
  expect(sheet.conditionalFormats.map((cf) => cf.formula)).toEqual([
    '=AND($F3<>"Выполнено",$G3="","RM:signal"<>"")',
    "=A3>5",
  ]);
});
