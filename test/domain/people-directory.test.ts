import fc from "fast-check";
import type { EditPlan } from "../../src/domain/edit-plan";
import { sheetFromRows, type CellValue, type SheetGrid } from "../../src/domain/grid";
import {
  DIRECTORY_HEADER,
  DIRECTORY_SHEET,
  PeopleDirectory,
  buildPeopleDirectory,
  editDistance,
  findInDirectory,
  planDirectorySheet,
  readDirectorySheet,
  samePerson,
} from "../../src/domain/people-directory";
import { roadmapTable } from "./responsible-cases";

/** A tiny applier for the ops the directory planner emits (setValues / addSheet / setColumnWidths). */
function apply(plan: EditPlan, sheet: SheetGrid | null): SheetGrid {
  const out: SheetGrid = sheet
    ? { ...sheet, rows: sheet.rows.map((r) => [...(r ?? [])]) }
    : sheetFromRows(DIRECTORY_SHEET, []);
  for (const op of plan.ops) {
    if (op.op === "setValues") {
      op.values.forEach((line, i) => {
        const r = op.row + i;
        while (out.rows.length <= r) out.rows.push([]);
        line.forEach((v, j) => {
          out.rows[r][op.col + j] = v;
        });
      });
    } else if (op.op !== "addSheet" && op.op !== "setColumnWidths") {
      throw new Error(`unexpected op ${op.op}`);
    }
  }
  return out;
}

const SECTIONS = [
  { row: 2, text: "Краевой уровень" },
  { row: 10, text: "Муниципальный уровень" },
];

const seed000Like = roadmapTable(
  [
    { row: 3, responsible: "Огурцова Т.Н.", section: "Краевой уровень" },
    { row: 4, responsible: "Грицина Н.В.", section: "Краевой уровень" },
    { row: 5, responsible: "Грицина Н.В. Огурцова Т.Н.", section: "Краевой уровень" },
    { row: 6, responsible: "Грицина Н. В. Огурцова Т.Н. Сучкова А.А.", section: "Краевой уровень" },
    { row: 11, responsible: "Н.В. Грицина, начальник отдела", section: "Муниципальный уровень" },
    { row: 12, responsible: "Грицына Н.В.", section: "Муниципальный уровень" },
    { row: 13, responsible: "Грицина Н.В. специалисты МКУ «ЦРО»", section: "Муниципальный уровень" },
    { row: 14, responsible: "Руководители ОУ", section: "Муниципальный уровень" },
  ],
  { sections: SECTIONS },
);

