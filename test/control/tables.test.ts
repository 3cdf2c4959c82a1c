/**
 * Annotate on a roadmap that is an Excel Table (ListObject), on the typed fake Excel and on .xlsx files: the control
 * columns become table columns (the table's range and column names grow), a rerun changes nothing, cells right of
 * the table are moved out of the way first and survive, and the sync count does not grow with the table.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addControlColumns } from "../../src/app/annotate";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { setup } from "../excel/helpers";

const CONTROL = ["Статус", "Дата выполнения", "Подтверждающий документ", "Комментарий", "Контрольный срок"];
const HEADER = ["№", "Мероприятие", "Сроки", "Ответственные"];

/** A title, then the roadmap's header and n activities (rows 2..n+2, 1-based), deadlines over 2023. */
function roadmap(n: number): (string | number)[][] {
  const months = ["Январь", "Март", "Май", "Июль", "Сентябрь", "Ноябрь"];
  const rows: (string | number)[][] = [
    ["Дорожная карта по повышению качества образования на 2023 год"],
    HEADER,
  ];
  for (let i = 1; i <= n; i++)
    rows.push([`${i}.`, `Мероприятие ${i}`, `${months[i % months.length]} 2023`, "Огурцова Т.Н."]);
  return rows;
}

describe("an Excel Table on the fake Excel", () => {
  async function annotated(
    n: number,
    arrange?: (sheet: ReturnType<ReturnType<typeof setup>["excel"]["addSheet"]>) => void,
  ) {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", roadmap(n));
    arrange?.(sheet);
    excel.addTable("Лист1", "ДорожнаяКарта", `A2:D${n + 2}`);
    excel.syncCount = 0;
    const outcome = await addControlColumns(host);
    return { excel, host, sheet, outcome, syncs: excel.syncCount, table: sheet.tables[0] };
  }

  test("the control columns become table columns; validations on activity rows only", async () => {
    const { sheet, table, outcome } = await annotated(10);
    expect(table.range).toEqual({ top: 1, left: 0, bottom: 11, right: 8 });
    expect(table.columns).toEqual([...HEADER, ...CONTROL]);
    expect([4, 5, 6, 7, 8].map((c) => sheet.cell(1, c)?.value)).toEqual(CONTROL);
    // Drop-down and dates on rows 3..12 (0-based 2..11), never on the header row.
    expect(sheet.validations.length).toBeGreaterThan(0);
    for (const v of sheet.validations) expect([v.range.top, v.range.bottom]).toEqual([2, 11]);
    // The header keeps the table style's look: no bold/border of ours on it.
    expect(sheet.cell(1, 4)?.bold).toBeUndefined();
    expect(outcome.annotate.plan.summary).toContain("в таблицу Excel «ДорожнаяКарта»");
    expect(outcome.annotate.setting.sheets[0].tables[0].excelTable).toBe("ДорожнаяКарта");
  });

  test("a rerun changes nothing: the table, the cells and the formats stay", async () => {
    const { excel, host, sheet, table } = await annotated(10);
    const before = JSON.stringify({ table, cells: [...sheet.cells], cf: sheet.conditionalFormats });
    const again = await addControlColumns(host);
    expect(again.written).toBe(false);
    expect(again.annotate.plan.ops).toEqual([]);
    expect(JSON.stringify({ table, cells: [...sheet.cells], cf: sheet.conditionalFormats })).toBe(before);
    expect(excel.sheet("Лист1").tables).toHaveLength(1);
  });

  test("cells right of the table are moved out of the way first and survive", async () => {
    const { sheet, table, outcome } = await annotated(10, (s) => {
      s.cellForWrite(2, 4).value = "заметка в E3";
      s.cellForWrite(11, 6).value = "итог в G12";
    });
    expect(outcome.annotate.tables[0].inserted).toBe(true);
    // Five columns inserted at E: E3 → J3, G12 → L12; the table takes E:I.
    expect(sheet.cell(2, 9)?.value).toBe("заметка в E3");
    expect(sheet.cell(11, 11)?.value).toBe("итог в G12");
    expect(table.range).toEqual({ top: 1, left: 0, bottom: 11, right: 8 });
    expect(table.columns.slice(4)).toEqual(CONTROL);
  });

  test("the same number of syncs for 10 and 10,000 activities, and as many as without a table", async () => {
    const small = await annotated(10);
    const big = await annotated(10000);
    expect(big.syncs).toBe(small.syncs);
    expect(big.table.range.bottom).toBe(10001);
    expect(big.table.columns).toHaveLength(9);
    const { excel, host } = setup();
    excel.addSheet("Лист1", roadmap(10));
    excel.syncCount = 0;
    await addControlColumns(host);
    expect(small.syncs).toBe(excel.syncCount);
  });

  test("a table whose header row is not the roadmap's (here: the title row) is left alone: plain columns", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", roadmap(5));
    excel.addTable("Лист1", "СЗаголовком", "A1:D7");
    const outcome = await addControlColumns(host);
    expect(outcome.annotate.plan.ops.some((op) => op.op === "extendTable")).toBe(false);
    expect(sheet.tables[0].range).toEqual({ top: 0, left: 0, bottom: 6, right: 3 });
    expect([4, 8].map((c) => sheet.cell(1, c)?.value)).toEqual(["Статус", "Контрольный срок"]);
  });

  test("Excel 2016 (ExcelApi 1.1): plain columns beside the table, and a Russian notice", async () => {
    const { excel, host } = setup({ excelApi: "1.1" });
    const sheet = excel.addSheet("Лист1", roadmap(5));
    excel.addTable("Лист1", "ДорожнаяКарта", "A2:D7");
    const outcome = await addControlColumns(host);
    expect(outcome.notices.some((n) => n.startsWith("Новые столбцы внутри таблицы Excel"))).toBe(true);
    expect(sheet.tables[0].range.right).toBe(3);
    expect(sheet.cell(1, 4)?.value).toBe("Статус");
  });
});

