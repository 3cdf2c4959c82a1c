/**
 * An annotated Excel Table in LibreOffice headless: LibreOffice opens the file and takes the control columns as part
 * of the table — its own save writes the table over them with their names, and a structured reference to a new
 * column (ДорожнаяКарта[Статус]) is computed by LibreOffice over the statuses the test typed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addControlColumns } from "../../src/app/annotate";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { libreOffice, type LibreOffice } from "../helpers/libreoffice";

jest.setTimeout(240_000);

let lo: LibreOffice;
beforeAll(() => {
  lo = libreOffice();
});
afterAll(() => lo.dispose());

const HEADER = ["№", "Мероприятие", "Сроки", "Ответственные"];
const CONTROL = ["Статус", "Дата выполнения", "Подтверждающий документ", "Комментарий", "Контрольный срок"];

async function annotatedTable(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  ws.getCell("A1").value = "Дорожная карта по повышению качества образования на 2023 год";
  ws.addTable({
    name: "ДорожнаяКарта",
    ref: "A2",
    headerRow: true,
    columns: HEADER.map((name) => ({ name, filterButton: true })),
    rows: [1, 2, 3, 4].map((i) => [`${i}.`, `Мероприятие ${i}`, "Май 2023", "Огурцова Т.Н."]),
  });
  const host = await XlsxWorkbookHost.open(new Uint8Array(await wb.xlsx.writeBuffer()), "in.xlsx");
  await addControlColumns(host);
  return host.toBuffer();
}

test("LibreOffice keeps the new columns inside the table and computes a structured reference to one", async () => {
  const annotated = await annotatedTable();
  // The test's copy: statuses typed in the new «Статус» column, and a count over it by the table's column name.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(annotated as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Лист1")!;
  ws.getCell("E3").value = "Выполнено";
  ws.getCell("E4").value = "Не выполнено";
  ws.getCell("E6").value = "Выполнено";
  ws.getCell("A9").value = {
    formula: 'COUNTIF(ДорожнаяКарта[Статус],"Выполнено")',
  } as ExcelJS.CellFormulaValue;
  const file = path.join(lo.dir, "annotated-table.xlsx");
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

  // LibreOffice's own save writes the table as it understood it.
  const zip = await JSZip.loadAsync(readFileSync(lo.resave(file)));
  const part = Object.keys(zip.files).find((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
  expect(part).toBeDefined();
  const xml = await zip.file(part!)!.async("string");
  expect(/<table\b[^>]*\sref="([^"]+)"/.exec(xml)?.[1]).toBe("A2:I6");
  expect([...xml.matchAll(/<tableColumn\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1])).toEqual([
    ...HEADER,
    ...CONTROL,
  ]);

  // After LibreOffice loads and recalculates: the headers in row 2, and 2 «Выполнено» counted through the table.
  const csv = lo.toCsv(file, 1);
  expect(csv[1]).toEqual([...HEADER, ...CONTROL]);
  expect(csv[8][0]).toBe("2");
});
