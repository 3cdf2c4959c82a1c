/**
 * A header cell merged over several columns with no sub-header names the columns whose body cells hold the data
 * (red-team defect 6): «Ответственные лица» over F:H with the names in F is F alone, as «Наименование
 * мероприятия» over B:C is one column; decided by content for both roles alike.
 */
import { sheetFromRows, type CellRange, type CellValue } from "../../src/domain/grid";
import { recognizeWorkbook } from "../../src/domain/recognition";

const HEADER = [
  "№ п/п",
  "Наименование мероприятия",
  "",
  "Сроки выполнения",
  "",
  "Ответственные лица",
  "",
  "",
];
const HEADER_MERGES: CellRange[] = [
  { top: 1, bottom: 1, left: 1, right: 2 },
  { top: 1, bottom: 1, left: 3, right: 4 },
  { top: 1, bottom: 1, left: 5, right: 7 },
];

function columns(body: CellValue[][], merges: CellRange[] = []) {
  const sheet = sheetFromRows("Л", [["Дорожная карта на 2025 год"], HEADER, ...body]);
  sheet.merges = [...HEADER_MERGES, ...merges];
  const [table] = recognizeWorkbook({ sheets: [sheet] }).tables;
  return {
    activity: table.columns.activity,
    deadline: table.columns.deadline,
    responsible: table.columns.responsible,
    persons: table.rows.flatMap((r) => (r.kind === "activity" ? [r.responsible.persons.length] : [])),
  };
}

describe("a header merged over several columns", () => {
  test("body merged like the header: one column for each role", () => {
    const body = [1, 2, 3].map((i) => [
      `${i}.`,
      `Мероприятие ${i}`,
      "",
      "Апрель 2025",
      "",
      "Иванова И.И.",
      "",
      "",
    ]);
    const merges = [2, 3, 4].flatMap((r) => [
      { top: r, bottom: r, left: 1, right: 2 },
      { top: r, bottom: r, left: 5, right: 7 },
    ]);
    expect(columns(body, merges)).toEqual({
      activity: "B",
      deadline: "D",
      responsible: ["F"],
      persons: [1, 1, 1],
    });
  });
  test("the text typed in the merge's second column: that column", () => {
    const body = [1, 2, 3].map((i) => [
      `${i}.`,
      "",
      `Мероприятие ${i}`,
      "Апрель 2025",
      "",
      "",
      "Петров П.П.",
      "",
    ]);
    expect(columns(body)).toEqual({ activity: "C", deadline: "D", responsible: ["G"], persons: [1, 1, 1] });
  });
  test("names in two of the three columns: both", () => {
    const body = [1, 2].map((i) => [
      `${i}.`,
      `Мероприятие ${i}`,
      "",
      "Май 2025",
      "",
      "Иванова И.И.",
      "",
      "Петров П.П.",
    ]);
    expect(columns(body)).toEqual({ activity: "B", deadline: "D", responsible: ["F", "H"], persons: [2, 2] });
  });
});
