import { readDeadline } from "../../src/domain/deadline";
import type { ActivityRow, Deadline, Finding, RoadmapTable, Status, TableRow } from "../../src/domain/model";
import { deadlineFindings, isDoneStatus, periodLabel } from "../../src/domain/validation/deadline-rules";
import { columns } from "../fixtures/expected/types";

const COLUMNS = columns({ number: "A", activity: "B", deadline: "C", responsible: ["D"] });

function dl(
  raw: string,
  type: Deadline["type"],
  start: string | null,
  end: string | null,
  extra: Partial<Deadline> = {},
): Deadline {
  return { raw, type, start, end, recurrence: null, ...extra };
}

function act(
  row: number,
  deadline: Deadline,
  status: Status | null = null,
  rows: number[] = [row],
): ActivityRow {
  return {
    row,
    kind: "activity",
    number: `${row - 1}.`,
    section: null,
    rows,
    activity: `Мероприятие в строке ${row}`,
    deadline,
    responsible: { raw: "Иванова И.И.", persons: [{ surname: "Иванова", initials: "И.И." }], roles: [] },
    result: null,
    evidence: null,
    status,
    doneDate: null,
    evidenceLink: null,
    comment: null,
    dueDate: null,
    signal: null,
  };
}

function table(rows: TableRow[], over: Partial<RoadmapTable> = {}): RoadmapTable {
  return {
    sheet: "Лист1",
    range: "A1:D40",
    headerRows: [1],
    title: "Дорожная карта",
    period: { start: "2023-09-01", end: "2024-08-31" },
    approved: "2023-10-19",
    columns: COLUMNS,
    rows: [{ row: 1, kind: "header" }, ...rows],
    ...over,
  };
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.cell}`);

describe("deadline findings", () => {
  test("missing is an error pinned to the deadline cell of the activity's first row", () => {
    const fs = deadlineFindings(table([act(5, dl("", "missing", null, null), null, [5, 6])]), {});
    expect(fs).toEqual([
      {
        rule: "deadline.missing",
        severity: "error",
        sheet: "Лист1",
        cell: "C5",
        message: "Не указан срок мероприятия «Мероприятие в строке 5»",
        suggestion:
          "Укажите срок: дату (15.09.2024), месяц (сентябрь 2024) или период (сентябрь – декабрь 2024)",
      },
    ]);
  });

  test("unparsed is a warning quoting the text", () => {
    const [f] = deadlineFindings(table([act(3, dl("см. выше", "unparsed", null, null))]));
    expect(f.rule).toBe("deadline.unparsed");
    expect(f.severity).toBe("warning");
    expect(f.message).toBe("Не удалось прочитать срок «см. выше»");
  });

  test("someone else's schedule is vague (info) and asks for the schedule", () => {
    const [f] = deadlineFindings(table([act(3, dl("По графику ИРО", "unspecified", null, null))]));
    expect(f.rule).toBe("deadline.vague");
    expect(f.severity).toBe("info");
    expect(f.message).toContain("«По графику ИРО»");
    expect(f.suggestion).toContain("график");
  });

  test("event-based, whole-period and recurring deadlines raise nothing", () => {
    const fs = deadlineFindings(
      table([
        act(3, dl("После проведения оценочной процедуры", "event_based", null, null)),
        act(4, dl("В течение года", "whole_period", "2023-09-01", "2024-08-31")),
        act(5, dl("ежеквартально", "recurring", "2023-09-01", "2024-08-31", { recurrence: "quarterly" })),
      ]),
    );
    expect(fs).toEqual([]);
  });

  test("seed 002: Sep/Nov/Dec 2024 are outside a 2023-2024 school year, Apr/May 2024 are inside", () => {
    const fs = deadlineFindings(
      table([
        act(10, dl("Сентябрь 2024", "month", "2024-09-01", "2024-09-30")),
        act(11, dl("Ноябрь 2024", "month", "2024-11-01", "2024-11-30")),
        act(12, dl("декабрь 2024", "month", "2024-12-01", "2024-12-31")),
        act(13, dl("Апрель 2024", "month", "2024-04-01", "2024-04-30")),
        act(14, dl("Май 2024", "month", "2024-05-01", "2024-05-31")),
      ]),
    );
    expect(brief(fs)).toEqual([
      "deadline.outside-period C10",
      "deadline.outside-period C11",
      "deadline.outside-period C12",
    ]);
    expect(fs[0].severity).toBe("warning");
    expect(fs[0].message).toBe("Срок «Сентябрь 2024» выходит за период дорожной карты (2023–2024 уч. год)");
    expect(fs[0].suggestion).toBe("Проверьте год: возможно, 2023");
  });

  test("seed 002: January and March 2023 end before the approval of 19.10.2023", () => {
    const rows = [
      act(20, dl("Январь 2023", "month", "2023-01-01", "2023-01-31")),
      act(21, dl("Март 2023", "month", "2023-03-01", "2023-03-31")),
    ];
    // Without a period, the approval alone says they are too early.
    const before = deadlineFindings(table(rows, { period: null })).filter(
      (f) => f.rule === "deadline.before-approval",
    );
    expect(brief(before)).toEqual(["deadline.before-approval C20", "deadline.before-approval C21"]);
    expect(before[0].message).toBe("Срок «Январь 2023» истекает до утверждения дорожной карты (19.10.2023)");
    expect(before[0].suggestion).toBe("Проверьте год: возможно, 2024");
    // They are before the school year too; that says more (the year starts before the approval), and one cell
    // gets one finding that it is too early, not two.
    const fs = deadlineFindings(table(rows));
    expect(fs.filter((f) => f.rule === "deadline.outside-period").map((f) => f.suggestion)).toEqual([
      "Проверьте год: возможно, 2024",
      "Проверьте год: возможно, 2024",
    ]);
    expect(brief(fs)).toEqual(["deadline.outside-period C20", "deadline.outside-period C21"]);
  });

  test("too early for both the period and the approval: the bound that comes first decides which one is kept", () => {
    // Approved in August for a school year from 1 September: «before approval» is the narrower statement.
    const august = table([act(5, dl("Май 2023", "month", "2023-05-01", "2023-05-31"))], {
      approved: "2023-08-25",
    });
    expect(brief(deadlineFindings(august))).toEqual(["deadline.before-approval C5"]);
    // A date after the period's end is only outside the period.
    const late = table([act(6, dl("Сентябрь 2024", "month", "2024-09-01", "2024-09-30"))]);
    expect(brief(deadlineFindings(late))).toEqual(["deadline.outside-period C6"]);
  });

  test("a range or a list of points expires at its right end: «Февраль 2023 июнь 2023» after a March approval", () => {
    const cal = { period: { start: "2023-01-01", end: "2023-12-31" }, approved: "2023-03-30" };
    const d = readDeadline("Февраль 2023 июнь 2023", cal);
    expect(d).toMatchObject({ type: "multiple", start: "2023-02-01", end: "2023-06-30" });
    const t = table([act(8, d), act(9, readDeadline("Февраль 2023", cal))], cal);
    expect(brief(deadlineFindings(t))).toEqual(["deadline.before-approval C9"]);
    const range = readDeadline("С 01.02.2023 по 30.06.2023", cal);
    expect(brief(deadlineFindings(table([act(10, range)], cal)))).toEqual([]);
  });

  test("a yearless date is never outside the period, but can be before approval", () => {
    const fs = deadlineFindings(table([act(7, dl("15.09.", "date", "2023-09-15", "2023-09-15"))]));
    expect(brief(fs)).toEqual(["deadline.before-approval C7"]);
    expect(fs[0].suggestion).toBe(
      "Проверьте срок: если мероприятие уже выполнено до утверждения, отметьте это; иначе укажите новую дату",
    );
  });

  test("a deadline inside a calendar-year period, before approval, does not suggest another year", () => {
    const t = table([act(4, dl("До 30.01.2023", "by_date", null, "2023-01-30"))], {
      period: { start: "2023-01-01", end: "2023-12-31" },
      approved: "2023-03-30",
    });
    const fs = deadlineFindings(t);
    expect(brief(fs)).toEqual(["deadline.before-approval C4"]);
    expect(fs[0].suggestion).not.toContain("возможно");
  });

  test("a range ending before it starts is an error, and nothing else is said about it", () => {
    const fs = deadlineFindings(
      table([act(8, dl("01.10.2023 – 15.09.2023", "range", "2023-10-01", "2023-09-15"))]),
    );
    expect(fs).toHaveLength(1);
    expect(fs[0].rule).toBe("deadline.inverted-range");
    expect(fs[0].severity).toBe("error");
    expect(fs[0].message).toBe(
      "В сроке «01.10.2023 – 15.09.2023» дата окончания (15.09.2023) раньше даты начала (01.10.2023)",
    );
  });

  test("no year is suggested when a year later would still not fit the period", () => {
    const fs = deadlineFindings(
      table([act(6, dl("Август-сентябрь 2023г", "month_range", "2023-08-01", "2023-09-30"))]),
    );
    expect(brief(fs)).toEqual(["deadline.before-approval C6"]);
    expect(fs[0].suggestion).not.toContain("возможно");
  });

  test("one point of a multiple outside the period is enough", () => {
    const d = dl("Ноябрь 2023, сентябрь 2024", "multiple", "2023-11-01", "2024-09-30", {
      points: [
        { start: "2023-11-01", end: "2023-11-30" },
        { start: "2024-09-01", end: "2024-09-30" },
      ],
    });
    expect(brief(deadlineFindings(table([act(9, d)])))).toEqual(["deadline.outside-period C9"]);
  });

  test("overdue: past the end and not done; skipped without today", () => {
    const rows = [
      act(3, dl("Ноябрь 2023", "month", "2023-11-01", "2023-11-30"), "В работе"),
      act(4, dl("Ноябрь 2023", "month", "2023-11-01", "2023-11-30"), "Выполнено"),
      act(5, dl("до 15.12.2023", "by_date", null, "2023-12-15"), null),
      act(6, dl("Май 2024", "month", "2024-05-01", "2024-05-31"), null),
      act(7, dl("По графику ИРО", "unspecified", null, null), null),
    ];
    const withStatus = { columns: { ...COLUMNS, status: "E" } };
    const fs = deadlineFindings(table(rows, withStatus), { today: "2024-01-10" }).filter(
      (f) => f.rule === "deadline.overdue",
    );
    expect(brief(fs)).toEqual(["deadline.overdue C3", "deadline.overdue C5"]);
    expect(fs[0].severity).toBe("warning");
    expect(fs[0].message).toBe(
      "Срок «Ноябрь 2023» прошёл (30.11.2023), а мероприятие не отмечено как выполненное",
    );
    expect(
      deadlineFindings(table(rows), { today: null }).filter((f) => f.rule === "deadline.overdue"),
    ).toEqual([]);
    expect(deadlineFindings(table(rows)).filter((f) => f.rule === "deadline.overdue")).toEqual([]);
    // Without a status column nothing can be marked done yet, so nothing is called overdue.
    expect(
      deadlineFindings(table(rows), { today: "2024-01-10" }).filter((f) => f.rule === "deadline.overdue"),
    ).toEqual([]);
  });

  test("a deadline already flagged as before approval is not also called overdue", () => {
    const rows = [act(3, dl("Январь 2023", "month", "2023-01-01", "2023-01-31"), null)];
    const t = table(rows, {
      period: { start: "2023-01-01", end: "2023-12-31" },
      approved: "2023-03-30",
      columns: { ...COLUMNS, status: "E" },
    });
    expect(brief(deadlineFindings(t, { today: "2024-01-10" }))).toEqual(["deadline.before-approval C3"]);
  });

  test("no deadline column: no per-row findings", () => {
    const t = table([act(3, dl("", "missing", null, null))], { columns: { ...COLUMNS, deadline: null } });
    expect(deadlineFindings(t, {})).toEqual([]);
  });

  test("section and continuation rows are not checked", () => {
    const t = table([
      { row: 2, kind: "section", text: "Муниципальный уровень" },
      act(3, dl("Ноябрь 2023", "month", "2023-11-01", "2023-11-30"), null, [3, 4]),
      { row: 4, kind: "continuation" },
    ]);
    expect(deadlineFindings(t, {})).toEqual([]);
  });

  test("the whole seed 002 column, read by the reader, is flagged where a careful reader would", () => {
    const ctx = { period: { start: "2023-09-01", end: "2024-08-31" }, approved: "2023-10-19" };
    const texts = [
      "Сентябрь 2024",
      "Ноябрь 2024",
      "декабрь 2024",
      "Апрель 2024",
      "Май 2024",
      "Январь 2023",
      "Март 2023",
      "Ноябрь 2023",
      "01.09. 31.10",
    ];
    const t = table(texts.map((raw, i) => act(10 + i, readDeadline(raw, ctx))));
    expect(brief(deadlineFindings(t, {}))).toEqual([
      "deadline.outside-period C10",
      "deadline.outside-period C11",
      "deadline.outside-period C12",
      "deadline.outside-period C15",
      "deadline.outside-period C16",
    ]);
  });
});

describe("helpers", () => {
  test.each([
    ["Выполнено", true],
    ["исполнено 12.03.2024", true],
    ["done", true],
    ["не выполнено", false],
    ["Да", true],
    ["+", true],
    ["нет", false],
    ["выполнено частично", false],
    ["в работе", false],
    ["", false],
    [null, false],
  ] as const)("isDoneStatus(%j) = %j", (status, done) => {
    expect(isDoneStatus(status)).toBe(done);
  });

  test.each([
    [{ start: "2023-01-01", end: "2023-12-31" }, "2023"],
    [{ start: "2023-09-01", end: "2024-08-31" }, "2023–2024 уч. год"],
    [{ start: "2023-09-01", end: "2024-05-31" }, "2023–2024 уч. год"],
    [{ start: "2022-01-01", end: "2024-12-31" }, "2022–2024"],
    [{ start: "2023-03-15", end: "2023-11-30" }, "15.03.2023 – 30.11.2023"],
  ])("periodLabel(%j) = %s", (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});
