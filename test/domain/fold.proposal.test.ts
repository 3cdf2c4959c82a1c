/**
 * «Исправить вставку из Word» as a proposal: every join with its cells before and after, the rows left for the
 * user (a row that may be an activity of its own, or a join across a numbering jump), and the user's choice.
 * Seeds 002 and 003 pasted as text into one sheet; the texts expected are the hand-written ones of
 * test/fixtures/expected (not read from the recogniser).
 */
import { sheetFromRows, type CellValue, type WorkbookGrid } from "../../src/domain/grid";
import type { ActivityRow } from "../../src/domain/model";
import {
  applyPlanToGrid,
  planFoldContinuations,
  proposeFold,
  recognizeWorkbook,
  type FoldChoice,
} from "../../src/domain/recognition";
import { EXPECTED } from "../fixtures/expected";
import { pastedAsText } from "../fixtures/seeds";

function activities(wb: WorkbookGrid): ActivityRow[] {
  return recognizeWorkbook(wb).tables.flatMap((t) =>
    t.rows.filter((r): r is ActivityRow => r.kind === "activity"),
  );
}

/** Folds every table of the first sheet, bottom table first so the rows of the tables above stay valid. */
function foldSheet(wb: WorkbookGrid, choice: FoldChoice = {}): WorkbookGrid {
  let out = wb;
  for (const t of recognizeWorkbook(wb).tables.slice().reverse()) {
    const sheet = out.sheets.find((s) => s.name === t.sheet)!;
    out = applyPlanToGrid(planFoldContinuations(t, sheet, { choice }), out);
  }
  return { sheets: out.sheets.filter((s) => s.name === wb.sheets[0].name) };
}

/** The hand-written activities of a seed: number and folded text, in sheet order. */
function handWritten(seed: string): { number: string | null; text: string }[] {
  const e = EXPECTED[seed];
  return e.tables
    .flatMap((t) => t.items)
    .filter((i) => i.kind === "activity")
    .sort((a, b) => a.row - b.row)
    .map((a) => ({
      number: a.kind === "activity" ? a.number : null,
      text: a.kind === "activity" ? a.text : "",
    }));
}

const read = (wb: WorkbookGrid) =>
  activities(wb)
    .sort((a, b) => a.row - b.row)
    .map((a) => ({ number: a.number, text: a.activity }));

describe.each(["002", "003"])("seed %s pasted as text into one sheet", (seed) => {
  const wb = pastedAsText(seed);
  const folded = foldSheet(wb);

  it("before the fold: the hand-written activities", () => {
    expect(read(wb)).toEqual(handWritten(seed));
  });

  it("after the fold: the same activities with the same texts", () => {
    expect(read(folded)).toEqual(handWritten(seed));
  });

  it("folding again changes nothing", () => {
    for (const t of recognizeWorkbook(folded).tables) {
      expect(planFoldContinuations(t, folded.sheets[0]).ops).toEqual([]);
    }
  });
});

