/**
 * Reading gaps seen on documents from other regions (issues 9 and 14): blank template dates, two-digit years,
 * a range whose first date takes its year from its end, a school year written after the days.
 */
import { checkWorkbook } from "../../src/domain/check";
import { readDeadline } from "../../src/domain/deadline";
import { sheetFromRows, type CellValue } from "../../src/domain/grid";
import type { ActivityRow } from "../../src/domain/model";

const SCHOOL_YEAR = { period: { start: "2024-09-01", end: "2025-08-31" }, approved: "2024-08-30" };
const CALENDAR_2013 = { period: { start: "2013-01-01", end: "2013-12-31" }, approved: "2013-02-01" };
const NO_CONTEXT = { period: null, approved: null };

function reading(raw: string, ctx: Parameters<typeof readDeadline>[1]) {
  const d = readDeadline(raw, ctx);
  return { type: d.type, start: d.start, end: d.end };
}

/** A school-year roadmap with the given deadlines in column C, rows 4… */
function schoolYearWorkbook(deadlines: string[]) {
  const rows: CellValue[][] = [
    ["Дорожная карта по повышению качества образования на 2024-2025 учебный год"],
    [],
    ["№ п/п", "Мероприятие", "Сроки", "Ответственные"],
    ...deadlines.map((d, i) => [`${i + 1}.`, `Мероприятие ${i + 1}`, d, "Иванова И.И."]),
  ];
  return { sheets: [sheetFromRows("Лист1", rows)] };
}

describe("days of a month in a school-year roadmap", () => {
  test("«14-18 апреля» is 14–18 April of the year the spring belongs to", () => {
    expect(reading("14-18 апреля", SCHOOL_YEAR)).toEqual({
      type: "range",
      start: "2025-04-14",
      end: "2025-04-18",
    });
    const { tables } = checkWorkbook(schoolYearWorkbook(["14-18 апреля", "14 – 18 апреля"]), { today: null });
    const acts = tables[0].rows.filter((r): r is ActivityRow => r.kind === "activity");
    expect(acts.map((a) => [a.deadline.type, a.deadline.start, a.deadline.end])).toEqual([
      ["range", "2025-04-14", "2025-04-18"],
      ["range", "2025-04-14", "2025-04-18"],
    ]);
  });

  test("a school year written after the days is a span, not the year of the days", () => {
    expect(reading("14-18 апреля 2024-2025 уч. г.", NO_CONTEXT)).toEqual({
      type: "range",
      start: "2025-04-14",
      end: "2025-04-18",
    });
    expect(reading("15 сентября 2024-2025 уч.г.", NO_CONTEXT)).toEqual({
      type: "date",
      start: "2024-09-15",
      end: "2024-09-15",
    });
  });
});

describe("a blank template date", () => {
  test.each([
    '"__" ________ 2025 г.',
    "«___» ____________ 2025 г.",
    "до __.__.2025",
    "хх.хх.2025",
    "00.00.2025",
  ])("%s is unparsed, never the whole period", (raw) => {
    expect(reading(raw, SCHOOL_YEAR)).toEqual({ type: "unparsed", start: null, end: null });
  });

  test("the placeholder rule says the date was not filled in, once for the cell", () => {
    const { findings, tables } = checkWorkbook(schoolYearWorkbook(["Май 2025", '"__" ________ 2025 г.']), {
      today: null,
    });
    const act = tables[0].rows.filter((r): r is ActivityRow => r.kind === "activity")[1];
    expect(act.deadline.type).toBe("unparsed");
    const here = findings.filter((f) => f.cell === "C5");
    expect(here.map((f) => [f.rule, f.severity])).toEqual([["text.placeholder", "warning"]]);
    expect(here[0].message).toContain("незаполненная дата");
  });
});

describe("two-digit years", () => {
  test.each([
    ["25.04.13.", CALENDAR_2013, { type: "date", start: "2013-04-25", end: "2013-04-25" }],
    ["25.04.13", CALENDAR_2013, { type: "date", start: "2013-04-25", end: "2013-04-25" }],
    ["до 01.09.24 г.", SCHOOL_YEAR, { type: "by_date", start: null, end: "2024-09-01" }],
    ["до 01.09.24.", SCHOOL_YEAR, { type: "by_date", start: null, end: "2024-09-01" }],
    ["1-15.09.24.", SCHOOL_YEAR, { type: "range", start: "2024-09-01", end: "2024-09-15" }],
    ["15.09.23. 20.10.23.", NO_CONTEXT, { type: "range", start: "2023-09-15", end: "2023-10-20" }],
  ])("%s", (raw, ctx, want) => {
    expect(reading(raw, ctx)).toEqual(want);
  });

  test("a range whose first date has no year takes the year of its end", () => {
    // Even in a roadmap of another year: the year written in the cell wins (validation flags it).
    for (const ctx of [CALENDAR_2013, SCHOOL_YEAR, NO_CONTEXT])
      expect(reading("С 25.04. – 8.05.13.", ctx)).toEqual({
        type: "range",
        start: "2013-04-25",
        end: "2013-05-08",
      });
    expect(reading("с 20.05 по 25.05.24.", SCHOOL_YEAR)).toEqual({
      type: "range",
      start: "2024-05-20",
      end: "2024-05-25",
    });
  });
});
