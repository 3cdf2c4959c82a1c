/**
 * The rules the layout generator and the second held-out set brought in, each on its own small grid (so removing
 * the rule turns its test red). Expected readings are written by hand.
 */
import type { CellValue } from "../../src/domain/grid";
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import { recognizeWorkbook, roleOfHeader } from "../../src/domain/recognition";
import { merges, sheet } from "../fixtures/regions/build";

const HEAD = ["№", "Мероприятие", "Срок", "Ответственный"];

function read(rows: CellValue[][], m: string[] = []): RoadmapTable[] {
  return recognizeWorkbook({ sheets: [sheet("Лист1", rows, { merges: merges(...m) })] }).tables;
}
const acts = (t: RoadmapTable) => t.rows.filter((r): r is ActivityRow => r.kind === "activity");
const sections = (t: RoadmapTable) => t.rows.flatMap((r) => (r.kind === "section" ? [[r.row, r.text]] : []));

describe("sections", () => {
  it("reads a Roman-marked line alone in the activity column of a numbered table as a section", () => {
    const [t] = read([
      ["План мероприятий на 2025 год"],
      HEAD,
      [null, "I. Организационная работа"],
      ["1", "Совещание с руководителями школ", "март 2025", "Иванов И.И."],
      [null, "II. Методическая работа"],
      ["2", "Семинар для учителей", "апрель 2025", "Иванов И.И."],
    ]);
    expect(sections(t)).toEqual([
      [3, "I. Организационная работа"],
      [5, "II. Методическая работа"],
    ]);
    expect(acts(t).map((a) => a.activity)).toEqual([
      "Совещание с руководителями школ",
      "Семинар для учителей",
    ]);
  });

  it("folds a sentence cut at a page break when the table's sections stand elsewhere (merged across)", () => {
    const [t] = read(
      [
        ["План мероприятий на 2025 год"],
        HEAD,
        ["Мониторинг"],
        ["1", "Мониторинг реализации программ.", "март 2025", "Смирнова Е.А."],
        [null, "Подготовка аналитической справки"],
        ["2", "Совещание по итогам", "апрель 2025", "Смирнова Е.А."],
      ],
      ["A3:D3"],
    );
    expect(sections(t)).toEqual([[3, "Мониторинг"]]);
    expect(acts(t).map((a) => a.activity)).toEqual([
      "Мониторинг реализации программ. Подготовка аналитической справки",
      "Совещание по итогам",
    ]);
  });

  it("folds such a sentence when the table's sections are numbered in the «№» column", () => {
    const [t] = read([
      ["План мероприятий на 2025 год"],
      HEAD,
      ["I.", "Мониторинг"],
      ["1.", "Мониторинг реализации программ.", "март 2025", "Смирнова Е.А."],
      [null, "Подготовка аналитической справки"],
      ["2.", "Совещание по итогам", "апрель 2025", "Смирнова Е.А."],
    ]);
    expect(sections(t)).toEqual([[3, "I. Мониторинг"]]);
    expect(acts(t).map((a) => a.rows)).toEqual([[4, 5], [6]]);
  });

  it("keeps such a line a section when the table's sections are written the same way (in the activity column)", () => {
    const [t] = read([
      ["План мероприятий на 2025 год"],
      HEAD,
      [null, "Организационная работа"],
      ["1", "Совещание с руководителями школ.", "март 2025", "Иванов И.И."],
      [null, "Методическая работа"],
      ["2", "Семинар для учителей", "апрель 2025", "Иванов И.И."],
    ]);
    expect(sections(t).map(([r]) => r)).toEqual([3, 5]);
  });

  it("keeps a note after a blank row out of the activity above", () => {
    const [t] = read(
      [
        ["План мероприятий на 2025 год"],
        HEAD,
        ["Мониторинг"],
        ["1", "Совещание по итогам", "апрель 2025", "Смирнова Е.А."],
        [],
        [null, "Сроки могут быть скорректированы."],
      ],
      ["A3:D3"],
    );
    expect(t.range).toBe("A2:D4");
    expect(acts(t)[0].activity).toBe("Совещание по итогам");
  });
});

