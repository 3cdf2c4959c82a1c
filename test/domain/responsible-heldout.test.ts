import { readResponsible } from "../../src/domain/responsible";
import type { ResponsibleCase } from "./responsible-cases";
import { HELDOUT_CASES } from "./responsible-heldout-cases";

function reading(c: ResponsibleCase): { persons: string[]; roles: string[] } {
  const r = readResponsible(c.text);
  return { persons: r.persons.map((p) => `${p.surname} ${p.initials}`), roles: r.roles };
}

function isRight(c: ResponsibleCase): boolean {
  return JSON.stringify(reading(c)) === JSON.stringify({ persons: c.persons, roles: c.roles });
}

describe("readResponsible on held-out cells from other regions", () => {
  test("there are at least 100 held-out cells", () => {
    expect(HELDOUT_CASES.length).toBeGreaterThanOrEqual(100);
  });

  test("held-out accuracy", () => {
    const right = HELDOUT_CASES.filter(isRight).length;
    console.log(`responsible held-out accuracy: ${right}/${HELDOUT_CASES.length}`);
    expect(right).toBe(HELDOUT_CASES.length);
  });

  test.each(HELDOUT_CASES.map((c, i) => [`${i + 1}. ${JSON.stringify(c.text).slice(0, 70)}`, c] as const))(
    "%s",
    (_label, c) => {
      const r = readResponsible(c.text);
      expect(r.raw).toBe(c.text.trim());
      expect(reading(c)).toEqual({ persons: c.persons, roles: c.roles });
    },
  );
});
