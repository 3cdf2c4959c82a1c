import { UserFacingError } from "../../src/domain/host";
import { EXCEL_MESSAGES, ExcelWorkbookHost } from "../../src/excel/host";
import { FakeOfficeError, readValues } from "../fake-excel";
import { setup } from "./helpers";

describe("settings in the very hidden sheet _RoadmapMonitor", () => {
  test("round trip, including a value over 32,000 characters; layout shared with the .xlsx adapter", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1");
    const long = { note: "ж".repeat(70000) };
    await host.setSetting("columns", { activity: "B", deadline: "D" });
    await host.setSetting("long", long);
    expect(await host.getSetting("columns")).toEqual({ activity: "B", deadline: "D" });
    expect(await host.getSetting("long")).toEqual(long);
    expect(await host.getSetting("absent")).toBeNull();
    const sheet = excel.sheet("_RoadmapMonitor");
    expect(sheet.visibility).toBe("VeryHidden");
    expect(readValues(sheet, "A1:B1")).toEqual([["columns", '{"activity":"B","deadline":"D"}']]);
    // 70,000 letters plus {"note":""} = 70,011 characters: chunks of 32,000, 32,000 and 6,011 in B2:D2.
    const row2 = readValues(sheet, "A2:E2")[0];
    expect(row2[0]).toBe("long");
    expect((row2.slice(1) as string[]).map((s) => s.length)).toEqual([32000, 32000, 6011, 0]);
  });

  test("a settings sheet left merely hidden (LibreOffice saves it so) is very hidden again after a write", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1");
    await host.setSetting("a", 1);
    excel.sheet("_RoadmapMonitor").visibility = "Hidden";
    await host.setSetting("b", 2);
    expect(excel.sheet("_RoadmapMonitor").visibility).toBe("VeryHidden");
    expect(await host.getSetting("a")).toBe(1);
  });

  test("overwriting with a shorter value clears the old chunks; text that looks like a formula stays text", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1");
    await host.setSetting("k", "x".repeat(40000));
    await host.setSetting("k", -5);
    await host.setSetting("f", "=HYPERLINK(1)");
    expect(await host.getSetting("k")).toBe(-5);
    expect(await host.getSetting("f")).toBe("=HYPERLINK(1)");
    const sheet = excel.sheet("_RoadmapMonitor");
    expect(readValues(sheet, "A1:C2")).toEqual([
      ["k", "-5", ""],
      ["f", '"=HYPERLINK(1)"', ""],
    ]);
  });

  test("round trips: getSetting 2, setSetting 3 (1 + 1 when the sheet already exists, + 1 write)", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1");
    await host.setSetting("a", 1);
    expect(excel.syncCount).toBe(2); // no settings sheet yet: names, then write
    excel.resetCounters();
    await host.setSetting("a", 2);
    expect(excel.syncCount).toBe(3);
    excel.resetCounters();
    expect(await host.getSetting("a")).toBe(2);
    expect(excel.syncCount).toBe(2);
  });

  test("a setting written by hand as broken JSON is ignored", async () => {
    const { excel, host } = setup();
    excel.addSheet("_RoadmapMonitor", [["k", "{не json"]]).visibility = "VeryHidden";
    excel.addSheet("Лист1");
    expect(await host.getSetting("k")).toBeNull();
  });
});