describe("the proposal", () => {
  it("seed 002: fourteen joins and nothing left for the user; each join lists its cells before and after", () => {
    const wb = pastedAsText("002");
    const [t] = recognizeWorkbook(wb).tables;
    const p = proposeFold(t, wb.sheets[0]);
    expect(p.leftForUser).toEqual([]);
    expect(p.joins.map((j) => j.into)).toEqual([59, 63, 67, 72, 77, 81, 85, 89, 94, 101, 107, 111, 119, 123]);
    const j = p.joins.find((x) => x.into === 89)!;
    expect(j).toEqual({
      sheet: "Дорожная карта",
      into: 89,
      rows: [91],
      blank: [90],
      cells: [
        {
          column: "B",
          before:
            "Сопровождение групповых консультаций для межмуниципальных проектных команд по сопровождению процесса разработки сетевых",
          after:
            "Сопровождение групповых консультаций для межмуниципальных проектных команд по сопровождению процесса разработки сетевых модульных программ в целях достижения высокого уровня подготовки обучающихся по основным профилям",
        },
      ],
    });
  });

  it("seed 003: the row after item 6 is not joined across the 6 → 16 jump; it is left for the user", () => {
    const wb = pastedAsText("003");
    const t = recognizeWorkbook(wb).tables[0];
    const p = proposeFold(t, wb.sheets[0]);
    expect(p.joins).toEqual([]);
    expect(p.leftForUser).toHaveLength(1);
    expect(p.leftForUser[0]).toMatchObject({ sheet: "Лист1", row: 21, into: 19 });
    expect(p.leftForUser[0].reason).toContain("Нумерация прерывается (6 → 16)");
    const plan = planFoldContinuations(t, wb.sheets[0]);
    expect(plan.ops).toEqual([]);
    expect(plan.summary).toContain("21");
  });

  it("seed 003: the user includes row 21, and it is joined into item 6", () => {
    const wb = pastedAsText("003");
    const t = recognizeWorkbook(wb).tables[0];
    expect(proposeFold(t, wb.sheets[0], { include: [21] }).joins).toEqual([
      {
        sheet: "Лист1",
        into: 19,
        rows: [21],
        blank: [20],
        cells: [
          {
            column: "B",
            before:
              "Организация модели сетевого взаимодействия школ роста с сильными (релевантными школами) по проведению онлайн - уроков, консультаций для учащихся, педагогов, управленческого персонала при содействии наставников, кураторов в рамках заключённых Соглашений о сотрудничестве",
            after:
              "Организация модели сетевого взаимодействия школ роста с сильными (релевантными школами) по проведению онлайн - уроков, консультаций для учащихся, педагогов, управленческого персонала при содействии наставников, кураторов в рамках заключённых Соглашений о сотрудничестве дефицитов",
          },
          {
            column: "D",
            before: "Школьный отдел Управления образования, образовательные организации, ММС",
            after: "Школьный отдел Управления образования, образовательные организации, ММС организации, ММС",
          },
        ],
      },
    ]);
    const folded = foldSheet(wb, { include: [21] });
    expect(folded.sheets[0].rows.length).toBe(wb.sheets[0].rows.length - 2);
    expect(folded.sheets[0].rows[18][1]).toBe(
      "Организация модели сетевого взаимодействия школ роста с сильными (релевантными школами) по проведению онлайн - уроков, консультаций для учащихся, педагогов, управленческого персонала при содействии наставников, кураторов в рамках заключённых Соглашений о сотрудничестве дефицитов",
    );
  });

  it("seed 002: a join the user excludes is not made; the others are", () => {
    const wb = pastedAsText("002");
    const folded = foldSheet(wb, { exclude: [89] });
    const [t] = recognizeWorkbook(folded).tables;
    // Only row 89's continuation is still there (with the blank row before it, which is no continuation row).
    expect(t.rows.filter((r) => r.kind === "continuation").length).toBe(1);
    expect(folded.sheets[0].rows.length).toBe(wb.sheets[0].rows.length - 2 * 13);
  });
});

describe("rows that may be activities of their own", () => {
  const HEAD: CellValue[] = ["№", "Мероприятие", "Срок", "Ответственный"];

  /**
   * The fold checks the sheet itself, not only the recogniser's reading: a table read while row 3 was a bare
   * fragment, proposed on the sheet as it is now (its own deadline and responsible typed in since, or a table
   * range the user gave by hand).
   */
  function readThenProposeOn(readRows: CellValue[][], nowRows: CellValue[][], choice: FoldChoice = {}) {
    const t = recognizeWorkbook({ sheets: [sheetFromRows("Лист1", readRows)] }).tables[0];
    expect(t.rows.find((r) => r.row === 3)?.kind).toBe("continuation");
    return proposeFold(t, sheetFromRows("Лист1", nowRows), choice);
  }
  const ROADMAP_HEAD: CellValue[] = ["Мероприятие", "Срок", "Ответственный"];
  const FIRST: CellValue[] = ["Провести совещание руководителей по", "сентябрь 2025", "Иванов И.И."];

  it("a lower-case text with its own deadline and responsible is left for the user", () => {
    const p = readThenProposeOn(
      [
        ROADMAP_HEAD,
        FIRST,
        ["итогам мониторинга", "", ""],
        ["Организовать курсы", "май 2026", "Сидоров С.С."],
      ],
      [
        ROADMAP_HEAD,
        FIRST,
        ["итогам мониторинга", "октябрь 2025", "Петров П.П."],
        ["Организовать курсы", "май 2026", "Сидоров С.С."],
      ],
    );
    expect(p.joins).toEqual([]);
    expect(p.leftForUser.map((l) => [l.row, l.into])).toEqual([[3, 2]]);
    expect(p.leftForUser[0].reason).toContain("свои срок («октябрь 2025») и ответственный («Петров П.П.»)");
  });

  it("rows after a row left for the user are left too (they may continue it)", () => {
    const p = readThenProposeOn(
      [ROADMAP_HEAD, FIRST, ["итогам мониторинга", "", ""], ["и анализу результатов"]],
      [ROADMAP_HEAD, FIRST, ["итогам мониторинга", "октябрь 2025", "Петров П.П."], ["и анализу результатов"]],
    );
    expect(p.leftForUser.map((l) => l.row)).toEqual([3, 4]);
    expect(p.leftForUser[1].reason).toBe("идёт после строки 3, оставленной без изменений");
    // Including row 3 joins both.
    const included = readThenProposeOn(
      [ROADMAP_HEAD, FIRST, ["итогам мониторинга", "", ""], ["и анализу результатов"]],
      [ROADMAP_HEAD, FIRST, ["итогам мониторинга", "октябрь 2025", "Петров П.П."], ["и анализу результатов"]],
      { include: [3] },
    );
    expect(included.joins.map((j) => j.rows)).toEqual([[3, 4]]);
  });

  it("a fragment with only a deadline fragment, or a lower-case responsible, is joined", () => {
    const rows: CellValue[][] = [
      HEAD,
      [1, "Провести совещание руководителей по", "для педагогов: 11.10", "Иванов И.И., руководитель"],
      [null, "итогам мониторинга", "01.11.2025", "муниципальной службы"],
    ];
    const sheet = sheetFromRows("Лист1", rows);
    const t = recognizeWorkbook({ sheets: [sheet] }).tables[0];
    const p = proposeFold(t, sheet);
    expect(p.leftForUser).toEqual([]);
    expect(p.joins.map((j) => j.rows)).toEqual([[3]]);
  });

  it("a Word cell of paragraphs (the «№» merged down) is one activity: joined without asking", () => {
    const rows: CellValue[][] = [
      HEAD,
      [1, "Провести совещание.", "сентябрь 2025", "Иванов И.И."],
      [null, "Подготовить справку.", "октябрь 2025", "Петров П.П."],
    ];
    const sheet = sheetFromRows("Лист1", rows, { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] });
    const t = recognizeWorkbook({ sheets: [sheet] }).tables[0];
    const p = proposeFold(t, sheet);
    expect(p.leftForUser).toEqual([]);
    expect(p.joins.map((j) => j.rows)).toEqual([[3]]);
  });

  it("numbering that runs on («1.2» → «2») is no jump", () => {
    const rows: CellValue[][] = [
      HEAD,
      ["1.1", "Провести совещание руководителей по", "сентябрь 2025", "Иванов И.И."],
      [null, "итогам года", "", ""],
      ["1.2", "Утвердить план", "октябрь 2025", "Петров П.П."],
      [null, "работы", "", ""],
      ["2", "Организовать курсы", "ноябрь 2025", "Сидоров С.С."],
    ];
    const sheet = sheetFromRows("Лист1", rows);
    const t = recognizeWorkbook({ sheets: [sheet] }).tables[0];
    expect(proposeFold(t, sheet).joins.map((j) => j.into)).toEqual([2, 4]);
  });
});

