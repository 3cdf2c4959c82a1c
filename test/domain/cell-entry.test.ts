/**
 * Reading what a user typed into a cell against the cell's validation, format and protection (the preview's
 * editor). Serials are counted by hand: 01.01.2022 is 44562 (Excel's 1900 system), so 25.04.2022 is
 * 44562 + 31 + 28 + 31 + 24 = 44676; 01.01.2024 is 45292, so 01.03.2024 (2024 is a leap year) is 45292 + 60.
 */
import {
  entryPlan,
  entryRefusal,
  readEntry,
  readTypedDate,
  type CellInput,
} from "../../src/domain/cell-entry";
import type { ValidationRule } from "../../src/domain/edit-plan";

const STATUSES = [
  "Не начато",
  "В работе",
  "Выполнено",
  "Выполнено с нарушением срока",
  "Не выполнено",
  "Отменено",
];

const plain: CellInput = { validation: null, numberFormat: null, locked: true, sheetProtected: false };
const withRule = (rule: ValidationRule, message = ""): CellInput => ({
  ...plain,
  validation: { rule, message },
});
const statusCell = withRule({ kind: "list", list: STATUSES }, "Выберите статус из списка.");
const dateCell: CellInput = {
  ...withRule({ kind: "date" }, "Введите дату в формате ДД.ММ.ГГГГ."),
  numberFormat: "dd.mm.yyyy",
};

describe("readEntry: a list cell", () => {
  it("takes an item of the list, in the list's spelling whatever the case typed", () => {
    expect(readEntry("Выполнено", statusCell, "Лист1")).toEqual({ ok: true, value: "Выполнено" });
    expect(readEntry("в работе", statusCell, "Лист1")).toEqual({ ok: true, value: "В работе" });
    expect(readEntry("  НЕ ВЫПОЛНЕНО ", statusCell, "Лист1")).toEqual({ ok: true, value: "Не выполнено" });
  });

  it("refuses a value the list lacks with the validation's own message", () => {
    expect(readEntry("Готово", statusCell, "Лист1")).toEqual({
      ok: false,
      message: "Выберите статус из списка.",
    });
    // A prefix of an item is not the item.
    expect(readEntry("Выполн", statusCell, "Лист1").ok).toBe(false);
  });

  it("empties the cell on an empty entry (blanks are allowed)", () => {
    expect(readEntry("", statusCell, "Лист1")).toEqual({ ok: true, value: null });
    expect(readEntry("   ", statusCell, "Лист1")).toEqual({ ok: true, value: null });
  });

  it("words the refusal itself when the file gives no message", () => {
    expect(readEntry("Да?", withRule({ kind: "list", list: ["Да", "Нет"] }), "Лист1")).toEqual({
      ok: false,
      message: "Выберите значение из раскрывающегося списка.",
    });
  });
});

describe("readEntry: a date cell", () => {
  it("stores ДД.ММ.ГГГГ as a real date (a serial under the cell's date format)", () => {
    expect(readEntry("25.04.2022", dateCell, "Лист1")).toEqual({
      ok: true,
      value: 44676,
      numberFormat: "dd.mm.yyyy",
    });
    expect(readEntry("1.3.2024", dateCell, "Лист1")).toEqual({
      ok: true,
      value: 45352,
      numberFormat: "dd.mm.yyyy",
    });
    expect(readEntry("2022-04-25", dateCell, "Лист1")).toEqual({
      ok: true,
      value: 44676,
      numberFormat: "dd.mm.yyyy",
    });
  });

  it("keeps a date format the cell already has; a cell without one gets ДД.ММ.ГГГГ", () => {
    const own = { ...dateCell, numberFormat: "[$-419]DD.MM.YYYY" };
    expect(readEntry("25.04.2022", own, "Лист1")).toEqual({
      ok: true,
      value: 44676,
      numberFormat: "[$-419]DD.MM.YYYY",
    });
    const general = { ...dateCell, numberFormat: "General" };
    expect(readEntry("25.04.2022", general, "Лист1")).toEqual({
      ok: true,
      value: 44676,
      numberFormat: "dd.mm.yyyy",
    });
  });

  it("refuses what is not a calendar date, keeping the old value", () => {
    const refused = { ok: false, message: "Введите дату в формате ДД.ММ.ГГГГ." };
    expect(readEntry("31.02.2022", dateCell, "Лист1")).toEqual(refused);
    expect(readEntry("29.02.2023", dateCell, "Лист1")).toEqual(refused);
    expect(readEntry("25.04.22", dateCell, "Лист1")).toEqual(refused);
    expect(readEntry("апрель", dateCell, "Лист1")).toEqual(refused);
    expect(readEntry("=TODAY()", dateCell, "Лист1")).toEqual(refused);
  });

  it("refuses a date outside the validation's bounds and says which dates are allowed", () => {
    const bounded = withRule({ kind: "date", min: "2024-01-01", max: "2024-12-31" }, "Дата 2024 года.");
    expect(readEntry("31.12.2023", bounded, "Лист1")).toEqual({
      ok: false,
      message: "Дата 2024 года. Допустимы даты с 01.01.2024 по 31.12.2024.",
    });
    expect(readEntry("31.12.2024", bounded, "Лист1")).toEqual({
      ok: true,
      value: 45657,
      numberFormat: "dd.mm.yyyy",
    });
  });
});