describe("continuations", () => {
  it("continues the activity above with an unnumbered row that has no deadline of its own, in a numbered table", () => {
    const [t] = read([
      ["План мероприятий на 2025 год"],
      HEAD,
      ["1", "Мониторинг реализации программ.", "март 2025", "Смирнова Е.А.,"],
      [null, "Подготовка аналитической справки", null, "начальник отдела"],
      ["2", "Совещание по итогам", "апрель 2025", "Орлова Н.П."],
    ]);
    expect(acts(t).map((a) => [a.row, a.rows, a.activity])).toEqual([
      [3, [3, 4], "Мониторинг реализации программ. Подготовка аналитической справки"],
      [5, [5], "Совещание по итогам"],
    ]);
  });

  it("reads rows in lower case with their own deadline and responsible as activities in a lower-case plan", () => {
    const [t] = read([
      ["План мероприятий школы на 2026 год"],
      ["Мероприятия", "Срок", "Ответственный"],
      ["проведение педагогического совета", "январь", "директор Сомова Л.Н."],
      ["организация курсов для учителей", "февраль", "зам. директора Федотова О.А."],
      ["посещение уроков с целью контроля", "в течение года", "Федотова О.А."],
      ["читательской грамотности"],
    ]);
    expect(acts(t).map((a) => [a.rows, a.activity])).toEqual([
      [[3], "проведение педагогического совета"],
      [[4], "организация курсов для учителей"],
      [[5, 6], "посещение уроков с целью контроля читательской грамотности"],
    ]);
  });

  it("reads a lower-case row with its own deadline and responsible as an activity in a plan written with capitals", () => {
    const [t] = read([
      ["План мероприятий на 2026 год"],
      ["Мероприятия", "Срок", "Ответственный"],
      ["Проведение педагогического совета", "январь", "Сомова Л.Н."],
      ["организация курсов для учителей", "февраль", "Федотова О.А."],
      ["по итогам курсов", "март", "Федотова О.А."],
    ]);
    // The last row opens with a preposition: the middle of a phrase, whatever cells it has.
    expect(acts(t).map((a) => a.rows)).toEqual([[3], [4, 5]]);
  });

  it("folds a page break through every column in a plan written with capitals, though the row has a date", () => {
    const [t] = read([
      ["План мероприятий на 2023 год"],
      ["Мероприятия", "Срок", "Ответственный"],
      [
        "Сопровождение прохождения курсов",
        "для педагогов: 11.10",
        "Куприенко Е.В. главный специалист отдела",
      ],
      ["повышения квалификации педагогов", "01.11 2023 года", "развития муниципальной системы образования"],
      ["Семинар для руководителей", "декабрь 2023", "Куприенко Е.В."],
    ]);
    expect(acts(t).map((a) => a.rows)).toEqual([[3, 4], [5]]);
  });

  it("takes a mark in a month grid for a row's own deadline", () => {
    const [t] = read([
      ["План мероприятий на 2026 год"],
      ["Мероприятия", "I кв.", "II кв.", "III кв.", "IV кв.", "Ответственный"],
      ["проведение совещания", "х", null, null, null, "Смирнова Е.А."],
      ["организация семинара", null, null, "х", null, "Смирнова Е.А."],
    ]);
    expect(acts(t).map((a) => [a.activity, a.deadline.start, a.deadline.end])).toEqual([
      ["проведение совещания", "2026-01-01", "2026-03-31"],
      ["организация семинара", "2026-07-01", "2026-09-30"],
    ]);
  });
});

