import { Deadline } from "../../src/domain/model";
import { readDeadline } from "../../src/domain/deadline";
import type { DeadlineCase } from "./deadline-cases";
import { HELDOUT_CASES } from "./deadline-heldout-cases";

function reading(c: DeadlineCase): Record<string, unknown> {
  const d = readDeadline(c.raw, c.ctx);
  const got: Record<string, unknown> = { type: d.type, start: d.start, end: d.end, recurrence: d.recurrence };
  if (c.expected.points) got.points = d.points;
  return got;
}

function isRight(c: DeadlineCase): boolean {
  return JSON.stringify(reading(c)) === JSON.stringify(c.expected);
}

describe("readDeadline on held-out cells from other regions", () => {
  test("there are at least 150 held-out cells", () => {
    expect(HELDOUT_CASES.length).toBeGreaterThanOrEqual(150);
  });

  test("held-out accuracy", () => {
    const right = HELDOUT_CASES.filter(isRight).length;
    console.log(`deadline held-out accuracy: ${right}/${HELDOUT_CASES.length}`);
    expect(right).toBe(HELDOUT_CASES.length);
  });

  test.each(HELDOUT_CASES.map((c) => [c.source, c.raw, c] as const))("%s: «%s»", (_source, raw, c) => {
    const d = readDeadline(raw, c.ctx);
    expect(Deadline.parse(d)).toEqual(d);
    expect(reading(c)).toEqual(c.expected);
    if (!c.expected.points) expect(d.points).toBeUndefined();
  });
});
