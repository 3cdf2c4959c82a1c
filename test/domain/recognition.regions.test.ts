/**
 * Recognition on roadmaps in other regions' styles (test/fixtures/regions), against readings written by hand in
 * test/fixtures/regions/expected.ts.
 */
import { parseA1, sheetFromRows } from "../../src/domain/grid";
import type { ActivityRow, RoadmapTable, SectionRow } from "../../src/domain/model";
import { readPeriod, recognizeWorkbook, roleOfHeader } from "../../src/domain/recognition";
import { approvalFromLine } from "../../src/domain/recognition/period";
import { REGION_EXPECTED, type RegionTable } from "../fixtures/regions/expected";
import { regionCases } from "../fixtures/regions/workbooks";
import { columns } from "../fixtures/expected/types";

const cases = new Map(regionCases().map((c) => [c.id, c]));

function sections(t: RoadmapTable) {
  return t.rows.filter((r): r is SectionRow => r.kind === "section").map((r) => [r.row, r.text]);
}

function activities(t: RoadmapTable): ActivityRow[] {
  return t.rows.filter((r): r is ActivityRow => r.kind === "activity");
}

/** Expected activities with the section written before each. */
function expectedActivities(et: RegionTable) {
  let section: string | null = null;
  const out: { row: number; number: string | null; section: string | null; text: string }[] = [];
  for (const it of et.items) {
    if (it[0] === "s") section = it[2];
    else out.push({ row: it[1], number: it[2], section, text: it[3] });
  }
  return out;
}

describe("regional fixtures", () => {
  it("has a reading for every workbook, 15 roadmaps among them", () => {
    expect(REGION_EXPECTED.map((e) => e.id).sort()).toEqual([...cases.keys()].sort());
    expect(REGION_EXPECTED.filter((e) => e.tables.length > 0).length).toBeGreaterThanOrEqual(15);
  });
});

describe.each(REGION_EXPECTED.map((e) => [e.id, e] as const))("region case %s", (id, expected) => {
  const wb = cases.get(id)!.workbook;
  const result = recognizeWorkbook(wb);

  it("finds exactly the roadmaps", () => {
    expect(result.tables.map((t) => `${t.sheet}!${t.range}`)).toEqual(
      expected.tables.map((t) => `${t.sheet}!${t.range}`),
    );
  });

  if (expected.tables.length === 0) {
    it("says why there is no roadmap, in Russian", () => {
      const text = result.notices.map((n) => n.message).join("\n");
      expect(text).toMatch(/не найдена таблица дорожной карты|не похожа на дорожную карту/);
    });
  }

  expected.tables.forEach((et, ti) => {
    describe(`table ${ti + 1} (${et.sheet}!${et.range})`, () => {
      const table = () => result.tables[ti];

      it("has the header rows and column roles", () => {
        expect(table().headerRows).toEqual(et.headerRows);
        expect(table().columns).toEqual(columns(et.columns));
      });

      it("reads the period and approval date", () => {
        expect(table().period).toEqual(et.period);
        expect(table().approved).toBe(et.approved);
      });

      it("finds the sections", () => {
        const want = et.items.filter((it) => it[0] === "s").map((it) => [it[1], it[2]]);
        expect(sections(table())).toEqual(want);
      });

      it("finds every activity with its number, row, section and folded text", () => {
        const got = activities(table()).map((a) => ({
          row: a.row,
          number: a.number,
          section: a.section,
          text: a.activity,
        }));
        expect(got).toEqual(expectedActivities(et));
      });

      it("reads the other cells of the activities", () => {
        const byRow = new Map(activities(table()).map((a) => [a.row, a]));
        for (const it of et.items) {
          if (it[0] !== "a" || !it[4]) continue;
          const a = byRow.get(it[1]);
          expect(a).toBeDefined();
          const x = it[4];
          if (x.rows !== undefined) expect(a!.rows).toEqual(x.rows);
          if (x.deadline !== undefined) expect(a!.deadline.raw).toBe(x.deadline);
          if (x.responsible !== undefined) expect(a!.responsible.raw).toBe(x.responsible);
          if (x.result !== undefined) expect(a!.result).toBe(x.result);
          if (x.evidence !== undefined) expect(a!.evidence).toBe(x.evidence);
          if (x.status !== undefined) expect(a!.status).toBe(x.status);
        }
      });

      it("accounts for every non-empty row of the table", () => {
        const t = table();
        const range = parseA1(t.range)!;
        const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
        const listed = new Set(t.rows.map((r) => r.row));
        const missing: number[] = [];
        for (let r = range.top; r <= range.bottom; r++) {
          const row = sheet.rows[r] ?? [];
          const cells = row.slice(range.left, range.right + 1);
          if (cells.some((v) => v !== null && v !== "") && !listed.has(r + 1)) missing.push(r + 1);
        }
        expect(missing).toEqual([]);
      });
    });
  });
});

describe("two deadline columns («Сроки»: начало | окончание)", () => {
  it("reads the joined text as a range", () => {
    const t = recognizeWorkbook(cases.get("start-end-deadline")!.workbook).tables[0];
    const first = activities(t)[0];
    expect(first.deadline).toMatchObject({ type: "range", start: "2025-09-01", end: "2025-09-30" });
    const onlyEnd = activities(t)[3];
    expect(onlyEnd.deadline).toMatchObject({ type: "month", start: "2027-12-01", end: "2027-12-31" });
  });
});

