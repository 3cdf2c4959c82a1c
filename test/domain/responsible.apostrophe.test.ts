/** Surnames with an apostrophe particle are one surname (red-team defect 7): «О'Нил Д.» is not «Нил Д.» + «О'». */
import { readResponsible, readResponsibleDetails } from "../../src/domain/responsible";

function read(text: string) {
  const r = readResponsible(text, {});
  return { persons: r.persons.map((p) => `${p.surname} ${p.initials}`), roles: r.roles };
}

describe("apostrophe surnames", () => {
  test.each([
    ["О'Нил Д.", ["О'Нил Д."]],
    ["О’Нил Д.Е.", ["О’Нил Д.Е."]],
    ["Оʼ" + "Нил Д.", ["ОʼНил Д."]],
    ["Д'Артаньян Ш.", ["Д'Артаньян Ш."]],
  ])("%s is one person", (text, persons) => {
    expect(read(text)).toEqual({ persons, roles: [] });
  });
  test("in a list with others, with a position", () => {
    expect(read("Сидоров П.П., Д’Артаньян Ш.Б. О'Нил Д.")).toEqual({
      persons: ["Сидоров П.П.", "Д’Артаньян Ш.Б.", "О'Нил Д."],
      roles: [],
    });
    expect(readResponsibleDetails("О'Нил Д., учитель истории", {}).persons.map((p) => p.surname)).toEqual([
      "О'Нил",
    ]);
  });
  test("a role word with an apostrophe-less spelling is unchanged", () => {
    expect(read("руководитель ОО")).toEqual({ persons: [], roles: ["руководитель ОО"] });
  });
});
