import { checkWorkbook } from "../../src/domain/check";
import { planAnnotate, type AnnotatePlan } from "../../src/domain/control/annotate";
import { SIGNAL_MARKER } from "../../src/domain/control/signal-formats";
import type { EditOp } from "../../src/domain/edit-plan";
import type { WorkbookGrid } from "../../src/domain/grid";
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import { applyPlanToGrid } from "../../src/domain/recognition";
import { regionCases } from "../fixtures/regions/workbooks";
import { seedFixtures } from "../fixtures/seeds";

function plan(wb: WorkbookGrid, stored: AnnotatePlan["setting"] | null = null) {
  const tables = checkWorkbook(wb, { today: null }).tables;
  return { tables, result: planAnnotate(wb, tables, stored) };
}

function acts(t: RoadmapTable): ActivityRow[] {
  return t.rows.filter((r): r is ActivityRow => r.kind === "activity");
}

function ops<K extends EditOp["op"]>(p: AnnotatePlan, kind: K): Extract<EditOp, { op: K }>[] {
  return p.plan.ops.filter((o): o is Extract<EditOp, { op: K }> => o.op === kind);
}

const seed = (id: string) => structuredClone(seedFixtures().find((f) => f.id === id)!.workbook);

describe("annotate on seed 004 (a table A7:E38 with nothing to its right)", () => {
  const wb = seed("004-clean");
  const { tables, result } = plan(wb);

  test("five columns F–J with the contract's headers, written into the header row", () => {
    expect(ops(result, "insertColumns")).toEqual([]);
    expect(ops(result, "setValues")[0]).toEqual({
      op: "setValues",
      sheet: "Лист1",
      row: 6,
      col: 5,
      values: [["Статус", "Дата выполнения", "Подтверждающий документ", "Комментарий", "Контрольный срок"]],
    });
    expect(result.tables[0].columns.map((c) => `${c.letter}:${c.reused}`)).toEqual([
      "F:false",
      "G:false",
      "H:false",
      "I:false",
      "J:false",
    ]);
  });

  test("«Контрольный срок» holds the deadline's end as an Excel serial with a date format", () => {
    const due = ops(result, "setValues").filter((o) => o.col === 9);
    // Rows 8–38 are all activities: one block. «Апрель 2022» ends 30.04.2022 = serial 44681;
    // row 27 «После каждого участия в мониторинге…» has no end.
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ row: 7, numberFormat: "dd.mm.yyyy" });
    expect(due[0].values[0]).toEqual([44681]);
    expect(due[0].values[27 - 8]).toEqual([null]);
    // «До 15 апреля 2022» (row 11) → 44666.
    expect(due[0].values[11 - 8]).toEqual([44666]);
  });

  test("validations on activity rows: the status list, dates", () => {
    const v = ops(result, "setValidation");
    expect(v.map((o) => [o.range.left, o.range.top, o.range.bottom, o.rule.kind])).toEqual([
      [5, 7, 37, "list"],
      [6, 7, 37, "date"],
      [9, 7, 37, "date"],
    ]);
    expect(v[0].rule).toEqual({
      kind: "list",
      list: [
        "Не начато",
        "В работе",
        "Выполнено",
        "Выполнено с нарушением срока",
        "Не выполнено",
        "Отменено",
      ],
    });
  });

  test("signal formats over the control columns of the body, formulas reading the row's own cells", () => {
    const cf = ops(result, "addConditionalFormat");
    expect(cf).toHaveLength(4);
    for (const c of cf) expect(c.range).toEqual({ top: 7, bottom: 37, left: 5, right: 9 });
    expect(cf.map((c) => c.formula)).toEqual([
      '=AND("RM:signal"<>"",ISNUMBER($J8),$J8<TODAY(),$F8<>"Выполнено",$F8<>"Выполнено с нарушением срока",$F8<>"Отменено")',
      '=AND("RM:signal"<>"",ISNUMBER($J8),$J8>=TODAY(),$J8<=TODAY()+14,$F8<>"Выполнено",$F8<>"Выполнено с нарушением срока",$F8<>"Отменено")',
      '=AND("RM:signal"<>"",$F8="Выполнено с нарушением срока")',
      '=AND("RM:signal"<>"",$F8="Выполнено")',
    ]);
    expect(cf.map((c) => c.fill)).toEqual(["FFC7CE", "FFEB9C", "FCE4D6", "C6EFCE"]);
  });

  test("the annotated grid reads back: same activities, control columns found, due dates = deadline ends", () => {
    const out = applyPlanToGrid(result.plan, wb);
    const after = checkWorkbook(out, { today: null }).tables;
    expect(after).toHaveLength(1);
    expect(after[0].range).toBe("A7:J38");
    expect(after[0].columns).toMatchObject({
      status: "F",
      doneDate: "G",
      evidenceLink: "H",
      comment: "I",
      dueDate: "J",
    });
    const before = acts(tables[0]);
    const now = acts(after[0]);
    expect(now.map((a) => [a.row, a.activity, a.deadline.raw])).toEqual(
      before.map((a) => [a.row, a.activity, a.deadline.raw]),
    );
    expect(now.map((a) => a.dueDate)).toEqual(before.map((a) => a.deadline.end));
  });

  test("a rerun on its own output is an empty plan", () => {
    const out = applyPlanToGrid(result.plan, wb);
    const again = plan(out, result.setting).result;
    expect(again.plan.ops).toEqual([]);
    expect(again.tables[0].columns.every((c) => c.reused)).toBe(true);
    // The setting still knows which columns the add-in added (the rerun found them all, added none).
    expect(again.setting).toEqual(result.setting);
    expect(again.setting.sheets[0].tables[0].added).toEqual([
      "status",
      "doneDate",
      "evidenceLink",
      "comment",
      "dueDate",
    ]);
  });

  test("a rerun after rows changed lays our formats again, removing only ours first", () => {
    const out = applyPlanToGrid(result.plan, wb);
    const moved = {
      ...result.setting,
      sheets: result.setting.sheets.map((s) => ({ ...s, signature: "old" })),
    };
    const again = plan(out, moved).result;
    expect(again.plan.ops[0]).toEqual({
      op: "removeConditionalFormats",
      sheet: "Лист1",
      marker: SIGNAL_MARKER,
    });
    expect(ops(again, "setValues")).toEqual([]);
  });
});

