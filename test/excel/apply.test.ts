import type { EditPlan } from "../../src/domain/edit-plan";
import { UserFacingError } from "../../src/domain/host";
import { EXCEL_MESSAGES } from "../../src/excel/host";
import { jsonBytes, readValues } from "../fake-excel";
import { roadmapRows, setup } from "./helpers";

const plan = (...ops: EditPlan["ops"]): EditPlan => ({ summary: "Проверка", ops });

describe("apply", () => {
  test("a small plan: one check round trip, then one write round trip", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", roadmapRows(3));
    await host.apply(
      plan(
        { op: "setValues", sheet: "Лист1", row: 1, col: 4, values: [["Выполнено"], ["В работе"]] },
        { op: "setColumnWidths", sheet: "Лист1", widths: [{ col: 4, width: 20 }] },
      ),
    );
    expect(excel.syncCount).toBe(2);
    expect(readValues(sheet, "E2:E3")).toEqual([["Выполнено"], ["В работе"]]);
    // 20 characters: 7 px each + 5 px padding = 145 px = 108.75 pt.
    expect(sheet.columnWidths.get(4)).toBe(108.75);
  });

  test("a huge plan is split by rows into requests under the limit: syncs = 1 + chunks", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1");
    const cell = "ж".repeat(50);
    const values = Array.from({ length: 20000 }, (_, i) => [`${cell}`, cell, cell, cell, `Строка ${i + 1}`]);
    // As one request it would not pass Excel on the web.
    expect(jsonBytes(values)).toBeGreaterThan(5 * 1024 * 1024);
    await host.apply(plan({ op: "setValues", sheet: "Лист1", row: 0, col: 0, values }));
    // Rows are ~517 bytes: 7,721 rows fit in 4,000,000 bytes → chunks of 7,721 + 7,721 + 4,558 rows.
    expect(excel.syncCount).toBe(4);
    expect(excel.requests.every((r) => r.requestBytes <= 5 * 1024 * 1024)).toBe(true);
    expect(excel.requests[1].requestBytes).toBeGreaterThan(3_500_000);
    expect(readValues(sheet, "E1")).toEqual([["Строка 1"]]);
    expect(readValues(sheet, "E7722")).toEqual([["Строка 7722"]]);
    expect(readValues(sheet, "E20000")).toEqual([["Строка 20000"]]);
  });

  test("strings that Excel would turn into formulas, numbers or dates read back as the same text", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1");
    const texts = [
      "=СУММ(A1:A3)",
      "+7 900 000-00-00",
      "-",
      "- провести семинар",
      "@Огурцова",
      "'в кавычке",
      "01.02.2024",
      "1.",
      "15",
      "TRUE",
      "Сентябрь 2024",
      "Семинар",
    ];
    await host.apply(plan({ op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [texts] }));
    expect(readValues(sheet, "A1:L1")).toEqual([texts]);
    expect(sheet.cell(0, 0)?.formula).toBeUndefined();
    const grid = await host.readSheet("Лист1");
    expect(grid.rows[0]).toEqual(texts);
  });

  test("a Text-formatted block is written verbatim, numbers stay numbers, null clears the cell", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", [["старое", "старое", "старое"]]);
    await host.apply(
      plan(
        { op: "setValues", sheet: "Лист1", row: 1, col: 0, values: [["=1+1", "-5"]], numberFormat: "@" },
        { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [[42, null]] },
      ),
    );
    expect(readValues(sheet, "A2:B2")).toEqual([["=1+1", "-5"]]);
    expect(sheet.cell(1, 0)?.numberFormat).toBe("@");
    expect(sheet.cell(1, 0)?.quotePrefix).toBeUndefined();
    // A ragged row leaves C1 alone; the explicit null clears B1.
    expect(readValues(sheet, "A1:C1")).toEqual([[42, "", "старое"]]);
  });

  test("a new sheet name Excel would refuse: Russian message before anything is written", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", [["было"]]);
    const run = host.apply(
      plan(
        { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["стало"]] },
        { op: "copySheet", sheet: "Лист1", newName: "План: копия" },
      ),
    );
    await expect(run).rejects.toThrow(
      "Недопустимое имя листа «План: копия»: нужно от 1 до 31 символа, без : \\ / ? * [ ] и без апострофа по краям.",
    );
    expect(readValues(sheet, "A1")).toEqual([["было"]]);
    expect(excel.syncCount).toBe(1);
  });

  test("a protected sheet: Russian message, nothing written anywhere", async () => {
    const { excel, host } = setup();
    const open = excel.addSheet("Открытый", [["было"]]);
    const locked = excel.addSheet("План", [["было"]]);
    locked.protected = true;
    const run = host.apply(
      plan(
        { op: "setValues", sheet: "Открытый", row: 0, col: 0, values: [["стало"]] },
        { op: "setValues", sheet: "План", row: 0, col: 0, values: [["стало"]] },
      ),
    );
    await expect(run).rejects.toBeInstanceOf(UserFacingError);
    await expect(run).rejects.toThrow(
      "Лист «План» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.",
    );
    expect(readValues(open, "A1")).toEqual([["было"]]);
    expect(readValues(locked, "A1")).toEqual([["было"]]);
    expect(excel.syncCount).toBe(1);
  });

  test("Excel 2016 cannot tell protection beforehand: Excel's refusal becomes the same Russian message", async () => {
    const { excel, host } = setup({ excelApi: "1.1" });
    excel.addSheet("План", [["было"]]).protected = true;
    await expect(
      host.apply(plan({ op: "setValues", sheet: "План", row: 0, col: 0, values: [["стало"]] })),
    ).rejects.toThrow(EXCEL_MESSAGES.sheetProtected("План"));
    expect(readValues(excel.sheet("План"), "A1")).toEqual([["было"]]);
  });

  test("Excel 2016 (ExcelApi 1.1): values, row deletion, widths and settings all work", async () => {
    const { excel, host } = setup({ excelApi: "1.1" });
    const sheet = excel.addSheet("План", [["1"], ["2"], ["3"]]);
    await host.apply(
      plan(
        { op: "deleteRows", sheet: "План", rows: [1] },
        { op: "setValues", sheet: "План", row: 0, col: 1, values: [["=не формула"], ["Огурцова Т.Н."]] },
        { op: "setColumnWidths", sheet: "План", widths: [{ col: 1, width: 30 }] },
      ),
    );
    await host.setSetting("roles", { responsible: ["E"] });
    expect(readValues(sheet, "A1:B2")).toEqual([
      ["1", "=не формула"],
      ["3", "Огурцова Т.Н."],
    ]);
    expect(await host.getSetting("roles")).toEqual({ responsible: ["E"] });
    expect(excel.sheet("_RoadmapMonitor").visibility).toBe("VeryHidden");
  });

  test("a plan naming a missing sheet fails before writing", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", [["было"]]);
    const run = host.apply(
      plan(
        { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["стало"]] },
        { op: "deleteRows", sheet: "Удалённый", rows: [1] },
      ),
    );
    await expect(run).rejects.toThrow(EXCEL_MESSAGES.planSheetMissing("Удалённый"));
    expect(readValues(sheet, "A1")).toEqual([["было"]]);
  });

  test("deleteRows deletes bottom-up, runs of rows at once", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", [["1"], ["2"], ["3"], ["4"], ["5"], ["6"], ["7"], ["8"]]);
    await host.apply(plan({ op: "deleteRows", sheet: "Лист1", rows: [1, 2, 6, 4] }));
    expect(readValues(sheet, "A1:A5")).toEqual([["1"], ["4"], ["6"], ["8"], [""]]);
  });

  test("copySheet, then writes into the original, in one plan (ExcelApi 1.7)", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", [
      ["a", "b"],
      ["c", "d"],
    ]);
    sheet.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
    excel.addSheet("Лист2");
    await host.apply(
      plan(
        { op: "copySheet", sheet: "Лист1", newName: "Лист1 (исходный)" },
        { op: "unmerge", sheet: "Лист1", range: { top: 0, left: 0, bottom: 0, right: 1 } },
        { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["a c"]] },
        { op: "deleteRows", sheet: "Лист1", rows: [1] },
      ),
    );
    expect(excel.syncCount).toBe(2);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Лист1", "Лист1 (исходный)", "Лист2"]);
    expect(readValues(excel.sheet("Лист1 (исходный)"), "A1:B2")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(excel.sheet("Лист1 (исходный)").merges).toHaveLength(1);
    expect(readValues(sheet, "A1:B2")).toEqual([
      ["a c", "b"],
      ["", ""],
    ]);
    expect(sheet.merges).toEqual([]);
  });

  test("copySheet without ExcelApi 1.7: a values-only copy (merges are unreadable before 1.13), and the user is told", async () => {
    const { excel, host } = setup({ excelApi: "1.6" });
    const sheet = excel.addSheet("Лист1", [
      ["=не формула", 45292],
      ["c", "d"],
    ]);
    sheet.cellForWrite(0, 1).numberFormat = "dd.mm.yyyy";
    sheet.merges.push({ top: 1, left: 0, bottom: 1, right: 1 });
    excel.addSheet("Лист2");
    await host.apply(plan({ op: "copySheet", sheet: "Лист1", newName: "Копия" }));
    // check, read of the source, write
    expect(excel.syncCount).toBe(3);
    const copy = excel.sheet("Копия");
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Лист1", "Копия", "Лист2"]);
    expect(readValues(copy, "A1:B2")).toEqual([
      ["=не формула", 45292],
      ["c", "d"],
    ]);
    expect(copy.cell(0, 1)?.numberFormat).toBe("dd.mm.yyyy");
    expect(copy.merges).toEqual([]);
    expect(host.notices).toEqual([EXCEL_MESSAGES.copyValuesOnly("Лист1", "Копия")]);
    expect(host.notices[0]).toMatch(/^Ваша версия Excel не умеет копировать листы/);
  });

  test("copySheet onto an existing name is refused before anything is written", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1", [["a"]]);
    excel.addSheet("Копия");
    await expect(host.apply(plan({ op: "copySheet", sheet: "Лист1", newName: "копия" }))).rejects.toThrow(
      EXCEL_MESSAGES.sheetExists("копия"),
    );
    expect(excel.workbook.sheets).toHaveLength(2);
  });

  test("unmerge on Excel 2016 names the Excel version needed", async () => {
    const { excel, host } = setup({ excelApi: "1.1" });
    excel.addSheet("Лист1");
    await expect(
      host.apply(plan({ op: "unmerge", sheet: "Лист1", range: { top: 0, left: 0, bottom: 0, right: 1 } })),
    ).rejects.toThrow(
      "Отмена объединения ячеек: для этого нужен Excel 2019 или Microsoft 365 (ExcelApi 1.2); в вашей версии Excel этой возможности нет.",
    );
    expect(excel.syncCount).toBe(0);
  });

  test("drop-down lists: inline when short, on the lists sheet when long or with commas", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1");
    const long = ["Выполнено, с замечаниями", "Не выполнено"];
    await host.apply(
      plan(
        {
          op: "setListValidation",
          sheet: "Лист1",
          range: { top: 1, left: 4, bottom: 9, right: 4 },
          list: ["Да", "Нет"],
        },
        {
          op: "setListValidation",
          sheet: "Лист1",
          range: { top: 1, left: 5, bottom: 9, right: 5 },
          list: long,
        },
      ),
    );
    expect(sheet.validations.map((v) => v.rule)).toEqual([
      { list: { inCellDropDown: true, source: "Да,Нет" } },
      { list: { inCellDropDown: true, source: "='_RoadmapLists'!$A$1:$A$2" } },
    ]);
    const lists = excel.sheet("_RoadmapLists");
    expect(lists.visibility).toBe("VeryHidden");
    expect(readValues(lists, "A1:A2")).toEqual([["Выполнено, с замечаниями"], ["Не выполнено"]]);
  });

  test("drop-down lists without ExcelApi 1.8 are skipped with a notice, the rest is written", async () => {
    const { excel, host } = setup({ excelApi: "1.7" });
    const sheet = excel.addSheet("Лист1");
    await host.apply(
      plan(
        { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["Статус"]] },
        {
          op: "setListValidation",
          sheet: "Лист1",
          range: { top: 1, left: 0, bottom: 5, right: 0 },
          list: ["Да"],
        },
      ),
    );
    expect(readValues(sheet, "A1")).toEqual([["Статус"]]);
    expect(sheet.validations).toEqual([]);
    expect(host.notices).toEqual([EXCEL_MESSAGES.listsSkipped]);
  });

  test("addSheet makes a very hidden sheet, and is skipped when the sheet exists", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1");
    await host.apply(
      plan(
        { op: "addSheet", sheet: "Ответственные" },
        { op: "addSheet", sheet: "Служебный", hidden: "veryHidden" },
        { op: "setValues", sheet: "Ответственные", row: 0, col: 0, values: [["ФИО"]] },
      ),
    );
    await host.apply(plan({ op: "addSheet", sheet: "Ответственные" }));
    expect(excel.workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Лист1", "Visible"],
      ["Ответственные", "Visible"],
      ["Служебный", "VeryHidden"],
    ]);
    expect(readValues(excel.sheet("Ответственные"), "A1")).toEqual([["ФИО"]]);
  });
});
