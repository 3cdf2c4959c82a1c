/** Recognition rules one by one: header synonyms, period and approval, row kinds, overrides, the fold plan. */
import { sheetFromRows, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/domain/grid";
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import {
  applyPlanToGrid,
  backupSheetName,
  planFoldContinuations,
  readApprovalDate,
  readPeriod,
  recognizeSheet,
  recognizeWorkbook,
  roleOfHeader,
} from "../../src/domain/recognition";
import { joinFragments } from "../../src/domain/recognition/text";

function acts(t: RoadmapTable): ActivityRow[] {
  return t.rows.filter((r): r is ActivityRow => r.kind === "activity");
}

function one(rows: CellValue[][], extra: Partial<SheetGrid> = {}): RoadmapTable {
  const r = recognizeSheet(sheetFromRows("Лист1", rows, extra));
  expect(r.tables).toHaveLength(1);
  return r.tables[0];
}

describe("header synonyms", () => {
  it.each([
    ["№ п/п", "number"],
    ["№", "number"],
    ["№ п\\п", "number"],
    ["Наименование мероприятия", "activity"],
    ["Мероприятия", "activity"],
    ["Задачи", "activity"],
    ["Направления деятельности Наименование мероприятия (краткое содержание)", "activity"],
    ["Содержание работы", "activity"],
    ["Форма реализации мероприятий", "form"],
    ["Сроки выполнения", "deadline"],
    ["Сроки исполнения", "deadline"],
    ["Сроки реализации", "deadline"],
    ["Дата", "deadline"],
    ["Сроки", "deadline"],
    ["Срок", "deadline"],
    ["Ответственные лица", "responsible"],
    ["Ответственные исполнители", "responsible"],
    ["Исполнители", "responsible"],
    ["Ответственный", "responsible"],
    ["Ответственные исполнители на муниципальном уровне", "responsible"],
    ["Показатель реализации", "result"],
    ["Ожидаемые результаты", "result"],
    ["Целевые ориентиры", "result"],
    ["Ожидаемый результат", "result"],
    ["Подтверждающий документ", "evidence"],
    ["Отчётные документы", "evidence"],
    ["Статус", "status"],
    ["Дата выполнения", "doneDate"],
    ["Подтверждающий документ (ссылка)", "evidenceLink"],
    ["Ссылка на документ", "evidenceLink"],
    ["Комментарий", "comment"],
    ["ОТВЕТСТВЕННЫЕ\nИСПОЛНИТЕЛИ", "responsible"],
    ["Сроки  выполнения.", "deadline"],
  ])("«%s» → %s", (text, role) => {
    expect(roleOfHeader(text)?.role).toBe(role);
  });

  it.each([
    "Наименование образовательной организации",
    "Кластеризация",
    "Цена, руб.",
    "ФИО обучающегося",
    "Период, год",
    "Число мероприятий",
    "Целевая аудитория",
  ])("«%s» is no roadmap role", (text) => {
    expect(["activity", "deadline", "responsible"]).not.toContain(roleOfHeader(text)?.role);
  });
});

describe("readPeriod", () => {
  it.each([
    ["Об утверждении дорожной карты … в 2023 году", { start: "2023-01-01", end: "2023-12-31" }],
    ["План мероприятий на 2022 год", { start: "2022-01-01", end: "2022-12-31" }],
    ["в Кировском районе ЛО в 2023-2024 уч. году", { start: "2023-09-01", end: "2024-08-31" }],
    ["на 2024 -2025 учебный год", { start: "2024-09-01", end: "2025-08-31" }],
    ["2023/2024 учебный год", { start: "2023-09-01", end: "2024-08-31" }],
    ["на 2023–24 учебный год", { start: "2023-09-01", end: "2024-08-31" }],
    ["на 2022 – 2024 годы", { start: "2022-01-01", end: "2024-12-31" }],
    ["ДОРОЖНАЯ КАРТА НА 2025 ГОД", { start: "2025-01-01", end: "2025-12-31" }],
  ])("«%s»", (text, period) => {
    expect(readPeriod(text)).toEqual(period);
  });

  it("is null without a year", () => {
    expect(readPeriod("ДОРОЖНАЯ КАРТА по работе со школами")).toBeNull();
  });
});

describe("readApprovalDate", () => {
  it.each([
    ["от 30.03.2023", "2023-03-30"],
    ["от « 30 » 03 2023г. № 234", "2023-03-30"],
    ["«24» 10 2024г.", "2024-10-24"],
    ["от 19.10.2023 года № 356", "2023-10-19"],
    ["от 12.04.2022 № 121 –о д", "2022-04-12"],
    ["УТВЕРЖДЕНА приказом управления образования от 30 марта 2023 г. № 234", "2023-03-30"],
  ])("«%s» → %s", (text, iso) => {
    expect(readApprovalDate(text)).toBe(iso);
  });

  it("is null without a date, or with an impossible one", () => {
    expect(readApprovalDate("приказом управления образования")).toBeNull();
    expect(readApprovalDate("от 31.02.2023")).toBeNull();
  });
});

describe("joining fragments of a split cell", () => {
  it("joins with one space", () => {
    expect(joinFragments("Участие в мониторинге эффективности", "оказания методической помощи")).toBe(
      "Участие в мониторинге эффективности оказания методической помощи",
    );
  });
  it("keeps a compound word's hyphen and joins without a space", () => {
    expect(joinFragments("руководитель муниципальной информационно-", "методической службы")).toBe(
      "руководитель муниципальной информационно-методической службы",
    );
  });
  it("keeps a dash between words as a dash with spaces", () => {
    expect(joinFragments("Учителя -", "предметники")).toBe("Учителя - предметники");
  });
});

const HEADER = ["№ п/п", "Наименование мероприятия", "Сроки", "Ответственные"];

describe("finding tables", () => {
  it("finds a table anywhere on the sheet, not only at A1", () => {
    const pad = (r: CellValue[]) => [null, null, ...r];
    const t = one([
      [],
      [],
      [],
      pad(["План мероприятий на 2024 год"]),
      pad(HEADER),
      pad(["1.", "Совещание", "Январь 2024", "Иванова А.А."]),
      pad(["2.", "Семинар", "Февраль 2024", "Петров Б.Б."]),
    ]);
    expect(t.range).toBe("C5:F7");
    expect(t.columns.number).toBe("C");
    expect(t.columns.activity).toBe("D");
    expect(t.title).toBe("План мероприятий на 2024 год");
    expect(acts(t).map((a) => a.row)).toEqual([6, 7]);
  });

  it("finds several tables on one sheet, each with its own title and period", () => {
    const r = recognizeSheet(
      sheetFromRows("Лист1", [
        ["Дорожная карта на 2023 год"],
        HEADER,
        ["1.", "Совещание", "Январь 2023", "Иванова А.А."],
        ["2.", "Семинар", "Февраль 2023", "Петров Б.Б."],
        [],
        [],
        ["Дорожная карта на 2024-2025 учебный год"],
        HEADER,
        ["1.", "Мониторинг", "Октябрь 2024", "Иванова А.А."],
      ]),
    );
    expect(r.tables.map((t) => t.range)).toEqual(["A2:D4", "A8:D9"]);
    expect(r.tables.map((t) => t.period)).toEqual([
      { start: "2023-01-01", end: "2023-12-31" },
      { start: "2024-09-01", end: "2025-08-31" },
    ]);
  });

  it("reads a two-row header with a cell merged over two responsible sub-columns", () => {
    const t = one(
      [
        ["№", "Мероприятия", "Сроки", "Ответственные исполнители", null, "Ожидаемый результат"],
        [null, null, null, "муниципальный уровень", "институциональный уровень", null],
        ["1.", "Совещание", "Сентябрь", "МИМС", "Руководители ОО", "Протокол"],
      ],
      {
        merges: [
          { top: 0, bottom: 1, left: 0, right: 0 },
          { top: 0, bottom: 1, left: 1, right: 1 },
          { top: 0, bottom: 1, left: 2, right: 2 },
          { top: 0, bottom: 0, left: 3, right: 4 },
          { top: 0, bottom: 1, left: 5, right: 5 },
        ],
      },
    );
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.columns.responsible).toEqual(["D", "E"]);
    expect(t.columns.result).toBe("F");
    expect(acts(t)[0].responsible.raw).toBe("МИМС; Руководители ОО");
  });

  it("takes a row of column numbers under the header as part of the header", () => {
    const t = one([HEADER, [1, 2, 3, 4], ["1.", "Совещание", "Январь", "Иванова А.А."]]);
    expect(t.headerRows).toEqual([1, 2]);
    expect(acts(t).map((a) => a.number)).toEqual(["1."]);
  });

  it("accepts a header that is slightly off, with the columns' content breaking the tie", () => {
    const t = one([
      ["", "Содержание", "Когда", "Кто"],
      ["1.", "Проведение совещания с руководителями", "Сентябрь 2023", "Иванова А.А."],
      ["2.", "Анализ результатов ВПР", "до 01.10.2023", "Петров Б.Б."],
      ["3.", "Семинар для учителей", "В течение года", "Сидорова В.В."],
    ]);
    expect(t.columns).toMatchObject({ number: "A", activity: "B", deadline: "C", responsible: ["D"] });
  });

  it("finds the deadline column by its content when the header names it oddly", () => {
    const t = one([
      ["№", "Мероприятие", "Контрольная точка", "Ответственный"],
      ["1.", "Совещание", "Сентябрь 2023", "Иванова А.А."],
      ["2.", "Анализ результатов", "до 01.10.2023", "Петров Б.Б."],
      ["3.", "Семинар", "ежеквартально", "Сидорова В.В."],
    ]);
    expect(t.columns.deadline).toBe("C");
  });

  it("skips a repeated header after a page break and folds a continuation that follows it", () => {
    const t = one([
      HEADER,
      ["1.", "Совещание с руководителями школ по итогам", "Январь", "Иванова А.А."],
      HEADER,
      [null, "первого полугодия", null, null],
      ["2.", "Семинар", "Февраль", "Петров Б.Б."],
      [1, 2, 3, 4],
      ["3.", "Круглый стол", "Март", "Петров Б.Б."],
    ]);
    expect(t.rows.map((r) => `${r.row}:${r.kind}`)).toEqual([
      "1:header",
      "2:activity",
      "3:header",
      "4:continuation",
      "5:activity",
      "6:header",
      "7:activity",
    ]);
    expect(acts(t)[0].activity).toBe("Совещание с руководителями школ по итогам первого полугодия");
  });

  it("ends the table at text after a gap, and at signature lines", () => {
    const t = one([
      HEADER,
      ["1.", "Совещание", "Январь", "Иванова А.А."],
      [],
      [],
      ["Начальник управления образования"],
      [],
      ["Начальник отдела", null, null, "И.И. Иванов"],
    ]);
    expect(t.range).toBe("A1:D2");
  });

  it("reads a numbered row over sub-numbered rows as a section", () => {
    const t = one([
      HEADER,
      ["1.", "Нормативное обеспечение", null, null],
      ["1.1.", "Приказ о назначении координатора", "Январь", "Иванова А.А."],
      ["1.2.", "Положение о рабочей группе", "Февраль", "Иванова А.А."],
      ["II.", "Методическое сопровождение", null, null],
      ["2.1.", "Семинары", "Март", "Петров Б.Б."],
    ]);
    expect(t.rows.filter((r) => r.kind === "section")).toEqual([
      { row: 2, kind: "section", text: "1. Нормативное обеспечение" },
      { row: 5, kind: "section", text: "II. Методическое сопровождение" },
    ]);
    expect(acts(t).map((a) => [a.number, a.section])).toEqual([
      ["1.1.", "1. Нормативное обеспечение"],
      ["1.2.", "1. Нормативное обеспечение"],
      ["2.1.", "II. Методическое сопровождение"],
    ]);
  });

  it("without numbers, decides continuation or new activity by the text", () => {
    const t = one([
      ["№", "Мероприятия", "Дата", "Ответственные"],
      [null, "Совещание с руководителями школ по вопросам", "15.09.", "МИМС"],
      [null, "организации мониторинга", null, null],
      [null, "Семинар для заместителей директоров.", "10.10.", "МИМС"],
      [null, "Круглый стол для учителей", "Ноябрь", "МИМС"],
    ]);
    expect(acts(t).map((a) => a.activity)).toEqual([
      "Совещание с руководителями школ по вопросам организации мониторинга",
      "Семинар для заместителей директоров.",
      "Круглый стол для учителей",
    ]);
    expect(acts(t).map((a) => a.number)).toEqual([null, null, null]);
  });

  it("a single cell in the activity column: a section title, or a sentence cut before an abbreviation", () => {
    const t = one([
      HEADER,
      [null, "Муниципальный уровень", null, null],
      ["1.", "Разработка плана работы со", "Январь", "Иванова А.А."],
      [null, "ШНОР и ШССУ", null, null],
      [null, "Уровень образовательной организации", null, null],
      ["2.", "Анализ результатов ВПР", "Май", "Петров Б.Б."],
    ]);
    expect(t.rows.map((r) => `${r.row}:${r.kind}`)).toEqual([
      "1:header",
      "2:section",
      "3:activity",
      "4:continuation",
      "5:section",
      "6:activity",
    ]);
    expect(acts(t)[0].activity).toBe("Разработка плана работы со ШНОР и ШССУ");
  });

  it("rows Excel made from a multi-paragraph Word cell (other cells merged down) fold into the activity", () => {
    const t = one(
      [
        HEADER,
        ["1.", "Совещание с руководителями.", "Февраль 2023", "Грицина Н.В."],
        [null, "Семинар для заместителей.", "июнь 2023", null],
        ["2.", "Круглый стол", "Март", "МИМС"],
      ],
      {
        merges: [
          { top: 1, bottom: 2, left: 0, right: 0 },
          { top: 1, bottom: 2, left: 3, right: 3 },
        ],
      },
    );
    expect(acts(t).map((a) => [a.number, a.rows, a.activity, a.deadline.raw, a.responsible.raw])).toEqual([
      [
        "1.",
        [2, 3],
        "Совещание с руководителями. Семинар для заместителей.",
        "Февраль 2023 июнь 2023",
        "Грицина Н.В.",
      ],
      ["2.", [4], "Круглый стол", "Март", "МИМС"],
    ]);
  });

  it("keeps numbering as written, typed numbers included, in sheet order", () => {
    const t = one([
      HEADER,
      [1, "А", "Январь", "Иванова А.А."],
      ["2.1", "Б", "Январь", "Иванова А.А."],
      ["5.", "В", "Январь", "Иванова А.А."],
      ["3.", "Г", "Январь", "Иванова А.А."],
    ]);
    expect(acts(t).map((a) => a.number)).toEqual(["1", "2.1", "5.", "3."]);
  });

  it("gives a deadline merged down over two activities to both", () => {
    const t = one(
      [HEADER, ["1.", "Совещание", "Октябрь 2023", "Иванова А.А."], ["2.", "Семинар", null, "Петров Б.Б."]],
      { merges: [{ top: 1, bottom: 2, left: 2, right: 2 }] },
    );
    expect(acts(t).map((a) => a.deadline.raw)).toEqual(["Октябрь 2023", "Октябрь 2023"]);
  });
});

