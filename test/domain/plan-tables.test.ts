/**
 * Excel Tables under the EditPlan: the preflight of `extendTable` (src/domain/plan/validate.ts) and both readers
 * putting a sheet's tables into the grid (the .xlsx reader and the Office.js host on the typed fake Excel).
 */
import ExcelJS from "exceljs";
import type { EditOp } from "../../src/domain/edit-plan";
import { validatePlan, type WorkbookFacts } from "../../src/domain/plan";
import { readXlsx } from "../../src/xlsx/read";
import { setup } from "../excel/helpers";

const R = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

/** «План»: a table A2:D6 with a note in F3 (two columns right of it). */
const facts: WorkbookFacts = {
  sheets: [
    { name: "План", visibility: "visible", protected: false },
    { name: "Защищён", visibility: "visible", protected: true },
  ],
  cell: (sheet, r, c) => (sheet === "План" && r === 2 && c === 5 ? "заметка" : null),
  tables: [
    {
      sheet: "План",
      name: "ДК",
      range: R(1, 0, 5, 3),
      columns: ["№", "Мероприятие", "Сроки", "Ответственные"],
      showHeaders: true,
      showTotals: false,
    },
    { sheet: "Защищён", name: "Закрытая", showHeaders: true, showTotals: false },
  ],
};
const check = (ops: EditOp[], f = facts) => validatePlan({ summary: "", ops }, f);
const extend = (columns: string[], table = "ДК", sheet = "План"): EditOp => ({
  op: "extendTable",
  sheet,
  table,
  columns,
});

describe("extendTable preflight", () => {
  test("empty cells right of the table: fine, table name without regard to case", () => {
    expect(check([extend(["Статус"], "дк")])).toBeNull();
  });

  test("a table that is not there, or on another sheet", () => {
    const gone =
      "Таблица «Итоги» не найдена на листе «План»: возможно, её переименовали, удалили или преобразовали в диапазон. Выполните команду заново.";
    expect(check([extend(["Статус"], "Итоги")])).toBe(gone);
    expect(check([extend(["Статус"], "Закрытая")])).toBe(
      "Таблица «Закрытая» не найдена на листе «План»: возможно, её переименовали, удалили или преобразовали в диапазон. Выполните команду заново.",
    );
  });

  test("a name the table already has, repeated or empty names", () => {
    expect(check([extend(["сроки"])])).toBe(
      "В таблице «ДК» уже есть столбец «Сроки»: переименуйте его или удалите и повторите.",
    );
    expect(check([extend(["Статус", "статус"])])).toBe(
      "Внутренняя ошибка плана правки: имена новых столбцов таблицы повторяются.",
    );
    expect(check([extend([" "])])).toBe(
      "Внутренняя ошибка плана правки: у нового столбца таблицы нет имени.",
    );
  });

  test("data where the table would grow is refused, unless columns were inserted there first", () => {
    const two = ["Статус", "Дата"];
    expect(check([extend(["Статус"])])).toBeNull(); // E is empty
    expect(check([extend(two)])).toBe(
      "Нельзя расширить таблицу «ДК» на листе «План»: в ячейках E2:F6 справа от неё есть данные, они были бы потеряны.",
    );
    // Two columns inserted at E first: the note moves to H3, E:F are new and empty.
    expect(check([{ op: "insertColumns", sheet: "План", col: 4, count: 2 }, extend(two)])).toBeNull();
    // Inserted left of the table: the table (B:E) and the note (G3) both move; the note is still in the way.
    expect(check([{ op: "insertColumns", sheet: "План", col: 0, count: 1 }, extend(two)])).toBe(
      "Нельзя расширить таблицу «ДК» на листе «План»: в ячейках F2:G6 справа от неё есть данные, они были бы потеряны.",
    );
  });

  test("a protected sheet refuses as for any cell change", () => {
    expect(check([extend(["Статус"], "Закрытая", "Защищён")])).toBe(
      "Лист «Защищён» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.",
    );
  });
});

describe("the grid carries the sheet's tables", () => {
  test(".xlsx: range with header and totals rows, column names, flags", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Лист1");
    ws.addTable({
      name: "ДК",
      ref: "B3",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "№", totalsRowLabel: "Итого" },
        { name: "Мероприятие", totalsRowFunction: "count" },
      ],
      rows: [
        [1, "Семинар"],
        [2, "Диагностика"],
      ],
    });
    wb.addWorksheet("Пустой").getCell("A1").value = "x";
    const grid = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grid.sheets[0].tables).toEqual([
      {
        name: "ДК",
        range: R(2, 1, 5, 2),
        columns: ["№", "Мероприятие"],
        showHeaders: true,
        showTotals: true,
      },
    ]);
    expect(grid.sheets[1].tables).toBeUndefined();
  });

  test("Office.js: readWorkbook stays at two round trips; readSheet takes one more only when the sheet has tables", async () => {
    const { excel, host } = setup();
    excel.addSheet("Лист1", [["Дорожная карта"], ["№", "Мероприятие"], [1, "Семинар"], ["Итого", ""]]);
    excel.addSheet("Лист2", [["x"]]);
    excel.addTable("Лист1", "ДК", "A2:B4", { showTotals: true });
    const wb = await host.readWorkbook();
    expect(excel.syncCount).toBe(2);
    expect(wb.sheets[0].tables).toEqual([
      {
        name: "ДК",
        range: R(1, 0, 3, 1),
        columns: ["№", "Мероприятие"],
        showHeaders: true,
        showTotals: true,
      },
    ]);
    expect(wb.sheets[1].tables).toBeUndefined();
    excel.syncCount = 0;
    expect((await host.readSheet("Лист2")).tables).toBeUndefined();
    expect(excel.syncCount).toBe(1);
    excel.syncCount = 0;
    expect((await host.readSheet("лист1")).tables?.[0].range).toEqual(R(1, 0, 3, 1));
    expect(excel.syncCount).toBe(2);
  });
});
