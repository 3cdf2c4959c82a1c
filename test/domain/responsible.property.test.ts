import fc from "fast-check";
import { Responsible } from "../../src/domain/model";
import { readResponsible, readResponsibleUnguarded, type NameOrder } from "../../src/domain/responsible";

const SURNAMES = [
  "Грицина",
  "Огурцова",
  "Сучкова",
  "Леусенко",
  "Куприенко",
  "Петрова-Водкина",
  "Семёнова",
  "Ли",
  "Батюк",
];
const LETTERS = ["А", "В", "Е", "Н", "Т", "С", "Я", "Ю", "Ё"];
const ROLES = [
  "руководитель рабочей группы",
  "методист МИМС",
  "специалисты МКУ «ЦРО»",
  "главный специалист отдела развития",
  "педагоги",
  "руководители ОО",
  "заместитель директора по УВР",
  "учителя-предметники",
  "классные руководители",
  "члены рабочей группы",
  "отдел образования",
  "МИМС",
];

const person = fc.record({
  surname: fc.constantFrom(...SURNAMES),
  initials: fc
    .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 2 })
    .map((ls) => ls.map((l) => `${l}.`).join("")),
});
type P = { surname: string; initials: string };

/** A cell: persons written in one order, each maybe followed by a role, roles between them. */
const cell = fc.record({
  order: fc.constantFrom<NameOrder>("surname-first", "initials-first"),
  items: fc.array(
    fc.record({
      p: person,
      role: fc.option(fc.constantFrom(...ROLES), { nil: null }),
      sep: fc.constantFrom(" ", ", ", "; ", "\n"),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  lead: fc.option(fc.constantFrom(...ROLES), { nil: null }),
});
type Cell = { order: NameOrder; items: { p: P; role: string | null; sep: string }[]; lead: string | null };

type Style = { space: string; caseOf: (role: string) => string };

function render(c: Cell, style: Style): string {
  const parts: string[] = [];
  if (c.lead) parts.push(style.caseOf(c.lead).replace(/ /g, style.space), ",", style.space);
  c.items.forEach((it, i) => {
    const name =
      c.order === "surname-first" ? `${it.p.surname} ${it.p.initials}` : `${it.p.initials} ${it.p.surname}`;
    parts.push(name);
    if (it.role) parts.push(",", style.space, style.caseOf(it.role).replace(/ /g, style.space));
    if (i < c.items.length - 1) parts.push(it.sep.replace(/ /g, style.space));
  });
  return parts.join("");
}

const sentence = (r: string) => r[0].toUpperCase() + r.slice(1);
const STYLES: Style[] = [
  { space: " ", caseOf: (r) => r },
  { space: "  ", caseOf: (r) => r.toUpperCase() },
  { space: " \t ", caseOf: (r) => r.toLowerCase() },
  { space: "\u00A0", caseOf: sentence },
];

describe("readResponsible properties", () => {
  test("never throws on arbitrary strings, and the output is contract-valid", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 150 }), (s) => {
        const r = readResponsibleUnguarded(s);
        expect(() => Responsible.parse(r)).not.toThrow();
        // The guarded reader adds nothing but its safety net.
        expect(readResponsible(s)).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  test("never throws on strings made of the characters that matter", () => {
    const alphabet = fc.constantFrom(...'АБВИНОТЯЁаеио. ,;:-–—«»"()\n<>/p1№ИвановПетроваМИМСОО'.split(""));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 120 }).map((a) => a.join("")),
        fc.constantFrom<NameOrder | undefined>("surname-first", "initials-first", undefined),
        (s, order) => {
          const r = readResponsibleUnguarded(s, order ? { nameOrder: order } : {});
          expect(() => Responsible.parse(r)).not.toThrow();
          for (const p of r.persons) {
            expect(p.initials).toMatch(/^([А-ЯЁ]\.){1,2}$/);
            expect(p.surname).toMatch(/^[А-ЯЁ][а-яё]*(-[А-ЯЁа-яё][а-яё]*)*$/);
          }
          for (const role of r.roles) expect(role).toBe(role.trim());
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("role words and abbreviations next to initials never become surnames, in any case", () => {
    const words = [
      "руководитель",
      "руководители",
      "методист",
      "специалист",
      "специалисты",
      "педагоги",
      "учитель",
      "директор",
      "заместитель",
      "председатель",
      "начальник",
      "главный",
      "члены",
      "куратор",
      "наставник",
      "координатор",
      "отдел",
      "управление",
      "рабочая",
      "группа",
      "школа",
      "комиссия",
      "администрация",
      "МИМС",
      "ОО",
      "ОУ",
      "КО",
      "ММС",
      "ЦОКО",
      "ВСОКО",
      "РМО",
    ];
    const word = fc
      .tuple(
        fc.constantFrom(...words),
        fc.constantFrom<(w: string) => string>(
          (w) => w,
          (w) => w.toUpperCase(),
          sentence,
        ),
      )
      .map(([w, f]) => f(w));
    const initials = fc
      .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 2 })
      .map((ls) => ls.map((l) => `${l}.`).join(""));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, initials), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(" ", ", ", "\n", " - "),
        (parts, sep) => {
          const r = readResponsibleUnguarded(parts.join(sep));
          expect(r.persons).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("reads back the persons a cell was written with, in order", () => {
    fc.assert(
      fc.property(cell, (c) => {
        const r = readResponsibleUnguarded(render(c, STYLES[0]), { nameOrder: c.order });
        expect(r.persons).toEqual(c.items.map((it) => it.p));
      }),
      { numRuns: 300 },
    );
  });

  test("persons are identical under whitespace and case changes of the roles", () => {
    fc.assert(
      fc.property(cell, fc.constantFrom(...STYLES.slice(1)), (c, style) => {
        const base = readResponsibleUnguarded(render(c, STYLES[0]), { nameOrder: c.order }).persons;
        const changed = readResponsibleUnguarded(render(c, style), { nameOrder: c.order }).persons;
        expect(changed).toEqual(base);
      }),
      { numRuns: 300 },
    );
  });

  test("roles are the same units whatever the spacing", () => {
    fc.assert(
      fc.property(cell, (c) => {
        const a = readResponsibleUnguarded(render(c, STYLES[0]), { nameOrder: c.order }).roles;
        const b = readResponsibleUnguarded(render(c, { space: "   ", caseOf: (r) => r }), {
          nameOrder: c.order,
        }).roles;
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