describe("readEntry: number cells", () => {
  it("reads whole numbers and refuses fractions and bounds", () => {
    const whole = withRule({ kind: "whole", min: 0 }, "Введите целое число не меньше 0.");
    expect(readEntry("12", whole, "Лист1")).toEqual({ ok: true, value: 12 });
    expect(readEntry("1 200", whole, "Лист1")).toEqual({ ok: true, value: 1200 });
    expect(readEntry("1,5", whole, "Лист1")).toEqual({
      ok: false,
      message: "Введите целое число не меньше 0.",
    });
    expect(readEntry("-3", whole, "Лист1")).toEqual({
      ok: false,
      message: "Введите целое число не меньше 0. Допустимы числа не меньше 0.",
    });
  });

  it("reads decimals the Russian way and a percent as its fraction", () => {
    const decimal = withRule({ kind: "decimal" });
    expect(readEntry("10,5", decimal, "Лист1")).toEqual({ ok: true, value: 10.5 });
    expect(readEntry("45%", decimal, "Лист1")).toEqual({ ok: true, value: 0.45 });
    expect(readEntry("десять", decimal, "Лист1")).toEqual({ ok: false, message: "Введите число." });
  });
});

describe("readEntry: a cell without validation", () => {
  it("keeps text beginning with = + - @ as text: never a formula", () => {
    for (const text of ["=1+2", "=СУММ(A1:A3)", "+7 (999) 123-45-67", "-5", "- выполнено", "@школа"])
      expect(readEntry(text, plain, "Лист1")).toEqual({ ok: true, value: text });
  });

  it("reads numbers and whole dates as Excel does, the rest as text as typed", () => {
    expect(readEntry("42", plain, "Лист1")).toEqual({ ok: true, value: 42 });
    expect(readEntry("10,5", plain, "Лист1")).toEqual({ ok: true, value: 10.5 });
    expect(readEntry("25.04.2022", plain, "Лист1")).toEqual({
      ok: true,
      value: 44676,
      numberFormat: "dd.mm.yyyy",
    });
    expect(readEntry("Приказ № 12 от 25.04.2022", plain, "Лист1")).toEqual({
      ok: true,
      value: "Приказ № 12 от 25.04.2022",
    });
    expect(readEntry("строка 1\nстрока 2", plain, "Лист1")).toEqual({
      ok: true,
      value: "строка 1\nстрока 2",
    });
  });

  it("keeps everything as text in a text-formatted cell", () => {
    const text = { ...plain, numberFormat: "@" };
    expect(readEntry("42", text, "Лист1")).toEqual({ ok: true, value: "42" });
    expect(readEntry("25.04.2022", text, "Лист1")).toEqual({ ok: true, value: "25.04.2022" });
  });
});

describe("protection", () => {
  it("refuses a locked cell of a protected sheet, naming the sheet", () => {
    const locked = { ...statusCell, sheetProtected: true };
    const message =
      "Ячейка на защищённом листе «Мероприятия» не открыта для ввода. Чтобы изменить её, снимите защиту листа (Рецензирование → Снять защиту листа).";
    expect(entryRefusal(locked, "Мероприятия")).toBe(message);
    expect(readEntry("Выполнено", locked, "Мероприятия")).toEqual({ ok: false, message });
    expect(readEntry("", locked, "Мероприятия")).toEqual({ ok: false, message });
  });

  it("lets the user type into an unlocked cell of a protected sheet, and into any cell of an open one", () => {
    const input = { ...statusCell, sheetProtected: true, locked: false };
    expect(entryRefusal(input, "Мероприятия")).toBeNull();
    expect(readEntry("Выполнено", input, "Мероприятия")).toEqual({ ok: true, value: "Выполнено" });
    expect(entryRefusal({ ...plain, locked: true }, "Лист1")).toBeNull();
  });
});

describe("readTypedDate", () => {
  it("knows the calendar", () => {
    expect(readTypedDate("29.02.2024")).toBe("2024-02-29");
    expect(readTypedDate("29.02.2023")).toBeNull();
    expect(readTypedDate("31.04.2024")).toBeNull();
    expect(readTypedDate("00.01.2024")).toBeNull();
    expect(readTypedDate("01.13.2024")).toBeNull();
  });
});

describe("entryPlan", () => {
  it("is one setValues of the cell, with the date format when there is one", () => {
    expect(entryPlan("Лист1", 7, 6, { ok: true, value: 44676, numberFormat: "dd.mm.yyyy" })).toEqual({
      summary: "Ввод в ячейку G8 листа «Лист1»",
      ops: [
        { op: "setValues", sheet: "Лист1", row: 7, col: 6, values: [[44676]], numberFormat: "dd.mm.yyyy" },
      ],
    });
    expect(entryPlan("Лист1", 0, 0, { ok: true, value: "=1+2" }).ops).toEqual([
      { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["=1+2"]] },
    ]);
  });
});