describe("annotate never overwrites", () => {
  test("a note right of the table: five columns are inserted instead", () => {
    const wb = seed("004-clean");
    wb.sheets[0].rows[19][7] = "заметка на полях";
    const { result } = plan(wb);
    expect(result.plan.ops[0]).toEqual({ op: "insertColumns", sheet: "Лист1", col: 5, count: 5 });
    expect(result.tables[0].inserted).toBe(true);
  });

  test("text beside the title, above the table, does not force an insert", () => {
    const wb = seed("004-clean");
    (wb.sheets[0].rows[0] ??= [])[8] = "УТВЕРЖДЕНО";
    expect(ops(plan(wb).result, "insertColumns")).toEqual([]);
  });

  test("a filled «Контрольный срок» is kept; only empty cells get the deadline's end", () => {
    const wb = seed("004-clean");
    const rows = wb.sheets[0].rows;
    rows[6][5] = "Контрольный срок";
    rows[7][5] = "01.06.2022"; // row 8: the user's own date
    const { result } = plan(wb);
    expect(result.tables[0].columns.find((c) => c.role === "dueDate")).toMatchObject({
      letter: "F",
      reused: true,
    });
    const due = ops(result, "setValues").filter((o) => o.col === 5);
    expect(due.some((o) => o.row === 7)).toBe(false);
    expect(due[0]).toMatchObject({ row: 8 });
    expect(due[0].values[0]).toEqual([44926]); // row 9 «ежеквартально» → 31.12.2022
    // New columns go after F, in the contract's order without «Контрольный срок».
    expect(ops(result, "setValues")[0]).toMatchObject({
      row: 6,
      col: 6,
      values: [["Статус", "Дата выполнения", "Подтверждающий документ", "Комментарий"]],
    });
  });
});

describe("annotate reuses similar columns", () => {
  test("«Статус» and «Примечание» of a ten-column plan are used; three columns added", () => {
    const wb = regionCases().find((c) => c.id === "wide-ten-columns")!.workbook;
    const { result } = plan(wb);
    const cols = Object.fromEntries(result.tables[0].columns.map((c) => [c.role, `${c.letter}:${c.reused}`]));
    expect(cols).toEqual({
      status: "I:true",
      doneDate: "E:true", // «Срок исполнения (факт)»
      evidenceLink: "K:false",
      comment: "J:true",
      dueDate: "L:false",
    });
    expect(ops(result, "setValues")[0]).toMatchObject({
      row: 2,
      col: 10,
      values: [["Подтверждающий документ", "Контрольный срок"]],
    });
    // The filled statuses («выполнено», «в работе») are not written over: no op touches column I's cells.
    expect(ops(result, "setValues").some((o) => o.col === 8)).toBe(false);
    const out = applyPlanToGrid(result.plan, wb);
    const t = checkWorkbook(out, { today: null }).tables[0];
    expect(t.columns).toMatchObject({
      status: "I",
      comment: "J",
      evidenceLink: "K",
      dueDate: "L",
      evidence: "H",
    });
  });

  test("«Отметка о выполнении» is the status column", () => {
    const wb = regionCases().find((c) => c.id === "paren-numbers-period-years")!.workbook;
    const { result } = plan(wb);
    expect(result.tables[0].columns.filter((c) => c.reused).map((c) => `${c.role}:${c.letter}`)).toEqual([
      "status:E",
    ]);
  });
});

describe("annotate on pasted seeds: validations on activity rows only", () => {
  test.each(["000-pasted", "002-pasted", "003-pasted"])("%s", (id) => {
    const wb = seed(id);
    const { tables, result } = plan(wb);
    expect(tables.length).toBeGreaterThan(0);
    const activityRows = new Set(tables.flatMap((t) => acts(t).map((a) => a.rows[0] - 1)));
    const other = new Set(
      tables.flatMap((t) => t.rows.filter((r) => r.kind !== "activity").map((r) => r.row - 1)),
    );
    let covered = 0;
    for (const v of ops(result, "setValidation")) {
      for (let r = v.range.top; r <= v.range.bottom; r++) {
        expect(activityRows.has(r)).toBe(true);
        expect(other.has(r)).toBe(false);
        covered++;
      }
    }
    // Three validated columns per activity.
    expect(covered).toBe(activityRows.size * 3);
    const out = applyPlanToGrid(result.plan, wb);
    const after = checkWorkbook(out, { today: null }).tables;
    expect(after.map((t) => acts(t).map((a) => [a.row, a.activity]))).toEqual(
      tables.map((t) => acts(t).map((a) => [a.row, a.activity])),
    );
    expect(plan(out, result.setting).result.plan.ops).toEqual([]);
  });
});
