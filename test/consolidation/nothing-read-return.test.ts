/**
 * A return from which no value can be read: its «Показатели» sheet was renamed by a program that left the
 * defined names pointing to the old name, so no input cell is found. Like an empty return (empty-return.test.ts)
 * it is no school's answer: one reason says why, the school stays in `missing`, «Свод» does not count it, and
 * the verdict stays the contract's `accepted_with_remarks` (the contract's rejections do not include it).
 */
import { checkReturn } from "../../src/domain/consolidation/check-return";
import { consolidate } from "../../src/domain/consolidation/consolidate";
import { consolidationPlan } from "../../src/domain/consolidation/plan";
import { readReturn } from "../../src/returns/read-return";
import { correctFill, makeReading, makeTemplate, type Filled } from "./fixtures";
import { writeForm } from "./form-file";

const schools = ["Школа А", "Школа Б", "Школа В"];
const t = makeTemplate(schools);
/** Values typed on the renamed sheet, statuses left blank: nothing of it is readable through the names. */
const valuesOnly: Filled = { ...correctFill(3), activities: {} };

async function renamedReturn(fill: Filled, file: string) {
  const bytes = await writeForm(t, "Школа В", fill, { renameSheet: "Лист1", namesLeftBehind: true });
  return checkReturn(t, await readReturn({ file, bytes }));
}

describe("a return with no value readable", () => {
  let lost: Awaited<ReturnType<typeof renamedReturn>>;
  beforeAll(async () => {
    lost = await renamedReturn(valuesOnly, "v.xlsx");
  });

  test("one reason naming the sheet not found, instead of one per cell", () => {
    expect(lost.reasons.map((r) => [r.rule, r.severity, r.cell])).toEqual([
      ["return.nothing-read", "error", null],
    ]);
    expect(lost.reasons[0].message).toMatch(
      /^Ни одно значение формы не прочитано: лист «Показатели» не найден/,
    );
    expect(lost.values).toEqual([]);
  });

  test("its school is missing, the verdict is «accepted_with_remarks», «Свод» counts 2 forms of 3", () => {
    const c = consolidate(t, [
      checkReturn(t, makeReading(t, "Школа А", correctFill(1), "a.xlsx")),
      checkReturn(t, makeReading(t, "Школа Б", correctFill(2), "b.xlsx")),
      lost,
    ]);
    expect(c.missing).toEqual(["Школа В"]);
    expect(c.returns.find((r) => r.file === "v.xlsx")?.verdict).toBe("accepted_with_remarks");
    expect(c.used.filter((u) => u.record).map((u) => u.school)).toEqual(["Школа А", "Школа Б"]);
    const plan = consolidationPlan(t, c, { sheets: [], ownSheets: [] });
    expect(JSON.stringify(plan.ops)).toContain("Приняты формы 2 школ из 3; не прислали или отклонены: 1.");
  });

  test("a newer unreadable return does not replace the school's readable one", () => {
    const filled = checkReturn(t, makeReading(t, "Школа В", correctFill(3), "v-old.xlsx"));
    const c = consolidate(t, [filled, { ...lost, savedAt: "2024-04-01T10:00:00Z" }]);
    expect(c.used.find((u) => u.school === "Школа В")?.record?.file).toBe("v-old.xlsx");
    expect(c.missing).toEqual(["Школа А", "Школа Б"]);
  });

  test("a status read on «Мероприятия» is an answer: the return is used, its values not found", async () => {
    const rec = await renamedReturn({ values: {}, activities: { A01: ["В работе", null] } }, "w.xlsx");
    expect(rec.reasons.map((r) => r.rule)).not.toContain("return.nothing-read");
    expect(rec.reasons.filter((r) => r.rule === "return.input-not-found")).toHaveLength(8);
    expect(consolidate(t, [rec]).missing).toEqual(["Школа А", "Школа Б"]);
  });

  test("the names removed (not the sheet): the reason says the cells' names are gone", () => {
    const reading = makeReading(t, "Школа В", { values: {}, activities: {} });
    const rec = checkReturn(t, { ...reading, names: {} });
    expect(rec.reasons.map((r) => r.rule)).toEqual(["return.nothing-read"]);
    expect(rec.reasons[0].message).toContain("у ячеек ввода удалены имена или сами ячейки (10)");
    expect(consolidate(t, [rec]).missing).toEqual(schools);
  });
});
