import { Finding } from "../../src/domain/model";
import type { PeopleDirectory } from "../../src/domain/people-directory";
import { responsibleFindings } from "../../src/domain/validation/responsible-rules";
import { roadmapTable } from "./responsible-cases";

const rules = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

/** Seed 004 (Зея): column D «Ответственные исполнители», rows as in the document. */
const seed004 = roadmapTable(
  [
    { row: 13, responsible: "Гокова В.Я., руководитель рабочей группы" },
    { row: 14, responsible: "Гокова В.Я., руководитель рабочей группы" },
    { row: 16, responsible: "Гокова В.Я., руководитель рабочей групп" },
    { row: 17, responsible: "Гокова В.Я., руководитель рабочей группы" },
    { row: 18, responsible: "Отдел образования Руководитель ОО" },
    { row: 19, responsible: "Рабочая группа" },
    { row: 26, responsible: "Руководитель рабочей группы Руководитель МОАУ ЦО" },
    { row: 31, responsible: "Гокова В.Я., руководитель рабочей группы", rows: [31, 32] },
    { row: 43, responsible: "Члены рабочей группы" },
  ],
  { responsible: ["D"] },
);

describe("responsible.truncated-word", () => {
  test("seed 004: «руководитель рабочей групп» against «руководитель рабочей группы»", () => {
    const found = rules(responsibleFindings([seed004]), "responsible.truncated-word");
    expect(found).toEqual([
      {
        rule: "responsible.truncated-word",
        severity: "warning",
        sheet: "Лист1",
        cell: "D16",
        message:
          "Похоже, слово обрезано: «руководитель рабочей групп» — в других строках «руководитель рабочей группы»",
        suggestion: "Исправьте на «руководитель рабочей группы»",
      },
    ]);
  });

  test("a legitimate plural after other words is not flagged («руководители рабочих групп»)", () => {
    const t = roadmapTable([
      { row: 2, responsible: "руководитель рабочей группы" },
      { row: 3, responsible: "руководитель рабочей группы" },
      { row: 4, responsible: "руководители рабочих групп" },
    ]);
    expect(rules(responsibleFindings([t]), "responsible.truncated-word")).toEqual([]);
  });

  test("two forms used equally often are not flagged («педагогов школ» / «педагогов школы»)", () => {
    const t = roadmapTable([
      { row: 2, responsible: "наставники для педагогов школ" },
      { row: 3, responsible: "наставники для педагогов школы" },
    ]);
    expect(rules(responsibleFindings([t]), "responsible.truncated-word")).toEqual([]);
  });

  test("abbreviations are not words to complete («ЦОК» / «ЦОКО»)", () => {
    const t = roadmapTable([
      { row: 2, responsible: "педагоги школы ЦОК" },
      { row: 3, responsible: "педагоги школы ЦОКО" },
      { row: 4, responsible: "педагоги школы ЦОКО" },
    ]);
    expect(rules(responsibleFindings([t]), "responsible.truncated-word")).toEqual([]);
  });
});

describe("responsible.missing and responsible.vague-role", () => {
  const t = roadmapTable([
    { row: 2, responsible: "", number: "1." },
    { row: 3, responsible: "нет", number: "2." },
    { row: 4, responsible: "Руководители ОУ, педагогические работники", number: "3." },
    { row: 5, responsible: "Грицина Н.В. специалисты МКУ «ЦРО»", number: "4." },
    { row: 6, responsible: "—", number: null, activity: "Совещание на платформе ИКОП «Сферум»" },
  ]);

  test("nobody responsible is an error at the responsible cell", () => {
    const found = rules(responsibleFindings([t]), "responsible.missing");
    expect(found.map((f) => [f.cell, f.severity])).toEqual([
      ["E2", "error"],
      ["E3", "error"],
      ["E6", "error"],
    ]);
    expect(found[0].message).toBe("Не указан ответственный за мероприятие 1");
    expect(found[1].message).toBe("Не указан ответственный за мероприятие 2 (в ячейке «нет»)");
    expect(found[2].message).toBe(
      "Не указан ответственный за мероприятие «Совещание на платформе ИКОП «Сферум»» (в ячейке «—»)",
    );
    expect(found[0].suggestion).toContain("фамилию и инициалы");
  });

  test("only roles, no named person: info by default", () => {
    const found = rules(responsibleFindings([t]), "responsible.vague-role");
    expect(found).toEqual([
      {
        rule: "responsible.vague-role",
        severity: "info",
        sheet: "Лист1",
        cell: "E4",
        message:
          "За мероприятие 3 отвечает только должность или подразделение («Руководители ОУ, педагогические работники») — без фамилии",
        suggestion: "Назовите конкретного исполнителя: фамилию и инициалы, чтобы было с кого спросить",
      },
    ]);
  });

  test("the user tunes how loud a vague role is", () => {
    for (const severity of ["error", "warning", "info"] as const) {
      const found = rules(
        responsibleFindings([t], { vagueRoleSeverity: severity }),
        "responsible.vague-role",
      );
      expect(found.map((f) => f.severity)).toEqual([severity]);
    }
  });

  test("a table without a responsible column gives no responsible findings", () => {
    const none = roadmapTable([{ row: 2, responsible: "" }], { responsible: [] });
    expect(responsibleFindings([none])).toEqual([]);
  });

  test("the cell is the first responsible column and the activity's first row", () => {
    const two = roadmapTable([{ row: 7, rows: [7, 8, 9], responsible: "МИМС" }], { responsible: ["D", "E"] });
    expect(responsibleFindings([two]).map((f) => f.cell)).toEqual(["D7"]);
  });
});