describe("a row holding data outside the table is never deleted by the fold", () => {
  // Roadmap A:D; row 5 continues activity 1 (lower case, broken off mid-phrase above).
  const rows = (h5: CellValue, blank6: CellValue = null): CellValue[][] => [
    ["Дорожная карта на 2023 год"],
    ["№", "Мероприятие", "Сроки", "Ответственные"],
    ["1.", "Организация и проведение совещания по вопросам", "Март 2023", "Огурцова Т.Н."],
    ["2.", "Проведение диагностики профессиональных дефицитов педагогов", "Апрель 2023", "Иванова А.А."],
    [null, "повышения качества образования", null, null, null, null, null, h5],
    [null, null, null, null, null, null, null, blank6],
    ["3.", "Посещение уроков администрацией школы", "Май 2023", "Петров Б.Б."],
  ];
  const fold = (grid: CellValue[][], extra = {}) => {
    const wb: WorkbookGrid = { sheets: [sheetFromRows("Лист1", grid, extra)] };
    const t = recognizeWorkbook(wb).tables[0];
    return { p: proposeFold(t, wb.sheets[0]), wb, t };
  };

  it("without outside data the row joins activity 2", () => {
    const { p } = fold(rows(null));
    expect(p.joins.map((j) => [j.into, j.rows])).toEqual([[4, [5]]]);
    expect(p.leftForUser).toEqual([]);
  });

  it("a note in H5 keeps the row, left for the user with the cell named", () => {
    const { p } = fold(rows("заметка"));
    expect(p.joins).toEqual([]);
    expect(p.leftForUser).toEqual([
      {
        sheet: "Лист1",
        row: 5,
        into: 4,
        reason: "В строке есть данные вне таблицы (H5): строка не удаляется, склейте её вручную.",
      },
    ]);
  });

  it("even when the user asks to include it", () => {
    const { t, wb } = fold(rows("заметка"));
    expect(proposeFold(t, wb.sheets[0], { include: [5] }).joins).toEqual([]);
  });

  it('a formula valued "" in a blank row between the parts keeps that row', () => {
    const grid = rows(null);
    grid[4] = [null, null, null, null];
    grid[5] = [null, "повышения качества образования", null, null];
    const { wb, t } = fold(grid, { emptyFormulas: ["H5"] });
    const out = applyPlanToGrid(planFoldContinuations(t, wb.sheets[0]), wb);
    // Row 6 joined into row 4; row 5 (the formula's row) stays: 6 rows remain of 7.
    expect(out.sheets[0].rows.length).toBe(6);
  });
});
