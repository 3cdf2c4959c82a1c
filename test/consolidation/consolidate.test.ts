import { checkReturn } from "../../src/domain/consolidation/check-return";
import {
  attainment,
  consolidate,
  consolidationJson,
  mergeRecords,
} from "../../src/domain/consolidation/consolidate";
import { correctFill, makeReading, makeTemplate, type Filled } from "./fixtures";

const schools = ["Школа А", "Школа Б", "Школа В", "Школа Г"];
const t = makeTemplate(schools);

function fill(
  num: number,
  den: number,
  count: number,
  mean: number,
  yes: string,
  cur: number,
  prev: number,
  lower: number,
): Filled {
  return {
    values: {
      I01: { numerator: num, denominator: den },
      I02: { value: count },
      I03: { value: mean },
      I04: { value: yes },
      I05: { value: cur, previous: prev },
      I06: { value: lower },
    },
    activities: { A01: ["Выполнено", "Приказ"], A02: ["В работе", null] },
  };
}

describe("consolidate", () => {
  const a = checkReturn(t, makeReading(t, "Школа А", fill(5, 11, 10, 4.5, "Да", 30, 25, 10), "a.xlsx"));
  const b = checkReturn(t, makeReading(t, "Школа Б", fill(1, 3, 7, 3.9, "Нет", 12, 15, 20), "b.xlsx"));
  // Школа В sent a share with a bad numerator: its I01 must not reach the totals.
  const cFill = fill(9, 4, 3, 4.0, "Да", 8, 8, 30);
  const c = checkReturn(t, makeReading(t, "Школа В", cFill, "c.xlsx"));

  test("totals per type, computed by hand", () => {
    const res = consolidate(t, [a, b, c]);
    const total = (id: string) => res.totals.find((x) => x.indicator === id);
    // share: (5+1)/(11+3) = 6/14 = 42.857… → 42.86, never the mean of 45.45 and 33.33.
    expect(total("I01")).toMatchObject({
      value: 42.86,
      numerator: 6,
      denominator: 14,
      schools: 2,
      target: 80,
      attainment: 53.58,
    });
    expect(total("I02")).toMatchObject({ value: 20, schools: 3, target: 500, attainment: 4 });
    // mean of 4.5, 3.9, 4.0 = 12.4/3 = 4.1333 → 4.13
    expect(total("I03")).toMatchObject({ value: 4.13, schools: 3 });
    expect(total("I03")?.target).toBeUndefined();
    // yes/no: 2 «Да» of 3 answers = 66.67 %; target 100 % → 66.67
    expect(total("I04")).toMatchObject({ value: 2, share: 66.67, schools: 3, attainment: 66.67 });
    expect(total("I05")).toMatchObject({ value: 50, previous: 48, change: 2, schools: 3 });
    // lower-better: 60 absences against a target of 40 → 40/60 = 66.67 %
    expect(total("I06")).toMatchObject({ value: 60, attainment: 66.67 });
    expect(res.missing).toEqual(["Школа Г"]);
    expect(res.returns.map((r) => r.verdict)).toEqual(["accepted", "accepted", "accepted_with_remarks"]);
    expect(res.activities).toEqual([
      { activity: "A01", byStatus: { Выполнено: 3 } },
      { activity: "A02", byStatus: { "В работе": 3 } },
    ]);
    expect(res.values.filter((v) => v.indicator === "I01").map((v) => v.school)).toEqual([
      "Школа А",
      "Школа Б",
    ]);
  });

  test("the newer return of a school is used; the older is superseded", () => {
    const older = { ...a, file: "a-old.xlsx", key: "old", savedAt: "2024-03-01T09:00:00Z" };
    const newer = checkReturn(t, {
      ...makeReading(t, "Школа А", fill(2, 10, 1, 5, "Нет", 1, 1, 1), "a-new.xlsx"),
      modified: "2024-03-25T09:00:00Z",
    });
    const res = consolidate(t, [older, newer, b]);
    expect(res.returns.find((r) => r.file === "a-old.xlsx")?.verdict).toBe("superseded");
    expect(res.returns.find((r) => r.file === "a-new.xlsx")?.verdict).toBe("accepted");
    expect(res.totals.find((x) => x.indicator === "I01")).toMatchObject({ numerator: 3, denominator: 13 });
  });

  test("the file's own save time wins; without it, the file system time", () => {
    const r1 = checkReturn(t, {
      ...makeReading(t, "Школа А", correctFill(1), "x1.xlsx"),
      modified: null,
      fileModified: "2024-03-02T00:00:00Z",
    });
    const r2 = checkReturn(t, {
      ...makeReading(t, "Школа А", correctFill(2), "x2.xlsx"),
      modified: null,
      fileModified: "2024-03-01T00:00:00Z",
    });
    const res = consolidate(t, [r1, r2]);
    expect(res.returns.map((r) => [r.file, r.verdict])).toEqual([
      ["x1.xlsx", "accepted"],
      ["x2.xlsx", "superseded"],
    ]);
  });

  test("a second run with more files equals one run with all; rereading a file never doubles it", () => {
    const first = consolidate(t, mergeRecords([], [a, b]));
    const lateD = checkReturn(t, makeReading(t, "Школа Г", fill(3, 3, 1, 5, "Да", 2, 1, 0), "d.xlsx"));
    const again = consolidate(t, mergeRecords(first.records, [b, c, lateD]));
    const once = consolidate(t, mergeRecords([], [a, b, c, lateD]));
    expect(consolidationJson(again)).toEqual(consolidationJson(once));
    expect(again.returns).toHaveLength(4);
    expect(again.missing).toEqual([]);
  });

  test("attainment: undefined targets give null, not a division by zero", () => {
    expect(attainment(50, 0, "higher")).toBeNull();
    expect(attainment(0, 10, "lower")).toBe(100);
    expect(attainment(null, 10, "higher")).toBeNull();
  });
});
