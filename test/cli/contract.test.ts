/**
 * The headless contract (../shared/contract.md), section by section, against the built `roadmap` CLI: every
 * JSON document validated by a strict schema written from the contract (./contract-schemas.ts), and the values
 * of small hand-made workbooks (./contract-workbooks.ts) worked out by hand from the contract's rules. Each test
 * quotes the contract line it pins. The quarter's workflow (indicators → consolidate) is in contract-quarter.test.ts.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CheckDoc, FoldDoc, PeopleDoc, ReportDoc, type ContractActivity } from "./contract-schemas";
import {
  formulaLikeWorkbook,
  noRoadmapWorkbook,
  roadmapWorkbook,
  splitRowWorkbook,
  spreadDeadlineWorkbook,
  xlsx,
} from "./contract-workbooks";
import { buildCli, fixtures, roadmap } from "./roadmap";

let dir = "";
const at = (f: string) => path.join(dir, f);
const TODAY = "2024-04-20";

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(path.join(tmpdir(), "roadmap-contract-"));
  writeFileSync(at("plan.xlsx"), await xlsx(roadmapWorkbook()));
  writeFileSync(at("split.xlsx"), await xlsx(splitRowWorkbook()));
  writeFileSync(at("none.xlsx"), await xlsx(noRoadmapWorkbook()));
  writeFileSync(at("spread.xlsx"), await xlsx(spreadDeadlineWorkbook()));
  writeFileSync(at("formula-like.xlsx"), await xlsx(formulaLikeWorkbook()));
  writeFileSync(at("not-xlsx.xlsx"), "это не книга Excel");
}, 180000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** "Exit 2 with one clear Russian line on stderr, never a stack trace … Nothing is written then." */
function expectRefused(r: ReturnType<typeof roadmap>, out?: string) {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
  expect(r.stderr).toMatch(/^[^\n]*[А-Яа-яЁё][^\n]*\n$/);
  expect(r.stderr).not.toMatch(/\bat .+:\d+|Error:/);
  if (out) expect(existsSync(out)).toBe(false);
}