// ---------------------------------------------------------------------------------------------------- .xlsx

/** A file with the roadmap as an Excel Table (made by ExcelJS), optionally a totals row and cells to its right. */
async function tableFile(
  n: number,
  opts: { totals?: boolean; right?: [string, string][]; excelStyleHeader?: boolean } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  const rows = roadmap(n);
  ws.getCell("A1").value = rows[0][0];
  ws.addTable({
    name: "ДорожнаяКарта",
    ref: "A2",
    headerRow: true,
    totalsRow: opts.totals ?? false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: HEADER.map((name, i) =>
      i === 0 ? { name, totalsRowLabel: "Итого" } : { name, totalsRowFunction: "none" },
    ),
    rows: rows.slice(2),
  });
  for (const [address, value] of opts.right ?? []) ws.getCell(address).value = value;
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  if (!opts.excelStyleHeader) return bytes;
  // Excel leaves headerRowCount out (1 is the default); ExcelJS alone would read that as "no header row".
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/tables/table1.xml")!.async("string");
  zip.file("xl/tables/table1.xml", xml.replace(/ headerRowCount="1"/, ""));
  return zip.generateAsync({ type: "uint8array" });
}

async function annotateFile(bytes: Uint8Array): Promise<Uint8Array> {
  const host = await XlsxWorkbookHost.open(bytes, "in.xlsx");
  await addControlColumns(host);
  return host.toBuffer();
}

/** The table part as written: what Excel checks against the sheet. */
async function tableXml(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const name = Object.keys(zip.files).find((f) => /^xl\/tables\/table\d+\.xml$/.test(f))!;
  const xml = await zip.file(name)!.async("string");
  const attr = (tag: string, a: string) => new RegExp(`<${tag}\\b[^>]*\\s${a}="([^"]*)"`).exec(xml)?.[1];
  return {
    ref: attr("table", "ref"),
    headerRowCount: attr("table", "headerRowCount"),
    totalsRowCount: attr("table", "totalsRowCount"),
    autoFilter: attr("autoFilter", "ref"),
    count: attr("tableColumns", "count"),
    names: [...xml.matchAll(/<tableColumn\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]),
  };
}

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet("Лист1")!;
}

