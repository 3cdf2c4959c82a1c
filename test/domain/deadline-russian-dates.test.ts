import {
  excelSerialToIso,
  formatRuDate,
  parseRuDate,
  quarterBounds,
  schoolYearBounds,
  addDays,
  overlapDays,
} from "../../src/domain/russian-dates";
import { monthNumber, normalizeRuText } from "../../src/domain/ru";

describe("russian-dates", () => {
  test.each([
    ["январь", 1],
    ["Февраля", 2],
    ["февр.", 2],
    ["марте", 3],
    ["мая", 5],
    ["май", 5],
    ["июн", 6],
    ["сент.", 9],
    ["Сентябрь", 9],
    ["нояб", 11],
    ["дек", 12],
    ["понедельник", null],
  ] as const)("monthNumber(%s) = %j", (word, n) => {
    expect(monthNumber(word)).toBe(n);
  });

  test.each([
    ["15.09.2023", "2023-09-15"],
    ["15.09.23", "2023-09-15"],
    ["1/2/2024", "2024-02-01"],
    ["2023-09-15", "2023-09-15"],
    ["15 сентября 2023 г.", "2023-09-15"],
    ["от 30.03.2023", "2023-03-30"],
    ["30 марта 2023 года", "2023-03-30"],
    ["31.02.2023", null],
    ["сентябрь 2023", null],
    ["15.09.", null],
    ["", null],
  ] as const)("parseRuDate(%j) = %j", (text, iso) => {
    expect(parseRuDate(text)).toBe(iso);
  });

  test("Excel serials in 1990–2099 are dates, other numbers are not", () => {
    expect(excelSerialToIso(45000)).toBe("2023-03-15");
    expect(excelSerialToIso(45000.75)).toBe("2023-03-15");
    expect(excelSerialToIso(32874)).toBe("1990-01-01");
    expect(excelSerialToIso(12345)).toBeNull();
    expect(excelSerialToIso(100000)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });

  test("normalizeRuText drops html, folds case, ё, dashes, odd spaces and Latin look-alikes", () => {
    expect(normalizeRuText("<p>Октябрь&nbsp;–\u00a0Ноябрь\n2023 года</p>")).toBe(
      "октябрь - ноябрь 2023 года",
    );
    expect(normalizeRuText("Ceнтябрь")).toBe("сентябрь");
    expect(normalizeRuText("Весь Учебный Год — ещё")).toBe("весь учебный год - еще");
    expect(normalizeRuText("ІІ квартал")).toBe("ii квартал");
    expect(normalizeRuText("II Quarter")).toBe("ii quarter");
  });

  test("date arithmetic", () => {
    expect(schoolYearBounds(2023)).toEqual({ start: "2023-09-01", end: "2024-08-31" });
    expect(quarterBounds(2024, 1)).toEqual({ start: "2024-01-01", end: "2024-03-31" });
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(overlapDays("2023-09-01", "2023-09-30", "2023-09-15", "2023-12-31")).toBe(16);
    expect(overlapDays("2023-01-01", "2023-01-31", "2023-09-01", "2024-08-31")).toBe(0);
    expect(formatRuDate("2023-09-05")).toBe("05.09.2023");
  });
});