describe("the workbook's own sheets", () => {
  const roadmap = () => sheetFromRows("Лист1", [HEADER, ["1.", "Совещание", "Январь", "Иванова А.А."]]);

  it("skips the backup copies made by the fold, with a notice", () => {
    const backup = { ...roadmap(), name: "Лист1 (исходный)" };
    const r = recognizeWorkbook({ sheets: [roadmap(), backup] });
    expect(r.tables.map((t) => t.sheet)).toEqual(["Лист1"]);
    expect(r.notices.map((n) => n.message)).toContain(
      "Лист «Лист1 (исходный)» — резервная копия, сделанная перед исправлением вставки из Word; он не проверяется.",
    );
  });

  it("does not take the people directory («Ответственные») for a roadmap, and says nothing about it", () => {
    const directory = sheetFromRows("Ответственные", [
      ["Ответственный", "Должности", "Число мероприятий", "Разделы", "Варианты написания"],
      ["Грицина Н.В.", "начальник отдела", 12, "Краевой уровень", "Грицина Н. В."],
      ["Огурцова Т.Н.", "методист", 20, "Муниципальный уровень", ""],
    ]);
    const r = recognizeWorkbook({ sheets: [roadmap(), directory] });
    expect(r.tables.map((t) => t.sheet)).toEqual(["Лист1"]);
    expect(r.notices.filter((n) => n.sheet === "Ответственные")).toEqual([]);
  });
});