function json(r: ReturnType<typeof roadmap>): unknown {
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

function activities(doc: CheckDoc): Map<number, ContractActivity> {
  const m = new Map<number, ContractActivity>();
  for (const t of doc.tables) for (const r of t.rows) if (r.kind === "activity") m.set(r.row, r);
  return m;
}

describe("common to every subcommand", () => {
  const writers: [string, string[]][] = [
    ["fold", []],
    ["people", []],
    ["annotate", ["--today", TODAY]],
    ["report", ["--quarter", "2024-Q2", "--today", TODAY]],
  ];

  // "Exit 2 … when it cannot be: an input file missing, not an .xlsx, encrypted or corrupt"
  it.each(writers)("%s: a missing or non-.xlsx input is refused, nothing written", (cmd, extra) => {
    const out = at(`${cmd}-refused.xlsx`);
    expectRefused(roadmap(cmd, at("missing.xlsx"), "-o", out, "--json", ...extra), out);
    expectRefused(roadmap(cmd, at("not-xlsx.xlsx"), "-o", out, "--json", ...extra), out);
    expectRefused(
      roadmap(cmd, path.join(fixtures, "hostile/password.xlsx"), "-o", out, "--json", ...extra),
      out,
    );
  });

  // "a command that needs a roadmap (or an indicator list) given a workbook without one. Nothing is written then."
  it.each(writers)("%s: a workbook without a roadmap is refused, nothing written", (cmd, extra) => {
    const out = at(`${cmd}-none.xlsx`);
    expectRefused(roadmap(cmd, at("none.xlsx"), "-o", out, "--json", ...extra), out);
  });

  // "Inputs are never modified: every command that writes takes `-o`." / "bad arguments"
  it.each(writers)("%s: -o is required and may not name the input", (cmd, extra) => {
    const before = readFileSync(at("plan.xlsx"));
    expectRefused(roadmap(cmd, at("plan.xlsx"), "--json", ...extra));
    expectRefused(roadmap(cmd, at("plan.xlsx"), "-o", at("plan.xlsx"), "--json", ...extra));
    expect(readFileSync(at("plan.xlsx")).equals(before)).toBe(true);
  });

  // "bad arguments"
  it("an unknown option, a bad --today, a bad --quarter: exit 2, nothing written", () => {
    expectRefused(roadmap("check", at("plan.xlsx"), "--jsn"));
    expectRefused(roadmap("check", at("plan.xlsx"), "--today", "20.04.2024"));
    expectRefused(roadmap("check", at("plan.xlsx"), "--today"));
    for (const q of ["2024-Q5", "Q1-2024", "2024-Q0", "2024-03-01"]) {
      const out = at(`report-${q}.xlsx`);
      expectRefused(roadmap("report", at("plan.xlsx"), "-o", out, "--quarter", q), out);
    }
    expectRefused(roadmap("report", at("plan.xlsx"), "-o", at("r.xlsx")), at("r.xlsx"));
  });

  // "`--json` prints one JSON document on stdout and nothing else there; progress goes to stderr."
  it.each([
    ["check", () => [at("plan.xlsx"), "--json", "--today", TODAY]],
    ["fold", () => [at("split.xlsx"), "-o", at("j-fold.xlsx"), "--json"]],
    ["people", () => [at("plan.xlsx"), "-o", at("j-people.xlsx"), "--json"]],
    ["annotate", () => [at("plan.xlsx"), "-o", at("j-annotate.xlsx"), "--json", "--today", TODAY]],
    [
      "report",
      () => [at("plan.xlsx"), "-o", at("j-report.xlsx"), "--json", "--quarter", "2024-Q2", "--today", TODAY],
    ],
  ])("%s --json: exactly one JSON document on stdout", (cmd, args) => {
    const r = roadmap(cmd as string, ...(args as () => string[])());
    expect(r.code).toBe(0);
    expect(r.stdout.trim().startsWith("{")).toBe(true);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  // "Inputs are never modified"
  it("the input file is byte for byte the same after every writing command", () => {
    const before = readFileSync(at("plan.xlsx"));
    roadmap("annotate", at("plan.xlsx"), "-o", at("same-a.xlsx"), "--today", TODAY);
    roadmap("people", at("plan.xlsx"), "-o", at("same-p.xlsx"));
    roadmap("report", at("plan.xlsx"), "-o", at("same-r.xlsx"), "--quarter", "2024-Q1", "--today", TODAY);
    expect(readFileSync(at("plan.xlsx")).equals(before)).toBe(true);
  });
});

describe("text beginning with =, +, -, @", () => {
  // "Text that begins with `=`, `+`, `-` or `@` stays text in every output."
  it.each([
    ["people", [] as string[]],
    ["annotate", ["--today", TODAY]],
    ["report", ["--quarter", "2024-Q2", "--today", TODAY]],
    ["fold", []],
  ])("%s writes no formula made of the user's text", async (cmd, extra) => {
    const out = at(`formula-like-${cmd}.xlsx`);
    expect(roadmap(cmd, at("formula-like.xlsx"), "-o", out, ...extra).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const formulas: string[] = [];
    const texts: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as unknown;
          if (v && typeof v === "object" && "formula" in v)
            formulas.push(String((v as { formula: string }).formula));
          if (typeof v === "string") texts.push(v);
        }),
      );
    expect(formulas.filter((f) => /HYPERLINK|уроков|Совещание|пропуск/.test(f))).toEqual([]);
    expect(texts).toContain("+7 уроков в неделю");
    expect(texts).toContain("@Совещание");
  });
});

describe("check --json", () => {
  let doc: CheckDoc;
  let acts: Map<number, ContractActivity>;
  beforeAll(() => {
    const r = roadmap("check", at("plan.xlsx"), "--json", "--today", TODAY);
    expect(r.stderr).toBe("");
    doc = CheckDoc.parse(json(r));
    acts = activities(doc);
  });

  it("every seed fixture gives a document of the contract's shape", () => {
    for (const f of ["000", "001", "002", "003", "004"].flatMap((s) => [`${s}-clean`, `${s}-pasted`])) {
      const r = roadmap("check", path.join(fixtures, `${f}.xlsx`), "--json", "--today", "2024-01-10");
      const parsed = CheckDoc.safeParse(json(r));
      expect({ f, issues: parsed.success ? [] : parsed.error.issues.slice(0, 3) }).toEqual({ f, issues: [] });
    }
  });

  // "range": the table, header included; "headerRows": 1-based; "title": text above; period; approved
  it("the table: range with the header, header rows, title, period, approval date, columns", () => {
    expect(doc.file).toBe("plan.xlsx");
    expect(doc.tables).toHaveLength(1);
    const { rows, ...t } = doc.tables[0];
    expect(t).toEqual({
      sheet: "План",
      range: "A4:I18",
      headerRows: [4],
      title: "Дорожная карта по повышению качества образования в МБОУ СОШ № 5 на 2024 год",
      period: { start: "2024-01-01", end: "2024-12-31" },
      approved: "2024-01-15",
      // "Columns the table already has under similar headers are used" — control columns recognised by header
      columns: {
        number: "A",
        activity: "B",
        form: null,
        deadline: "C",
        responsible: ["D"],
        result: null,
        evidence: null,
        status: "E",
        doneDate: "F",
        evidenceLink: "G",
        comment: "H",
        dueDate: "I",
      },
    });
    // "Row kinds: header, section, activity, continuation … so every row of the table is accounted for."
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(rows[0]).toEqual({ row: 4, kind: "header" });
    expect(rows[1]).toEqual({ row: 5, kind: "section", text: "Муниципальный уровень" });
  });

  it("an activity row in full, as the contract's example", () => {
    expect(acts.get(6)).toEqual({
      row: 6,
      kind: "activity",
      number: "1.",
      section: "Муниципальный уровень",
      rows: [6],
      activity: "Совещание с руководителями школ",
      // "for `by_date`, `start` is null"
      deadline: { raw: "до 01.03.2024", type: "by_date", start: null, end: "2024-03-01", recurrence: null },
      responsible: { raw: "Иванова А.Б.", persons: [{ surname: "Иванова", initials: "А.Б." }], roles: [] },
      result: null,
      evidence: null,
      status: "Выполнено",
      doneDate: "2024-02-20",
      evidenceLink: "Протокол № 1",
      comment: null,
      dueDate: null,
      signal: "done",
    });
  });

  it("deadlines: month, unspecified, recurring and multiple windows", () => {
    // "for `month`, the first and last day of the month"
    expect(acts.get(8)!.deadline).toEqual({
      raw: "Февраль 2024",
      type: "month",
      start: "2024-02-01",
      end: "2024-02-29",
      recurrence: null,
    });
    expect(acts.get(9)!.deadline).toMatchObject({ type: "unspecified", start: null, end: null });
    // "`roles` are the non-person parts as written, trimmed"
    expect(acts.get(9)!.responsible).toEqual({
      raw: "Руководители ОУ",
      persons: [],
      roles: ["Руководители ОУ"],
    });
    // "for `recurring` and `whole_period`, the period's bounds"; recurrence quarterly
    expect(acts.get(16)!.deadline).toEqual({
      raw: "Ежеквартально",
      type: "recurring",
      start: "2024-01-01",
      end: "2024-12-31",
      recurrence: "quarterly",
    });
    // "for `multiple`, the earliest and the latest point, with every point listed in `points`"
    expect(acts.get(17)!.deadline).toEqual({
      raw: "Апрель, июнь 2024",
      type: "multiple",
      start: "2024-04-01",
      end: "2024-06-30",
      recurrence: null,
      points: [
        { start: "2024-04-01", end: "2024-04-30" },
        { start: "2024-06-01", end: "2024-06-30" },
      ],
    });
  });

  // "A deadline spread over several columns (start and end year columns, a grid of quarters or months marked
  // with «х», «+», «v») is read as one deadline; `raw` joins the cells with " | " in column order."
  it("a deadline over start and end columns, and a grid of quarters, each read as one deadline", () => {
    const spread = CheckDoc.parse(json(roadmap("check", at("spread.xlsx"), "--json", "--today", TODAY)));
    const bySheet = (s: string) => spread.tables.find((t) => t.sheet === s)!;
    expect(bySheet("Сроки").columns.deadline).toBe("C");
    expect(
      [...activities({ ...spread, tables: [bySheet("Сроки")] }).values()].map((a) => a.deadline),
    ).toEqual([
      {
        raw: "01.02.2024 | 15.03.2024",
        type: "range",
        start: "2024-02-01",
        end: "2024-03-15",
        recurrence: null,
      },
      { raw: "Апрель 2024", type: "month", start: "2024-04-01", end: "2024-04-30", recurrence: null },
    ]);
    // A mark says nothing by itself: each marked cell is given as its column's label (our reading of "cells").
    const grid = [...activities({ ...spread, tables: [bySheet("Сетка")] }).values()].map((a) => a.deadline);
    expect(grid[0]).toEqual({
      raw: "I квартал | III квартал",
      type: "multiple",
      start: "2024-01-01",
      end: "2024-09-30",
      recurrence: null,
      points: [
        { start: "2024-01-01", end: "2024-03-31" },
        { start: "2024-07-01", end: "2024-09-30" },
      ],
    });
    expect(grid[1]).toMatchObject({
      raw: "II квартал | III квартал",
      start: "2024-04-01",
      end: "2024-09-30",
    });
  });

  // "A status cell holding other text gives `status: null` and the finding `status.unknown-value`."
  it("statuses: values of the list as written, other text null", () => {
    const status = [...acts.values()].map((a) => [a.row, a.status]);
    expect(status).toEqual([
      [6, "Выполнено"],
      [7, "В работе"],
      [8, null],
      [9, null],
      [10, "Выполнено с нарушением срока"],
      [11, "Выполнено"],
      [12, "Не выполнено"],
      [13, null],
      [14, "Отменено"],
      [15, null],
      [16, null],
      [17, null],
      [18, "Выполнено"],
    ]);
    expect(acts.get(15)!.dueDate).toBe("2024-04-30");
    expect(acts.get(11)!.doneDate).toBe("2024-04-05");
  });

  // "### Status list and signals" — today 2024-04-20, today + 14 days = 2024-05-04.
  it("signals computed with --today", () => {
    expect(Object.fromEntries([...acts.values()].map((a) => [a.row, a.signal]))).toEqual({
      6: "done", // status Выполнено
      7: "due_soon", // April: 20.04 ≤ 30.04 ≤ 04.05
      8: "overdue", // February: 29.02 < 20.04
      9: null, // unspecified: no end, no dueDate
      10: "done_late", // Выполнено с нарушением срока
      11: "done",
      12: "overdue", // Не выполнено is not done; January has passed
      13: null, // June 30 is after 04.05 (the status «Сделано» is not a status)
      14: null, // Отменено
      15: "due_soon", // the user's «Контрольный срок» 30.04 wins over February
      16: null, // recurring: end 31.12 is after 04.05
      17: "due_soon", // multiple: the April point ends 30.04, in the window
      18: "done",
    });
  });

  it("signals move with --today", () => {
    const later = activities(
      CheckDoc.parse(json(roadmap("check", at("plan.xlsx"), "--json", "--today", "2024-06-20"))),
    );
    expect([7, 13, 15, 16, 17].map((r) => later.get(r)!.signal)).toEqual([
      "overdue", // 30.04 < 20.06
      "due_soon", // 20.06 ≤ 30.06 ≤ 04.07
      "overdue", // dueDate 30.04 passed
      null, // recurring, end 31.12
      "due_soon", // the June point
    ]);
  });

  // "Status findings (rule ids)"
  it("status findings, one per rule, on their rows", () => {
    const status = doc.findings
      .filter((f) => f.rule.startsWith("status."))
      .map((f) => [f.rule, f.sheet, Number(/\d+$/.exec(f.cell ?? "")?.[0])]);
    expect(status.every((s) => s[1] === "План")).toBe(true);
    expect(new Set(status.map((s) => `${s[0]}@${s[2]}`))).toEqual(
      new Set([
        "status.date-in-future@10", // 10.05 after today 20.04
        "status.late-not-marked@11", // Выполнено 05.04, deadline's end 31.03
        "status.done-without-evidence@11",
        "status.not-done-without-reason@12",
        "status.unknown-value@13",
        "status.done-without-date@18",
      ]),
    );
  });
});

describe("fold", () => {
  // "`--json` prints `{ "joins": …, "leftForUser": … }` (rows as in the input file), then the `check` report of
  // the written file under "check"."
  it("joins the continuation row, lists the join by input rows; the check report is of the written file", () => {
    const doc = FoldDoc.parse(json(roadmap("fold", at("split.xlsx"), "-o", at("folded.xlsx"), "--json")));
    expect(doc.joins).toEqual([{ sheet: "Лист1", into: 6, rows: [7] }]);
    expect(doc.leftForUser).toEqual([]);
    expect(doc.check.file).toBe("folded.xlsx");
    expect(doc.check.tables.map((t) => [t.sheet, t.range])).toEqual([["Лист1", "A3:D7"]]);
    const row6 = activities(doc.check).get(6)!;
    expect(row6.activity).toBe(
      "Методический семинар для учителей русского языка и литературы по подготовке к ОГЭ",
    );
    expect(row6.rows).toEqual([6]);
    expect(activities(doc.check).get(7)!.activity).toBe("Родительское собрание");
  });

  // "keeps a copy of each changed sheet as «<лист> (исходный)»"
  it("keeps the original sheet as «Лист1 (исходный)»", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(at("folded.xlsx")) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain("Лист1");
    expect(names).toContain("Лист1 (исходный)");
    expect(wb.getWorksheet("Лист1 (исходный)")!.getCell("B7").value).toBe("литературы по подготовке к ОГЭ");
  });

  // "Running it on its own output changes nothing."
  it("on its own output: no joins, the same tables", () => {
    const again = FoldDoc.parse(json(roadmap("fold", at("folded.xlsx"), "-o", at("folded2.xlsx"), "--json")));
    const first = FoldDoc.parse(json(roadmap("fold", at("split.xlsx"), "-o", at("folded1.xlsx"), "--json")));
    expect(again.joins).toEqual([]);
    expect(again.leftForUser).toEqual([]);
    expect(again.check.tables).toEqual(first.check.tables);
  });
});

