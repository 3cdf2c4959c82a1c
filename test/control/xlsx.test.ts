/**
 * Annotate on real .xlsx files through the .xlsx host: the columns once, nothing overwritten, a rerun changes
 * nothing, similar columns reused; read back with ExcelJS, the drop-down, date validations and signal formats.
 */
import ExcelJS from "exceljs";
import { removeSignals } from "../../src/app/annotate";
import JSZip from "jszip";
import { writeQuarterReport, CHART_NOTE } from "../../src/app/report";
import type { WorkbookGrid } from "../../src/domain/grid";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { writeWorkbookGrid } from "../../src/xlsx/write";
import { regionCases } from "../fixtures/regions/workbooks";
import { seedFixtures } from "../fixtures/seeds";
import { annotateBytes, cfRules, excel } from "./xlsx-helpers";

/** Every cell's value as text, to compare two files cell by cell. */
function values(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      const v = c.value;
      out.set(c.address, v instanceof Date ? v.toISOString() : JSON.stringify(v));
    }),
  );
  return out;
}

const seedGrid = (id: string): WorkbookGrid =>
  structuredClone(seedFixtures().find((f) => f.id === id)!.workbook);

describe("annotate an .xlsx (seed 004)", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  beforeAll(async () => {
    input = await writeWorkbookGrid(seedGrid("004-clean"), { realDates: true });
    output = await annotateBytes(input);
  });

  test("headers, the drop-down, date validations, «Контрольный срок» as real dates", async () => {
    const ws = (await excel(output)).getWorksheet("Лист1")!;
    expect(["F7", "G7", "H7", "I7", "J7"].map((a) => ws.getCell(a).value)).toEqual([
      "Статус",
      "Дата выполнения",
      "Подтверждающий документ",
      "Комментарий",
      "Контрольный срок",
    ]);
    const list = ws.getCell("F8").dataValidation;
    expect(list.type).toBe("list");
    expect(String(list.formulae?.[0])).toContain("Выполнено с нарушением срока");
    expect(ws.getCell("F38").dataValidation.type).toBe("list");
    expect(ws.getCell("G20").dataValidation.type).toBe("date");
    expect(ws.getCell("J20").dataValidation.type).toBe("date");
    // Header row: no drop-down.
    expect(ws.getCell("F7").dataValidation).toBeFalsy();
    // «Апрель 2022» → 30.04.2022 as a date cell.
    const j8 = ws.getCell("J8");
    expect(j8.value instanceof Date ? j8.value.toISOString().slice(0, 10) : j8.value).toBe("2022-04-30");
    expect(j8.numFmt).toBe("dd.mm.yyyy");
    // «После каждого участия в мониторинге» (row 27): no end, no date.
    expect(ws.getCell("J27").value).toBeNull();
  });

  test("four signal rules over F8:J38, each holding the marker", async () => {
    const rules = cfRules((await excel(output)).getWorksheet("Лист1")!);
    expect(rules).toHaveLength(4);
    for (const r of rules) {
      expect(r.ref).toBe("F8:J38");
      expect(r.formula).toContain('"RM:signal"');
    }
  });

  test("every cell of the input is still there, unchanged", async () => {
    const before = values((await excel(input)).getWorksheet("Лист1")!);
    const after = values((await excel(output)).getWorksheet("Лист1")!);
    for (const [address, v] of before) expect([address, after.get(address)]).toEqual([address, v]);
  });

  test("a rerun changes no cell and adds no rule", async () => {
    const again = await annotateBytes(output);
    const a = (await excel(output)).getWorksheet("Лист1")!;
    const b = (await excel(again)).getWorksheet("Лист1")!;
    expect(values(b)).toEqual(values(a));
    expect(cfRules(b)).toEqual(cfRules(a));
  });

  test("«Снять подсветку» removes our rules only", async () => {
    const wb = await excel(output);
    // A rule of the user's own on the same sheet.
    wb.getWorksheet("Лист1")!.addConditionalFormatting({
      ref: "B8:B38",
      rules: [{ type: "expression", priority: 1, formulae: ["LEN(B8)>100"], style: {} }],
    });
    const host = XlsxWorkbookHost.fromWorkbook(wb, "x.xlsx");
    expect(await removeSignals(host)).toEqual(["Лист1"]);
    const rules = cfRules((await excel(await host.toBuffer())).getWorksheet("Лист1")!);
    expect(rules).toEqual([{ ref: "B8:B38", formula: "LEN(B8)>100" }]);
  });
});

describe("annotate never writes over the user's cells", () => {
  test("notes to the right of the table: columns are inserted, the notes move right intact", async () => {
    const grid = seedGrid("004-clean");
    grid.sheets[0].rows[19][7] = "заметка: уточнить у Гоковой"; // H20
    grid.sheets[0].rows[30][5] = "=не формула"; // F31
    const output = await annotateBytes(await writeWorkbookGrid(grid, { realDates: true }));
    const ws = (await excel(output)).getWorksheet("Лист1")!;
    expect(ws.getCell("F7").value).toBe("Статус");
    expect(ws.getCell("M20").value).toBe("заметка: уточнить у Гоковой");
    expect(ws.getCell("K31").value).toBe("=не формула");
    expect(ws.getCell("H20").value).toBeNull();
  });

  test("a similar existing column is used: «Статус»/«Примечание» of a ten-column plan keep their cells", async () => {
    const grid = regionCases().find((c) => c.id === "wide-ten-columns")!.workbook;
    const output = await annotateBytes(await writeWorkbookGrid(grid));
    const ws = (await excel(output)).getWorksheet("500+")!;
    expect(["I3", "J3", "K3", "L3", "M3"].map((a) => ws.getCell(a).value)).toEqual([
      "Статус",
      "Примечание",
      "Подтверждающий документ",
      "Контрольный срок",
      null,
    ]);
    expect(ws.getCell("I4").value).toBe("выполнено");
    expect(ws.getCell("J6").value).toBe("перенос на май");
    expect(ws.getCell("I4").dataValidation.type).toBe("list");
  });
});

describe("report on an .xlsx", () => {
  test("the sheet is written once, with its native chart (written into the .xlsx by the host)", async () => {
    const input = await writeWorkbookGrid(seedGrid("004-clean"), { realDates: true });
    const host = await XlsxWorkbookHost.open(input, "in.xlsx");
    const first = await writeQuarterReport(host, { quarter: "2022-Q2", today: "2022-06-20" });
    await writeQuarterReport(host, { quarter: "2022-Q2", today: "2022-06-20" });
    const bytes = await host.toBuffer();
    const wb = await excel(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Лист1", "Отчёт 2022-Q2"]);
    const ws = wb.getWorksheet("Отчёт 2022-Q2")!;
    expect(ws.getCell("A1").value).toBe(
      "Отчёт о выполнении дорожной карты за II квартал 2022 г. (01.04.2022 – 30.06.2022)",
    );
    expect(first.notices).toEqual([]);
    expect(ws.getCell("E4").value).not.toBe(CHART_NOTE);
    // One chart in the file (the rerun replaced the sheet and its chart), on the report sheet's data.
    const zip = await JSZip.loadAsync(bytes);
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    expect(await zip.file(charts[0])!.async("string")).toContain("'Отчёт 2022-Q2'!");
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });
});
