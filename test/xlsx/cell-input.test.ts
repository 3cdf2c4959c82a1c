/**
 * The preview's typed entries on the .xlsx host: what a cell's validation and protection say (read from a file
 * built with ExcelJS directly), and the entry written as an EditPlan, read back from the saved bytes.
 */
import ExcelJS from "exceljs";
import { entryPlan, readEntry } from "../../src/domain/cell-entry";
import { UserFacingError } from "../../src/domain/host";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { bytesOf } from "./helpers";

async function formHost(): Promise<XlsxWorkbookHost> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Контроль");
  const lists = wb.addWorksheet("Справочники");
  ["Да", "Нет", "Частично"].forEach((v, i) => (lists.getCell(i + 2, 1).value = v));
  wb.definedNames.add("'Справочники'!$A$2:$A$4", "Ответы");
  ws.getCell("A1").value = "Статус";
  ws.getCell("A2").dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"Не начато,В работе,Выполнено"'],
    error: "Выберите статус из списка.",
    showErrorMessage: true,
  };
  ws.getCell("B2").dataValidation = { type: "list", formulae: ["'Справочники'!$A$2:$A$4"] };
  ws.getCell("C2").dataValidation = { type: "list", formulae: ["Ответы"] };
  ws.getCell("D2").dataValidation = {
    type: "date",
    operator: "greaterThanOrEqual",
    formulae: [new Date(Date.UTC(2022, 0, 1))],
    error: "Введите дату в формате ДД.ММ.ГГГГ.",
  };
  ws.getCell("D2").numFmt = "dd.mm.yyyy";
  ws.getCell("E2").value = "старое";
  // A merged pair: typing into it goes to its top-left cell.
  ws.mergeCells("F2:G2");
  ws.getCell("F2").dataValidation = { type: "list", formulae: ['"Да,Нет"'] };

  const form = wb.addWorksheet("Форма");
  form.getCell("A1").value = "Школа № 1";
  form.getCell("B2").protection = { locked: false };
  await form.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatCells: true });
  return XlsxWorkbookHost.open(await bytesOf(wb), "форма.xlsx");
}

async function reopened(host: XlsxWorkbookHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

describe("cellInput: what the file says about a cell", () => {
  it("reads a list wherever it lives: inline, a range on another sheet, a defined name", async () => {
    const host = await formHost();
    expect(host.cellInput("Контроль", 1, 0).validation).toEqual({
      rule: { kind: "list", list: ["Не начато", "В работе", "Выполнено"] },
      message: "Выберите статус из списка.",
    });
    expect(host.cellInput("Контроль", 1, 1).validation?.rule).toEqual({
      kind: "list",
      list: ["Да", "Нет", "Частично"],
    });
    expect(host.cellInput("Контроль", 1, 2).validation?.rule).toEqual({
      kind: "list",
      list: ["Да", "Нет", "Частично"],
    });
  });

  it("reads a date rule with its bound, the cell's format, and a merge by its top-left cell", async () => {
    const host = await formHost();
    expect(host.cellInput("Контроль", 1, 3)).toEqual({
      validation: {
        rule: { kind: "date", min: "2022-01-01" },
        message: "Введите дату в формате ДД.ММ.ГГГГ.",
      },
      numberFormat: "dd.mm.yyyy",
      locked: true,
      sheetProtected: false,
    });
    expect(host.cellInput("Контроль", 1, 6).validation?.rule).toEqual({ kind: "list", list: ["Да", "Нет"] });
    expect(host.cellInput("Контроль", 5, 5).validation).toBeNull();
  });

  it("knows a protected sheet and its unlocked input cells", async () => {
    const host = await formHost();
    expect(host.cellInput("Форма", 0, 0)).toMatchObject({ locked: true, sheetProtected: true });
    expect(host.cellInput("Форма", 1, 1)).toMatchObject({ locked: false, sheetProtected: true });
  });
});

describe("typed entries written through the host's apply", () => {
  it("stores a picked status, a real date and formula-looking text as text in the saved file", async () => {
    const host = await formHost();
    const write = async (row: number, col: number, text: string) => {
      const entry = readEntry(text, host.cellInput("Контроль", row, col), "Контроль");
      if (!entry.ok) throw new Error(entry.message);
      await host.apply(entryPlan("Контроль", row, col, entry));
    };
    await write(1, 0, "выполнено");
    await write(1, 3, "25.04.2022");
    await write(1, 4, "=1+2");
    const ws = (await reopened(host)).getWorksheet("Контроль")!;
    expect(ws.getCell("A2").value).toBe("Выполнено");
    expect(ws.getCell("D2").value).toEqual(new Date(Date.UTC(2022, 3, 25)));
    expect(ws.getCell("D2").numFmt).toBe("dd.mm.yyyy");
    expect(ws.getCell("E2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("E2").value).toBe("=1+2");
    // The validation stays on the cell.
    expect(ws.getCell("A2").dataValidation?.type).toBe("list");
  });

  it("refuses a date before the rule's bound and a locked cell of a protected sheet; the old value stays", async () => {
    const host = await formHost();
    expect(readEntry("31.12.2021", host.cellInput("Контроль", 1, 3), "Контроль")).toEqual({
      ok: false,
      message: "Введите дату в формате ДД.ММ.ГГГГ. Допустимы даты не раньше 01.01.2022.",
    });
    expect(readEntry("Школа № 2", host.cellInput("Форма", 0, 0), "Форма").ok).toBe(false);
    // The host refuses the write too, whoever asks: the sheet's protection holds.
    await expect(
      host.apply({
        summary: "",
        ops: [{ op: "setValues", sheet: "Форма", row: 0, col: 0, values: [["Школа № 2"]] }],
      }),
    ).rejects.toThrow(UserFacingError);
    expect((await reopened(host)).getWorksheet("Форма")!.getCell("A1").value).toBe("Школа № 1");
  });

  it("writes into an unlocked input cell of a protected sheet, as Excel lets a user type there", async () => {
    const host = await formHost();
    const entry = readEntry("15", host.cellInput("Форма", 1, 1), "Форма");
    expect(entry).toEqual({ ok: true, value: 15 });
    if (entry.ok) await host.apply(entryPlan("Форма", 1, 1, entry));
    const form = (await reopened(host)).getWorksheet("Форма")!;
    expect(form.getCell("B2").value).toBe(15);
    // Still protected, and a write that also touches a locked cell is refused as a whole.
    expect((form as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    await expect(
      host.apply({
        summary: "",
        ops: [{ op: "setValues", sheet: "Форма", row: 1, col: 0, values: [["x", 16]] }],
      }),
    ).rejects.toThrow("защищён");
  });
});
