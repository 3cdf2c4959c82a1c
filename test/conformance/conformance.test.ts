/**
 * One suite, every host: the same plans applied to the in-memory host, the .xlsx host (through a written file) and
 * the typed fake Excel must give the same workbook, compared through the normalised model cell by cell.
 */
import { SCENARIOS } from "./plans";
import { fakeResult, memoryResult, xlsxResult } from "./hosts";

describe.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
  test(".xlsx host = in-memory host", async () => {
    const { snapshot } = await xlsxResult(scenario);
    expect(snapshot).toEqual(memoryResult(scenario));
  });

  test("Office.js host on the typed fake Excel = in-memory host", async () => {
    const { snapshot, notices } = await fakeResult(scenario);
    expect(notices).toEqual([]);
    expect(snapshot).toEqual(memoryResult(scenario));
  });
});

/** Hand-written expectations on every host's result, so agreement cannot hide a feature none of them wrote. */
describe("each host writes what the scenarios ask for", () => {
  const byName = (name: string) => SCENARIOS.find((s) => s.name.startsWith(name))!;
  const results = async (name: string) => {
    const s = byName(name);
    return [memoryResult(s), (await xlsxResult(s)).snapshot, (await fakeResult(s)).snapshot];
  };

  test("protection, panes, filter, layout, styles", async () => {
    for (const wb of await results("locking")) {
      expect(wb.sheets[0]).toMatchObject({
        protected: true,
        freeze: { rows: 2, cols: 1 },
        autoFilter: "A2:E5",
        layout: {
          orientation: "landscape",
          fitToWidth: true,
          printArea: "A1:E5",
          repeatRows: { top: 1, bottom: 1 },
        },
      });
      expect(wb.sheets[0].cells.B2).toEqual({
        value: "Мероприятие",
        style: { bold: true, fill: "D9E1F2", wrap: true, border: true },
      });
      expect(wb.sheets[0].cells.E4).toEqual({ locked: false });
    }
  });

  test("validation kinds, links, names, formats removed by marker", async () => {
    for (const wb of await results("validation")) {
      expect(wb.sheets[0].cells.F3.validation).toEqual({
        rule: { kind: "date", min: "2024-01-01", max: "2025-12-31" },
        message: "Дата в 2024–2025 годах.",
      });
      expect(wb.sheets[0].cells.K5.validation?.rule).toEqual({
        kind: "list",
        list: ["Выполнено, с замечаниями", "Частично", "Не начато"],
      });
    }
    for (const wb of await results("links")) {
      expect(wb.names).toEqual({ RM_Status: "Лист1!E3:E5", rm_total: "Лист1!B2:C2" });
      expect(wb.sheets[0].cells.F4).toEqual({ value: "=к отчёту", hyperlink: "#'Отчёт'!A1" });
    }
    for (const wb of await results("conditional")) {
      expect(wb.sheets[0].conditionalFormats.map((cf) => cf.formula).sort()).toEqual([
        '=AND($A3>1,"USER"<>"")',
        '=AND($E3<>"Выполнено",$C3<TODAY(),"RM:signal"<>"")',
        '=LEN("RM:signal")>0',
      ]);
    }
  });
});

describe("Excel Tables: every host moves, grows and extends them alike, header cells equal to column names", () => {
  const scenario = SCENARIOS.find((s) => s.name.startsWith("an Excel Table"))!;

  test.each([
    ["in-memory", async () => memoryResult(scenario)],
    [".xlsx", async () => (await xlsxResult(scenario)).snapshot],
    ["fake Excel", async () => (await fakeResult(scenario)).snapshot],
  ])("%s", async (_host, result) => {
    const wb = await result();
    const [roadmap, totals] = wb.sheets;
    expect(roadmap.tables).toEqual([
      {
        name: "Мероприятия",
        ref: "A2:H4",
        columns: [
          "№",
          "Мероприятие",
          "Столбец1",
          "Срок",
          "Ответственный",
          "Статус",
          "Дата выполнения",
          "Комментарий",
        ],
        showHeaders: true,
        showTotals: false,
      },
    ]);
    expect(["C2", "G2", "H2"].map((a) => roadmap.cells[a]?.value)).toEqual([
      "Столбец1",
      "Дата выполнения",
      "Комментарий",
    ]);
    // The note right of the table moved with both insertions, and nothing overwrote it.
    expect(roadmap.cells.K3).toEqual({ value: "справа от таблицы" });
    expect(roadmap.cells.H3).toEqual({ value: "в срок" });
    // Row 4 («Диагностика») deleted: row 5 moved up.
    expect(roadmap.cells.B4).toEqual({ value: "=не формула" });
    expect(totals.tables?.[0]).toMatchObject({ ref: "A1:C2", columns: ["Показатель", "Значение", "Статус"] });
    expect(totals.cells.C1).toEqual({ value: "Статус" });
  });

  test("Excel 2016 (ExcelApi 1.1): the table is not extended, with a Russian notice", async () => {
    const old = await fakeResult(scenario, "1.1");
    expect(old.notices).toContain(
      "Новые столбцы внутри таблицы Excel (они добавлены рядом с таблицей обычными ячейками): для этого нужен Excel 2019 или Microsoft 365 (ExcelApi 1.4); в вашей версии Excel этой возможности нет.",
    );
    expect(old.snapshot.sheets[1].tables?.[0]).toMatchObject({ ref: "A1:B2" });
  });
});

describe("an older Excel: ops it cannot do are skipped with a Russian notice, the rest applies", () => {
  test("Excel 2016 (ExcelApi 1.1) and Excel 2019 (1.7)", async () => {
    const s = SCENARIOS.find((x) => x.name.startsWith("locking"))!;
    const old = await fakeResult(s, "1.1");
    expect(old.notices).toEqual([
      "Защита листа и незащищённые ячейки для ввода: для этого нужен Excel 2019 или Microsoft 365 (ExcelApi 1.2); в вашей версии Excel этой возможности нет.",
      "Закрепление строк и столбцов: для этого нужен Excel 2019 или Microsoft 365 (ExcelApi 1.7); в вашей версии Excel этой возможности нет.",
      "Фильтр в строке заголовка: для этого нужен Excel 2021 или Microsoft 365 (ExcelApi 1.9); в вашей версии Excel этой возможности нет.",
      "Параметры печати (ориентация, область печати, сквозные строки): для этого нужен Excel 2021 или Microsoft 365 (ExcelApi 1.9); в вашей версии Excel этой возможности нет.",
    ]);
    // Styles need only ExcelApi 1.1: written.
    expect(old.snapshot.sheets[0].cells.B2.style).toEqual({
      bold: true,
      fill: "D9E1F2",
      wrap: true,
      border: true,
    });
    expect(old.snapshot.sheets[0]).toMatchObject({ protected: false, freeze: null, layout: null });
    const v2019 = await fakeResult(s, "1.7");
    expect(v2019.notices.map((n) => n.split(":")[0])).toEqual([
      "Фильтр в строке заголовка",
      "Параметры печати (ориентация, область печати, сквозные строки)",
    ]);
    expect(v2019.snapshot.sheets[0]).toMatchObject({ protected: true, freeze: { rows: 2, cols: 1 } });
  });
});
