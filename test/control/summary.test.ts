import { checkWorkbook } from "../../src/domain/check";
import { quarterOf, statusSummary } from "../../src/taskpane/logic/control";
import { seed004WithStatuses } from "./seed-statuses";

describe("«Сводка» on seed 004 with statuses, today 20.06.2022", () => {
  const r = checkWorkbook(seed004WithStatuses(), { today: "2022-06-20" });

  test("counts and shares by status, overdue and due-soon lists", () => {
    const s = statusSummary(r.tables, r.directory, { person: null, section: null });
    expect(s.total).toBe(31);
    expect(s.byStatus.map((b) => [b.status, b.count, b.share])).toEqual([
      ["Не начато", 0, 0],
      ["В работе", 1, 3.2],
      ["Выполнено", 3, 9.7],
      ["Выполнено с нарушением срока", 1, 3.2],
      ["Не выполнено", 2, 6.5],
      ["Отменено", 1, 3.2],
      ["", 23, 74.2],
    ]);
    // By due date: 15.04 (13), 31.05 (35), 01.06 (31).
    expect(s.overdue.map((x) => x.row)).toEqual([13, 35, 31]);
    expect(s.dueSoon.map((x) => x.row).sort((a, b) => a - b)).toEqual([14, 15, 20, 30]);
    expect(s.people).toEqual(["Гокова В.Я."]);
  });

  test("the person filter keeps that person's activities only", () => {
    const s = statusSummary(r.tables, r.directory, { person: "Гокова В.Я.", section: null });
    // Rows 8–11, 24, 25.
    expect(s.total).toBe(6);
    expect(s.byPerson).toEqual([{ person: "Гокова В.Я.", total: 6, done: 3, overdue: 0 }]);
  });

  test("quarter of a date", () => {
    expect(quarterOf("2025-03-31")).toBe("2025-Q1");
    expect(quarterOf("2025-04-01")).toBe("2025-Q2");
    expect(quarterOf("2025-12-31")).toBe("2025-Q4");
  });
});
