import { sheetFromRows } from "../../src/domain/grid";
import { recognizeWorkbook } from "../../src/domain/recognition";
import { checkWorkbook } from "../../src/domain/check";

const sheet = sheetFromRows("ДК", [
  ["План мероприятий по работе со школами с низкими результатами"],
  ["№", "Мероприятие", "Срок", "Ответственный"],
  ["1", "Совещание с директорами", "Сентябрь", "Иванова А.А."],
  ["2", "Анализ ВПР", "март", "Петров П.П."],
]);

describe("a period the title does not state", () => {
  it("is not guessed: the table has no period and validation asks for it", () => {
    const { tables, findings } = checkWorkbook({ sheets: [sheet] }, { today: null });
    expect(tables).toHaveLength(1);
    expect(tables[0].period).toBeNull();
    expect(findings.filter((f) => f.rule === "period.missing").map((f) => f.cell)).toEqual(["A2"]);
  });

  it("given by the user, it dates the deadlines (school year: September in the first year, March in the second)", () => {
    const period = { start: "2025-09-01", end: "2026-08-31" };
    const { tables } = recognizeWorkbook(
      { sheets: [sheet] },
      { overrides: [{ sheet: "ДК", period, approved: "2025-08-28" }] },
    );
    expect(tables[0].period).toEqual(period);
    expect(tables[0].approved).toBe("2025-08-28");
    const deadlines = tables[0].rows.flatMap((r) =>
      r.kind === "activity" ? [[r.deadline.start, r.deadline.end]] : [],
    );
    expect(deadlines).toEqual([
      ["2025-09-01", "2025-09-30"],
      ["2026-03-01", "2026-03-31"],
    ]);
  });

  it("applies only to its own sheet", () => {
    const other = { ...sheet, name: "Другой" };
    const { tables } = recognizeWorkbook(
      { sheets: [sheet, other] },
      { overrides: [{ sheet: "ДК", period: { start: "2025-01-01", end: "2025-12-31" } }] },
    );
    expect(tables.map((t) => [t.sheet, t.period?.start ?? null])).toEqual([
      ["ДК", "2025-01-01"],
      ["Другой", null],
    ]);
  });
});
