import { checkWorkbook } from "../../src/domain/check";
import { buildQuarterReport, planReportSheet, reportSheetName } from "../../src/domain/control/report";
import type { EditOp } from "../../src/domain/edit-plan";
import { parseQuarter } from "../../src/domain/quarter";
import { seed004WithStatuses } from "./seed-statuses";

const TODAY = "2022-06-20";
const Q2 = parseQuarter("2022-Q2")!;

function setup() {
  const wb = seed004WithStatuses();
  const r = checkWorkbook(wb, { today: TODAY });
  return { wb, r, report: buildQuarterReport(r.tables, Q2, r.directory) };
}

describe("report 2022-Q2 on seed 004 with statuses typed in", () => {
  test("the contract's JSON, hand-counted", () => {
    const { report } = setup();
    expect(report.quarter).toBe("2022-Q2");
    expect([report.start, report.end]).toEqual(["2022-04-01", "2022-06-30"]);
    expect(report.tables).toHaveLength(1);
    const t = report.tables[0];
    expect(t.sheet).toBe("Лист1");
    // 31 activities (rows 8–38): ten typed statuses, two of them not in the list (21 «сделано», 31 empty).
    expect(t.byStatus).toEqual({
      "Не начато": 0,
      "В работе": 1,
      Выполнено: 3,
      "Выполнено с нарушением срока": 1,
      "Не выполнено": 2,
      Отменено: 1,
      "": 23,
    });
    // Due in April–June: April/May/June deadlines, ranges and recurring/whole-period ones (period 2022), row 14
    // by its control date 30.06, row 31 by its control date 01.06 (its deadline is December); overdue first.
    expect(t.due.map((d) => d.row)).toEqual([
      13, 31, 35, 14, 15, 20, 30, 11, 8, 10, 9, 12, 16, 17, 18, 19, 26, 29, 32, 33, 36, 37,
    ]);
    expect(t.due[0]).toEqual({ row: 13, signal: "overdue", status: "Не выполнено" });
    expect(t.due.find((d) => d.row === 19)).toEqual({ row: 19, signal: null, status: "Отменено" });
    expect(t.overdue).toEqual([13, 31, 35]);
    // Only rows 8–11 (and 24, 25: autumn) name a person: Гокова В.Я.
    expect(t.byPerson).toEqual([{ person: "Гокова В.Я.", activities: 4, done: 3, overdue: 0 }]);
  });

  test("the sheet «Отчёт 2022-Q2»: added, totals, the due list overdue first, printed on A4 landscape", () => {
    const { wb, r, report } = setup();
    const plan = planReportSheet(
      wb.sheets.map((s) => s.name),
      r.tables,
      Q2,
      report,
      TODAY,
    );
    expect(plan.ops[0]).toEqual({ op: "addSheet", sheet: "Отчёт 2022-Q2" });
    expect(plan.ops.some((o) => o.op === "deleteSheet")).toBe(false);
    const block = plan.ops[1] as Extract<EditOp, { op: "setValues" }>;
    expect(block).toMatchObject({ op: "setValues", sheet: "Отчёт 2022-Q2", row: 0, col: 0 });
    const v = block.values;
    expect(v[0][0]).toBe("Отчёт о выполнении дорожной карты за II квартал 2022 г. (01.04.2022 – 30.06.2022)");
    expect(v[3].slice(0, 3)).toEqual(["Статус", "Мероприятий", "Доля, %"]);
    expect(v.slice(4, 11).map((x) => [x[0], x[1]])).toEqual([
      ["Не начато", 0],
      ["В работе", 1],
      ["Выполнено", 3],
      ["Выполнено с нарушением срока", 1],
      ["Не выполнено", 2],
      ["Отменено", 1],
      ["Без статуса", 23],
    ]);
    expect(v[11].slice(0, 3)).toEqual(["Всего", 31, 100]);
    const head = v.findIndex((x) => x[0] === "Лист" && x[1] === "Строка");
    expect(v[head + 1]).toEqual([
      "Лист1",
      13,
      "6.",
      expect.any(String),
      "До 15.04.2022",
      44666, // 15.04.2022
      "Рабочая группа",
      "Не выполнено",
      null,
      null,
      null,
      "Просрочено",
    ]);
    expect(v.slice(head + 1, head + 23).map((x) => x[1])).toEqual([
      13, 31, 35, 14, 15, 20, 30, 11, 8, 10, 9, 12, 16, 17, 18, 19, 26, 29, 32, 33, 36, 37,
    ]);
    const layout = plan.ops.find((o) => o.op === "setPageLayout");
    expect(layout).toMatchObject({
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: { top: head, bottom: head },
      printArea: { top: 0, left: 0, right: 11 },
    });
    const chart = plan.ops.find((o) => o.op === "addChart");
    expect(chart).toMatchObject({ type: "column", data: { top: 3, bottom: 10, left: 0, right: 1 } });
  });

  test("a rerun replaces the sheet: deleted then added, never a second copy", () => {
    const { wb, r, report } = setup();
    wb.sheets.push({
      name: reportSheetName(Q2),
      rows: [["старый отчёт"]],
      merges: [],
      hiddenRows: [],
      hiddenColumns: [],
      protected: false,
    });
    const plan = planReportSheet(
      wb.sheets.map((s) => s.name),
      r.tables,
      Q2,
      report,
      TODAY,
    );
    expect(plan.ops.slice(0, 2)).toEqual([
      { op: "deleteSheet", sheet: "Отчёт 2022-Q2" },
      { op: "addSheet", sheet: "Отчёт 2022-Q2" },
    ]);
    expect(plan.ops.filter((o) => o.op === "deleteSheet" || o.op === "addSheet")).toHaveLength(2);
  });
});
