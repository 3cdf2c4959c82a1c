import { UserFacingError } from "../../src/domain/host";
import { EXCEL_MESSAGES } from "../../src/excel/host";
import { EXCEL_API_BY_VERSION, putValues } from "../fake-excel";
import { roadmapRows, setup } from "./helpers";

describe("readSheet", () => {
  test("one round trip for 10 rows and for 10,000 rows", async () => {
    for (const n of [10, 10000]) {
      const { excel, host } = setup();
      excel.addSheet("Лист1", roadmapRows(n));
      const grid = await host.readSheet("Лист1");
      expect(excel.syncCount).toBe(1);
      expect(grid.rows).toHaveLength(n + 1);
      expect(grid.rows[n]).toEqual([`${n}.`, `Мероприятие ${n}`, "Апрель-май 2023", "Огурцова Т.Н."]);
    }
  });

  test("three round trips when some rows are hidden, for 10 rows and for 10,000 rows", async () => {
    for (const n of [10, 10000]) {
      const { excel, host } = setup();
      const sheet = excel.addSheet("Лист1", roadmapRows(n));
      sheet.hiddenRows.add(3);
      sheet.hiddenRows.add(n);
      sheet.hiddenColumns.add(2);
      const grid = await host.readSheet("Лист1");
      // values; summaries of 100-row segments; single rows of the mixed segments.
      expect(excel.syncCount).toBe(3);
      expect(grid.hiddenRows).toEqual([3, n]);
      expect(grid.hiddenColumns).toEqual([2]);
    }
  });

  test("a whole hidden segment is known from its summary: two round trips; offsets kept", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1");
    putValues(sheet, "A5", roadmapRows(299));
    // The used range starts at row 4 (0-based); its second segment is rows 104–203.
    for (let r = 104; r <= 203; r++) sheet.hiddenRows.add(r);
    const grid = await host.readSheet("Лист1");
    expect(excel.syncCount).toBe(2);
    expect(grid.hiddenRows).toEqual(Array.from({ length: 100 }, (_, i) => 104 + i));
    expect(grid.rows[4]).toEqual(["№", "Мероприятие", "Сроки", "Ответственные"]);
  });

  test("converts to the grid: sheet coordinates, dates, months, errors, empty cells, merges, protection", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("План");
    putValues(sheet, "B3", [
      ["Мероприятие", "Срок", "Месяц", "Ошибка", "Пусто", "Число"],
      ["Семинар", 45292, 45170, "#N/A", "", 7],
    ]);
    sheet.cellForWrite(3, 2).numberFormat = "dd.mm.yyyy";
    sheet.cellForWrite(3, 3).numberFormat = "[$-419]mmmm yyyy";
    sheet.merges.push({ top: 2, left: 1, bottom: 2, right: 2 });
    sheet.protected = true;
    const grid = await host.readSheet("план");
    expect(grid.name).toBe("План");
    expect(grid.rows).toEqual([
      [],
      [],
      [null, "Мероприятие", null, "Месяц", "Ошибка", "Пусто", "Число"],
      [null, "Семинар", "01.01.2024", "Сентябрь 2023", "#N/A", null, 7],
    ]);
    expect(grid.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
    expect(grid.protected).toBe(true);
    expect(grid.hiddenRows).toEqual([]);
  });

  test("a missing sheet is a Russian message, not an Office error", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1");
    const read = host.readSheet("Лист 2");
    await expect(read).rejects.toBeInstanceOf(UserFacingError);
    await expect(host.readSheet("Лист 2")).rejects.toThrow(
      "Лист «Лист 2» не найден в книге: возможно, его переименовали или удалили. Обновите список листов и повторите.",
    );
  });

  test("a blank sheet reads as no rows", async () => {
    const { excel, host } = setup();
    excel.addSheet("Пустой");
    const grid = await host.readSheet("Пустой");
    expect(grid.rows).toEqual([]);
  });

  test("more cells than Excel returns in one read (null values): row blocks, one sync each", async () => {
    // 300 rows x 4 columns = 1,200 cells over a read limit of 1,000: blocks of 250 cells, halved (value and formula
    // of each cell come back) → 125 cells → 31 rows each.
    const { excel, host } = setup({ readCellLimit: 1000 }, { cellsPerRead: 250 });
    excel.addSheet("Большой", roadmapRows(299));
    const grid = await host.readSheet("Большой");
    // 1 (values come back null) + ceil(300 / 31) = 10 blocks.
    expect(excel.syncCount).toBe(11);
    expect(grid.rows).toHaveLength(300);
    expect(grid.rows[299]).toEqual(["299.", "Мероприятие 299", "Апрель-май 2023", "Огурцова Т.Н."]);
    expect(grid.rows[31][0]).toBe("31.");
  });

  test("a response over the payload limit: geometry, then blocks each under the limit", async () => {
    const limit = 40000;
    const { excel, host } = setup({ payloadLimitBytes: limit }, { cellsPerRead: 1000 });
    const sheet = excel.addSheet("Лист1");
    // 1,000 rows x 2 cells of 20 Latin letters: each cell ~22 bytes of values, ~10 of "General" and ~22 of
    // formulas (a constant's formula is the constant itself) → ~108 KB at once, ~54 KB per 500 rows.
    putValues(
      sheet,
      "A1",
      Array.from({ length: 1000 }, (_, i) => [`r${String(i).padStart(19, "0")}`, "abcdefghijklmnopqrst"]),
    );
    const grid = await host.readSheet("Лист1");
    // 1 failed + 1 geometry + 4 blocks of 250 rows (cellsPerRead 1,000 halved: value and formula of each cell).
    expect(excel.syncCount).toBe(6);
    expect(excel.requests.slice(1).every((r) => r.responseBytes <= limit)).toBe(true);
    expect(grid.rows).toHaveLength(1000);
    expect(grid.rows[999][0]).toBe(`r${String(999).padStart(19, "0")}`);
  });
});