describe("people", () => {
  // `{ "people": [{ "person": "Грицина Н.В.", "positions": […], "activities": [{ "sheet", "row", "activity",
  // "deadline": <raw> }] }] }`
  it("each person with the activities and raw deadlines; roles are not people", () => {
    const doc = PeopleDoc.parse(json(roadmap("people", at("plan.xlsx"), "-o", at("people.xlsx"), "--json")));
    const byPerson = Object.fromEntries(doc.people.map((p) => [p.person, p]));
    expect(Object.keys(byPerson).sort()).toEqual(["Иванова А.Б.", "Петров В.Г.", "Сидорова Д.Е."]);
    expect(byPerson["Сидорова Д.Е."].activities).toEqual([
      { sheet: "План", row: 8, activity: "Анализ результатов пробных экзаменов", deadline: "Февраль 2024" },
      { sheet: "План", row: 12, activity: "Диагностика профессиональных дефицитов", deadline: "Январь 2024" },
      { sheet: "План", row: 17, activity: "Пробные экзамены по математике", deadline: "Апрель, июнь 2024" },
    ]);
    expect(byPerson["Иванова А.Б."].activities.map((a) => a.row)).toEqual([6, 10, 13, 15, 18]);
  });

  // "writes or extends the sheet «Ответственные» …; existing rows are never rewritten."
  it("writes the sheet «Ответственные»; run on its output, the sheet's rows stay", async () => {
    const load = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(at(f)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("Ответственные");
      expect(ws).toBeDefined();
      const rows: unknown[] = [];
      ws!.eachRow((r) => rows.push(JSON.stringify(r.values)));
      return rows;
    };
    expect(roadmap("people", at("people.xlsx"), "-o", at("people2.xlsx")).code).toBe(0);
    const first = await load("people.xlsx");
    expect(first.join("\n")).toContain("Иванова А.Б.");
    expect(await load("people2.xlsx")).toEqual(first);
  });
});