describe("user overrides", () => {
  const rows: CellValue[][] = [
    ["Перечень работ на 2024 год"],
    ["№", "Работа", "Когда", "Примечание"],
    ["1.", "Совещание", "Январь 2024", "Иванова А.А."],
    ["2.", "Семинар", "Февраль 2024", "Петров Б.Б."],
    [],
    ["Итого: 2"],
  ];

  it("a range and column roles replace what was (not) recognised", () => {
    const sheet = sheetFromRows("План", rows);
    expect(recognizeSheet(sheet).tables).toEqual([]);
    const r = recognizeSheet(sheet, {
      overrides: [
        {
          sheet: "План",
          range: "A2:D4",
          columns: { activity: "B", deadline: "C", responsible: ["D"], comment: null },
        },
      ],
    });
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0];
    expect(t.range).toBe("A2:D4");
    expect(t.columns).toMatchObject({
      number: "A",
      activity: "B",
      deadline: "C",
      responsible: ["D"],
      comment: null,
    });
    expect(acts(t).map((a) => a.responsible.raw)).toEqual(["Иванова А.А.", "Петров Б.Б."]);
    expect(t.period).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(r.notices.some((n) => n.message.includes("заданы вручную"))).toBe(true);
  });

  it("column roles alone re-map a recognised table", () => {
    const sheet = sheetFromRows("Лист1", [HEADER, ["1.", "Совещание", "Январь", "Иванова А.А."]]);
    const r = recognizeSheet(sheet, {
      overrides: [{ sheet: "Лист1", columns: { responsible: null, result: "D" } }],
    });
    expect(r.tables[0].columns.responsible).toEqual([]);
    expect(r.tables[0].columns.result).toBe("D");
    expect(acts(r.tables[0])[0].result).toBe("Иванова А.А.");
  });

  it("overrides for another sheet change nothing", () => {
    const sheet = sheetFromRows("Лист1", [HEADER, ["1.", "Совещание", "Январь", "Иванова А.А."]]);
    const r = recognizeSheet(sheet, { overrides: [{ sheet: "Лист2", columns: { responsible: null } }] });
    expect(r.tables[0].columns.responsible).toEqual(["D"]);
  });

  it("an unreadable range gives a notice, not a crash", () => {
    const r = recognizeSheet(sheetFromRows("Лист1", rows), {
      overrides: [{ sheet: "Лист1", range: "где-то тут" }],
    });
    expect(r.notices.some((n) => n.message.includes("не распознан"))).toBe(true);
  });
});

