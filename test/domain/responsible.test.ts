import { Responsible } from "../../src/domain/model";
import { inferNameOrder, readResponsible, readResponsibleDetails } from "../../src/domain/responsible";
import { EXTRA, FOLDED, SEED_CASES, type ResponsibleCase } from "./responsible-cases";

function names(text: string, ctx: Parameters<typeof readResponsible>[1] = {}): string[] {
  return readResponsible(text, ctx).persons.map((p) => `${p.surname} ${p.initials}`);
}

function check(c: ResponsibleCase) {
  const ctx = c.nameOrder ? { nameOrder: c.nameOrder } : {};
  const r = readResponsible(c.text, ctx);
  expect(r.persons.map((p) => `${p.surname} ${p.initials}`)).toEqual(c.persons);
  expect(r.roles).toEqual(c.roles);
  expect(r.raw).toBe(c.text.trim());
  if (c.positions)
    expect(readResponsibleDetails(c.text, ctx).persons.map((p) => p.position)).toEqual(c.positions);
}

describe("readResponsible: every responsible cell of the seeds", () => {
  for (const [name, cases] of Object.entries(SEED_CASES)) {
    describe(name, () => {
      test.each(cases.map((c) => [c.text.slice(0, 80), c] as const))("%s", (_label, c) => check(c));
    });
  }
});

describe("readResponsible: cells folded from continuation rows", () => {
  test.each(FOLDED.map((f) => [f.parts.join(" ⏎ ").slice(0, 80), f] as const))(
    "joined by a space: %s",
    (_l, f) => check({ text: f.parts.join(" "), ...f.expected }),
  );
  test.each(FOLDED.map((f) => [f.parts.join(" ⏎ ").slice(0, 80), f] as const))(
    "joined by a line break: %s",
    (_l, f) => check({ text: f.parts.join("\n"), ...f.expected }),
  );
});

describe("readResponsible: what users elsewhere write", () => {
  test("there are at least 40 extra cases", () => expect(EXTRA.length).toBeGreaterThanOrEqual(40));
  test.each(
    EXTRA.map(
      (c, i) =>
        [
          `${i + 1}. ${JSON.stringify(c.text).slice(0, 70)}${c.nameOrder ? ` (${c.nameOrder})` : ""}`,
          c,
        ] as const,
    ),
  )("%s", (_label, c) => check(c));
});

describe("readResponsible: contract details", () => {
  test("initials are written with dots and no spaces", () => {
    expect(readResponsible("Грицина Н. В.").persons).toEqual([{ surname: "Грицина", initials: "Н.В." }]);
    expect(readResponsible("Н . В. Грицина").persons.length).toBeLessThanOrEqual(1);
  });

  test("null, undefined and non-strings are read as empty, never thrown", () => {
    expect(readResponsible(null)).toEqual({ raw: "", persons: [], roles: [] });
    expect(readResponsible(undefined)).toEqual({ raw: "", persons: [], roles: [] });
    expect(readResponsible(42 as unknown as string)).toEqual({ raw: "42", persons: [], roles: [] });
  });

  test("raw keeps the cell as written, trimmed", () => {
    expect(readResponsible("  Руководители ОУ ,  педагогические   работники ").raw).toBe(
      "Руководители ОУ ,  педагогические   работники",
    );
    expect(readResponsible("  Руководители ОУ ,  педагогические   работники ").roles).toEqual([
      "Руководители ОУ",
      "педагогические работники",
    ]);
  });

  test("the output is valid against the contract schema", () => {
    expect(() =>
      Responsible.parse(readResponsible(SEED_CASES["seed 002 «…на муниципальном уровне»"][1].text)),
    ).not.toThrow();
  });

  test("never pairs one person's initials with the next person's surname", () => {
    expect(names("Грицина Н.В. Огурцова Т.Н.")).toEqual(["Грицина Н.В.", "Огурцова Т.Н."]);
    expect(names("Н.Е. Иванов К.А. Петрова")).toEqual(["Иванов Н.Е.", "Петрова К.А."]);
    // Whatever the document's order says, a cell that pairs fully one way is read that way.
    expect(names("Грицина Н.В. Огурцова Т.Н.", { nameOrder: "initials-first" })).toEqual([
      "Грицина Н.В.",
      "Огурцова Т.Н.",
    ]);
  });

  test("role words and capital abbreviations never become surnames", () => {
    for (const text of [
      "Руководитель И.И. Петров",
      "МИМС А.А. Петров",
      "Председатель КО Н.В. Петрова",
      "методист И.И. Петров",
      "Специалист А.А.",
      "ОО И.И.",
      "КО Е.В.",
    ]) {
      const surnames = readResponsible(text).persons.map((p) => p.surname);
      for (const s of surnames)
        expect([
          "Руководитель",
          "МИМС",
          "Председатель",
          "КО",
          "методист",
          "Специалист",
          "ОО",
          "Мимс",
          "Ко",
          "Оо",
        ]).not.toContain(s);
    }
    expect(names("Специалист А.А.")).toEqual([]);
    expect(names("МИМС А.А. Петров")).toEqual(["Петров А.А."]);
  });

  test("a position is attached to the person it follows, a preceding role when none follows", () => {
    const d = readResponsibleDetails("Гокова В.Я., руководитель рабочей группы");
    expect(d.persons[0]).toMatchObject({
      surname: "Гокова",
      initials: "В.Я.",
      position: "руководитель рабочей группы",
    });
    expect(readResponsibleDetails("Н.В. Грицина").persons[0].written).toBe("Н.В. Грицина");
  });
});

describe("inferNameOrder", () => {
  test("seed 000 and seed 002 write the surname first", () => {
    expect(inferNameOrder(SEED_CASES["seed 000 «Ответственные лица»"].map((c) => c.text))).toBe(
      "surname-first",
    );
    expect(inferNameOrder(SEED_CASES["seed 002 «…на муниципальном уровне»"].map((c) => c.text))).toBe(
      "surname-first",
    );
  });

  test("a document writing initials first", () => {
    expect(
      inferNameOrder(["Н.Е. Иванов К.А. Петрова", "И.В. Носова", "Е.В. Куприенко, методист", "Т.И.Смирнова"]),
    ).toBe("initials-first");
  });

  test("no evidence → surname first; junk is ignored", () => {
    expect(inferNameOrder([])).toBe("surname-first");
    expect(inferNameOrder(["Руководители ОУ", "", null as unknown as string])).toBe("surname-first");
  });

  test("the document's order decides a cell that is ambiguous alone", () => {
    const order = inferNameOrder(["И.В. Носова", "Е.В. Куприенко", "Иванов Н.Е. Петров"]);
    expect(order).toBe("initials-first");
    expect(names("Иванов Н.Е. Петров", { nameOrder: order })).toEqual(["Петров Н.Е."]);
  });
});
