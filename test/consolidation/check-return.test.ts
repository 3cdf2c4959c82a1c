import { checkReturn } from "../../src/domain/consolidation/check-return";
import { cellKey, type ReturnReading } from "../../src/domain/consolidation/template";
import { correctFill, makeFingerprint, makeReading, makeTemplate } from "./fixtures";

const t = makeTemplate();
const school = "МБОУ СОШ № 2";

function rules(rec: ReturnType<typeof checkReturn>): string[] {
  return rec.reasons.map((r) => r.rule);
}

describe("checkReturn", () => {
  test("a correctly filled form: no reasons, every value, share as Σ-ready parts", () => {
    const fill = correctFill(7); // den 17, num min(17, 10) = 10
    const rec = checkReturn(t, makeReading(t, school, fill));
    expect(rec.rejected).toBe(false);
    expect(rec.reasons).toEqual([]);
    expect(rec.school).toBe(school);
    expect(rec.values.find((v) => v.indicator === "I01")).toEqual({
      indicator: "I01",
      value: 58.82,
      numerator: 10,
      denominator: 17,
    });
    expect(rec.values.find((v) => v.indicator === "I05")).toEqual({
      indicator: "I05",
      value: 20,
      previous: 20,
    });
    expect(rec.activities).toEqual([
      { activity: "A01", status: "Выполнено" },
      { activity: "A02", status: "В работе" },
    ]);
  });

  test("Russian-written numbers are read", () => {
    const fill = correctFill(1);
    fill.values.I01 = { numerator: "1\u00a0200", denominator: "1 500" };
    fill.values.I03 = { value: "10,5" };
    const rec = checkReturn(t, makeReading(t, school, fill));
    expect(rec.reasons).toEqual([]);
    expect(rec.values.find((v) => v.indicator === "I01")).toMatchObject({
      numerator: 1200,
      denominator: 1500,
      value: 80,
    });
    expect(rec.values.find((v) => v.indicator === "I03")?.value).toBe(10.5);
  });

  test.each([
    ["I01", { numerator: 12, denominator: 10 }, "return.numerator-above-denominator"],
    ["I01", { numerator: 0, denominator: 0 }, "return.zero-denominator"],
    ["I02", { value: -4 }, "return.negative"],
    ["I02", { value: "5,5" }, "return.not-integer"],
    ["I03", { value: "около пяти" }, "return.not-a-number"],
    ["I03", { value: "=A1*2" }, "return.not-a-number"],
    ["I04", { value: "Частично" }, "return.not-yes-no"],
    ["I05", { value: 3, previous: null }, "return.value-missing"],
  ])("%s %p → %s, value left out, error", (id, parts, rule) => {
    const fill = correctFill(3);
    fill.values[id] = parts;
    const rec = checkReturn(t, makeReading(t, school, fill));
    expect(rules(rec)).toEqual([rule]);
    expect(rec.reasons[0].severity).toBe("error");
    expect(rec.reasons[0].cell).toMatch(/^Показатели!C|^Показатели!D/);
    expect(rec.values.map((v) => v.indicator)).not.toContain(id);
    expect(rec.values).toHaveLength(5);
  });

  test("done without a confirming document is a remark; unknown status is left out", () => {
    const fill = correctFill(2);
    fill.activities = { A01: ["Выполнено", null], A02: ["Почти", null] };
    const rec = checkReturn(t, makeReading(t, school, fill));
    expect(rules(rec)).toEqual(["return.done-without-evidence", "return.status-unknown"]);
    expect(rec.reasons[0]).toMatchObject({ severity: "warning", cell: "Мероприятия!E5" });
    expect(rec.activities).toEqual([{ activity: "A01", status: "Выполнено" }]);
  });

  test("a name moved by inserted rows: read where it points, say so", () => {
    const r = makeReading(t, school, correctFill(4));
    r.names.RM_I02_value = "'Показатели'!$C$20";
    r.cells[cellKey("Показатели", "C20")] = 77;
    r.cells[cellKey("Показатели", "C8")] = 999; // what is now in the recorded cell must not be read
    const rec = checkReturn(t, r);
    expect(rules(rec)).toEqual(["return.layout-changed"]);
    expect(rec.reasons[0]).toMatchObject({ severity: "warning", cell: "Показатели!C20" });
    expect(rec.values.find((v) => v.indicator === "I02")?.value).toBe(77);
  });

  test.each([
    ["#REF!", "ячейка удалена"],
    ["'Показатели'!#REF!", "ячейка удалена"],
    [undefined, "имя этой ячейки удалено"],
  ])("a name %p: cannot be found with certainty, never read the recorded cell", (ref, words) => {
    const r = makeReading(t, school, correctFill(4));
    if (ref === undefined) delete r.names.RM_I03_value;
    else r.names.RM_I03_value = ref;
    const rec = checkReturn(t, r);
    expect(rules(rec)).toEqual(["return.input-not-found"]);
    expect(rec.reasons[0].message).toContain(words);
    expect(rec.reasons[0].message).toContain("Нельзя с уверенностью найти");
    expect(rec.values.map((v) => v.indicator)).not.toContain("I03");
  });

  test("a renamed sheet is named once; values are still read through the names", () => {
    const r = makeReading(t, school, correctFill(5));
    for (const k of Object.keys(r.names)) r.names[k] = r.names[k].replace("'Показатели'", "'Мои показатели'");
    r.sheets = r.sheets.map((s) => (s === "Показатели" ? "Мои показатели" : s));
    for (const k of Object.keys(r.cells)) {
      if (k.startsWith("Показатели!")) r.cells[k.replace("Показатели!", "Мои показатели!")] = r.cells[k];
    }
    const rec = checkReturn(t, r);
    expect(rules(rec)).toEqual(["return.sheet-renamed"]);
    expect(rec.values).toHaveLength(6);
  });

  test("a sheet renamed by a program that left the names behind: «не найден по имени», never «удалён» (red-team 3)", () => {
    const r = makeReading(t, school, correctFill(5));
    r.sheets = r.sheets.map((s) => (s === "Показатели" ? "Показатели (2)" : s));
    const rec = checkReturn(t, r);
    const notFound = rec.reasons.filter((x) => x.rule === "return.input-not-found");
    expect(notFound.length).toBeGreaterThan(0);
    expect(notFound[0].message).toContain("лист «Показатели» не найден по имени (возможно, он переименован)");
    for (const x of rec.reasons) expect(x.message).not.toMatch(/удал[её]н/);
    expect(rec.values).toEqual([]);
  });

  test("an indicator label edited beside its inputs is a remark", () => {
    const r = makeReading(t, school, correctFill(5));
    r.rowTexts[cellKey("Показатели", "B8")] = "Количество уроков, посещённых завучем";
    const rec = checkReturn(t, r);
    expect(rules(rec)).toEqual(["return.indicator-renamed"]);
    expect(rec.values).toHaveLength(6);
  });

  test("rejections: no fingerprint, damaged, other template, other quarter, unexpected school, unreadable", () => {
    const base = () => makeReading(t, school, correctFill(1));
    const none = { ...base(), fingerprintText: null };
    const damaged = { ...base(), fingerprintText: '{"marker":"roadmap-monitor-form",' };
    const fpOther = { ...makeFingerprint(t, school), template: { ...t.template, id: "OTHER" } };
    const fpQuarter = { ...makeFingerprint(t, school), template: { ...t.template, quarter: "2023-Q4" } };
    const stranger = makeReading(t, "МБОУ СОШ № 99", correctFill(1));
    const unreadable = { ...base(), problem: "Книга защищена паролем на открытие" };
    const cases: [ReturnReading, string][] = [
      [none, "return.no-fingerprint"],
      [damaged, "return.fingerprint-damaged"],
      [{ ...base(), fingerprintText: JSON.stringify(fpOther) }, "return.other-template"],
      [{ ...base(), fingerprintText: JSON.stringify(fpQuarter) }, "return.other-quarter"],
      [stranger, "return.unexpected-school"],
      [unreadable, "return.unreadable"],
    ];
    for (const [reading, rule] of cases) {
      const rec = checkReturn(t, reading);
      expect(rec.rejected).toBe(true);
      expect(rules(rec)).toEqual([rule]);
      expect(rec.values).toEqual([]);
    }
    expect(checkReturn(t, stranger).school).toBe("МБОУ СОШ № 99");
  });

  test("an old template version is named as such and still read", () => {
    const t2 = makeTemplate(undefined, 2);
    const r = makeReading(t, school, correctFill(1));
    const rec = checkReturn(t2, r);
    expect(rec.rejected).toBe(false);
    expect(rules(rec)).toEqual(["return.old-version"]);
    expect(rec.reasons[0].message).toContain("старой версии");
    expect(rec.values).toHaveLength(6);
  });

  test("school names match despite case, «ё» and spacing", () => {
    const r = makeReading(t, "мбоу сош №2", correctFill(1));
    const rec = checkReturn(t, r);
    expect(rec.school).toBe(school);
    expect(rec.rejected).toBe(false);
  });
});