describe("buildPeopleDirectory", () => {
  const dir = buildPeopleDirectory([seed000Like]);

  test("one entry per person, however they were written", () => {
    expect(dir.people.map((p) => p.name)).toEqual(["Грицина Н.В.", "Огурцова Т.Н.", "Сучкова А.А."]);
  });

  test("the entry lists spellings, positions, activities and sections", () => {
    expect(dir.people[0]).toEqual({
      name: "Грицина Н.В.",
      surname: "Грицина",
      initials: "Н.В.",
      positions: ["начальник отдела"],
      activities: 6,
      sections: ["Краевой уровень", "Муниципальный уровень"],
      variants: ["Грицина Н.В.", "Грицина Н. В.", "Н.В. Грицина", "Грицына Н.В."],
      assigned: [4, 5, 6, 11, 12, 13].map((row) => ({
        sheet: "Лист1",
        row,
        activity: `Мероприятие в строке ${row}`,
        deadline: "",
      })),
    });
    expect(dir.people[1]).toMatchObject({
      name: "Огурцова Т.Н.",
      activities: 3,
      sections: ["Краевой уровень"],
    });
  });

  test("is valid against its zod schema", () => {
    expect(() => PeopleDirectory.parse(dir)).not.toThrow();
  });

  test("one position however its abbreviation dots are spaced or its case written; the first spelling shown (red-team 5)", () => {
    const d = buildPeopleDirectory([
      roadmapTable([
        { row: 2, responsible: "Иванова И.И., зам. директора по УВР" },
        { row: 3, responsible: "Иванова И.И. зам.директора по УВР" },
        { row: 4, responsible: "Иванова И.И., Зам.дир. по УВР" },
        { row: 5, responsible: "Иванова И.И., заместитель директора по УВР" },
        { row: 6, responsible: "Иванова И.И., зам. директора по ВР" },
        { row: 7, responsible: "Иванова И.И., директор" },
      ]),
    ]);
    expect(d.people).toHaveLength(1);
    expect(d.people[0].positions).toEqual(["зам. директора по УВР", "зам. директора по ВР", "директор"]);
  });

  test("positions come from the role attached to the person; a spelling cut short is not copied", () => {
    const d = buildPeopleDirectory([
      roadmapTable([
        { row: 2, responsible: "Гокова В.Я., руководитель рабочей группы" },
        { row: 3, responsible: "Гокова В.Я., руководитель рабочей групп" },
        { row: 4, responsible: "Гокова В.Я., руководитель рабочей группы" },
      ]),
    ]);
    expect(d.people).toHaveLength(1);
    // «руководитель рабочей групп» is «руководитель рабочей группы» with its last letter lost (issue 9).
    expect(d.people[0].positions).toEqual(["руководитель рабочей группы"]);
    expect(d.people[0].activities).toBe(3);
    expect(d.people[0].sections).toEqual([]);
  });

  test("a missing initial joins the only fuller spelling; with two candidates it stays apart", () => {
    const one = buildPeopleDirectory([
      roadmapTable([
        { row: 2, responsible: "Грицина Н.В." },
        { row: 3, responsible: "Грицина Н." },
      ]),
    ]);
    expect(one.people.map((p) => p.name)).toEqual(["Грицина Н.В."]);
    const two = buildPeopleDirectory([
      roadmapTable([
        { row: 2, responsible: "Грицина Н.В." },
        { row: 3, responsible: "Грицина Н.А." },
        { row: 4, responsible: "Грицина Н." },
      ]),
    ]);
    expect(two.people.map((p) => p.name)).toEqual(["Грицина Н.", "Грицина Н.А.", "Грицина Н.В."]);
  });

  test("a man and a woman with the same surname stem are two people", () => {
    const d = buildPeopleDirectory([
      roadmapTable([
        { row: 2, responsible: "Иванов И.И." },
        { row: 3, responsible: "Иванова И.И." },
      ]),
    ]);
    expect(d.people.map((p) => p.name)).toEqual(["Иванов И.И.", "Иванова И.И."]);
  });

  test("activities are counted across tables and sheets", () => {
    const d = buildPeopleDirectory([
      roadmapTable([{ row: 2, responsible: "Батюк Н.В." }], { sheet: "2023" }),
      roadmapTable([{ row: 2, responsible: "Батюк Н.В." }], { sheet: "2024" }),
    ]);
    expect(d.people).toEqual([
      expect.objectContaining({ name: "Батюк Н.В.", activities: 2, variants: ["Батюк Н.В."] }),
    ]);
  });

  test("no people → an empty directory", () => {
    expect(buildPeopleDirectory([])).toEqual({ people: [] });
    expect(buildPeopleDirectory([roadmapTable([{ row: 2, responsible: "Рабочая группа" }])])).toEqual({
      people: [],
    });
  });
});

describe("person identity", () => {
  test("edit distance counts a swap of neighbours as one edit", () => {
    expect(editDistance("грицина", "грицына")).toBe(1);
    expect(editDistance("грицина", "гриицна")).toBe(1);
    expect(editDistance("огурцова", "огурцова")).toBe(0);
    expect(editDistance("огурцова", "сучкова")).toBeGreaterThan(1);
  });

  test("same person: same key, a one-letter typo with the same initials, one initial missing", () => {
    expect(
      samePerson({ surname: "Семёнова", initials: "Л.Ю." }, { surname: "Семенова", initials: "Л.Ю." }),
    ).toBe(true);
    expect(
      samePerson({ surname: "Грицина", initials: "Н.В." }, { surname: "Грицына", initials: "Н.В." }),
    ).toBe(true);
    expect(samePerson({ surname: "Грицина", initials: "Н." }, { surname: "Грицина", initials: "Н.В." })).toBe(
      true,
    );
    expect(
      samePerson({ surname: "Грицина", initials: "Н.В." }, { surname: "Грицына", initials: "Н.А." }),
    ).toBe(false);
    expect(samePerson({ surname: "Ли", initials: "А.А." }, { surname: "Лю", initials: "А.А." })).toBe(false);
  });
});