describe("readWorkbook", () => {
  test("two round trips for 1 sheet and for 20 sheets; hidden and own sheets left out", async () => {
    for (const n of [1, 20]) {
      const { excel, host } = setup();
      for (let i = 1; i <= n; i++) excel.addSheet(`Лист${i}`, roadmapRows(5));
      excel.addSheet("Скрытый", [["x"]]).visibility = "Hidden";
      excel.addSheet("_RoadmapMonitor", [["key", "1"]]).visibility = "VeryHidden";
      const wb = await host.readWorkbook();
      expect(excel.syncCount).toBe(2);
      expect(wb.sheets.map((s) => s.name)).toEqual(Array.from({ length: n }, (_, i) => `Лист${i + 1}`));
      expect(wb.sheets[n - 1].rows[1]).toEqual(["1.", "Мероприятие 1", "Апрель-май 2023", "Огурцова Т.Н."]);
    }
  });

  test("a workbook too large for one response falls back to geometry and blocks, sheet by sheet", async () => {
    const limit = 40000;
    const { excel, host } = setup({ payloadLimitBytes: limit }, { cellsPerRead: 1000 });
    for (const name of ["А", "Б"]) {
      excel.addSheet(
        name,
        Array.from({ length: 500 }, (_, i) => [
          `${name}${String(i).padStart(19, "0")}`,
          "abcdefghijklmnopqrst",
        ]),
      );
    }
    const wb = await host.readWorkbook();
    // names; all sheets at once (fails); geometry of all; two blocks of 250 rows per sheet (cellsPerRead halved).
    expect(excel.syncCount).toBe(7);
    expect(wb.sheets.map((s) => [s.name, s.rows.length, s.rows[499][0]])).toEqual([
      ["А", 500, `А${String(499).padStart(19, "0")}`],
      ["Б", 500, `Б${String(499).padStart(19, "0")}`],
    ]);
  });

  test("listSheets leaves out the add-in's own sheet and tells visibility", async () => {
    const { excel, host } = setup();
    excel.addSheet("План");
    excel.addSheet("Архив").visibility = "Hidden";
    excel.addSheet("_RoadmapMonitor").visibility = "VeryHidden";
    expect(await host.listSheets()).toEqual([
      { name: "План", visible: true },
      { name: "Архив", visible: false },
    ]);
    expect(excel.syncCount).toBe(1);
  });
});

describe("older Excel", () => {
  test("ExcelApi 1.2 (no merged areas): still reads, without merges, and says so once", async () => {
    const notices: string[] = [];
    const { excel, host } = setup({ excelApi: "1.2" }, { onNotice: (m) => notices.push(m) });
    const sheet = excel.addSheet("Лист1", roadmapRows(3));
    sheet.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
    sheet.hiddenRows.add(2);
    const grid = await host.readSheet("Лист1");
    await host.readSheet("Лист1");
    expect(grid.rows[3]).toEqual(["3.", "Мероприятие 3", "Апрель-май 2023", "Огурцова Т.Н."]);
    expect(grid.merges).toEqual([]);
    expect(grid.hiddenRows).toEqual([2]);
    expect(notices).toEqual([EXCEL_MESSAGES.mergesNotRead]);
  });

  test("Excel 2016 (ExcelApi 1.1): values are read; merges and hidden rows are not, with notices", async () => {
    const { excel, host } = setup({ excelApi: EXCEL_API_BY_VERSION.excel2016 });
    const sheet = excel.addSheet("Лист1", roadmapRows(2));
    sheet.hiddenRows.add(1);
    sheet.protected = true;
    const grid = await host.readSheet("Лист1");
    expect(grid.rows[2]).toEqual(["2.", "Мероприятие 2", "Апрель-май 2023", "Огурцова Т.Н."]);
    expect(grid.hiddenRows).toEqual([]);
    expect(grid.protected).toBe(false);
    expect(host.notices).toEqual([EXCEL_MESSAGES.mergesNotRead, EXCEL_MESSAGES.hiddenNotRead]);
  });
});
