import { Deadline } from "../../src/domain/model";
import { mentionedYears, readDeadline } from "../../src/domain/deadline";
import { ALL_CASES, EXTRA_CASES, SEED_000, SEED_002, SEED_CASES } from "./deadline-cases";

describe("readDeadline: the hand-written table", () => {
  test("covers every seed cell and at least 60 other cases", () => {
    // 47 (seed 000) + 33 (seed 002) + 19 (seed 003) + 31 (seed 004) deadline cells.
    expect(SEED_CASES).toHaveLength(130);
    expect(EXTRA_CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(ALL_CASES.map((c) => [c.source, c.raw, c] as const))("%s: «%s»", (_source, raw, c) => {
    const d = readDeadline(raw, c.ctx);
    expect(Deadline.parse(d)).toEqual(d);
    const got: Record<string, unknown> = {
      type: d.type,
      start: d.start,
      end: d.end,
      recurrence: d.recurrence,
    };
    if (c.expected.points) got.points = d.points;
    expect(got).toEqual(c.expected);
    if (!c.expected.points) expect(d.points).toBeUndefined();
  });
});

describe("readDeadline: details", () => {
  test("keeps the raw text trimmed, as written", () => {
    expect(readDeadline("  <p>Ноябрь-декабрь</p> ", SEED_002).raw).toBe("<p>Ноябрь-декабрь</p>");
  });

  test("null and undefined are missing", () => {
    expect(readDeadline(null, SEED_000)).toEqual({
      raw: "",
      type: "missing",
      start: null,
      end: null,
      recurrence: null,
    });
    expect(readDeadline(undefined, SEED_000).type).toBe("missing");
  });

  test("the same cell folded with a line break reads the same", () => {
    const folded = readDeadline(
      "для педагогов: 11.10\n01.11 2023 года; для руководителей 14.11. 01.12. 2023 год",
      SEED_002,
    );
    expect(folded.points).toEqual([
      { start: "2023-10-11", end: "2023-11-01" },
      { start: "2023-11-14", end: "2023-12-01" },
    ]);
  });

  test("a very long cell is read without hanging", () => {
    const long = "Сентябрь 2023, ".repeat(5000);
    const t0 = Date.now();
    expect(readDeadline(long, SEED_000).type).toBe("multiple");
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe("mentionedYears", () => {
  test.each([
    ["Сентябрь 2024", [2024]],
    ["Сентябрь", []],
    ["15.09.23", [2023]],
    ["для педагогов: 11.10 01.11 2023 года", [2023]],
    ["в течение 2023-2024 уч. года", [2023, 2024]],
    ["декабрь 2023 г. – май 2024 г.", [2023, 2024]],
    ["По графику ИРО", []],
  ] as const)("«%s» → %j", (raw, years) => {
    expect(mentionedYears(raw)).toEqual(years);
  });
});