describe("planDirectorySheet", () => {
  const dir = buildPeopleDirectory([seed000Like]);

  test("a new sheet: the header and everyone", () => {
    const plan = planDirectorySheet(dir, null);
    expect(plan.summary).toBe("Создать лист «Ответственные»: 3 человека");
    expect(plan.ops[0]).toEqual({ op: "addSheet", sheet: "Ответственные" });
    expect(plan.ops[1]).toEqual({
      op: "setValues",
      sheet: "Ответственные",
      row: 0,
      col: 0,
      values: [
        [
          "Ответственный",
          "Должности",
          "Число мероприятий",
          "Разделы",
          "Варианты написания",
          "Мероприятия (лист, строка, срок)",
        ],
        [
          "Грицина Н.В.",
          "начальник отдела",
          6,
          "Краевой уровень; Муниципальный уровень",
          "Грицина Н.В.; Грицина Н. В.; Н.В. Грицина; Грицына Н.В.",
          [4, 5, 6, 11, 12, 13].map((r) => `Лист1, стр. ${r}: Мероприятие в строке ${r}`).join("\n"),
        ],
        [
          "Огурцова Т.Н.",
          "",
          3,
          "Краевой уровень",
          "Огурцова Т.Н.",
          [3, 5, 6].map((r) => `Лист1, стр. ${r}: Мероприятие в строке ${r}`).join("\n"),
        ],
        ["Сучкова А.А.", "", 1, "Краевой уровень", "Сучкова А.А.", "Лист1, стр. 6: Мероприятие в строке 6"],
      ],
    });
    expect(plan.ops[2]).toMatchObject({ op: "setColumnWidths", sheet: "Ответственные" });
  });

  test("idempotent: planning again over the written sheet changes nothing", () => {
    const written = apply(planDirectorySheet(dir, null), null);
    const again = planDirectorySheet(dir, written);
    expect(again.ops).toEqual([]);
    expect(again.summary).toBe("Все ответственные уже есть на листе «Ответственные»");
  });

  test("read back, the written sheet gives the same directory", () => {
    const written = apply(planDirectorySheet(dir, null), null);
    expect(readDirectorySheet(written)).toEqual(dir);
  });

  test("a user-edited sheet: only people not yet listed are appended, below the last used row", () => {
    const userSheet = sheetFromRows(DIRECTORY_SHEET, [
      ["Справочник ответственных (ведёт Огурцова)"],
      [],
      ["Варианты написания", "Ответственный", "Должности"],
      ["", "Грицина Наталья Викторовна", "зам. начальника управления"],
      ["Огурцова Т.Н.; Огурцова Т. Н.", "Огурцова Татьяна Николаевна", "методист"],
      [null, null, null, "заметка пользователя"],
    ]);
    const before = JSON.stringify(userSheet.rows);
    const plan = planDirectorySheet(dir, userSheet);
    expect(JSON.stringify(userSheet.rows)).toBe(before);
    expect(plan.ops).toEqual([
      {
        op: "setValues",
        sheet: "Ответственные",
        row: 6,
        col: 0,
        values: [["Сучкова А.А.", "Сучкова А.А.", ""]],
      },
    ]);
    expect(plan.summary).toBe("Добавить на лист «Ответственные» 1 человек: Сучкова А.А.");
    // Applied, then planned again: nothing new.
    expect(planDirectorySheet(dir, apply(plan, userSheet)).ops).toEqual([]);
  });

  test("an empty existing sheet is filled in place", () => {
    const plan = planDirectorySheet(dir, sheetFromRows(DIRECTORY_SHEET, [[null, ""]]));
    expect(plan.ops.map((o) => o.op)).toEqual(["setValues", "setColumnWidths"]);
    expect(plan.ops[0]).toMatchObject({ row: 0, col: 0 });
  });

  test("nobody named and no sheet yet: nothing to create", () => {
    const plan = planDirectorySheet({ people: [] }, null);
    expect(plan.ops).toEqual([]);
    expect(plan.summary).toBe("В дорожных картах не найдено ни одного человека с фамилией и инициалами");
  });

  test("nobody named and an empty sheet: nothing written, not even the header", () => {
    const plan = planDirectorySheet({ people: [] }, sheetFromRows(DIRECTORY_SHEET, [[null, ""]]));
    expect(plan.ops).toEqual([]);
    expect(plan.summary).toBe("В дорожных картах не найдено ни одного человека с фамилией и инициалами");
  });

  test("a protected sheet is not written", () => {
    const sheet = sheetFromRows(DIRECTORY_SHEET, [[...DIRECTORY_HEADER]], { protected: true });
    const plan = planDirectorySheet(dir, sheet);
    expect(plan.ops).toEqual([]);
    expect(plan.summary).toContain("защищён");
  });
});

