import { numberFormatKind } from "../../src/domain/cell-format";
import {
  excelInput,
  gridCell,
  needsTextPrefix,
  numberCell,
  parseAreasAddress,
  widthToPoints,
} from "../../src/excel/cells";
import { packChunks, rowRuns } from "../../src/excel/host";
import { ExcelRequirements, excelVersionFor, explainMissing } from "../../src/excel/requirements";
import { FakeExcel } from "../fake-excel";

describe("cell conversions", () => {
  test("1900 date system, including Excel's phantom 29.02.1900", () => {
    expect(numberCell(45292, "dd.mm.yyyy")).toBe("01.01.2024");
    expect(numberCell(45170.75, "dd/mm/yyyy h:mm")).toBe("01.09.2023");
    expect(numberCell(1, "d.m.yy")).toBe("01.01.1900");
    expect(numberCell(59, "dd.mm.yyyy")).toBe("28.02.1900");
    expect(numberCell(60, "dd.mm.yyyy")).toBe("29.02.1900");
    expect(numberCell(61, "dd.mm.yyyy")).toBe("01.03.1900");
  });

  test("formats: month and year → a month; time; plain numbers; localised letters", () => {
    expect(numberCell(45170, "[$-419]mmmm yyyy")).toBe("Сентябрь 2023");
    expect(numberCell(45170, "ММММ ГГГГ")).toBe("Сентябрь 2023");
    expect(numberCell(0.5, "h:mm")).toBe("12:00");
    expect(numberCell(45170, "General")).toBe(45170);
    expect(numberCell(45170, "0.00")).toBe(45170);
    expect(numberCell(45170, '"до "dd.mm.yyyy')).toBe("01.09.2023");
    expect(numberFormatKind('0" дней"')).toBe("none");
    expect(numberCell(-3, "dd.mm.yyyy")).toBe(-3);
  });

  test("grid cells: empty string → null, error values and booleans as they are", () => {
    expect(gridCell("", "General")).toBeNull();
    expect(gridCell("#REF!", "General")).toBe("#REF!");
    expect(gridCell(true, "General")).toBe(true);
    expect(gridCell("  текст ", "@")).toBe("  текст ");
  });

  test("text written to cells: a quote prefix exactly where Excel would reinterpret it", () => {
    for (const risky of [
      "=1",
      "+1",
      "-",
      "@a",
      "'a",
      "12",
      "1.",
      "(1)",
      "5%",
      "₽100",
      " пробел",
      "TRUE",
      "ложь",
      "Сентябрь 2024",
      "янв.24",
    ]) {
      expect([risky, needsTextPrefix(risky)]).toEqual([risky, true]);
    }
    for (const safe of ["Семинар", "Огурцова Т.Н.", "Сентябрь", "В течение года", "ШНОР"]) {
      expect([safe, needsTextPrefix(safe)]).toEqual([safe, false]);
    }
    expect(excelInput("=1")).toBe("'=1");
    expect(excelInput("=1", true)).toBe("=1");
    expect(excelInput(null)).toBe("");
    expect(excelInput(Number.NaN)).toBe("");
    expect(excelInput(3)).toBe(3);
  });

  test("column widths in points; RangeAreas addresses", () => {
    expect(widthToPoints(10)).toBe(56.25);
    expect(parseAreasAddress("Лист1!A1:B2, 'Мой, лист'!$C$3, Лист1!D4:D9")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
      { top: 3, left: 3, bottom: 8, right: 3 },
    ]);
  });

  test("rows to delete as bottom-up runs; commands packed under a byte budget", () => {
    expect(rowRuns([4, 10, 11, 12, 4, 2])).toEqual([
      [10, 12],
      [4, 4],
      [2, 2],
    ]);
    const sizes = [3, 3, 3, 9, 1].map((bytes) => ({ bytes }));
    expect(packChunks(sizes, 7).map((c) => c.map((x) => x.bytes))).toEqual([[3, 3], [3], [9], [1]]);
  });
});

describe("requirement sets", () => {
  test("Excel versions per requirement set and the Russian explanation", () => {
    expect(excelVersionFor("1.1")).toBe("Excel 2016");
    expect(excelVersionFor("1.7")).toBe("Excel 2019");
    expect(excelVersionFor("1.13")).toBe("Excel 2021");
    expect(excelVersionFor("1.20")).toBeNull();
    expect(explainMissing("copySheet")).toBe(
      "Копирование листа: для этого нужен Excel 2019 или Microsoft 365 (ExcelApi 1.7); в вашей версии Excel этой возможности нет.",
    );
    expect(explainMissing("mergedAreas")).toBe(
      "Чтение объединённых ячеек: для этого нужен Excel 2021 или Microsoft 365 (ExcelApi 1.13); в вашей версии Excel этой возможности нет.",
    );
  });

  test("supports() follows Office.context.requirements (the fake's Excel 2019)", () => {
    const excel = new FakeExcel({ excelApi: "1.7" });
    const req = new ExcelRequirements(excel.requirements.isSetSupported);
    expect(req.supports("copySheet")).toBe(true);
    expect(req.supports("conditionalFormats")).toBe(true);
    expect(req.supports("dataValidation")).toBe(false);
    expect(req.supports("mergedAreas")).toBe(false);
  });

  test("outside Office nothing beyond ExcelApi 1.1 is assumed", () => {
    expect(new ExcelRequirements().supports("protection")).toBe(false);
  });
});
