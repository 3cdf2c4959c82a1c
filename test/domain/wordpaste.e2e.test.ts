/**
 * End to end through `checkWorkbook` on what Excel makes of a Word table pasted into it (test/fixtures/wordpaste),
 * against readings written by hand in test/fixtures/wordpaste/expected.ts.
 */
import { checkWorkbook } from "../../src/domain/check";
import type { CellValue } from "../../src/domain/grid";
import { applyPlanToGrid, planFoldContinuations } from "../../src/domain/recognition";
import { WORDPASTE_EXPECTED } from "../fixtures/wordpaste/expected";
import { wordPasteCases } from "../fixtures/wordpaste/workbooks";
import { layout, merges, sheet } from "../fixtures/regions/build";
import { activities, describeReadings } from "../fixtures/heldout/check-readings";

const cases = new Map(wordPasteCases().map((c) => [c.id, c]));

describe("Word-paste fixtures", () => {
  it("has a reading for every workbook, eight of them", () => {
    expect(WORDPASTE_EXPECTED.map((e) => e.id).sort()).toEqual([...cases.keys()].sort());
    expect(WORDPASTE_EXPECTED).toHaveLength(8);
  });
});

describeReadings("Word paste", WORDPASTE_EXPECTED, cases);

describe("rules the Word-paste workbooks brought in", () => {
  const plan = (rows: Record<number, CellValue[]>, a1: string[] = []) => ({
    sheets: [sheet("Лист1", layout(rows), { merges: merges(...a1) })],
  });

  it("reads list items in lower case, each with its own deadline, as activities of their own", () => {
    const wb = plan({
      1: ["Дорожная карта на 2025 год"],
      3: ["№", "Мероприятие", "Срок", "Ответственный"],
      4: [null, "• проведение диагностики", "октябрь 2025", "Смирнова Л.А."],
      5: [null, "– анализ результатов", "ноябрь 2025", "Смирнова Л.А."],
      6: [null, "- корректировка программ", "декабрь 2025", "Смирнова Л.А."],
    });
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(activities(t).map((a) => [a.row, a.activity])).toEqual([
      [4, "проведение диагностики"],
      [5, "анализ результатов"],
      [6, "корректировка программ"],
    ]);
  });

  it("keeps dashed paragraphs of one Word cell, the other cells merged down, in one activity", () => {
    const wb = plan(
      {
        1: ["Дорожная карта на 2025 год"],
        3: ["№", "Мероприятие", "Срок", "Ответственный"],
        4: ["1.", "Работа с родителями:", "в течение года", "Белова Н.Н."],
        5: [null, "– собрания;", null, null],
        6: [null, "– консультации.", null, null],
        7: ["2.", "Отчет", "декабрь 2025", "Белова Н.Н."],
      },
      ["A4:A6", "C4:C6", "D4:D6"],
    );
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(activities(t).map((a) => [a.row, a.activity])).toEqual([
      [4, "Работа с родителями: – собрания; – консультации."],
      [7, "Отчет"],
    ]);
  });

  it("drops Word's soft hyphens and NBSP from a section title", () => {
    const wb = plan(
      {
        1: ["Дорожная карта на 2025 год"],
        3: ["№", "Мероприятие", "Срок", "Ответственный"],
        4: ["Раздел\u00a01. Органи\u00adзационные мероприятия"],
        5: ["1.", "Семинар", "март 2025", "Иванов И.И."],
      },
      ["A4:D4"],
    );
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(t.rows.filter((r) => r.kind === "section")).toEqual([
      { row: 4, kind: "section", text: "Раздел 1. Организационные мероприятия" },
    ]);
    expect(activities(t)[0].section).toBe("Раздел 1. Организационные мероприятия");
  });

  it("folds a Word cell of paragraphs back into one row, the activity's text joined", () => {
    const wb = cases.get("paragraphs-in-activity")!.workbook;
    const [t] = checkWorkbook(wb, { today: null }).tables;
    const out = applyPlanToGrid(planFoldContinuations(t, wb.sheets[0]), wb).sheets[0];
    expect(out.rows[4]).toEqual([
      "2.",
      "Организация работы с обучающимися группы риска: составление индивидуальных образовательных маршрутов; проведение консультаций по предметам.",
      "в течение года",
      "Петрова А.С.",
    ]);
    expect(out.rows[5]).toEqual(["3.", "Мониторинг результатов ВПР", "до 30.05.2025", "Сидоров В.В."]);
  });

  it("folds people on rows of their own into a list, «Кузнецова Т.В., Лебедев С.А., …»", () => {
    const wb = cases.get("paragraphs-in-responsible")!.workbook;
    const [t] = checkWorkbook(wb, { today: null }).tables;
    const out = applyPlanToGrid(planFoldContinuations(t, wb.sheets[0]), wb).sheets[0];
    expect(out.rows[4][3]).toBe("Кузнецова Т.В., Лебедев С.А., Морозова Н.И.");
    expect(out.rows[5][0]).toBe("3");
  });
});