describe("the fold plan («Исправить вставку из Word»)", () => {
  const rows: CellValue[][] = [
    HEADER,
    ["1.", "Разработка индивидуального плана", "До 1 апреля", "Огурцова Т.Н."],
    [null, "реформирования образовательной системы", null, "Сучкова А.А."],
    ["2.", "Семинар для руководителей", "Май", "Руководитель информационно-"],
    [null, null, null, "методической службы"],
    ["3.", "Круглый стол", "Июнь", "МИМС"],
  ];
  const wb = (extra: Partial<SheetGrid> = {}): WorkbookGrid => ({
    sheets: [sheetFromRows("Лист1", rows, extra)],
  });

  it("copies the sheet, writes the folded cells into the first row, deletes the continuation rows", () => {
    const w = wb();
    const t = recognizeWorkbook(w).tables[0];
    const plan = planFoldContinuations(t, w.sheets[0]);
    expect(plan.ops).toEqual([
      { op: "copySheet", sheet: "Лист1", newName: "Лист1 (исходный)" },
      {
        op: "setValues",
        sheet: "Лист1",
        row: 1,
        col: 1,
        values: [["Разработка индивидуального плана реформирования образовательной системы"]],
      },
      { op: "setValues", sheet: "Лист1", row: 1, col: 3, values: [["Огурцова Т.Н. Сучкова А.А."]] },
      {
        op: "setValues",
        sheet: "Лист1",
        row: 3,
        col: 3,
        values: [["Руководитель информационно-методической службы"]],
      },
      { op: "deleteRows", sheet: "Лист1", rows: [2, 4] },
    ]);
    expect(plan.summary).toMatch(/копия листа «Лист1 \(исходный\)»/);
    const after = applyPlanToGrid(plan, w);
    expect(after.sheets.map((s) => s.name)).toEqual(["Лист1", "Лист1 (исходный)"]);
    expect(after.sheets[1].rows).toEqual(rows);
    expect(after.sheets[0].rows).toEqual([
      HEADER,
      [
        "1.",
        "Разработка индивидуального плана реформирования образовательной системы",
        "До 1 апреля",
        "Огурцова Т.Н. Сучкова А.А.",
      ],
      ["2.", "Семинар для руководителей", "Май", "Руководитель информационно-методической службы"],
      ["3.", "Круглый стол", "Июнь", "МИМС"],
    ]);
    const again = recognizeWorkbook({ sheets: [after.sheets[0]] }).tables[0];
    expect(planFoldContinuations(again, after.sheets[0]).ops).toEqual([]);
  });

  it("unmerges cells merged across an activity and its continuation first", () => {
    const w = wb({ merges: [{ top: 1, bottom: 2, left: 2, right: 2 }] });
    const t = recognizeWorkbook(w).tables[0];
    const plan = planFoldContinuations(t, w.sheets[0]);
    expect(plan.ops[1]).toEqual({
      op: "unmerge",
      sheet: "Лист1",
      range: { top: 1, bottom: 2, left: 2, right: 2 },
    });
    const after = applyPlanToGrid(plan, w);
    expect(after.sheets[0].merges).toEqual([]);
    expect(after.sheets[0].rows[1][2]).toBe("До 1 апреля");
  });

  it("on a protected sheet plans nothing and says to remove the protection", () => {
    const w = wb({ protected: true });
    const plan = planFoldContinuations(recognizeWorkbook(w).tables[0], w.sheets[0]);
    expect(plan.ops).toEqual([]);
    expect(plan.summary).toMatch(/защищён/);
  });

  it("with nothing to fold, plans nothing", () => {
    const w: WorkbookGrid = {
      sheets: [sheetFromRows("Лист1", [HEADER, ["1.", "Совещание", "Январь", "МИМС"]])],
    };
    const plan = planFoldContinuations(recognizeWorkbook(w).tables[0], w.sheets[0]);
    expect(plan.ops).toEqual([]);
  });
});

