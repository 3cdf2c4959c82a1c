import { checkReturn } from "../../src/domain/consolidation/check-return";
import { consolidate } from "../../src/domain/consolidation/consolidate";
import { acceptance, callBackList, totalBars } from "../../src/taskpane/logic/consolidation";
import type { ReturnReading } from "../../src/domain/consolidation/template";
import { correctFill, makeReading, makeTemplate } from "../consolidation/fixtures";

function otherQuarter(r: ReturnReading): ReturnReading {
  const fp = JSON.parse(r.fingerprintText ?? "{}");
  return {
    ...r,
    fingerprintText: JSON.stringify({ ...fp, template: { ...fp.template, quarter: "2023-Q4" } }),
  };
}

const t = makeTemplate(["Школа А", "Школа Б", "Школа В", "Школа Г"]);
const fillA = correctFill(1);
fillA.values.I01 = { numerator: 4, denominator: 10 };
const bad = correctFill(2);
bad.values.I02 = { value: -1 };
const c = consolidate(t, [
  checkReturn(t, makeReading(t, "Школа А", fillA, "a.xlsx")),
  checkReturn(t, makeReading(t, "Школа Б", bad, "b.xlsx")),
  checkReturn(t, otherQuarter(makeReading(t, "Школа В", correctFill(3), "c.xlsx"))),
]);

test("the acceptance picture counts each verdict; missing counts schools", () => {
  expect(acceptance(c)).toEqual({
    received: 3,
    accepted: 1,
    withRemarks: 1,
    rejected: 1,
    superseded: 0,
    missing: 2,
  });
});

test("bars: a share's attainment against its target; yes/no as the share of «Да»", () => {
  const bars = totalBars(c);
  // I01: (4 + num of school Б) / (10 + den) — school Б: correctFill(2) → den 12, num min(12, 5) = 5 → 9/22 = 40.91 %; target 80 → 51.14 %
  expect(bars.find((b) => b.indicator === "I01")).toEqual({
    indicator: "I01",
    value: 40.91,
    target: 80,
    attainment: 51.14,
  });
  // I04: correctFill(1) «Да», correctFill(2) «Да» → 100 % of a 100 % target.
  expect(bars.find((b) => b.indicator === "I04")).toEqual({
    indicator: "I04",
    value: 100,
    target: 100,
    attainment: 100,
  });
});

test("call-back list: every school without an accepted form, with the rejection reason where there is one", () => {
  const lines = callBackList(c).split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^Школа В — форма отклонена: Форма за другой квартал: 2023-Q4/);
  expect(lines[1]).toBe("Школа Г");
});
