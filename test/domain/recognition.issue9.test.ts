/**
 * Issue 9's recognition items: seed 003 is one roadmap of 19 activities with its title; the continuation rows
 * counted are the rows the user sees broken; a short plan under an unmistakable roadmap header is recognised.
 * Each failed on the code before the fix (two tables; blank spacer rows counted; see the notes for the third).
 */
import { sheetFromRows, type CellValue, type SheetGrid } from "../../src/domain/grid";
import type { ActivityRow } from "../../src/domain/model";
import { recognizeSheet, recognizeWorkbook } from "../../src/domain/recognition";
import { pastedAsText, seedFixtures, SEED_SPECS } from "../fixtures/seeds";

describe("seed 003: one roadmap of 19 activities", () => {
  const title =
    "План мероприятий («дорожная карта») по выходу школ Кызылского кожууна из числа школ с низкими образовательными результатами на 2024 -2025 учебный год";

  it.each([
    ["pasted as text (Markdown «**» marks of the export around the title)", pastedAsText("003")],
    ["pasted from Word", seedFixtures().find((f) => f.id === "003-pasted")!.workbook],
  ])("%s", (_name, wb) => {
    const r = recognizeWorkbook(wb);
    expect(r.tables).toHaveLength(1);
    const [t] = r.tables;
    const numbers = t.rows.filter((x): x is ActivityRow => x.kind === "activity").map((a) => a.number);
    expect(numbers).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "16",
      "17",
      "18",
      "19",
      ...["7", "8", "9"],
      "10",
      "11",
      "12",
      "13",
      "14",
      "15",
    ]);
    expect(t.title).toBe(title);
    expect(t.headerRows).toEqual([13]);
    expect(t.parts).toEqual(["A13:E25", "A45:E53"]);
  });
});

describe("continuation rows are the rows the user sees broken", () => {
  it("seed 002 pasted: the fourteen broken rows, not the blank rows between them", () => {
    const spec = SEED_SPECS.find((s) => s.seed === "002")!;
    const [t] = recognizeWorkbook(seedFixtures().find((f) => f.id === "002-pasted")!.workbook).tables;
    expect(t.rows.filter((r) => r.kind === "continuation").map((r) => r.row)).toEqual(spec.continuations);
  });
});

describe("a short plan under an unmistakable roadmap header is recognised", () => {
  const HEAD: CellValue[] = [
    "№ п/п",
    "Наименование мероприятия",
    "Срок исполнения",
    "Ответственный исполнитель",
  ];
  const ROWS: CellValue[][] = [
    [1, "Провести совещание с руководителями школ", "сентябрь 2025", "Иванов И.И."],
    [2, "Утвердить план работы с ШНОР", "октябрь 2025", "Петров П.П."],
    [3, "Подготовить аналитическую справку", "декабрь 2025", "Сидоров С.С."],
  ];
  const cases: [string, CellValue[][], Partial<SheetGrid>][] = [];
  for (const n of [1, 2, 3]) {
    cases.push([`${n} row(s)`, [HEAD, ...ROWS.slice(0, n)], {}]);
    cases.push([
      `${n} row(s) under a title, signature below`,
      [
        ["План мероприятий на 2025 год"],
        [],
        HEAD,
        ...ROWS.slice(0, n),
        [],
        ["Директор", null, "________", "И.И. Иванов"],
      ],
      {},
    ]);
    cases.push([`${n} row(s) under a column-number row`, [HEAD, [1, 2, 3, 4], ...ROWS.slice(0, n)], {}]);
    cases.push([
      `${n} row(s) under a two-row header`,
      [
        ["№", "Мероприятие", "Сроки", null, "Ответственный"],
        [null, null, "начало", "окончание", null],
        ...ROWS.slice(0, n).map((r) => [r[0], r[1], r[2], null, r[3]]),
      ],
      { merges: [{ top: 0, left: 2, bottom: 0, right: 3 }] },
    ]);
  }
  it.each(cases)("%s", (_name, rows, extra) => {
    const r = recognizeSheet(sheetFromRows("Лист1", rows, extra));
    expect(r.tables).toHaveLength(1);
    const n = r.tables[0].rows.filter((x) => x.kind === "activity").length;
    expect(n).toBe(Number(_name[0]));
  });
});
