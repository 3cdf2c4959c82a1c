import { FakeExcel, putValues, readValues } from "./index";

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

describe("FakeExcel enforces Office.js rules", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded, also after load but before sync", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Лист1", [["a", 1]]);
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Лист1").getRange("A1:B1");
      expect(() => range.values).toThrow(NOT_LOADED);
      range.load("values");
      expect(() => range.values).toThrow(NOT_LOADED);
      await ctx.sync();
      expect(range.values).toEqual([["a", 1]]);
      expect(() => range.rowCount).toThrow(/'rowCount' is not available/);
    });
  });

  test("a write is applied only at sync, and reading the written property still needs a load", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Лист1");
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Лист1").getRange("B2");
      range.values = [["новое"]];
      expect(readValues(sheet, "B2")).toEqual([[""]]);
      expect(() => range.values).toThrow(/'values' is not available/);
      await ctx.sync();
      expect(readValues(sheet, "B2")).toEqual([["новое"]]);
    });
  });

  test("getItemOrNullObject: isNullObject readable only after load and sync", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Есть");
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Нет");
      const present = ctx.workbook.worksheets.getItemOrNullObject("есть");
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      missing.load("name");
      present.load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Есть");
    });
  });

  test("getItem of a missing sheet fails the sync with ItemNotFound", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Лист1");
    const run = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Нет").load("name");
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("a request above the payload limit fails as a whole and writes nothing", async () => {
    const excel = new FakeExcel({ payloadLimitBytes: 1000 });
    const sheet = excel.addSheet("Лист1");
    const big = [["x".repeat(600)], ["y".repeat(600)]];
    const run = excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Лист1");
      ws.getRange("A1").values = [["малое"]];
      ws.getRange("A2:A3").values = big;
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(readValues(sheet, "A1:A3")).toEqual([[""], [""], [""]]);
    expect(excel.syncCount).toBe(1);
    expect(excel.requests[0].requestBytes).toBeGreaterThan(1000);
  });

  test("a response above the payload limit fails the sync", async () => {
    const excel = new FakeExcel({ payloadLimitBytes: 1000 });
    excel.addSheet("Лист1", [["ж".repeat(400)], ["ж".repeat(400)]]);
    const run = excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Лист1").getRange("A1:A2").load("values");
      await ctx.sync();
      return range.values;
    });
    // 800 Cyrillic letters are 1600 bytes of UTF-8.
    await expect(run).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("counts every round trip", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Лист1");
    await excel.run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
    });
    await excel.run(async (ctx) => {
      await ctx.sync();
    });
    expect(excel.syncCount).toBe(3);
  });

  test("reading more cells than the read limit gives null values, as Excel does", async () => {
    const excel = new FakeExcel({ readCellLimit: 100 });
    excel.addSheet("Лист1");
    const result = await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets
        .getItem("Лист1")
        .getRange("A1:J11")
        .load("values, rowCount, cellCount");
      const small = ctx.workbook.worksheets.getItem("Лист1").getRange("A1:J10").load("values");
      await ctx.sync();
      return {
        values: range.values,
        rows: range.rowCount,
        cells: range.cellCount,
        small: small.values.length,
      };
    });
    expect(result).toEqual({ values: null, rows: 11, cells: 110, small: 10 });
  });

  test("a string starting with = becomes a formula unless quote-prefixed or the cell is Text-formatted", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Лист1");
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Лист1");
      ws.getRange("A1:D1").values = [["=СУММ(1)", "'=СУММ(1)", "-проверить", "123"]];
      ws.getRange("A2").numberFormat = [["@"]];
      ws.getRange("A2").values = [["=СУММ(1)"]];
      await ctx.sync();
    });
    expect(readValues(sheet, "A1:D1")).toEqual([["#NAME?", "=СУММ(1)", "#NAME?", 123]]);
    expect(sheet.cell(0, 0)?.formula).toBe("=СУММ(1)");
    expect(sheet.cell(0, 1)?.quotePrefix).toBe(true);
    expect(readValues(sheet, "A2")).toEqual([["=СУММ(1)"]]);
  });

  test("null in a written values array leaves the cell unchanged", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Лист1", [["было", "было"]]);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("A1:B1").values = [[null, ""]];
      await ctx.sync();
    });
    expect(readValues(sheet, "A1:B1")).toEqual([["было", ""]]);
  });

  test("members above the simulated ExcelApi fail with ApiNotFound; requirements answer accordingly", async () => {
    const excel = new FakeExcel({ excelApi: "1.2" });
    excel.addSheet("Лист1", [["a"]]);
    expect(excel.requirements.isSetSupported("ExcelApi", "1.2")).toBe(true);
    expect(excel.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    const run = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("A1").getMergedAreasOrNullObject().load("areaCount");
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("a batch is not a transaction: commands before the failing one stay applied", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Лист1");
    const run = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("A1").values = [["первое"]];
      ctx.workbook.worksheets.getItem("Нет").getRange("A1").values = [["второе"]];
      ctx.workbook.worksheets.getItem("Лист1").getRange("A2").values = [["третье"]];
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(readValues(sheet, "A1:A2")).toEqual([["первое"], [""]]);
  });

  test("commands queued but never synced are reported", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Лист1");
    const run = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("A1").values = [["x"]];
    });
    await expect(run).rejects.toThrow(/queued but never synced/);
  });

  test("a protected sheet refuses writes with AccessDenied", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Лист1", [["a"]]);
    sheet.protected = true;
    const run = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("A1").values = [["b"]];
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "AccessDenied" });
    expect(readValues(sheet, "A1")).toEqual([["a"]]);
  });

  test("deleting rows shifts the cells, merges and hidden rows below up", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Лист1", [["1"], ["2"], ["3"], ["4"]]);
    sheet.merges.push({ top: 3, left: 0, bottom: 3, right: 1 });
    sheet.hiddenRows.add(3);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("2:3").delete("Up");
      await ctx.sync();
    });
    expect(readValues(sheet, "A1:A3")).toEqual([["1"], ["4"], [""]]);
    expect(sheet.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
    expect([...sheet.hiddenRows]).toEqual([1]);
  });

  test("worksheet.copy copies values and merges after the original (ExcelApi 1.7)", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("План", [["a", "b"]]);
    sheet.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
    excel.addSheet("Другой");
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("План");
      const copy = ws.copy("After", ws);
      copy.name = "План (исходный)";
      await ctx.sync();
    });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["План", "План (исходный)", "Другой"]);
    const copy = excel.sheet("План (исходный)");
    expect(readValues(copy, "A1:B1")).toEqual([["a", "b"]]);
    expect(copy.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  test("used range: values only ignores formatted empty cells; the OrNullObject variant is null on a blank sheet", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Лист1");
    putValues(sheet, "C3", [["x"]]);
    sheet.cellForWrite(9, 9).numberFormat = "0.00";
    excel.addSheet("Пустой");
    const out = await excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("Лист1").getUsedRange(true).load("address");
      const all = ctx.workbook.worksheets.getItem("Лист1").getUsedRange().load("address");
      const blank = ctx.workbook.worksheets.getItem("Пустой").getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
      return { used: used.address, all: all.address, blank: blank.isNullObject };
    });
    expect(out).toEqual({ used: "Лист1!C3", all: "Лист1!C3:J10", blank: true });
  });
});

describe("FakeExcel conditional formats and validation", () => {
  test("add a Custom format, read its rule after load + sync, clearAll removes formats on the range", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Лист1");
    const formula = await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Лист1").getRange("B2");
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = "#FFFF00";
      const rule = cf.custom.rule.load("formula");
      await ctx.sync();
      return rule.formula;
    });
    expect(formula).toBe("=TRUE");
    expect(sheet.conditionalFormats.map((cf) => [cf.type, cf.fill])).toEqual([["Custom", "#FFFF00"]]);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("A1:C3").conditionalFormats.clearAll();
      await ctx.sync();
    });
    expect(sheet.conditionalFormats).toEqual([]);
  });

  test("data validation needs ExcelApi 1.8", async () => {
    const excel = new FakeExcel({ excelApi: "1.7" });
    excel.addSheet("Лист1");
    const run = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("A1").dataValidation.rule = {
        list: { inCellDropDown: true, source: "a,b" },
      };
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
