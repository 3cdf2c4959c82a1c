/**
 * End to end through `checkWorkbook` on held-out roadmaps (test/fixtures/heldout), against readings written by
 * hand in test/fixtures/heldout/expected.ts; then the rules those workbooks brought in, each on its own.
 */
import { checkWorkbook } from "../../src/domain/check";
import { readDeadline } from "../../src/domain/deadline";
import type { CellValue } from "../../src/domain/grid";
import { roleOfHeader } from "../../src/domain/recognition";
import { readResponsible } from "../../src/domain/responsible";
import { HELDOUT_EXPECTED } from "../fixtures/heldout/expected";
import { heldoutCases } from "../fixtures/heldout/workbooks";
import { merges, sheet } from "../fixtures/regions/build";
import { activities, describeReadings } from "../fixtures/heldout/check-readings";

const cases = new Map(heldoutCases().map((c) => [c.id, c]));

describe("held-out fixtures", () => {
  it("has a reading for every workbook, at least 12", () => {
    expect(HELDOUT_EXPECTED.map((e) => e.id).sort()).toEqual([...cases.keys()].sort());
    expect(HELDOUT_EXPECTED.length).toBeGreaterThanOrEqual(12);
  });
});

describeReadings("held-out", HELDOUT_EXPECTED, cases);

