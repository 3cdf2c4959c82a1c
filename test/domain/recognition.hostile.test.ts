/** Hostile workbooks: no crash, a clear Russian notice, and a sensible reading where there is one. */
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import { planFoldContinuations, recognizeWorkbook } from "../../src/domain/recognition";
import {
  classRegister,
  emptySheetWorkbook,
  emptyWorkbook,
  errorValues,
  hiddenRowsAndColumns,
  hostileCases,
  manyRows,
  mergedEverywhere,
  numbersAndDates,
  priceList,
  proseOnly,
  protectedSheet,
} from "../fixtures/hostile";

function acts(t: RoadmapTable): ActivityRow[] {
  return t.rows.filter((r): r is ActivityRow => r.kind === "activity");
}

function messages(r: { notices: { message: string }[] }): string {
  return r.notices.map((n) => n.message).join("\n");
}

describe("hostile workbooks", () => {
  it.each(hostileCases().map((h) => [h.id, h] as const))("%s: no crash, notices are Russian", (_id, h) => {
    const r = recognizeWorkbook(h.workbook);
    for (const n of r.notices) {
      expect(n.message).toMatch(/[А-Яа-яЁё]/);
      expect(n.message).not.toMatch(/Error|undefined|NaN|\bat \w+ \(/);
    }
  });

  it("an empty workbook says the book is empty", () => {
    const r = recognizeWorkbook(emptyWorkbook());
    expect(r.tables).toEqual([]);
    expect(messages(r)).toBe("Книга пуста: в ней нет ни одного листа с данными.");
  });

  it("an empty sheet says the sheet is empty", () => {
    const r = recognizeWorkbook(emptySheetWorkbook());
    expect(r.tables).toEqual([]);
    expect(messages(r)).toBe("Лист «Лист1» пуст.");
  });

  it("a sheet of prose has no roadmap and says what a roadmap header needs", () => {
    const r = recognizeWorkbook(proseOnly());
    expect(r.tables).toEqual([]);
    expect(messages(r)).toMatch(/На листе «Приказ» не найдена таблица дорожной карты/);
  });

  it("a price list is a table but not a roadmap", () => {
    const r = recognizeWorkbook(priceList());
    expect(r.tables).toEqual([]);
    expect(messages(r)).toMatch(/таблица в строке 2 .* не похожа на дорожную карту/);
  });

  it("a class register is not a roadmap", () => {
    const r = recognizeWorkbook(classRegister());
    expect(r.tables).toEqual([]);
    expect(messages(r)).toMatch(/не похожа на дорожную карту/);
  });

  it("merged cells everywhere: two-row header, merged sections, a deadline merged over two rows", () => {
    const r = recognizeWorkbook(mergedEverywhere());
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0];
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns.responsible).toEqual(["D", "E"]);
    expect(t.period).toEqual({ start: "2023-09-01", end: "2024-08-31" });
    expect(t.rows.filter((x) => x.kind === "section").map((x) => (x as { text: string }).text)).toEqual([
      "Муниципальный уровень",
      "Уровень образовательной организации",
    ]);
    expect(acts(t).map((a) => [a.number, a.deadline.raw])).toEqual([
      ["1.", "Сентябрь 2023"],
      ["2.", "Октябрь 2023"],
      ["3.", "Октябрь 2023"],
      ["4.", "До 01.12.2023"],
    ]);
  });

  it("hidden rows and columns are read like visible ones, with a notice", () => {
    const r = recognizeWorkbook(hiddenRowsAndColumns());
    const t = r.tables[0];
    expect(t.range).toBe("B3:E6");
    expect(acts(t).map((a) => a.activity)).toEqual([
      "Анализ результатов ВПР",
      "Заседание рабочей группы",
      "Методические семинары для учителей",
    ]);
    expect(messages(r)).toMatch(/скрытые строки \(1\)/);
    expect(messages(r)).toMatch(/скрытые столбцы \(D\)/);
  });

  it("error values read as empty text, with the cells listed", () => {
    const r = recognizeWorkbook(errorValues());
    const a = acts(r.tables[0]);
    expect(a[0].deadline.raw).toBe("");
    expect(a[1].activity).toBe("");
    expect(a[1].responsible.raw).toBe("");
    expect(messages(r)).toMatch(/ячейки с ошибками .*: C4, B5, D5/);
  });

  it("numbers and dates typed as numbers, serials or text", () => {
    const t = recognizeWorkbook(numbersAndDates()).tables[0];
    expect(acts(t).map((a) => [a.number, a.deadline.raw])).toEqual([
      ["1", "15.03.2023"],
      ["2", "15.09.2023"],
      ["2.1", "до 01.10.2023"],
      ["3", "Октябрь"],
    ]);
  });

  it("a protected sheet is read, and the notice says changes need the protection removed", () => {
    const wb = protectedSheet();
    const r = recognizeWorkbook(wb);
    expect(acts(r.tables[0])).toHaveLength(3);
    expect(messages(r)).toMatch(/Лист «Защищённый» защищён.*снимите защиту листа/);
  });

  it("20,000 rows recognise in well under a second, every row accounted for", () => {
    const wb = manyRows(20000);
    recognizeWorkbook(manyRows(500)); // warm up the JIT
    const t0 = performance.now();
    const r = recognizeWorkbook(wb);
    const ms = performance.now() - t0;
    const t = r.tables[0];
    expect(acts(t)).toHaveLength(20000);
    expect(t.rows.filter((x) => x.kind === "continuation")).toHaveLength(Math.floor(20000 / 97));
    expect(t.rows.filter((x) => x.kind === "section")).toHaveLength(40);
    expect(acts(t)[96].activity).toBe(
      "Мероприятие номер 97 по повышению качества образования и продолжение текста после разрыва страницы",
    );
    expect(ms).toBeLessThan(1000);
    const plan = planFoldContinuations(t, wb.sheets[0]);
    expect(plan.ops.filter((o) => o.op === "deleteRows")).toEqual([
      { op: "deleteRows", sheet: "Большая", rows: expect.any(Array) },
    ]);
  });
});
