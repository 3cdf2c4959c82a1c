/**
 * README «Sub-header rows refine the row above» / «Month grid»: «I полугодие» | «II полугодие» side by side with no
 * parent over them are the deadline spread over two columns, read from their marks like the parented case
 * («Сроки (2026 год)» over the two). Windows worked out by hand from the period (calendar year: January–June,
 * July–December; school year: September–December, January–August).
 */
import { sheetFromRows, type CellValue, type CellRange } from "../../src/domain/grid";
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import { recognizeSheet } from "../../src/domain/recognition";

function one(rows: CellValue[][], merges: CellRange[] = []): RoadmapTable {
  const t = recognizeSheet(sheetFromRows("Лист1", rows, { merges })).tables;
  expect(t).toHaveLength(1);
  return t[0];
}

const deadlines = (t: RoadmapTable) =>
  t.rows
    .filter((r): r is ActivityRow => r.kind === "activity")
    .map((a) => [a.deadline.raw, a.deadline.type, a.deadline.start, a.deadline.end]);

describe("two half-year columns without a parent header are a grid", () => {
  it("«I полугодие | II полугодие» beside the activity and the responsible: marks read as half-years", () => {
    const t = one([
      ["Дорожная карта на 2026 год"],
      ["№", "Мероприятие", "I полугодие", "II полугодие", "Ответственный"],
      ["1", "Анализ результатов ЕГЭ", "+", null, "Мартынова С.И."],
      ["2", "Курсы для экспертов", null, "х", "Мартынова С.И."],
      ["3", "Методический десант", "+", "+", "Петрова А.А."],
    ]);
    expect(t.headerRows).toEqual([2]);
    expect(t.columns.deadline).toBe("C");
    expect(deadlines(t)).toEqual([
      ["I полугодие", "quarter", "2026-01-01", "2026-06-30"],
      ["II полугодие", "quarter", "2026-07-01", "2026-12-31"],
      ["I полугодие – II полугодие", "quarter", "2026-01-01", "2026-12-31"],
    ]);
  });

  it("makes a roadmap of an activity column and the two half-years alone (the grid is its deadline)", () => {
    const t = one([
      ["План мероприятий на 2025-2026 учебный год"],
      ["Мероприятие", "1 полугодие", "2 полугодие"],
      ["Педагогический совет по итогам ВПР", "+", null],
      ["Родительское собрание", null, "+"],
    ]);
    expect(t.columns.activity).toBe("A");
    expect(t.columns.deadline).toBe("B");
    // A school year: its first half is September–December, its second January–August.
    expect(deadlines(t)).toEqual([
      ["1 полугодие", "quarter", "2025-09-01", "2025-12-31"],
      ["2 полугодие", "quarter", "2026-01-01", "2026-08-31"],
    ]);
  });

  it("leaves them alone beside a deadline column of its own (values of an indicator, not marks)", () => {
    const t = one([
      ["Дорожная карта на 2026 год"],
      ["№", "Мероприятие", "Срок", "Ответственный", "I полугодие", "II полугодие"],
      ["1", "Анализ результатов ЕГЭ", "март 2026", "Мартынова С.И.", "40%", "60%"],
    ]);
    expect(t.columns.deadline).toBe("C");
    expect(deadlines(t)).toEqual([["март 2026", "month", "2026-03-01", "2026-03-31"]]);
  });

  it("leaves them alone under a parent that is no deadline («Целевое значение» over the two)", () => {
    const t = one(
      [
        ["Дорожная карта на 2026 год"],
        ["№", "Мероприятие", "Ответственный", "Целевое значение", null],
        [null, null, null, "I полугодие", "II полугодие"],
        ["1", "Анализ результатов ЕГЭ", "Мартынова С.И.", "40%", "60%"],
      ],
      [
        { top: 1, bottom: 1, left: 3, right: 4 },
        { top: 1, bottom: 2, left: 0, right: 0 },
        { top: 1, bottom: 2, left: 1, right: 1 },
        { top: 1, bottom: 2, left: 2, right: 2 },
      ],
    );
    expect(t.columns.deadline).toBeNull();
    expect(t.columns.result).toBe("D");
  });

  it("reads halves written with their year («I полугодие 2026 | II полугодие 2026»)", () => {
    const t = one([
      ["№", "Мероприятие", "I полугодие 2026", "II полугодие 2026", "Ответственный"],
      ["1", "Анализ результатов ЕГЭ", null, "+", "Мартынова С.И."],
    ]);
    expect(deadlines(t)).toEqual([["II полугодие 2026", "quarter", "2026-07-01", "2026-12-31"]]);
  });
});