describe("annotate", () => {
  // "adds the control columns «Статус», «Дата выполнения», «Подтверждающий документ», «Комментарий» and
  // «Контрольный срок» (the deadline's `end` as a date)"; "`--json` prints the `check` report of the written file."
  it("adds the five control columns after the table and fills «Контрольный срок» with the deadline's end", () => {
    const r = roadmap("annotate", at("split.xlsx"), "-o", at("annotated.xlsx"), "--json", "--today", TODAY);
    const doc = CheckDoc.parse(json(r));
    expect(doc.file).toBe("annotated.xlsx");
    expect(doc.tables[0].columns).toMatchObject({
      status: "E",
      doneDate: "F",
      evidenceLink: "G",
      comment: "H",
      dueDate: "I",
    });
    const acts = activities(doc);
    // Row 7 is a continuation here (annotate does not fold): row 6 spans 6–7.
    expect([...acts.values()].map((a) => [a.row, a.dueDate, a.status, a.signal])).toEqual([
      [4, "2024-02-29", null, "overdue"],
      [5, "2024-03-31", null, "overdue"],
      [6, "2024-04-30", null, "due_soon"],
      [8, "2024-05-31", null, null],
    ]);
  });

  // "Columns the table already has under similar headers are used, not duplicated."
  it("a table that has the control columns keeps them: no column added", () => {
    const doc = CheckDoc.parse(
      json(roadmap("annotate", at("plan.xlsx"), "-o", at("annotated-plan.xlsx"), "--json", "--today", TODAY)),
    );
    expect(doc.tables[0].range).toBe("A4:I18");
    expect(activities(doc).get(15)!.dueDate).toBe("2024-04-30"); // the user's date, not overwritten
  });

  // "running it on its own output changes no cell."
  it("on its own output changes no cell", async () => {
    expect(
      roadmap("annotate", at("annotated.xlsx"), "-o", at("annotated2.xlsx"), "--today", TODAY).code,
    ).toBe(0);
    const cells = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(at(f)) as unknown as ArrayBuffer);
      const out: string[] = [];
      // The add-in's own hidden settings sheet is its memory, not the user's cells.
      for (const ws of wb.worksheets.filter((w) => w.state === "visible"))
        ws.eachRow((row, r) =>
          row.eachCell((c, col) => out.push(`${ws.name}!${r}:${col}=${JSON.stringify(c.value)}`)),
        );
      return out;
    };
    expect(await cells("annotated2.xlsx")).toEqual(await cells("annotated.xlsx"));
  });
});

