/**
 * A return sent back with nothing filled (red-team defect 4). The contract lists the reasons to reject a return
 * (unreadable, no or another fingerprint, another quarter, an unexpected school) and emptiness is not one, so the
 * verdict stays `accepted_with_remarks`; but the form is not a school's answer: one `return.empty` reason says
 * so, the school stays in `missing`, an earlier filled return of it is used, and «Свод» does not count it.
 */
import { checkReturn } from "../../src/domain/consolidation/check-return";
import { consolidate } from "../../src/domain/consolidation/consolidate";
import { consolidationPlan } from "../../src/domain/consolidation/plan";
import { correctFill, makeReading, makeTemplate, type Filled } from "./fixtures";

const schools = ["Школа А", "Школа Б", "Школа В"];
const t = makeTemplate(schools);
const nothing: Filled = { values: {}, activities: {} };

describe("an empty return", () => {
  const empty = checkReturn(t, makeReading(t, "Школа В", nothing, "v.xlsx"));
  const c = consolidate(t, [
    checkReturn(t, makeReading(t, "Школа А", correctFill(1), "a.xlsx")),
    checkReturn(t, makeReading(t, "Школа Б", correctFill(2), "b.xlsx")),
    empty,
  ]);

  test("one clear reason instead of a «Не заполнено» per cell", () => {
    expect(empty.reasons.map((r) => [r.rule, r.severity, r.cell])).toEqual([["return.empty", "error", null]]);
    expect(empty.reasons[0].message).toMatch(/^Форма не заполнена/);
  });

  test("its school is missing; the verdict is the contract's «accepted_with_remarks»", () => {
    expect(c.missing).toEqual(["Школа В"]);
    expect(c.returns.find((r) => r.file === "v.xlsx")?.verdict).toBe("accepted_with_remarks");
    expect(c.used.filter((u) => u.record).map((u) => u.school)).toEqual(["Школа А", "Школа Б"]);
  });

  test("«Свод» counts 2 forms of 3", () => {
    const plan = consolidationPlan(t, c, { sheets: [], ownSheets: [] });
    expect(JSON.stringify(plan.ops)).toContain("Приняты формы 2 школ из 3; не прислали или отклонены: 1.");
  });

  test("a newer empty return does not replace the school's filled one", () => {
    const filled = checkReturn(t, makeReading(t, "Школа В", correctFill(3), "v-old.xlsx"));
    const later = { ...empty, savedAt: "2024-04-01T10:00:00Z" };
    const c2 = consolidate(t, [filled, later]);
    expect(c2.used.find((u) => u.school === "Школа В")?.record?.file).toBe("v-old.xlsx");
    expect(c2.returns.find((r) => r.file === "v-old.xlsx")?.verdict).toBe("accepted");
  });

  test("a form with one value typed is not empty", () => {
    const one = checkReturn(t, makeReading(t, "Школа В", { values: { I02: { value: 3 } }, activities: {} }));
    expect(one.reasons.map((r) => r.rule)).not.toContain("return.empty");
    expect(consolidate(t, [one]).missing).toEqual(["Школа А", "Школа Б"]);
  });
});