describe("two-row headers", () => {
  it("reads bare «I | II | III | IV» under a parent naming the quarter as a quarter grid", () => {
    const [t] = read(
      [
        ["План мероприятий на 2026 год"],
        ["№", "Мероприятие", "Срок исполнения (квартал)", null, null, null, "Ответственный"],
        [null, null, "I", "II", "III", "IV", null],
        ["1", "Анализ результатов ВПР", "х", null, null, null, "Бортникова Л.А."],
        ["2", "Выездные консультации", null, "х", null, "х", "Бортникова Л.А."],
      ],
      ["C2:F2", "A2:A3", "B2:B3", "G2:G3"],
    );
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns.deadline).toBe("C");
    expect(acts(t).map((a) => [a.deadline.raw, a.deadline.start, a.deadline.end])).toEqual([
      ["I квартал", "2026-01-01", "2026-03-31"],
      ["II квартал | IV квартал", "2026-04-01", "2026-12-31"],
    ]);
  });

  it("reads two half-years under a deadline parent as a grid (three columns are needed without one)", () => {
    const [t] = read(
      [
        ["Дорожная карта на 2026 год"],
        ["№", "Мероприятие", "Сроки (2026 год)", null, "Ответственный"],
        [null, null, "I полугодие", "II полугодие", null],
        ["1", "Анализ результатов ЕГЭ", "+", null, "Мартынова С.И."],
        ["2", "Курсы для экспертов", null, "+", "Мартынова С.И."],
      ],
      ["C2:D2", "A2:A3", "B2:B3", "E2:E3"],
    );
    expect(acts(t).map((a) => [a.deadline.start, a.deadline.end])).toEqual([
      ["2026-01-01", "2026-06-30"],
      ["2026-07-01", "2026-12-31"],
    ]);
  });

  it("gives a sub-column the role its own label names («Мероприятие» over «наименование | форма проведения»)", () => {
    const [t] = read(
      [
        ["План мероприятий на 2026 год"],
        ["№", "Мероприятие", null, "Срок", "Ответственный"],
        [null, "наименование", "форма проведения", null, null],
        ["1", "Функциональная грамотность", "семинар", "февраль 2026", "Зайцева О.Г."],
      ],
      ["B2:C2", "A2:A3", "D2:D3", "E2:E3"],
    );
    expect([t.columns.activity, t.columns.form]).toEqual(["B", "C"]);
    expect(acts(t)[0].activity).toBe("Функциональная грамотность");
  });
});

describe("sub-columns named by years or numbered periods", () => {
  it("reads «2025 | 2026» under «Целевое значение» as a sub-header row, not the first activity", () => {
    const [t] = read(
      [
        ["Дорожная карта на 2025 – 2026 годы"],
        ["№", "Мероприятие", "Срок", "Ответственный", "Целевое значение", null],
        [null, null, null, null, "2025", "2026 г."],
        [1, 2, 3, 4, 5, 6],
        ["1.", "Курсы для учителей", "I квартал 2025", "Ляшенко В.П.", "30%", "60%"],
        ["2.", "Стажировки", "2026", "Ляшенко В.П.", "10", "20"],
      ],
      ["E2:F2", "A2:A3", "B2:B3", "C2:C3", "D2:D3"],
    );
    expect(t.headerRows).toEqual([2, 3, 4]);
    expect(t.columns.result).toBe("E");
    expect(acts(t).map((a) => a.activity)).toEqual(["Курсы для учителей", "Стажировки"]);
  });

  it("reads «1 | 2 | 3 | 4» under «Срок исполнения (квартал)» as quarters, not as column numbers", () => {
    const [t] = read(
      [
        ["План мероприятий на 2026 год"],
        ["№", "Мероприятие", "Срок исполнения (квартал)", null, null, null, "Ответственный"],
        [null, null, 1, 2, 3, 4, null],
        [1, 2, 3, 4, 5, 6, 7],
        ["1", "Анализ результатов ВПР", "х", "х", null, null, "Бортникова Л.А."],
      ],
      ["C2:F2", "A2:A3", "B2:B3", "G2:G3"],
    );
    expect(t.headerRows).toEqual([2, 3, 4]);
    expect(acts(t).map((a) => [a.deadline.start, a.deadline.end])).toEqual([["2026-01-01", "2026-06-30"]]);
  });

  it("reads years under «Сроки реализации» as a grid of calendar years", () => {
    const [t] = read(
      [
        ["Программа на 2025 – 2027 годы"],
        ["№", "Мероприятие", "Сроки реализации", null, null, "Исполнитель"],
        [null, null, "2025", "2026", "2027", null],
        ["1.", "Создание центра", "+", null, null, "Дьячкова Г.А."],
        ["2.", "Наставничество в школах", null, "+", "+", "Ходырев С.В."],
      ],
      ["C2:E2", "A2:A3", "B2:B3", "F2:F3"],
    );
    expect(acts(t).map((a) => [a.deadline.start, a.deadline.end])).toEqual([
      ["2025-01-01", "2025-12-31"],
      ["2026-01-01", "2027-12-31"],
    ]);
  });
});

