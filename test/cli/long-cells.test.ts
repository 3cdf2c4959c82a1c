/**
 * A cell longer than Excel's 32,767-character limit (a file made by another program) is cut there when read, by
 * both hosts, with a notice naming the cell: no report copies the whole text.
 */
import { makeSheetGrid } from "../../src/excel/cells";
import { capLongCells } from "../../src/domain/grid";
import { sheet, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";

const LONG = "Семинар ".repeat(6000); // 48,000 characters

function book() {
  return xlsx({
    sheets: [
      sheet("Лист1", [
        ["Дорожная карта на 2025 год"],
        ["№ п/п", "Наименование мероприятия", "Сроки выполнения", "Ответственные лица"],
        ["1.", "Анализ результатов ВПР", "Апрель 2025", "Иванова И.И."],
        ["2.", LONG, "Май 2025", "Петров П.П."],
      ]),
    ],
  });
}

describe("a cell over Excel's limit", () => {
  it("check --json: the activity's text is the first 32,767 characters", async () => {
    const r = await runInMemory(["check", "in.xlsx", "--json", "--today", "2025-01-10"], {
      "in.xlsx": await book(),
    });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { tables: { rows: { row: number; activity?: string }[] }[] };
    const activity = doc.tables[0].rows.find((x) => x.row === 4)!.activity!;
    expect(activity.length).toBe(32767);
    expect(activity).toBe(LONG.slice(0, 32767).trim());
    expect(r.stdout.length).toBeLessThan(40000 + 10000);
  });

  it("check text: a notice names the cell", async () => {
    const r = await runInMemory(["check", "in.xlsx", "--today", "2025-01-10"], { "in.xlsx": await book() });
    expect(r.stdout).toContain(
      "Примечание (лист «Лист1»): На листе «Лист1» текст в ячейке B4 длиннее 32 767 знаков (предел Excel): прочитаны первые 32 767 знаков.",
    );
  });

  it("the Excel host cuts the same way", () => {
    const grid = makeSheetGrid(
      "Лист1",
      [{ top: 2, left: 1, values: [["короткий", LONG]], numberFormat: null }],
      {
        merges: [],
        hiddenRows: [],
        hiddenColumns: [],
        protected: false,
      },
    );
    expect((grid.rows[2][2] as string).length).toBe(32767);
    expect(grid.cutCells).toEqual(["C3"]);
  });

  it("never splits a surrogate pair", () => {
    const rows = [["а".repeat(32766) + "😀😀"]];
    expect(capLongCells(rows)).toEqual(["A1"]);
    expect(rows[0][0]).toBe("а".repeat(32766));
  });
});
