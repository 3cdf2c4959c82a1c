import { checkWorkbook } from "../../src/domain/check";
import type { ActivityRow } from "../../src/domain/model";
import { readDateCell, readStatus, signalOf } from "../../src/domain/control/signal";
import { roleOfHeader } from "../../src/domain/recognition";
import { seed004WithStatuses } from "./seed-statuses";

// Seed 004 (2022) on 20.06.2022: «due soon» runs to 04.07.2022.
const TODAY = "2022-06-20";

function activities() {
  const r = checkWorkbook(seed004WithStatuses(), { today: TODAY });
  expect(r.tables).toHaveLength(1);
  return { table: r.tables[0], findings: r.findings };
}

describe("control columns on seed 004", () => {
  test("the five control columns are recognised by their headers", () => {
    const { table } = activities();
    expect(table.range).toBe("A7:J38");
    expect(table.columns).toMatchObject({
      status: "F",
      doneDate: "G",
      evidenceLink: "H",
      comment: "I",
      dueDate: "J",
      deadline: "C",
      result: "E",
    });
  });

  test("each activity's control fields as typed", () => {
    const rows = activities().table.rows.filter((r): r is ActivityRow => r.kind === "activity");
    const by = new Map(rows.map((r) => [r.row, r]));
    expect(by.get(8)).toMatchObject({
      status: "Выполнено",
      doneDate: "2022-04-25",
      evidenceLink: "Приказ № 12 от 25.04.2022",
      comment: null,
      dueDate: null,
    });
    // «выполнено» in lower case is the list's «Выполнено».
    expect(by.get(10)).toMatchObject({ status: "Выполнено", doneDate: "2022-05-05", evidenceLink: null });
    expect(by.get(14)).toMatchObject({ status: "В работе", dueDate: "2022-06-30" });
    expect(by.get(21)).toMatchObject({ status: null });
    expect(by.get(24)).toMatchObject({ status: "Не выполнено", comment: "Перенесено решением совета" });
    expect(by.get(31)).toMatchObject({ status: null, dueDate: "2022-06-01" });
    expect(by.get(9)).toMatchObject({
      status: null,
      doneDate: null,
      evidenceLink: null,
      comment: null,
      dueDate: null,
    });
  });

  test("signals pick exactly the right rows", () => {
    const rows = activities().table.rows.filter((r): r is ActivityRow => r.kind === "activity");
    const pick = (s: string) => rows.filter((r) => r.signal === s).map((r) => r.row);
    // 13 «До 15.04» not done; 31 control date 01.06 moved before «Декабрь»; 35 «Май 2022».
    expect(pick("overdue")).toEqual([13, 31, 35]);
    // 14 control date 30.06; 15 «Май, июнь» ends 30.06; 20 «Июнь»; 30 «июнь декабрь»: its June point.
    // (19 «Июнь» is cancelled.)
    expect(pick("due_soon")).toEqual([14, 15, 20, 30]);
    expect(pick("done")).toEqual([8, 10, 22]);
    expect(pick("done_late")).toEqual([11]);
  });

  test("status findings and overdue findings pick exactly the right cells", () => {
    const { findings } = activities();
    const got = findings
      .filter((f) => f.rule.startsWith("status.") || f.rule === "deadline.overdue")
      .map((f) => `${f.rule} ${f.cell}`);
    expect(got).toEqual([
      "status.late-not-marked F10",
      "status.done-without-evidence H10",
      "status.done-without-date G11",
      "deadline.overdue C13",
      "status.not-done-without-reason I13",
      "status.unknown-value F21",
      "status.date-in-future G22",
      "deadline.overdue C31",
      "deadline.overdue C35",
    ]);
    const unknown = findings.find((f) => f.rule === "status.unknown-value")!;
    expect(unknown.message).toBe("Статус «сделано» не из списка");
  });

  test("without today there are no signals and no date checks", () => {
    const r = checkWorkbook(seed004WithStatuses(), { today: null });
    const rows = r.tables[0].rows.filter((x): x is ActivityRow => x.kind === "activity");
    expect(rows.every((x) => x.signal === null)).toBe(true);
    expect(r.findings.filter((f) => f.rule === "status.date-in-future")).toEqual([]);
  });
});

describe("the signal rule", () => {
  const row = (over: Partial<ActivityRow>): ActivityRow => ({
    row: 5,
    kind: "activity",
    number: "1.",
    section: null,
    rows: [5],
    activity: "Семинар",
    deadline: { raw: "Май 2024", type: "month", start: "2024-05-01", end: "2024-05-31", recurrence: null },
    responsible: { raw: "", persons: [], roles: [] },
    result: null,
    evidence: null,
    status: null,
    doneDate: null,
    evidenceLink: null,
    comment: null,
    dueDate: null,
    signal: null,
    ...over,
  });
  test.each([
    ["2024-06-01", {}, "overdue"],
    ["2024-05-31", {}, "due_soon"], // the end day itself
    ["2024-05-17", {}, "due_soon"], // exactly 14 days ahead
    ["2024-05-16", {}, null], // 15 days ahead
    ["2024-06-01", { status: "Отменено" as const }, null],
    ["2024-06-01", { status: "Выполнено" as const }, "done"],
    ["2024-01-01", { status: "Выполнено с нарушением срока" as const }, "done_late"],
    ["2024-06-01", { status: "Не выполнено" as const }, "overdue"],
    ["2024-06-01", { dueDate: "2024-06-10" }, "due_soon"],
    [
      "2024-06-01",
      {
        deadline: {
          raw: "По графику",
          type: "unspecified" as const,
          start: null,
          end: null,
          recurrence: null,
        },
      },
      null,
    ],
    [
      "2024-06-01",
      {
        dueDate: "2024-05-01",
        deadline: {
          raw: "По графику",
          type: "unspecified" as const,
          start: null,
          end: null,
          recurrence: null,
        },
      },
      "overdue",
    ],
  ])("today %s, %j → %s", (today, over, signal) => {
    expect(signalOf(row(over), today)).toBe(signal);
  });

  test.each([
    ["Выполнено", "Выполнено"],
    ["  в  работе ", "В работе"],
    ["ВЫПОЛНЕНО С НАРУШЕНИЕМ СРОКА", "Выполнено с нарушением срока"],
    ["Не начато", "Не начато"],
    ["исполнено", null],
    ["да", null],
    ["", null],
  ])("status %j → %j", (text, status) => {
    expect(readStatus(text)).toBe(status);
  });

  test.each([
    [45000, "2023-03-15"],
    ["15.03.2023", "2023-03-15"],
    ["15 марта 2023 г.", "2023-03-15"],
    ["март", null],
    [7, null],
    [null, null],
  ])("date cell %j → %j", (v, iso) => {
    expect(readDateCell(v)).toBe(iso);
  });
});

describe("control column headers", () => {
  test.each([
    ["Статус", "status"],
    ["Отметка о выполнении", "status"],
    ["Выполнение", "status"],
    ["Дата выполнения", "doneDate"],
    ["Подтверждающий документ", "evidence"],
    ["Отчёт о выполнении", "evidenceLink"],
    ["Ссылка на документ", "evidenceLink"],
    ["Примечание", "comment"],
    ["Комментарий", "comment"],
    ["Контрольный срок", "dueDate"],
    ["Контрольная дата", "dueDate"],
    ["Контрольные сроки", "deadline"],
  ])("%s → %s", (label, role) => {
    expect(roleOfHeader(label)?.role).toBe(role);
  });
});
