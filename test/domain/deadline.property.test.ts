import fc from "fast-check";
import type { DeadlineContext } from "../../src/domain/deadline";
import { readDeadline, readDeadlineUnguarded } from "../../src/domain/deadline";
import { Deadline } from "../../src/domain/model";

const CONTEXTS: DeadlineContext[] = [
  { period: { start: "2023-01-01", end: "2023-12-31" }, approved: "2023-03-30" },
  { period: { start: "2023-09-01", end: "2024-08-31" }, approved: "2023-10-19" },
  { period: { start: "2023-01-01", end: "2025-12-31" }, approved: null },
  { period: null, approved: "2023-10-19" },
  { period: null, approved: null },
];

// Pieces users really type, so random strings often look like deadlines.
const FRAGMENTS = [
  "до",
  "с",
  "по",
  "не позднее",
  "к",
  "в течение",
  "года",
  "г.",
  "гг.",
  "уч.",
  "учебного",
  "весь период",
  "сентябрь",
  "Сентября",
  "сент.",
  "дек",
  "янв.",
  "май",
  "мая",
  "Июнь",
  "квартал",
  "кв.",
  "полугодие",
  "четверть",
  "четверти",
  "ежемесячно",
  "1 раз в",
  "ежеквартально",
  "По графику",
  "ИРО",
  "после",
  "конца",
  "I",
  "II",
  "IV",
  "2023",
  "2024",
  "23",
  "15",
  "01",
  "31",
  "29.02",
  "15.09.",
  "01.09.2023",
  "45000",
  "-",
  "–",
  "—",
  ".",
  ",",
  ";",
  ":",
  " ",
  "\n",
  "\t",
  "\u00a0",
  "<p>",
  "</p>",
  "&nbsp;",
  "(",
  ")",
];

const deadlineLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: "grapheme", maxLength: 4 }),
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(" "));

const anyText = fc.oneof(
  deadlineLike,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
);
const context = fc.constantFrom(...CONTEXTS);

function reading(d: Deadline) {
  return { type: d.type, start: d.start, end: d.end, recurrence: d.recurrence, points: d.points };
}

describe("readDeadline on arbitrary text", () => {
  test("never throws and always returns a schema-valid Deadline", () => {
    fc.assert(
      fc.property(anyText, context, (text, ctx) => {
        const d = readDeadlineUnguarded(text, ctx);
        expect(() => Deadline.parse(d)).not.toThrow();
        expect(readDeadline(text, ctx)).toEqual(d);
        // Only a range or a list written backwards may end before it starts (deadline.inverted-range).
        const ordered = ["date", "month", "quarter", "recurring", "whole_period"].includes(d.type);
        if (d.start && d.end && ordered) expect(d.start <= d.end).toBe(true);
        for (const day of [d.start, d.end, ...(d.points ?? []).flatMap((p) => [p.start, p.end])]) {
          if (day) expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
        }
        if (d.points) expect(d.type).toBe("multiple");
      }),
      { numRuns: 3000 },
    );
  });

  test("extra whitespace around and between words changes nothing", () => {
    const spaces = fc.constantFrom("  ", "\t", "\n", " \u00a0", "\r\n ");
    fc.assert(
      fc.property(deadlineLike, spaces, spaces, spaces, context, (text, lead, inner, trail, ctx) => {
        const spaced = lead + text.split(" ").join(inner) + trail;
        expect(reading(readDeadline(spaced, ctx))).toEqual(reading(readDeadline(text, ctx)));
      }),
      { numRuns: 2000 },
    );
  });

  test("letter case changes nothing", () => {
    fc.assert(
      fc.property(deadlineLike, context, (text, ctx) => {
        // Some letters do not survive a round trip (ß → SS); the property is about ordinary letters.
        fc.pre(text.toUpperCase().toLowerCase() === text.toLowerCase());
        const base = reading(readDeadline(text, ctx));
        expect(reading(readDeadline(text.toUpperCase(), ctx))).toEqual(base);
        expect(reading(readDeadline(text.toLowerCase(), ctx))).toEqual(base);
      }),
      { numRuns: 2000 },
    );
  });
});
