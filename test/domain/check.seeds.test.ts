/**
 * The seed-specific errors the validation issue names, caught end to end: seed workbook → recognition →
 * readers → validation (checkWorkbook, the entry point of the CLI and the task pane), in both layouts.
 */
import { checkWorkbook } from "../../src/domain/check";
import type { Finding } from "../../src/domain/model";
import { seedFixtures } from "../fixtures/seeds";

const fixtures = seedFixtures();

function check(id: string): Finding[] {
  const f = fixtures.find((x) => x.id === id);
  if (!f) throw new Error(`нет фикстуры ${id}`);
  return checkWorkbook(f.workbook, { today: null }).findings;
}

const quoted = (f: Finding) => /«([^»]*)»/.exec(f.message)?.[1] ?? "";

describe.each(["pasted", "clean"])("seeds, %s layout", (layout) => {
  it("002: the 2024 dates outside the 2023-2024 school year, and the 2023 ones too early, once", () => {
    const findings = check(`002-${layout}`);
    const outside = findings.filter((f) => f.rule === "deadline.outside-period").map(quoted);
    expect(outside.sort()).toEqual(
      ["Ноябрь 2024", "Сентябрь 2024", "декабрь 2024", "Январь 2023", "Март 2023"].sort(),
    );
    // January and March 2023 are before the approval too, but one cell gets one «too early» finding: the school
    // year starts (1.09.2023) before the approval (19.10.2023), so «outside the period» is the narrower one.
    const early = findings.filter((f) => f.rule === "deadline.before-approval").map(quoted);
    expect(early).not.toContain("Январь 2023");
    expect(early).not.toContain("Март 2023");
    const perCell = new Map<string, number>();
    for (const f of findings.filter((x) => x.rule.startsWith("deadline.")))
      perCell.set(f.cell ?? "", (perCell.get(f.cell ?? "") ?? 0) + 1);
    expect([...perCell.values()].every((n) => n === 1)).toBe(true);
    // April and May 2024 are inside the school year: not flagged.
    expect(outside).not.toContain("Апрель 2024");
    expect(outside).not.toContain("Май 2024");
    const suggestion = findings.find(
      (f) => f.rule === "deadline.outside-period" && quoted(f) === "Январь 2023",
    );
    expect(suggestion?.suggestion).toContain("2024");
  });

  it("002: the «№ хх» placeholder and «Суховская ООШ» / «Суховская СОШ»", () => {
    const findings = check(`002-${layout}`);
    expect(findings.filter((f) => f.rule === "text.placeholder" && f.message.includes("№ хх"))).toHaveLength(
      1,
    );
    const types = findings.filter((f) => f.rule === "organisation.type-variants");
    expect(types).toHaveLength(1);
    expect(types[0].message).toContain("Суховская");
  });

  it("003: «Суклакская» / «Сукпакская», and the scrambled numbering (1–6, 16–19, then 7–15)", () => {
    const findings = check(`003-${layout}`);
    const spelling = findings.filter((f) => f.rule === "organisation.spelling-variants");
    expect(spelling).toHaveLength(1);
    expect(spelling[0].message).toMatch(/Суклакская[\s\S]*Сукпакская/);
    const order = findings.filter((f) => f.rule === "numbering.order").map((f) => f.message);
    expect(order).toEqual([
      "После пункта 6 идёт пункт 16; пункты 7–15 стоят ниже",
      "Пункт 7 стоит после пункта 19: нумерация нарушена",
    ]);
    expect(findings.filter((f) => f.rule === "numbering.gap" || f.rule === "numbering.duplicate")).toEqual(
      [],
    );
  });

  it("004: «руководитель рабочей групп» is a truncated word", () => {
    const findings = check(`004-${layout}`);
    const truncated = findings.filter((f) => f.rule === "responsible.truncated-word");
    expect(truncated).toHaveLength(1);
    expect(truncated[0].message).toContain("рабочей групп");
  });

  it("000: the period is read, so nothing asks for it; vague deadlines «По графику ИРО» are reported", () => {
    const findings = check(`000-${layout}`);
    expect(findings.filter((f) => f.rule === "period.missing")).toEqual([]);
    expect(findings.filter((f) => f.rule === "deadline.vague").map(quoted)).toEqual(
      expect.arrayContaining(["По графику ИРО", "По отдельному графику", "По плану МНЦ"]),
    );
  });
});

it("001 holds no roadmap, so it has no roadmap findings", () => {
  const findings = check("001-pasted");
  expect(findings.filter((f) => /^(deadline|responsible|numbering|period)\./.test(f.rule))).toEqual([]);
});