describe("backup sheet names", () => {
  it("is «<sheet> (исходный)»", () => {
    expect(backupSheetName("Лист1")).toBe("Лист1 (исходный)");
  });
  it("fits Excel's 31 characters", () => {
    const name = backupSheetName("Дорожная карта ШНОР 2023-2024 учебный год");
    expect(name).toBe("Дорожная карта ШНОР (исходный)");
    expect(name.length).toBeLessThanOrEqual(31);
  });
  it("is unique among the workbook's sheets", () => {
    expect(backupSheetName("Лист1", ["Лист1", "Лист1 (исходный)"])).toBe("Лист1 (исходный 2)");
  });
});

describe("applyPlanToGrid", () => {
  it("deletes rows and shifts merges and hidden rows with them, without touching the input", () => {
    const input: WorkbookGrid = {
      sheets: [
        sheetFromRows("Л", [["a"], ["b"], ["c"], ["d"], ["e"]], {
          merges: [
            { top: 3, bottom: 4, left: 0, right: 1 },
            { top: 0, bottom: 1, left: 0, right: 0 },
          ],
          hiddenRows: [4],
        }),
      ],
    };
    const out = applyPlanToGrid(
      { summary: "", ops: [{ op: "deleteRows", sheet: "Л", rows: [1, 2] }] },
      input,
    );
    expect(out.sheets[0].rows).toEqual([["a"], ["d"], ["e"]]);
    expect(out.sheets[0].merges).toEqual([{ top: 1, bottom: 2, left: 0, right: 1 }]);
    expect(out.sheets[0].hiddenRows).toEqual([2]);
    expect(input.sheets[0].rows).toHaveLength(5);
  });

  it("treats missing rows of a sparse grid as empty rows", () => {
    const rows: CellValue[][] = [];
    rows[0] = ["a"];
    rows[3] = ["d"];
    const out = applyPlanToGrid(
      { summary: "", ops: [{ op: "deleteRows", sheet: "Л", rows: [0] }] },
      {
        sheets: [sheetFromRows("Л", rows)],
      },
    );
    expect(out.sheets[0].rows).toEqual([[], [], ["d"]]);
  });

  it("writes values, growing the grid when needed", () => {
    const out = applyPlanToGrid(
      { summary: "", ops: [{ op: "setValues", sheet: "Л", row: 2, col: 1, values: [["x", "y"]] }] },
      { sheets: [sheetFromRows("Л", [["a"]])] },
    );
    expect(out.sheets[0].rows).toEqual([["a"], [], [null, "x", "y"]]);
  });
});
