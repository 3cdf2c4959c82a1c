/**
 * A cell typed over an Excel Table's header row (the preview's cell editor writes it as a one-cell setValues)
 * renames the table's column, as Excel does: names and header cells that disagree make Excel "repair" the file.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { EditPlan } from "../../src/domain/edit-plan";
import { XlsxWorkbookHost } from "../../src/xlsx/host";

async function tableBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  ws.addTable({
    name: "Карта",
    ref: "A2",
    headerRow: true,
    columns: ["№", "Мероприятие", "Сроки"].map((name) => ({ name, filterButton: true })),
    rows: [["1.", "Мероприятие 1", "Май 2023"]],
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const put = (col: number, value: string | number | null): EditPlan => ({
  summary: "ввод",
  ops: [{ op: "setValues", sheet: "Лист1", row: 1, col, values: [[value]] }],
});

test("typed headers rename the table's columns; a number is kept as text, an empty header gets Excel's name", async () => {
  const host = await XlsxWorkbookHost.open(await tableBook(), "in.xlsx");
  await host.apply(put(1, "Содержание мероприятия"));
  await host.apply(put(0, 2024));
  await host.apply(put(2, null));
  const bytes = await host.toBuffer();
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/tables/table1.xml")!.async("string");
  expect([...xml.matchAll(/<tableColumn\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1])).toEqual([
    "2024",
    "Содержание мероприятия",
    "Столбец3",
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Лист1")!;
  expect([ws.getCell("A2").value, ws.getCell("B2").value, ws.getCell("C2").value]).toEqual([
    "2024",
    "Содержание мероприятия",
    "Столбец3",
  ]);
});

test("a header typed twice in one table gets a number, as Excel makes names unique", async () => {
  const host = await XlsxWorkbookHost.open(await tableBook(), "in.xlsx");
  await host.apply(put(2, "мероприятие"));
  const zip = await JSZip.loadAsync(await host.toBuffer());
  const xml = await zip.file("xl/tables/table1.xml")!.async("string");
  expect([...xml.matchAll(/<tableColumn\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1])).toEqual([
    "№",
    "Мероприятие",
    "мероприятие2",
  ]);
});
