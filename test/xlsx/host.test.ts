import ExcelJS from "exceljs";
import { sheetFromRows } from "../../src/domain/grid";
import { UserFacingError } from "../../src/domain/host";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { MESSAGES } from "../../src/xlsx/load";
import { buildExcelWorkbook, workbookToBytes } from "../../src/xlsx/write";
import { sheetXml } from "./helpers";

async function sampleHost(): Promise<XlsxWorkbookHost> {
  const wb = await buildExcelWorkbook({
    sheets: [
      sheetFromRows("Лист1", [
        ["№", "Мероприятие", "Сроки"],
        ["1.", "Совещание", "до 15.04.2023"],
      ]),
      sheetFromRows("Архив", [["старое"]]),
    ],
  });
  (wb.getWorksheet("Архив") as ExcelJS.Worksheet).state = "hidden";
  (wb.getWorksheet("Лист1") as ExcelJS.Worksheet).getCell("B2").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: "FF00B050" },
  };
  return XlsxWorkbookHost.open(await workbookToBytes(wb), "Книга1.xlsx");
}

describe("XlsxWorkbookHost", () => {
  it("opens a file, lists sheets with visibility, reads the visible ones", async () => {
    const host = await sampleHost();
    expect(host.name).toBe("Книга1.xlsx");
    expect(await host.listSheets()).toEqual([
      { name: "Лист1", visible: true },
      { name: "Архив", visible: false },
    ]);
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(["Лист1"]);
    expect((await host.readSheet("Архив")).rows).toEqual([["старое"]]);
    expect(await host.activeSheetName()).toBe("Лист1");
  });

  it("refuses a file that is not an .xlsx with the Russian message", async () => {
    const err = await XlsxWorkbookHost.open(new Uint8Array([1, 2, 3]), "x.xlsx").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toBe(MESSAGES.notXlsx);
  });

  it("reads back the in-memory state after apply, and notifies listeners", async () => {
    const host = await sampleHost();
    let changes = 0;
    host.onChange(() => changes++);
    await host.apply({
      summary: "Добавить статус",
      ops: [{ op: "setValues", sheet: "Лист1", row: 0, col: 3, values: [["Статус"], ["выполнено"]] }],
    });
    expect((await host.readSheet("Лист1")).rows).toEqual([
      ["№", "Мероприятие", "Сроки", "Статус"],
      ["1.", "Совещание", "до 15.04.2023", "выполнено"],
    ]);
    expect(changes).toBe(1);
  });

  it("records the selection and makes its sheet active; rejects a bad address", async () => {
    const host = await sampleHost();
    await host.select("Лист1", "$c$2");
    expect(host.selection).toEqual({ sheet: "Лист1", address: "C2" });
    await expect(host.select("Лист1", "не адрес")).rejects.toThrow("Неверный адрес ячейки «не адрес».");
    await expect(host.select("Нет", "A1")).rejects.toThrow("Лист «Нет» не найден в книге.");
    await expect(host.select("Архив", "A1")).rejects.toThrow(
      "Лист «Архив» скрыт: покажите его (правый щелчок по ярлычку листа → Показать) и повторите.",
    );
  });

  it("keeps settings in a very hidden sheet that survives saving, chunking long JSON", async () => {
    const host = await sampleHost();
    const big = {
      dismissed: Array.from({ length: 4000 }, (_, i) => `deadline.outside-period|Лист1|D${i + 1}`),
    };
    await host.setSetting("dismissed", big);
    await host.setSetting("overrides", [{ sheet: "Лист1", range: "A1:C2" }]);
    await host.setSetting("overrides", { short: "-1" });
    const reopened = await XlsxWorkbookHost.open(await host.toBuffer(), "Книга1.xlsx");
    expect(await reopened.getSetting("dismissed")).toEqual(big);
    expect(await reopened.getSetting("overrides")).toEqual({ short: "-1" });
    expect(await reopened.getSetting("missing")).toBeNull();
    // The state sheet is neither listed nor read as a roadmap.
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(["Лист1", "Архив"]);
    expect((await reopened.readWorkbook()).sheets.map((s) => s.name)).toEqual(["Лист1"]);
    const ws = reopened.workbook.getWorksheet("_RoadmapMonitor") as ExcelJS.Worksheet;
    expect(ws.state).toBe("veryHidden");
    expect(ws.getCell("A1").value).toBe("dismissed");
    // 4000 entries of ~35 characters: more than one 32,000-character cell.
    expect(typeof ws.getCell("C1").value).toBe("string");
    expect(String(ws.getCell("B1").value).length).toBe(32000);
    expect(ws.getCell("B2").value).toBe('{"short":"-1"}');
    expect(ws.getCell("C2").value).toBeNull();
  });

  it("hides the settings sheet very again on a write when a LibreOffice save left it merely hidden", async () => {
    const host = await sampleHost();
    await host.setSetting("a", 1);
    (host.workbook.getWorksheet("_RoadmapMonitor") as ExcelJS.Worksheet).state = "hidden";
    const reopened = await XlsxWorkbookHost.open(await host.toBuffer(), "Книга1.xlsx");
    expect((reopened.workbook.getWorksheet("_RoadmapMonitor") as ExcelJS.Worksheet).state).toBe("hidden");
    await reopened.setSetting("b", 2);
    const again = await XlsxWorkbookHost.open(await reopened.toBuffer(), "Книга1.xlsx");
    expect((again.workbook.getWorksheet("_RoadmapMonitor") as ExcelJS.Worksheet).state).toBe("veryHidden");
    expect(await again.getSetting("a")).toBe(1);
  });

  it("highlights with tagged conditional formats, never touching cell styles; clear removes only ours", async () => {
    const host = await sampleHost();
    const ws = host.workbook.getWorksheet("Лист1") as ExcelJS.Worksheet;
    ws.addConditionalFormatting({
      ref: "A1:A2",
      rules: [{ type: "expression", priority: 2, formulae: ["A1=1"], style: { font: { bold: true } } }],
    });
    const fillBefore = JSON.stringify(ws.getCell("B2").fill);
    await host.highlight([
      { sheet: "Лист1", address: "B2" },
      { sheet: "Лист1", address: "C1:C2" },
    ]);
    expect(host.highlightedCells()).toEqual([
      { sheet: "Лист1", address: "B2" },
      { sheet: "Лист1", address: "C1:C2" },
    ]);
    expect(JSON.stringify(ws.getCell("B2").fill)).toBe(fillBefore);
    const xml = await sheetXml(await host.toBuffer());
    expect(xml).toMatch(/<conditionalFormatting sqref="B2 C1:C2">/);
    expect(xml).toContain("LEN(&quot;RoadmapMonitor&quot;)&gt;0");

    // Highlights saved in a file are still recognised as ours after reopening.
    const reopened = await XlsxWorkbookHost.open(await host.toBuffer(), "Книга1.xlsx");
    expect(reopened.highlightedCells()).toHaveLength(2);
    await reopened.clearHighlights();
    expect(await sheetXml(await reopened.toBuffer())).not.toContain("RoadmapMonitor");

    // A second highlight replaces the first.
    await host.highlight([{ sheet: "Лист1", address: "A2" }]);
    expect(host.highlightedCells()).toEqual([{ sheet: "Лист1", address: "A2" }]);

    await host.clearHighlights();
    expect(host.highlightedCells()).toEqual([]);
    const after = await sheetXml(await host.toBuffer());
    expect(after).toContain("<formula>A1=1</formula>");
    expect(after).not.toContain("RoadmapMonitor");
    expect(JSON.stringify(ws.getCell("B2").fill)).toBe(fillBefore);
  });
});

describe("XlsxWorkbookHost on a protected sheet", () => {
  it("refuses to highlight there, as Excel does", async () => {
    const wb = await buildExcelWorkbook({
      sheets: [{ ...sheetFromRows("Защищён", [["x"]]), protected: true }],
    });
    const host = await XlsxWorkbookHost.open(await workbookToBytes(wb), "p.xlsx");
    await expect(host.highlight([{ sheet: "Защищён", address: "A1" }])).rejects.toThrow(
      "Лист «Защищён» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.",
    );
    expect(host.highlightedCells()).toEqual([]);
  });
});