describe("an Excel Table in an .xlsx file", () => {
  test("the table XML grows: ref, filter, column count and names equal the header cells", async () => {
    const out = await annotateFile(await tableFile(10));
    expect(await tableXml(out)).toEqual({
      ref: "A2:I12",
      headerRowCount: "1",
      totalsRowCount: undefined,
      autoFilter: "A2:I12",
      count: "9",
      names: [...HEADER, ...CONTROL],
    });
    const ws = await sheetOf(out);
    expect(["A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2", "I2"].map((a) => ws.getCell(a).value)).toEqual([
      ...HEADER,
      ...CONTROL,
    ]);
    expect(ws.getCell("E3").dataValidation?.type).toBe("list");
    expect(ws.getCell("E2").dataValidation).toBeFalsy();
    expect(ws.getCell("E2").font?.bold).toBeFalsy();
  });

  test("a table as Excel writes it (no headerRowCount) is read with its header row", async () => {
    const input = await tableFile(4, { excelStyleHeader: true });
    expect((await tableXml(input)).headerRowCount).toBeUndefined();
    const out = await annotateFile(input);
    expect(await tableXml(out)).toMatchObject({
      ref: "A2:I6",
      headerRowCount: "1",
      autoFilter: "A2:I6",
      count: "9",
    });
  });

  test("a table without a filter (buttons off in Excel) is extended and still written without one", async () => {
    const zip = await JSZip.loadAsync(await tableFile(4, { excelStyleHeader: true }));
    const xml = await zip.file("xl/tables/table1.xml")!.async("string");
    zip.file("xl/tables/table1.xml", xml.replace(/<autoFilter[\s\S]*?<\/autoFilter>/, ""));
    const out = await annotateFile(await zip.generateAsync({ type: "uint8array" }));
    const written = await (await JSZip.loadAsync(out)).file("xl/tables/table1.xml")!.async("string");
    // ExcelJS alone would write <autoFilter> without its required ref: Excel would "repair" the file.
    expect(written).not.toContain("<autoFilter");
    expect(await tableXml(out)).toMatchObject({ ref: "A2:I6", headerRowCount: "1", count: "9" });
  });

  test("a totals row: the table and its filter (which stops above the totals row) grow alike", async () => {
    const out = await annotateFile(await tableFile(4, { totals: true }));
    expect(await tableXml(out)).toMatchObject({
      ref: "A2:I7",
      totalsRowCount: "1",
      autoFilter: "A2:I6",
      count: "9",
    });
    // Nothing is written into the totals row.
    const ws = await sheetOf(out);
    expect(ws.getCell("A7").value).toBe("Итого");
    for (const a of ["E7", "F7", "G7", "H7", "I7"]) expect(ws.getCell(a).value).toBeNull();
  });

  test("a rerun gives the same file contents: table, cells, validations", async () => {
    const once = await annotateFile(await tableFile(10));
    const twice = await annotateFile(once);
    expect(await tableXml(twice)).toEqual(await tableXml(once));
    const a = await sheetOf(once);
    const b = await sheetOf(twice);
    const dump = (ws: ExcelJS.Worksheet) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => out.push(`${c.address}=${JSON.stringify(c.value)}`)));
      return out;
    };
    expect(dump(b)).toEqual(dump(a));
  });

  test("cells right of the table are moved out of the way first and survive", async () => {
    const out = await annotateFile(
      await tableFile(10, {
        right: [
          ["E3", "заметка в E3"],
          ["F12", "итог в F12"],
        ],
      }),
    );
    const ws = await sheetOf(out);
    expect(ws.getCell("J3").value).toBe("заметка в E3");
    expect(ws.getCell("K12").value).toBe("итог в F12");
    expect(await tableXml(out)).toMatchObject({ ref: "A2:I12", count: "9", names: [...HEADER, ...CONTROL] });
  });
});