describe("period wording from other regions", () => {
  it.each([
    ["на I полугодие 2025 года", "2025-01-01", "2025-06-30"],
    ["на 2 полугодие 2025 г.", "2025-07-01", "2025-12-31"],
    ["на первое полугодие 2025/2026 учебного года", "2025-09-01", "2025-12-31"],
    ["на II полугодие 2025-2026 учебного года", "2026-01-01", "2026-08-31"],
    ["на III квартал 2025 года", "2025-07-01", "2025-09-30"],
    ["на 2025/2026 год", "2025-09-01", "2026-08-31"],
    ["на 2025 – 2027 годы", "2025-01-01", "2027-12-31"],
    ["на период 2024-2025 гг.", "2024-01-01", "2025-12-31"],
    ["на 2025 год и плановый период 2026 и 2027 годов", "2025-01-01", "2027-12-31"],
    ["на 2025 год и на плановый период 2026-2027 годов", "2025-01-01", "2027-12-31"],
  ])("%s", (text, start, end) => {
    expect(readPeriod(text)).toEqual({ start, end });
  });
});

describe("approval lines from other regions", () => {
  it.each([
    ["15.08.2025 № 312", "2025-08-15"],
    ["утверждено распоряжением от 5 сентября 2025 г. № 12", "2025-09-05"],
    ["№ 112 от 30 августа 2025 года", "2025-08-30"],
    ["от «28» августа 2025 г. № 78-р", "2025-08-28"],
    ["«__» ____________ 2025 г.", null],
    ["В соответствии с приказом министерства образования области от 12.03.2024 № 150", null],
    ["На основании распоряжения от 01.02.2025 № 7", null],
  ])("%s", (line, want) => {
    expect(approvalFromLine(line)).toBe(want);
  });
});

describe("header wording from other regions", () => {
  it.each([
    ["Отметка об исполнении", "status"],
    ["Информация об исполнении", "status"],
    ["Плановый срок", "deadline"],
    ["Сроки исполнения (факт)", "doneDate"],
    ["№№ п/п", "number"],
    ["Форма представления результата", "evidence"],
    ["Ответственный Ф.И.О.", "responsible"],
    ["Наименование мероприятия, краткое содержание", "activity"],
  ])("%s", (label, role) => {
    expect(roleOfHeader(label)?.role).toBe(role);
  });

  it("a bare «Наименование» is only a weak activity column", () => {
    expect(roleOfHeader("Наименование")).toEqual({ role: "activity", weight: 1 });
  });
});

describe("«срок» in a header that is not the deadline", () => {
  it.each([
    ["Контрольные сроки", "deadline"],
    ["Этапы и сроки реализации", "deadline"],
    ["Ответственный за соблюдение сроков", "responsible"],
  ])("%s", (label, role) => {
    expect(roleOfHeader(label)?.role).toBe(role);
  });

  it("«Соблюдение сроков» names no column", () => {
    expect(roleOfHeader("Соблюдение сроков")).toBeNull();
  });
});

describe("notices on regional workbooks", () => {
  it("a hidden helper column is named as not read, not as read like the visible ones", () => {
    const r = recognizeWorkbook(cases.get("hidden-helper-empty-columns")!.workbook);
    const text = r.notices.map((n) => n.message).join("\n");
    expect(text).toMatch(/скрытые столбцы без роли в таблице \(D\).*не читаются/);
    expect(text).not.toMatch(/прочитаны наравне с видимыми/);
  });

  it("the sheets beside a roadmap that are not roadmaps get a notice each", () => {
    const r = recognizeWorkbook(cases.get("roadmap-among-other-sheets")!.workbook);
    expect(r.notices.map((n) => n.sheet)).toEqual(
      expect.arrayContaining(["Мониторинг", "Лист согласования"]),
    );
  });
});

describe("period and approval found elsewhere", () => {
  const table = [
    ["№", "Мероприятие", "Срок", "Ответственный"],
    ["1.", "Анализ результатов ВПР", "октябрь", "Иванова А.А."],
    ["2.", "Педагогический совет", "январь", "Петров Б.Б."],
  ];

  it("a table without a title takes the period from the sheet's name", () => {
    const wb = { sheets: [sheetFromRows("ДК на 2025-2026 уч. год", table)] };
    expect(recognizeWorkbook(wb).tables[0].period).toEqual({ start: "2025-09-01", end: "2026-08-31" });
  });

  it("a bare date under «УТВЕРЖДАЮ» is the approval date", () => {
    const rows = [
      [null, null, "УТВЕРЖДАЮ"],
      [null, null, "Директор МБОУ «СОШ № 5»"],
      [null, null, "________ Т.Г. Никитина   01.09.2025"],
      ["План мероприятий на 2025-2026 учебный год"],
      ...table,
    ];
    expect(recognizeWorkbook({ sheets: [sheetFromRows("Лист1", rows)] }).tables[0].approved).toBe(
      "2025-09-01",
    );
  });
});
