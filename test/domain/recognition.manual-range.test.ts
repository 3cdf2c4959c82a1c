/**
 * A table given by hand (issue 9's manual range): the user selects a range, says «Это таблица дорожной карты» and
 * names the activity column. Each non-empty row is then an activity unless it is clearly a header, a section title
 * or a fragment cut at a page break. Expected texts are copied by hand from ../shared/seeds/001 (lines 66–70, the
 * bullet «- » dropped as list markup, README «Lost auto-numbering»).
 */
import { sheetFromRows, type CellValue } from "../../src/domain/grid";
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import { recognizeWorkbook, type TableOverride } from "../../src/domain/recognition";
import { pastedAsText, seedFixtures } from "../fixtures/seeds";

const SEED_001_A66_A70 = [
  "формирование муниципальной системы поддержки ШНОР и ШССУ и обеспечение ее реализации;",
  "разработка и реализация школьных программ по повышению качества образования и переходу в эффективный режим работы ШНОР и ШССУ;",
  "создание условий для развития профессионализма учителей, используя целевые программы повышения квалификации с сочетанием вертикальных и горизонтальных форм профессионального развития;",
  "осуществление системной поддержки работы школьных методических объединений;",
  "повышение уровня сетевого взаимодействия педагогов района (методические объединения, профессиональные сообщества).",
];

const kinds = (t: RoadmapTable) => t.rows.map((r) => [r.row, r.kind]);
const activities = (t: RoadmapTable) =>
  t.rows.filter((r): r is ActivityRow => r.kind === "activity").map((a) => [a.row, a.number, a.activity]);

describe("seed 001, range A66:A70 given by hand with its activity column", () => {
  const given: TableOverride = { sheet: "Лист1", range: "A66:A70", columns: { activity: "A" } };

  it.each([
    ["pasted as text", pastedAsText("001")],
    ["pasted from Word", seedFixtures().find((f) => f.id === "001-pasted")!.workbook],
  ])("%s: five activities, one a row, no sections", (_name, wb) => {
    const { tables } = recognizeWorkbook(wb, { overrides: [given] });
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t.range).toBe("A66:A70");
    expect(t.columns.activity).toBe("A");
    expect(activities(t)).toEqual(SEED_001_A66_A70.map((text, i) => [66 + i, null, text]));
    expect(t.rows.filter((r) => r.kind === "section")).toEqual([]);
  });
});

describe("a one-column table given by hand", () => {
  const sheet = (rows: CellValue[][], merges = sheetFromRows("x", []).merges) => ({
    sheets: [sheetFromRows("Лист1", rows, { merges })],
  });
  const read = (
    wb: ReturnType<typeof sheet>,
    range: string,
    columns: TableOverride["columns"] = { activity: "B" },
  ) => recognizeWorkbook(wb, { overrides: [{ sheet: "Лист1", range, columns }] }).tables[0];

  it("keeps its header, a marked section and a fragment cut mid-phrase out of the activities", () => {
    const t = read(
      sheet([
        [null, "Мероприятия"],
        [null, "Раздел 1. Управление"],
        [null, "Создание рабочей группы"],
        [null, "Анализ результатов ВПР и"],
        [null, "подготовка рекомендаций"],
        [null, "- семинар для заместителей директоров"],
        [null, "II. Работа с педагогами"],
        [null, "Курсы повышения квалификации"],
      ]),
      "B1:B8",
    );
    expect(t.headerRows).toEqual([1]);
    expect(kinds(t)).toEqual([
      [1, "header"],
      [2, "section"],
      [3, "activity"],
      [4, "activity"],
      [5, "continuation"],
      [6, "activity"],
      [7, "section"],
      [8, "activity"],
    ]);
    expect(activities(t).map((a) => a[2])).toEqual([
      "Создание рабочей группы",
      "Анализ результатов ВПР и подготовка рекомендаций",
      "семинар для заместителей директоров",
      "Курсы повышения квалификации",
    ]);
  });

  it("reads a row merged across a two-column range as a section, and not a merge reaching past the range", () => {
    const wb = sheet(
      [
        ["Организационные меры", null],
        ["Создание рабочей группы", "приказ"],
        ["Анализ результатов", null],
      ],
      [
        { top: 0, bottom: 0, left: 0, right: 1 },
        { top: 2, bottom: 2, left: 0, right: 1 },
      ],
    );
    const two = recognizeWorkbook(wb, {
      overrides: [{ sheet: "Лист1", range: "A1:B3", columns: { activity: "A" } }],
    }).tables[0];
    expect(kinds(two)).toEqual([
      [1, "section"],
      [2, "activity"],
      [3, "section"],
    ]);
    const one = recognizeWorkbook(wb, {
      overrides: [{ sheet: "Лист1", range: "A1:A3", columns: { activity: "A" } }],
    }).tables[0];
    expect(activities(one).map((a) => a[0])).toEqual([1, 2, 3]);
  });

  it("takes a long first line holding the word «мероприятия» for an activity, not a header", () => {
    const t = read(
      sheet([
        [null, "Проведение мероприятий по повышению качества образования"],
        [null, "Курсы повышения квалификации"],
      ]),
      "B1:B2",
    );
    expect(t.headerRows).toEqual([]);
    expect(activities(t).map((a) => a[0])).toEqual([1, 2]);
  });

  it("reads the rules of a roadmap where another column has a role: a lone plain line there is a section", () => {
    const rows: CellValue[][] = [
      [null, "Организационные меры", null],
      [null, "Создание рабочей группы", "Иванов И.И."],
    ];
    expect(kinds(read(sheet(rows), "B1:C2", { activity: "B", responsible: ["C"] }))).toEqual([
      [1, "section"],
      [2, "activity"],
    ]);
    expect(kinds(read(sheet(rows), "B1:C2"))).toEqual([
      [1, "activity"],
      [2, "activity"],
    ]);
  });
});