describe("report --quarter", () => {
  // "An activity is due in the quarter when its window [start or end, end] meets the quarter — for a
  // `multiple` deadline, the window of one of its `points` — or when it is `recurring` or `whole_period` and
  // the period meets the quarter."
  it("2024-Q2: bounds, statuses of all activities, the activities due, the overdue rows", () => {
    const doc = ReportDoc.parse(
      json(
        roadmap(
          "report",
          at("plan.xlsx"),
          "-o",
          at("report.xlsx"),
          "--quarter",
          "2024-Q2",
          "--today",
          TODAY,
          "--json",
        ),
      ),
    );
    expect([doc.quarter, doc.start, doc.end]).toEqual(["2024-Q2", "2024-04-01", "2024-06-30"]);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect(t.sheet).toBe("План");
    // `"" = no status yet; all activities` — row 13's «Сделано» is not a status: "".
    expect(t.byStatus).toEqual({
      "Не начато": 0,
      "В работе": 1,
      Выполнено: 3,
      "Выполнено с нарушением срока": 1,
      "Не выполнено": 1,
      Отменено: 1,
      "": 6,
    });
    // April (7), May (10), June (13), recurring (16), multiple with an April point (17); row 15's own
    // «Контрольный срок» 30.04 is in the quarter (our reading: the user's due date wins, as for signals).
    // Not due: 01.03 (6), February (8), unspecified (9), March (11, 18), January (12), December (14).
    expect([...t.due].sort((a, b) => a.row - b.row)).toEqual([
      { row: 7, signal: "due_soon", status: "В работе" },
      { row: 10, signal: "done_late", status: "Выполнено с нарушением срока" },
      { row: 13, signal: null, status: null },
      { row: 15, signal: "due_soon", status: null },
      { row: 16, signal: null, status: null },
      { row: 17, signal: "due_soon", status: null },
    ]);
    // "rows whose signal is overdue"
    expect(t.overdue).toEqual([8, 12]);
    expect(t.byPerson.map((p) => p.person).sort()).toEqual(["Иванова А.Б.", "Петров В.Г.", "Сидорова Д.Е."]);
  });

  it("2024-Q1: January–March", () => {
    const doc = ReportDoc.parse(
      json(
        roadmap(
          "report",
          at("plan.xlsx"),
          "-o",
          at("report1.xlsx"),
          "--quarter",
          "2024-Q1",
          "--today",
          TODAY,
          "--json",
        ),
      ),
    );
    expect([doc.start, doc.end]).toEqual(["2024-01-01", "2024-03-31"]);
    // by_date 01.03 (6), February (8, and 15 by its deadline's window), March (11, 18), January (12), recurring (16).
    expect(doc.tables[0].due.map((d) => d.row).sort((a, b) => a - b)).toEqual([6, 8, 11, 12, 16, 18]);
  });

  // "written as a sheet «Отчёт YYYY-QN» (replaced, never duplicated, when run again)"
  it("writes «Отчёт 2024-Q2» once, even run on its own output", async () => {
    expect(
      roadmap(
        "report",
        at("report.xlsx"),
        "-o",
        at("report-again.xlsx"),
        "--quarter",
        "2024-Q2",
        "--today",
        TODAY,
      ).code,
    ).toBe(0);
    for (const f of ["report.xlsx", "report-again.xlsx"]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(at(f)) as unknown as ArrayBuffer);
      expect(wb.worksheets.filter((w) => w.name.startsWith("Отчёт")).map((w) => w.name)).toEqual([
        "Отчёт 2024-Q2",
      ]);
    }
  });
});