describe("responsible.same-person-variants", () => {
  const t = roadmapTable([
    { row: 3, responsible: "Грицина Н.В." },
    { row: 4, responsible: "Грицина Н.В. Огурцова Т.Н." },
    { row: 5, responsible: "Грицина Н. В." },
    { row: 6, responsible: "Н.В. Грицина" },
    { row: 8, responsible: "Грицына Н.В. Огурцова Т.Н." },
    { row: 9, responsible: "Огурцова Т." },
    { row: 10, responsible: "Иванов И.И." },
    { row: 11, responsible: "Иванова И.И." },
  ]);

  test("a typo in the surname and a missing initial are reported with both spellings and cells", () => {
    const found = rules(responsibleFindings([t]), "responsible.same-person-variants");
    expect(found).toEqual([
      {
        rule: "responsible.same-person-variants",
        severity: "warning",
        sheet: "Лист1",
        cell: "E8",
        message:
          "Похоже, один человек записан по-разному: «Грицына Н.В.» (E8) и «Грицина Н.В.» (E3, E4, E5, E6)",
        suggestion: "Запишите везде одинаково: «Грицина Н.В.»",
      },
      {
        rule: "responsible.same-person-variants",
        severity: "warning",
        sheet: "Лист1",
        cell: "E9",
        message: "Похоже, один человек записан по-разному: «Огурцова Т.» (E9) и «Огурцова Т.Н.» (E4, E8)",
        suggestion: "Запишите везде одинаково: «Огурцова Т.Н.»",
      },
    ]);
  });

  test("spacing and name order alone are not reported", () => {
    const same = roadmapTable([
      { row: 3, responsible: "Грицина Н.В." },
      { row: 4, responsible: "Грицина Н. В." },
      { row: 5, responsible: "Н.В. Грицина" },
    ]);
    expect(rules(responsibleFindings([same]), "responsible.same-person-variants")).toEqual([]);
  });
});

describe("responsible.not-in-directory", () => {
  const t = roadmapTable([
    { row: 3, responsible: "Грицина Н.В." },
    { row: 4, responsible: "Огурцова Т.Н." },
    { row: 5, responsible: "Грицына Н.В." },
    { row: 6, responsible: "Н.В. Леусенко" },
  ]);
  const directory: PeopleDirectory = {
    people: [
      {
        name: "Грицина Н.В.",
        surname: "Грицина",
        initials: "Н.В.",
        positions: [],
        activities: 1,
        sections: [],
        variants: [],
        assigned: [],
      },
      {
        name: "Леусенко А.Н.",
        surname: "Леусенко",
        initials: "А.Н.",
        positions: [],
        activities: 1,
        sections: [],
        variants: ["Леусенко Н.В."],
        assigned: [],
      },
    ],
  };

  test("only when the user has a directory sheet", () => {
    expect(rules(responsibleFindings([t]), "responsible.not-in-directory")).toEqual([]);
    expect(rules(responsibleFindings([t], { directory: null }), "responsible.not-in-directory")).toEqual([]);
  });

  test("a person not listed is info; a near spelling of a listed person is a warning", () => {
    const found = rules(responsibleFindings([t], { directory }), "responsible.not-in-directory");
    expect(found).toEqual([
      {
        rule: "responsible.not-in-directory",
        severity: "info",
        sheet: "Лист1",
        cell: "E4",
        message: "«Огурцова Т.Н.» (E4) нет на листе «Ответственные»",
        suggestion: "Проверьте написание или добавьте человека на лист «Ответственные»",
      },
      {
        rule: "responsible.not-in-directory",
        severity: "warning",
        sheet: "Лист1",
        cell: "E5",
        message: "«Грицына Н.В.» (E5) нет на листе «Ответственные», но там есть «Грицина Н.В.»",
        suggestion:
          "Если это один человек, исправьте на «Грицина Н.В.» или добавьте «Грицына Н.В.» в варианты написания",
      },
    ]);
  });
});

test("every finding is valid against the contract schema", () => {
  const all = responsibleFindings(
    [
      seed004,
      roadmapTable([
        { row: 2, responsible: "" },
        { row: 3, responsible: "Грицына Н.В." },
        { row: 4, responsible: "Грицина Н.В." },
        { row: 5, responsible: "Грицина Н.В." },
      ]),
    ],
    {
      directory: { people: [] },
    },
  );
  expect(all.length).toBeGreaterThan(5);
  for (const f of all) expect(() => Finding.parse(f)).not.toThrow();
});