describe("rules the held-out roadmaps brought in", () => {
  it("reads a header word hyphenated across lines as one word", () => {
    expect(roleOfHeader("Ответст-\nвенный")?.role).toBe("responsible");
    expect(roleOfHeader("Наимено-\nвание меро-\nприятия")?.role).toBe("activity");
    expect(roleOfHeader("Сроки\nисполне-\nния")?.role).toBe("deadline");
    expect(roleOfHeader("Отметка о вы-\nполнении")?.role).toBe("status");
    expect(roleOfHeader("Ответст\u00adвенные")?.role).toBe("responsible");
  });

  it("keeps the contacts out of persons and roles", () => {
    const r = readResponsible("Смирнова О.П., зам. директора по УВР, тел. 8 (3822) 51-23-45");
    expect(r.persons).toEqual([{ surname: "Смирнова", initials: "О.П." }]);
    expect(r.roles).toEqual(["зам. директора по УВР"]);
    expect(readResponsible("Смирнова О.П. (тел. 51-23-45, smirnova@gym2.ru)")).toEqual({
      raw: "Смирнова О.П. (тел. 51-23-45, smirnova@gym2.ru)",
      persons: [{ surname: "Смирнова", initials: "О.П." }],
      roles: [],
    });
    expect(readResponsible("Петренко В.В., petrenko@school.ru").roles).toEqual([]);
    // A school year in a role is no phone number.
    expect(readResponsible("Руководитель проекта 2025-2026").roles).toEqual([
      "Руководитель проекта 2025-2026",
    ]);
  });

  it("reads a short surname in a cell written in capitals, and no abbreviation", () => {
    expect(readResponsible("ЗАМ. ДИРЕКТОРА ПО УВР КИМ С.А.").persons).toEqual([
      { surname: "Ким", initials: "С.А." },
    ]);
    expect(readResponsible("ПАК Д.Е., ЦОЙ В.Р.").persons).toEqual([
      { surname: "Пак", initials: "Д.Е." },
      { surname: "Цой", initials: "В.Р." },
    ]);
    expect(readResponsible("МИМС").persons).toEqual([]);
    expect(readResponsible("ШМО, ИРО").persons).toEqual([]);
    // Mixed case: «КИМ» beside lower-case words stays what it was (an abbreviation may stand there).
    expect(readResponsible("куратор КИМ").persons).toEqual([]);
  });

  it("reads no date from a year of the wrong length", () => {
    const ctx = { period: { start: "2025-01-01", end: "2025-12-31" }, approved: null };
    expect(readDeadline("19.09.10113", ctx).type).toBe("unparsed");
    expect(readDeadline("до 01.03.202", ctx).type).toBe("unparsed");
    expect(readDeadline("до 01.03.2025", ctx)).toMatchObject({ type: "by_date", end: "2025-03-01" });
    expect(readDeadline("15.09", ctx)).toMatchObject({ type: "date", start: "2025-09-15" });
  });

  const plan = (rows: CellValue[][], extra = {}) => ({ sheets: [sheet("Лист1", rows, extra)] });

  it("reads a month grid under a «Сроки» parent cell", () => {
    const wb = plan(
      [
        ["План-график работы со школами на 2026 год"],
        ["№", "Мероприятие", "Сроки проведения", null, null, null, "Ответственный"],
        [null, null, "янв.", "фев.", "март", "апр.", null],
        ["1", "Семинар для директоров", "х", null, null, null, "Орлова Е.П."],
        ["2", "Выездные проверки", null, "х", "х", "х", "Орлова Е.П."],
        ["3", "Мониторинг", null, null, null, null, "Орлова Е.П."],
      ],
      { merges: merges("C2:F2", "A2:A3", "B2:B3", "G2:G3") },
    );
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns.deadline).toBe("C");
    expect(t.columns.responsible).toEqual(["G"]);
    const acts = activities(t);
    expect(acts.map((a) => [a.deadline.type, a.deadline.start, a.deadline.end])).toEqual([
      ["month", "2026-01-01", "2026-01-31"],
      ["month_range", "2026-02-01", "2026-04-30"],
      ["missing", null, null],
    ]);
  });

  it("reads a grid of quarters the same way", () => {
    const wb = plan([
      ["План мероприятий на 2025 год"],
      ["№", "Мероприятие", "I кв.", "II кв.", "III кв.", "IV кв.", "Ответственный"],
      ["1", "Семинар", "+", null, "+", null, "Орлова Е.П."],
      ["2", "Мониторинг", "+", "+", null, null, "Орлова Е.П."],
    ]);
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(t.columns.deadline).toBe("C");
    expect(
      activities(t).map((a) => [a.deadline.raw, a.deadline.type, a.deadline.start, a.deadline.end]),
    ).toEqual([
      ["I кв. | III кв.", "multiple", "2025-01-01", "2025-09-30"],
      ["I кв. | II кв.", "quarter", "2025-01-01", "2025-06-30"],
    ]);
  });

  it("does not take two month names beside a deadline column for a month grid", () => {
    const wb = plan([
      ["Дорожная карта на 2025 год"],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["1", "Совещание", "март", "Иванов И.И."],
      ["2", "Семинар", "апрель", "Иванов И.И."],
    ]);
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(t.range).toBe("A2:D4");
    expect(activities(t).map((a) => a.deadline.type)).toEqual(["month", "month"]);
  });

  it("keeps a header repeated after a page break in one table when the numbering goes on", () => {
    const wb = plan([
      ["Дорожная карта на 2025 год"],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["1.", "Совещание", "март 2025", "Иванов И.И."],
      ["2.", "Семинар", "апрель 2025", "Иванов И.И."],
      [],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["3.", "Конференция", "май 2025", "Иванов И.И."],
    ]);
    const r = checkWorkbook(wb, { today: null });
    expect(r.tables.map((t) => t.range)).toEqual(["A2:D7"]);
    expect(r.findings.map((f) => f.rule)).not.toContain("structure.duplicate-table");
  });

  it("keeps sections numbered anew under a header repeated after a page break in one table", () => {
    const wb = plan([
      ["Дорожная карта на 2025 год"],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["Раздел 1. Работа с педагогами"],
      ["1.", "Совещание", "март 2025", "Иванов И.И."],
      ["2.", "Семинар", "апрель 2025", "Иванов И.И."],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["Раздел 2. Работа с родителями"],
      ["1.", "Собрание", "май 2025", "Иванов И.И."],
      ["2.", "Лекторий", "июнь 2025", "Иванов И.И."],
    ]);
    const r = checkWorkbook(wb, { today: null });
    expect(r.tables.map((t) => t.range)).toEqual(["A2:D9"]);
    expect(activities(r.tables[0])).toHaveLength(4);
  });

  it("reports a repeat only on the same sheet: one sheet per school from a template is normal", () => {
    const rows: CellValue[][] = [
      ["Дорожная карта на 2025 год"],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["1.", "Совещание", "март 2025", "Иванов И.И."],
      ["2.", "Семинар", "апрель 2025", "Иванов И.И."],
    ];
    const wb = {
      sheets: [
        sheet("Школа 1", rows),
        sheet(
          "Школа 2",
          rows.map((r) => [...r]),
        ),
      ],
    };
    const r = checkWorkbook(wb, { today: null });
    expect(r.tables).toHaveLength(2);
    expect(r.findings.map((f) => f.rule)).not.toContain("structure.duplicate-table");
  });

  it("says where the repeat is, in Russian", () => {
    const r = checkWorkbook(cases.get("table-pasted-twice")!.workbook, { today: null });
    const dup = r.findings.filter((f) => f.rule === "structure.duplicate-table");
    expect(dup).toEqual([
      {
        rule: "structure.duplicate-table",
        severity: "warning",
        sheet: "ДК",
        cell: "A9",
        message: "Таблица A9:D12 повторяет таблицу A3:D6 выше на листе: те же мероприятия в том же порядке",
        suggestion: "Удалите повторную вставку, если она сделана по ошибке",
      },
    ]);
  });

  it("takes the title from its own cell when an approval stamp shares its row", () => {
    const wb = plan([
      ["Дорожная карта МБОУ СОШ № 5", null, null, null, null, "УТВЕРЖДЕНО приказом от 20.12.2024 № 5"],
      ["на 2025 год", null, null, null, null, "Директор ____ Иванов И.И."],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["1.", "Совещание", "март 2025", "Иванов И.И."],
    ]);
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(t.title).toBe("Дорожная карта МБОУ СОШ № 5 на 2025 год");
    expect(t.period).toEqual({ start: "2025-01-01", end: "2025-12-31" });
    expect(t.approved).toBe("2024-12-20");
  });

  it("starts the title on the line above when the heading is found mid-phrase («ПЛАН» / «мероприятий …»)", () => {
    const wb = plan([
      [null, null, null, "«УТВЕРЖДАЮ»"],
      [null, null, null, "Директор ______ Т.Г. Никитина"],
      [null, null, null, "«15» января 2025 г."],
      ["ПЛАН"],
      ["мероприятий по повышению качества образования на 2025 год"],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["1)", "Анализ ВПР", "до 25 числа ежемесячно", "Никитина Т.Г., директор"],
    ]);
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(t.title).toBe("ПЛАН мероприятий по повышению качества образования на 2025 год");
    expect(t.approved).toBe("2025-01-15");
  });

  it("does not join a line under the heading that brings no period («Цель: …»)", () => {
    const wb = plan([
      ["Антирисковая программа МБОУ «СОШ № 1» на 2025 год"],
      ["Цель: повышение учебной мотивации"],
      [],
      ["Задача", "Мероприятие", "Сроки", "Ответственные"],
      ["Выявить причины", "Анкетирование", "январь 2025", "Иванов И.И."],
    ]);
    const [t] = checkWorkbook(wb, { today: null }).tables;
    expect(t.title).toBe("Антирисковая программа МБОУ «СОШ № 1» на 2025 год");
    expect(t.columns.activity).toBe("B");
  });

  it("checks a sheet 16,000 columns wide and cells of 32,767 characters quickly", () => {
    const wide: CellValue[] = Array.from({ length: 16000 }, (_, c) => `x${c}`);
    const long = "Очень длинное мероприятие. ".repeat(1300).slice(0, 32767);
    const wb = plan([
      ["Дорожная карта на 2025 год"],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      ["1.", long, "март 2025", "Иванов И.И., ".repeat(2500).slice(0, 32767)],
      ["2.", "Семинар", "до 01.03.2025, ".repeat(2100).slice(0, 32767), "Петров П.П."],
      [],
      [],
      [],
      [],
      wide,
    ]);
    const started = Date.now();
    const r = checkWorkbook(wb, { today: "2025-10-01" });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.tables.map((t) => t.range)).toEqual(["A2:D4"]);
    expect(activities(r.tables[0])[0].activity).toHaveLength(long.trim().length);
  });
});
