import {
  foldHomoglyphs,
  isMonthWord,
  monthNumber,
  monthTitle,
  normalizeForMatch,
  normalizeRuText,
  plainText,
} from "../../src/domain/ru";
import { readDeadline } from "../../src/domain/deadline";
import { readResponsible } from "../../src/domain/responsible";
import { formatDateCell } from "../../src/domain/cell-format";

describe("ru: the shared Russian text primitives", () => {
  test("one homoglyph table, complete: k, m, t, h, b fold too, in both cases", () => {
    expect(foldHomoglyphs("Coкoлова")).toBe("Соколова");
    expect(foldHomoglyphs("Соkолова")).toBe("Соколова");
    expect(foldHomoglyphs("Сmирнова")).toBe("Смирнова");
    expect(foldHomoglyphs("Иванова-Tиxонова")).toBe("Иванова-Тихонова");
    expect(foldHomoglyphs("HиколаeB")).toBe("НиколаеВ");
    expect(foldHomoglyphs("Cентябрь")).toBe("Сентябрь");
    // A wholly Latin word is not a mistyped Russian one.
    expect(foldHomoglyphs("online")).toBe("online");
    expect(normalizeRuText("ceнтябрь, okтябрь")).toBe("сентябрь, октябрь");
  });

  test("the responsible reader uses the complete table (a Latin k, t or h inside a surname)", () => {
    expect(readResponsible("Соkолова Т.Н.").persons).toEqual([{ surname: "Соколова", initials: "Т.Н." }]);
    expect(readResponsible("Шуmилова А.В., Петров К.К.").persons).toEqual([
      { surname: "Шумилова", initials: "А.В." },
      { surname: "Петров", initials: "К.К." },
    ]);
  });

  test("plainText drops markup and invisible characters, keeps case and line breaks", () => {
    expect(plainText("<p>Иванов И.И.</p><p>Петров&nbsp;П.П.</p>")).toBe("Иванов И.И.\nПетров П.П.");
    expect(plainText("МКОУ &laquo;СОШ&raquo; &#171;№ 1&#187;")).toBe("МКОУ «СОШ» «№ 1»");
    expect(plainText("инфор\u00ADмационно\u200B-методический")).toBe("информационно-методический");
    expect(plainText("a\r\nb\rc")).toBe("a\nb\nc");
    expect(plainText("до 5 < 7 и 8 > 3")).toBe("до 5 < 7 и 8 > 3");
  });

  test("the reading form: one normaliser for deadlines and matching", () => {
    expect(normalizeRuText("  Сен\u00ADтябрь\t2023  ")).toBe("сентябрь 2023");
    expect(normalizeForMatch("Сроки\nисполнения:")).toBe("сроки исполнения");
    expect(normalizeForMatch("«Ответственные (исполнители)»")).toBe("ответственные исполнители");
  });

  test("a soft hyphen inside a month word is dropped before reading", () => {
    const d = readDeadline("Сен\u00ADтябрь 2023", { period: null, approved: null });
    expect(d).toMatchObject({ type: "month", start: "2023-09-01", end: "2023-09-30" });
  });

  test("months: one list, whole words only", () => {
    expect(["март", "марта", "сент", "дек", "мая", "сентябре"].every(isMonthWord)).toBe(true);
    expect(["мартынова", "августовский", "декада", "маршрут", "майорова"].some(isMonthWord)).toBe(false);
    expect(monthNumber("Сентября")).toBe(9);
    expect(monthTitle(9)).toBe("Сентябрь");
    expect(formatDateCell(new Date(Date.UTC(2023, 8, 1)), "month")).toBe("Сентябрь 2023");
  });

  test("a surname beginning like a month, in capitals, is a surname (the month list is whole words now)", () => {
    expect(readResponsible("МАРТЫНОВА И.И.").persons).toEqual([{ surname: "Мартынова", initials: "И.И." }]);
    expect(readResponsible("АВГУСТИНОВИЧ П.П.").persons).toEqual([
      { surname: "Августинович", initials: "П.П." },
    ]);
  });
});
