/**
 * «Ответственные»: who does what, and by when — each person's activities with their deadlines and sheets, in the
 * directory, in the contract's `people` JSON and on the sheet (existing rows never rewritten).
 */
import type { EditPlan } from "../../src/domain/edit-plan";
import { sheetFromRows, type SheetGrid } from "../../src/domain/grid";
import {
  ContractPerson,
  DIRECTORY_SHEET,
  buildPeopleDirectory,
  contractPeople,
  planDirectorySheet,
  readDirectorySheet,
} from "../../src/domain/people-directory";
import { roadmapTable } from "./responsible-cases";

function apply(plan: EditPlan, sheet: SheetGrid | null): SheetGrid {
  const out: SheetGrid = sheet
    ? { ...sheet, rows: sheet.rows.map((r) => [...(r ?? [])]) }
    : sheetFromRows(DIRECTORY_SHEET, []);
  for (const op of plan.ops) {
    if (op.op !== "setValues") continue;
    op.values.forEach((line, i) => {
      while (out.rows.length <= op.row + i) out.rows.push([]);
      line.forEach((v, j) => (out.rows[op.row + i][op.col + j] = v));
    });
  }
  return out;
}

const tables = [
  roadmapTable(
    [
      {
        row: 8,
        responsible: "Грицина Н.В., начальник отдела",
        activity: "Участие в краевых стажировках",
        deadline: "По графику ИРО",
      },
      { row: 9, responsible: "Огурцова Т.Н.", activity: "Мониторинг ВПР", deadline: "Апрель-май 2023" },
      {
        row: 10,
        responsible: "Грицына Н.В. Огурцова Т.Н.",
        activity: "Совещание с руководителями",
        deadline: "До 30.01.2023",
      },
    ],
    { sheet: "2023" },
  ),
  roadmapTable([{ row: 5, responsible: "Н.В. Грицина", activity: "Анализ результатов", deadline: "" }], {
    sheet: "2024",
  }),
];

describe("each person's activities", () => {
  const dir = buildPeopleDirectory(tables);

  test("the contract's `people` array, exactly", () => {
    const people = contractPeople(dir);
    expect(people).toEqual([
      {
        person: "Грицина Н.В.",
        positions: ["начальник отдела"],
        activities: [
          { sheet: "2023", row: 8, activity: "Участие в краевых стажировках", deadline: "По графику ИРО" },
          { sheet: "2023", row: 10, activity: "Совещание с руководителями", deadline: "До 30.01.2023" },
          { sheet: "2024", row: 5, activity: "Анализ результатов", deadline: "" },
        ],
      },
      {
        person: "Огурцова Т.Н.",
        positions: [],
        activities: [
          { sheet: "2023", row: 9, activity: "Мониторинг ВПР", deadline: "Апрель-май 2023" },
          { sheet: "2023", row: 10, activity: "Совещание с руководителями", deadline: "До 30.01.2023" },
        ],
      },
    ]);
    for (const p of people) expect(() => ContractPerson.parse(p)).not.toThrow();
    // Plain JSON: nothing but the contract's keys.
    expect(Object.keys(people[0]).sort()).toEqual(["activities", "person", "positions"]);
    expect(JSON.parse(JSON.stringify(people))).toEqual(people);
  });

  test("an activity naming the same person twice is listed once", () => {
    const d = buildPeopleDirectory([
      roadmapTable([
        { row: 3, responsible: "Грицина Н.В.; Грицина Н. В.", activity: "Совет", deadline: "Май" },
      ]),
    ]);
    expect(contractPeople(d)[0].activities).toEqual([
      { sheet: "Лист1", row: 3, activity: "Совет", deadline: "Май" },
    ]);
  });

  test("the sheet lists them one per line, with sheet, row and deadline, and reads them back", () => {
    const written = apply(planDirectorySheet(dir, null), null);
    expect(written.rows[1][5]).toBe(
      [
        "2023, стр. 8: Участие в краевых стажировках — срок: По графику ИРО",
        "2023, стр. 10: Совещание с руководителями — срок: До 30.01.2023",
        "2024, стр. 5: Анализ результатов",
      ].join("\n"),
    );
    expect(readDirectorySheet(written)).toEqual(dir);
  });

  test("rerun appends nothing; a user's edit of an activity cell survives; a new person is appended", () => {
    const written = apply(planDirectorySheet(dir, null), null);
    written.rows[1][5] = "Стажировки — перенесено на 2024 год (решение от 12.03)";
    const edited = JSON.stringify(written.rows);
    expect(planDirectorySheet(dir, written).ops).toEqual([]);

    const more = buildPeopleDirectory([
      ...tables,
      roadmapTable(
        [{ row: 12, responsible: "Сучкова А.А.", activity: "Педсовет", deadline: "Август 2023" }],
        {
          sheet: "2023",
        },
      ),
    ]);
    const plan = planDirectorySheet(more, written);
    expect(plan.ops).toEqual([
      {
        op: "setValues",
        sheet: DIRECTORY_SHEET,
        row: 3,
        col: 0,
        values: [["Сучкова А.А.", "", 1, "", "Сучкова А.А.", "2023, стр. 12: Педсовет — срок: Август 2023"]],
      },
    ]);
    const after = apply(plan, written);
    expect(JSON.stringify(after.rows.slice(0, 3))).toBe(JSON.stringify(JSON.parse(edited).slice(0, 3)));
    expect(planDirectorySheet(more, after).ops).toEqual([]);
  });

  test("a user's sheet with the columns moved: the activities land under their own header", () => {
    const user = sheetFromRows(DIRECTORY_SHEET, [
      ["Мероприятия", "Ответственный"],
      ["что-то своё", "Грицина Наталья Викторовна"],
    ]);
    const plan = planDirectorySheet(dir, user);
    expect(plan.ops).toEqual([
      {
        op: "setValues",
        sheet: DIRECTORY_SHEET,
        row: 2,
        col: 0,
        values: [
          [
            "2023, стр. 9: Мониторинг ВПР — срок: Апрель-май 2023\n2023, стр. 10: Совещание с руководителями — срок: До 30.01.2023",
            "Огурцова Т.Н.",
          ],
        ],
      },
    ]);
  });
});

describe("positions in the directory", () => {
  test("a spelling cut short takes the full form the document uses, for anyone", () => {
    const d = buildPeopleDirectory([
      roadmapTable([
        { row: 2, responsible: "Гокова В.Я., руководитель рабочей группы" },
        { row: 3, responsible: "Петрова А.А., руководитель рабочей группы" },
        { row: 4, responsible: "Сидорова Е.Е., руководитель рабочей групп" },
      ]),
    ]);
    expect(d.people.map((p) => [p.name, p.positions])).toEqual([
      ["Гокова В.Я.", ["руководитель рабочей группы"]],
      ["Петрова А.А.", ["руководитель рабочей группы"]],
      ["Сидорова Е.Е.", ["руководитель рабочей группы"]],
    ]);
  });

  test("legitimate different forms stay: «рабочих групп» is not a cut «рабочей группы»", () => {
    const d = buildPeopleDirectory([
      roadmapTable([
        { row: 2, responsible: "Гокова В.Я., руководитель рабочей группы" },
        { row: 3, responsible: "Гокова В.Я., руководитель рабочей группы" },
        { row: 4, responsible: "Гокова В.Я., координатор рабочих групп" },
      ]),
    ]);
    expect(d.people[0].positions).toEqual(["руководитель рабочей группы", "координатор рабочих групп"]);
  });
});
