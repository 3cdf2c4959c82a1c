import type { TableOverride } from "../../src/domain/recognition";
import {
  overrideMatches,
  parsePeriodInput,
  replaceOverride,
  withPeriod,
} from "../../src/taskpane/logic/tables";

describe("the period the user types", () => {
  it.each([
    ["2024-2025 учебный год", { start: "2024-09-01", end: "2025-08-31" }],
    ["2024/2025 уч. год", { start: "2024-09-01", end: "2025-08-31" }],
    ["2024-2025", { start: "2024-09-01", end: "2025-08-31" }],
    ["2025", { start: "2025-01-01", end: "2025-12-31" }],
    ["2025 г.", { start: "2025-01-01", end: "2025-12-31" }],
    ["на 2025 год", { start: "2025-01-01", end: "2025-12-31" }],
    ["01.09.2024 – 31.05.2025", { start: "2024-09-01", end: "2025-05-31" }],
    ["с 01.09.2024 по 31.05.2025", { start: "2024-09-01", end: "2025-05-31" }],
  ])("%s", (text, expected) => expect(parsePeriodInput(text)).toEqual(expected));

  it.each(["", "скоро", "2024-2027", "31.05.2025 – 01.09.2024", "45"])("%s is not a period", (text) =>
    expect(parsePeriodInput(text)).toBeNull(),
  );
});

describe("storing the period beside column corrections", () => {
  const columns: TableOverride = { sheet: "ДК", columns: { deadline: "D" } };
  const table = { sheet: "ДК", range: "A5:E40" };

  it("sets, replaces and clears the period without touching column corrections", () => {
    const p1 = { start: "2024-09-01", end: "2025-08-31" };
    const p2 = { start: "2025-01-01", end: "2025-12-31" };
    let stored = withPeriod([columns], "ДК", p1);
    expect(stored).toEqual([columns, { sheet: "ДК", period: p1 }]);
    stored = withPeriod(stored, "ДК", p2);
    expect(stored).toEqual([columns, { sheet: "ДК", period: p2 }]);
    expect(withPeriod(stored, "ДК", null)).toEqual([columns]);
  });

  it("saving column corrections keeps the period", () => {
    const period = { sheet: "ДК", period: { start: "2025-01-01", end: "2025-12-31" } };
    expect(overrideMatches(period, table)).toBe(false);
    const next: TableOverride = { sheet: "ДК", columns: { deadline: "C" } };
    expect(replaceOverride([columns, period], table, next)).toEqual([period, next]);
  });
});