describe("readDirectorySheet", () => {
  test("reads the user's edits: full names, several positions, counts as text, extra variants", () => {
    const rows: CellValue[][] = [
      ["Ответственный", "Должности", "Число мероприятий", "Разделы", "Варианты написания"],
      [
        "Грицина Наталья Викторовна",
        "начальник отдела; координатор",
        "12",
        "Краевой уровень",
        "Грицына Н.В.",
      ],
      ["  ", null, null, null, null],
      ["Рабочая группа", "", "abc", "", ""],
    ];
    expect(readDirectorySheet(sheetFromRows(DIRECTORY_SHEET, rows))).toEqual({
      people: [
        {
          name: "Грицина Н.В.",
          surname: "Грицина",
          initials: "Н.В.",
          positions: ["начальник отдела", "координатор"],
          activities: 12,
          sections: ["Краевой уровень"],
          variants: ["Грицина Наталья Викторовна", "Грицына Н.В."],
          assigned: [],
        },
        {
          name: "Рабочая группа",
          surname: "Рабочая группа",
          initials: "",
          positions: [],
          activities: 0,
          sections: [],
          variants: [],
          assigned: [],
        },
      ],
    });
  });

  test("a person is found by name or by a listed spelling; a near spelling is only close", () => {
    const d = readDirectorySheet(
      sheetFromRows(DIRECTORY_SHEET, [
        [...DIRECTORY_HEADER],
        ["Грицина Н.В.", "", 1, "", "Н.В. Грицина; Грицина Наталья"],
      ]),
    );
    expect(findInDirectory(d, { surname: "Грицина", initials: "Н.В." }).exact?.name).toBe("Грицина Н.В.");
    expect(findInDirectory(d, { surname: "Грицына", initials: "Н.В." })).toEqual({
      exact: null,
      close: d.people[0],
    });
    expect(findInDirectory(d, { surname: "Огурцова", initials: "Т.Н." })).toEqual({
      exact: null,
      close: null,
    });
  });
});

describe("planDirectorySheet properties", () => {
  const SPELLINGS = [
    "Грицина Н.В.",
    "Грицина Н. В.",
    "Н.В. Грицина",
    "Огурцова Т.Н.",
    "Сучкова А.А.",
    "Леусенко А.Н.",
    "Батюк Н.В.",
    "Гокова В.Я., руководитель рабочей группы",
    "Руководители ОУ",
  ];
  const tables = fc.array(
    fc.record({ resp: fc.array(fc.constantFrom(...SPELLINGS), { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: 12 },
  );
  const userGrid = fc.array(
    fc.array(
      fc.option(fc.constantFrom("заметка", "Огурцова Т.Н.", "", "Ответственный", "12"), { nil: null }),
      { maxLength: 6 },
    ),
    {
      maxLength: 8,
    },
  );

  test("never writes over a non-empty cell, and applying then planning again changes nothing", () => {
    fc.assert(
      fc.property(tables, userGrid, (specs, grid) => {
        const dir = buildPeopleDirectory([
          roadmapTable(specs.map((s, i) => ({ row: i + 2, responsible: s.resp.join(" ") }))),
        ]);
        const existing = grid.length ? sheetFromRows(DIRECTORY_SHEET, grid) : null;
        const plan = planDirectorySheet(dir, existing);
        for (const op of plan.ops) {
          if (op.op !== "setValues" || !existing) continue;
          op.values.forEach((line, i) =>
            line.forEach((v, j) => {
              const old = existing.rows[op.row + i]?.[op.col + j];
              if (old !== null && old !== undefined && old !== "") expect(v).toBe(old);
            }),
          );
        }
        const after = apply(plan, existing);
        expect(planDirectorySheet(dir, after).ops).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
