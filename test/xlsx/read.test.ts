import ExcelJS from "exceljs";
import { UserFacingError } from "../../src/domain/host";
import { MESSAGES, sniffFile } from "../../src/xlsx/load";
import { readXlsx, dateFormatKind } from "../../src/xlsx/read";
import { bytesOf } from "./helpers";

async function oneSheet(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void>) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  await fill(ws, wb);
  return bytesOf(wb);
}

async function expectUserError(data: Uint8Array, message: string) {
  const err = await readXlsx(data).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserFacingError);
  expect((err as Error).message).toBe(message);
}

describe("readXlsx: values", () => {
  it("reads strings, numbers and booleans at 0-based grid positions", async () => {
    const data = await oneSheet((ws) => {
      ws.getCell("A1").value = "Дорожная карта";
      ws.getCell("B3").value = 42;
      ws.getCell("C3").value = true;
    });
    const grid = await readXlsx(data);
    expect(grid.sheets).toHaveLength(1);
    expect(grid.sheets[0].name).toBe("Лист1");
    expect(grid.sheets[0].rows).toEqual([["Дорожная карта"], [], [null, 42, true]]);
  });

  it("turns date cells into ДД.ММ.ГГГГ text, month formats into the month the user sees", async () => {
    const data = await oneSheet((ws) => {
      ws.getCell("A1").value = new Date(Date.UTC(2023, 2, 30));
      ws.getCell("A1").numFmt = "dd.mm.yyyy";
      ws.getCell("A2").value = new Date(Date.UTC(2024, 0, 17));
      ws.getCell("A2").numFmt = "[$-419]d mmmm yyyy;@";
      // A number typed as a serial with a date format is a date too.
      ws.getCell("A3").value = 45184;
      ws.getCell("A3").numFmt = "dd/mm/yyyy";
      ws.getCell("A4").value = new Date(Date.UTC(2023, 8, 1));
      ws.getCell("A4").numFmt = "mmmm yyyy";
      ws.getCell("A5").value = 0.5;
      ws.getCell("A5").numFmt = "h:mm";
    });
    const rows = (await readXlsx(data)).sheets[0].rows;
    expect(rows[0][0]).toBe("30.03.2023");
    expect(rows[1][0]).toBe("17.01.2024");
    expect(rows[2][0]).toBe("15.09.2023");
    expect(rows[3][0]).toBe("Сентябрь 2023");
    expect(rows[4][0]).toBe("12:00");
  });

  it("reads dates of a 1904-based workbook", async () => {
    const data = await oneSheet((ws, wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
      ws.getCell("A1").value = new Date(Date.UTC(2023, 2, 30));
      ws.getCell("A1").numFmt = "dd.mm.yyyy";
    });
    expect((await readXlsx(data)).sheets[0].rows[0][0]).toBe("30.03.2023");
  });

  it("gives a formula's cached result, and null for a formula never calculated", async () => {
    const data = await oneSheet((ws) => {
      ws.getCell("A1").value = { formula: "1+1", result: 2 };
      ws.getCell("A2").value = { formula: 'CONCATENATE("до ","17.01.2025")', result: "до 17.01.2025" };
      ws.getCell("A3").value = { formula: "B9*2" } as ExcelJS.CellFormulaValue;
      ws.getCell("A4").value = { formula: "DATE(2023,3,30)", result: new Date(Date.UTC(2023, 2, 30)) };
      ws.getCell("A4").numFmt = "dd.mm.yyyy";
      ws.getCell("B4").value = "x";
    });
    const rows = (await readXlsx(data)).sheets[0].rows;
    expect(rows[0]).toEqual([2]);
    expect(rows[1]).toEqual(["до 17.01.2025"]);
    expect(rows[2] ?? []).toEqual([]);
    expect(rows[3]).toEqual(["30.03.2023", "x"]);
  });

  it("gives error values and formula errors as their text", async () => {
    const data = await oneSheet((ws) => {
      ws.getCell("A1").value = { error: "#REF!" };
      ws.getCell("A2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("A3").value = { error: "#N/A" };
    });
    const rows = (await readXlsx(data)).sheets[0].rows;
    expect(rows.map((r) => r[0])).toEqual(["#REF!", "#DIV/0!", "#N/A"]);
  });

  it("flattens rich text and hyperlinks to their plain text", async () => {
    const data = await oneSheet((ws) => {
      ws.getCell("A1").value = { richText: [{ text: "Огурцова " }, { font: { bold: true }, text: "Т.Н." }] };
      ws.getCell("A2").value = { text: "Приказ № 234", hyperlink: "https://example.org/prikaz.pdf" };
      ws.getCell("A3").value = "строка 1\r\nстрока 2";
    });
    const rows = (await readXlsx(data)).sheets[0].rows;
    expect(rows[0][0]).toBe("Огурцова Т.Н.");
    expect(rows[1][0]).toBe("Приказ № 234");
    expect(rows[2][0]).toBe("строка 1\nстрока 2");
  });

  it("decodes a Word paste's _x000D_ line breaks once, keeping an escaped literal", async () => {
    const JSZip = (await import("jszip")).default;
    const data = await oneSheet((ws) => {
      ws.getCell("A1").value = "MARK";
    });
    const zip = await JSZip.loadAsync(data);
    const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
    zip.file(
      "xl/sharedStrings.xml",
      strings.replace("MARK", "Огурцова Т.Н._x000D_\nЛеусенко А.Н. _x005F_x000D_"),
    );
    const rows = (await readXlsx(await zip.generateAsync({ type: "uint8array" }))).sheets[0].rows;
    expect(rows[0][0]).toBe("Огурцова Т.Н.\nЛеусенко А.Н. _x000D_");
  });

  it("keeps a merged area's value only in its top-left cell and lists the merges", async () => {
    const data = await oneSheet((ws) => {
      ws.getCell("A2").value = "Краевой уровень";
      ws.mergeCells("A2:F2");
      ws.getCell("B4").value = "Сроки";
      ws.mergeCells("B4:B5");
    });
    const sheet = (await readXlsx(data)).sheets[0];
    expect(sheet.rows[1]).toEqual(["Краевой уровень"]);
    expect(sheet.rows[3]).toEqual([null, "Сроки"]);
    expect(sheet.rows[4] ?? []).toEqual([]);
    expect(sheet.merges).toEqual([
      { top: 1, left: 0, bottom: 1, right: 5 },
      { top: 3, left: 1, bottom: 4, right: 1 },
    ]);
  });

  it("reports hidden rows, hidden columns and sheet protection", async () => {
    const data = await oneSheet(async (ws) => {
      for (let r = 1; r <= 5; r++) ws.getCell(r, 1).value = `r${r}`;
      ws.getCell("D1").value = "d";
      ws.getRow(3).hidden = true;
      ws.getColumn(2).hidden = true;
      await ws.protect("", {});
    });
    const sheet = (await readXlsx(data)).sheets[0];
    expect(sheet.hiddenRows).toEqual([2]);
    expect(sheet.hiddenColumns).toEqual([1]);
    expect(sheet.protected).toBe(true);
  });

  it("leaves hidden and very hidden sheets out unless asked, and never returns our state sheets", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Видимый").getCell("A1").value = 1;
    wb.addWorksheet("Скрытый", { state: "hidden" }).getCell("A1").value = 2;
    wb.addWorksheet("Очень скрытый", { state: "veryHidden" }).getCell("A1").value = 3;
    wb.addWorksheet("_RoadmapMonitor", { state: "veryHidden" }).getCell("A1").value = "k";
    const data = await bytesOf(wb);
    expect((await readXlsx(data)).sheets.map((s) => s.name)).toEqual(["Видимый"]);
    expect((await readXlsx(data, { includeHidden: true })).sheets.map((s) => s.name)).toEqual([
      "Видимый",
      "Скрытый",
      "Очень скрытый",
    ]);
  });

  it("is not slowed down by a drop-down list over the whole sheet", async () => {
    const JSZip = (await import("jszip")).default;
    const data = await oneSheet((ws) => {
      ws.getCell("A1").value = "Статус";
      ws.getCell("A2").dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: ['"выполнено,не выполнено"'],
      };
    });
    const zip = await JSZip.loadAsync(data);
    const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(xml).toContain('sqref="A2"');
    // ExcelJS expands validations cell by cell: 17 billion cells if it parsed this one.
    zip.file("xl/worksheets/sheet1.xml", xml.replace('sqref="A2"', 'sqref="A1:XFD1048576"'));
    const hostile = await zip.generateAsync({ type: "uint8array" });
    const t0 = Date.now();
    expect((await readXlsx(hostile)).sheets[0].rows).toEqual([["Статус"]]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("reads a 20,000-row sheet", async () => {
    const data = await oneSheet((ws) => {
      for (let r = 1; r <= 20000; r++) ws.addRow([r, `Мероприятие ${r}`, "До 15.04.2023", "Иванов И.И."]);
    });
    const sheet = (await readXlsx(data)).sheets[0];
    expect(sheet.rows).toHaveLength(20000);
    expect(sheet.rows[19999]).toEqual([20000, "Мероприятие 20000", "До 15.04.2023", "Иванов И.И."]);
  });
});

describe("dateFormatKind", () => {
  it.each([
    ["dd.mm.yyyy", "date"],
    ['[$-419]d mmmm yyyy "г."', "date"],
    ["mmmm yyyy", "month"],
    ["mmmm", "monthOnly"],
    ["h:mm:ss", "time"],
    ['0 "мм"', "none"],
  ])("%s → %s", (fmt, kind) => {
    expect(dateFormatKind(fmt)).toBe(kind);
  });
});

describe("readXlsx: files that are not a readable .xlsx", () => {
  const ole = (extra: number[]) => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(extra, 1024);
    return bytes;
  };
  const utf16 = (s: string) => Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);

  it("an empty file", async () => {
    await expectUserError(new Uint8Array(0), MESSAGES.empty);
  });

  it("an old .xls (OLE container with a Workbook stream)", async () => {
    await expectUserError(ole(utf16("Workbook")), MESSAGES.xls);
  });

  it("a password-protected .xlsx (OLE container with EncryptionInfo)", async () => {
    await expectUserError(
      ole([...utf16("EncryptionInfo"), 0, 0, ...utf16("EncryptedPackage")]),
      MESSAGES.encrypted,
    );
  });

  it("a Word .doc", async () => {
    await expectUserError(ole(utf16("WordDocument")), MESSAGES.word);
  });

  it("random bytes and plain text", async () => {
    const random = new Uint8Array(2000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
    await expectUserError(random, MESSAGES.notXlsx);
    await expectUserError(new TextEncoder().encode("№;Мероприятие;Сроки\n1;Совещание;май"), MESSAGES.notXlsx);
  });

  const zipWith = async (files: Record<string, string>) => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  };

  it("a zip that is an .ods, a .docx, an .xlsb, or nothing Excel knows", async () => {
    const ods = await zipWith({
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": "<office:document-content/>",
    });
    expect(sniffFile(ods)).toBe("ods");
    await expectUserError(ods, MESSAGES.ods);
    await expectUserError(await zipWith({ "word/document.xml": "<w:document/>" }), MESSAGES.word);
    await expectUserError(await zipWith({ "xl/workbook.bin": "x" }), MESSAGES.xlsb);
    await expectUserError(await zipWith({ "readme.txt": "привет" }), MESSAGES.notXlsx);
  });

  it("a zip bomb: refused from the central directory, before inflating", async () => {
    const data = await zipWith({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" });
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    // Claim 2 GB for every entry in the central directory.
    for (let i = 0; i + 4 < data.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    expect(sniffFile(data)).toBe("too-big");
    await expectUserError(data, MESSAGES.tooBig);
  });

  it("a truncated (corrupt) .xlsx", async () => {
    const data = await oneSheet((ws) => {
      for (let r = 1; r <= 200; r++) ws.addRow([r, `Мероприятие ${r}`]);
    });
    await expectUserError(data.slice(0, Math.floor(data.length / 2)), MESSAGES.corrupt);
  });

  it("an .xlsx whose sheet XML is garbage", async () => {
    const JSZip = (await import("jszip")).default;
    const data = await oneSheet((ws) => {
      ws.getCell("A1").value = "x";
    });
    const zip = await JSZip.loadAsync(data);
    zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c r=");
    const broken = await zip.generateAsync({ type: "uint8array" });
    await expectUserError(broken, MESSAGES.corrupt);
  });
});