describe("a header repeated on each page", () => {
  it("skips the whole repeated block of a two-row header, and continues an activity split across the page", () => {
    const head = [
      ["№", "Мероприятие", "Срок исполнения", null, null, null, "Ответственный"],
      [null, null, "I кв.", "II кв.", "III кв.", "IV кв.", null],
      [1, 2, 3, 4, 5, 6, 7],
    ];
    const [t] = read(
      [
        ["План мероприятий на 2026 год"],
        ...head,
        ["1.", "Анализ результатов ВПР", "х", null, null, null, "Бортникова Л.А."],
        ["2.", "Организация взаимопосещения уроков", null, null, "х", "х", "Шестаков Р.М."],
        ...head,
        [null, "учителями школ-партнёров"],
        ["3.", "Итоговое совещание", null, null, null, "х", "Бортникова Л.А."],
      ],
      ["C2:F2", "A2:A3", "B2:B3", "G2:G3", "C7:F7", "A7:A8", "B7:B8", "G7:G8"],
    );
    expect(t.headerRows).toEqual([2, 3, 4]);
    expect(t.rows.filter((r) => r.kind === "header").map((r) => r.row)).toEqual([2, 3, 4, 7, 8, 9]);
    expect(acts(t).map((a) => [a.activity, a.deadline.start, a.deadline.end])).toEqual([
      ["Анализ результатов ВПР", "2026-01-01", "2026-03-31"],
      ["Организация взаимопосещения уроков учителями школ-партнёров", "2026-07-01", "2026-12-31"],
      ["Итоговое совещание", "2026-10-01", "2026-12-31"],
    ]);
  });
});

describe("the lines above", () => {
  it("takes no approval date from a line citing another act, even under a stamp", () => {
    const [t] = read([
      [null, null, null, "УТВЕРЖДЕНА"],
      [null, null, null, "приказом управления образования"],
      [null, null, null, "от 25.12.2025 № 512"],
      ["В соответствии с приказом министерства от 12.03.2024 № 300 «О поддержке школ»"],
      ["Дорожная карта на 2026 год"],
      HEAD,
      ["1", "Совещание", "март 2026", "Иванов И.И."],
    ]);
    expect(t.approved).toBe("2025-12-25");
  });
});

describe("columns", () => {
  it("reads «Год начала» | «Год окончания» as the deadline, calendar years from 1 January to 31 December", () => {
    const [t] = read([
      ["Программа на 2025 – 2027 годы"],
      ["№", "Мероприятие", "Год начала", "Год окончания", "Исполнитель"],
      ["1.", "Создание центра", 2025, 2025, "Дьячкова Г.А."],
      ["2.", "Наставничество в школах", 2025, 2026, "Ходырев С.В."],
    ]);
    expect(t.columns.deadline).toBe("C");
    expect(acts(t).map((a) => [a.deadline.raw, a.deadline.start, a.deadline.end])).toEqual([
      ["2025 | 2025", "2025-01-01", "2025-12-31"],
      ["2025 | 2026", "2025-01-01", "2026-12-31"],
    ]);
  });

  it("reads «Выход» as the result", () => {
    expect(roleOfHeader("Выход")?.role).toBe("result");
    expect(roleOfHeader("Выходные данные")).toBeNull();
  });

  it("does not read an indicator table's rows under a roadmap as a headerless part of it («100%» names no one)", () => {
    const tables = read([
      ["Дорожная карта на 2026 год"],
      HEAD,
      ["1", "Совещание руководителей по итогам ГИА", "январь 2026", "Власова М.Н."],
      ["2", "Мониторинг посещаемости консультаций", "ежемесячно", "Власова М.Н."],
      [],
      ["№", "Показатель", "Базовое значение", "Целевое значение"],
      ["1", "Доля выпускников, получивших аттестат", "96%", "100%"],
      ["2", "Доля педагогов, прошедших курсы", "60%", "90%"],
    ]);
    expect(tables.map((x) => x.range)).toEqual(["A2:D4"]);
  });
});