describe("highlights", () => {
  test("added as conditional formats; the cells' own formats and fills untouched; clear removes only ours", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("План", [["Срок", 45292]]);
    const own = sheet.cellForWrite(0, 1);
    own.numberFormat = "dd.mm.yyyy";
    own.fill = "#C6EFCE";
    sheet.conditionalFormats.push({
      id: "{user}",
      type: "Custom",
      range: { top: 0, left: 0, bottom: 9, right: 0 },
      formula: "=A1>0",
      fill: "#FF0000",
    });
    await host.highlight([
      { sheet: "План", address: "B1" },
      { sheet: "План", address: "A2:A3" },
      { sheet: "План", address: "b1" },
    ]);
    const ours = sheet.conditionalFormats.filter((cf) => cf.id !== "{user}");
    expect(ours.map((cf) => [cf.range, cf.formula, cf.fill])).toEqual([
      [{ top: 1, left: 0, bottom: 2, right: 0 }, '=LEN("RoadmapMonitor")>0', "#FFD8A8"],
      [{ top: 0, left: 1, bottom: 0, right: 1 }, '=LEN("RoadmapMonitor")>0', "#FFD8A8"],
    ]);
    expect(own).toEqual({ value: 45292, numberFormat: "dd.mm.yyyy", fill: "#C6EFCE" });

    // Highlighting again replaces ours instead of piling up.
    await host.highlight([{ sheet: "План", address: "B1" }]);
    expect(sheet.conditionalFormats.filter((cf) => cf.id !== "{user}")).toHaveLength(1);

    await host.clearHighlights();
    expect(sheet.conditionalFormats.map((cf) => cf.id)).toEqual(["{user}"]);
    expect(own).toEqual({ value: 45292, numberFormat: "dd.mm.yyyy", fill: "#C6EFCE" });
  });

  test("highlights made by the .xlsx adapter (same formula) are cleared in Excel", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("План");
    sheet.conditionalFormats.push({
      id: "{from-file}",
      type: "Custom",
      range: { top: 4, left: 3, bottom: 4, right: 3 },
      formula: '=LEN("RoadmapMonitor")>0',
      fill: "#FFD8A8",
    });
    await host.clearHighlights();
    expect(sheet.conditionalFormats).toEqual([]);
  });

  test("a constant number of round trips for 1 and for 200 highlighted cells", async () => {
    for (const n of [1, 200]) {
      const { excel, host } = setup();
      excel.addSheet("План");
      await host.highlight(Array.from({ length: n }, (_, i) => ({ sheet: "План", address: `D${i + 1}` })));
      // names; conditional formats of every sheet; (no Custom yet, so no formula read); add
      expect(excel.syncCount).toBe(3);
      expect(excel.sheet("План").conditionalFormats).toHaveLength(n);
    }
  });

  test("many highlighted cells go in chunks under the request limit: one more sync per chunk", async () => {
    const { excel, host } = setup({}, { maxRequestBytes: 50_000 });
    excel.addSheet("План");
    await host.highlight(Array.from({ length: 200 }, (_, i) => ({ sheet: "План", address: `D${i + 1}` })));
    // Counted at 1,000 bytes a cell: 50 cells a chunk, 4 chunks after the 2 reads.
    expect(excel.syncCount).toBe(6);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(50_000);
    expect(excel.sheet("План").conditionalFormats).toHaveLength(200);
  });

  test("without ExcelApi 1.6 the user is told which Excel is needed", async () => {
    const { excel, host } = setup({ excelApi: "1.5" });
    excel.addSheet("План");
    const run = host.highlight([{ sheet: "План", address: "A1" }]);
    await expect(run).rejects.toBeInstanceOf(UserFacingError);
    await expect(run).rejects.toThrow(
      "Подсветка ячеек: для этого нужен Excel 2019 или Microsoft 365 (ExcelApi 1.6); в вашей версии Excel этой возможности нет.",
    );
    await expect(host.clearHighlights()).resolves.toBeUndefined();
    expect(excel.syncCount).toBe(0);
  });

  test("a protected sheet cannot be highlighted: Russian message", async () => {
    const { excel, host } = setup();
    excel.addSheet("План").protected = true;
    await expect(host.highlight([{ sheet: "План", address: "A1" }])).rejects.toThrow(
      EXCEL_MESSAGES.sheetProtected("План"),
    );
  });
});

describe("select and the active sheet", () => {
  test("select activates the sheet and selects the range in one round trip", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1");
    const sheet = excel.addSheet("План");
    await host.select("План", "$B$7:C9");
    expect(excel.workbook.activeSheetUid).toBe(sheet.uid);
    expect(sheet.selection).toEqual({ top: 6, left: 1, bottom: 8, right: 2 });
    expect(excel.syncCount).toBe(1);
    expect(await host.activeSheetName()).toBe("План");
  });

  test("select on a missing sheet, a hidden sheet, a bad address: Russian messages", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1");
    excel.addSheet("Архив").visibility = "Hidden";
    await expect(host.select("Нет", "A1")).rejects.toThrow(EXCEL_MESSAGES.sheetMissing("Нет"));
    await expect(host.select("Архив", "A1")).rejects.toThrow(EXCEL_MESSAGES.sheetHidden("Архив"));
    await expect(host.select("Лист1", "не адрес")).rejects.toThrow("Неверный адрес ячейки «не адрес».");
  });
});

describe("Office errors", () => {
  const failing = (error: Error) =>
    new ExcelWorkbookHost(
      async () => {
        throw error;
      },
      { isSetSupported: () => true },
    );

  test("come in Russian, with the code for support; a sheet gone meanwhile is said plainly", async () => {
    await expect(
      failing(new FakeOfficeError("InvalidArgument", "The argument is invalid or missing.")).getSetting("x"),
    ).rejects.toThrow(
      "Excel не выполнил команду (код ошибки: InvalidArgument). Повторите её; если ошибка не уходит, сообщите этот код разработчикам.",
    );
    const gone = failing(new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist."));
    await expect(gone.setSetting("x", 1)).rejects.toThrow(
      "Лист или диапазон не найден в книге: возможно, его переименовали или удалили. Выполните команду заново.",
    );
    await expect(gone.listSheets()).rejects.toBeInstanceOf(UserFacingError);
  });

  test("an error of ours (no Office code) goes up unchanged", async () => {
    const bug = new TypeError("x is undefined");
    await expect(failing(bug).listSheets()).rejects.toBe(bug);
  });
});
