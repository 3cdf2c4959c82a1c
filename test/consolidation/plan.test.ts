import { checkReturn } from "../../src/domain/consolidation/check-return";
import { consolidate } from "../../src/domain/consolidation/consolidate";
import { consolidationPlan, RECEIPT_SHEET } from "../../src/domain/consolidation/plan";
import type { EditOp } from "../../src/domain/edit-plan";
import { correctFill, makeReading, makeTemplate } from "./fixtures";

const t = makeTemplate(["Школа А", "Школа Б", "Школа В"]);
const recs = [
  checkReturn(t, makeReading(t, "Школа А", correctFill(1), "a.xlsx")),
  checkReturn(t, { ...makeReading(t, "Школа Б", correctFill(2), "b.xlsx"), fingerprintText: null }),
];
const c = consolidate(t, recs);

function ops<K extends EditOp["op"]>(plan: { ops: EditOp[] }, kind: K): Extract<EditOp, { op: K }>[] {
  return plan.ops.filter((o): o is Extract<EditOp, { op: K }> => o.op === kind);
}

describe("consolidationPlan", () => {
  test("totals are formulas over the school rows: a share is SUM/SUM, never an average of percentages", () => {
    const plan = consolidationPlan(t, c, { sheets: ["Мониторинг"], ownSheets: [] });
    const totalRow = ops(plan, "setFormulas").find((o) => o.sheet === "Свод 2024-Q1" && o.row === 8);
    // 3 schools on rows 6–8 (1-based), totals on row 9; I01 in D (num), E (den), F (%).
    expect(totalRow?.formulas[0][3]).toBe("=SUM(D6:D8)");
    expect(totalRow?.formulas[0][4]).toBe("=SUM(E6:E8)");
    expect(totalRow?.formulas[0][5]).toBe('=IF(E9>0,ROUND(D9/E9*100,2),"")');
    expect(totalRow?.formulas[0][6]).toBe("=SUM(G6:G8)");
    expect(totalRow?.formulas[0][7]).toBe('=IF(COUNT(H6:H8)>0,ROUND(AVERAGE(H6:H8),2),"")');
    expect(totalRow?.formulas[0][8]).toBe('=COUNTIF(I6:I8,"Да")');
    expect(JSON.stringify(plan.ops)).not.toContain("AVERAGE(F");
  });

  test("a native chart of attainment reads a block of formulas that point at the «Достижение цели, %» row", () => {
    const plan = consolidationPlan(t, c, { sheets: [], ownSheets: [] });
    const charts = ops(plan, "addChart");
    expect(charts).toHaveLength(1);
    // Totals on row 9, targets 10, attainment 11 (1-based); statuses block: heading 13, six statuses and «Не указан» 14–20; chart block from row 22.
    // Targeted indicators: I01 (F), I02 (G), I04 (I), I06 (L).
    expect(charts[0].data).toEqual({ top: 21, left: 1, bottom: 25, right: 2 });
    const block = ops(plan, "setFormulas").find((o) => o.row === 22 && o.col === 2);
    expect(block?.formulas).toEqual([["=F11"], ["=G11"], ["=I11"], ["=L11"]]);
    const labels = ops(plan, "setValues").find((o) => o.row === 21 && o.col === 1);
    expect(labels?.values.map((r) => String(r[0]).slice(0, 4))).toEqual([
      "Дост",
      "I01.",
      "I02.",
      "I04.",
      "I06.",
    ]);
  });

  test("only the two sheets are added; nothing of the user's is deleted", () => {
    const plan = consolidationPlan(t, c, { sheets: ["Мониторинг", "Лист1"], ownSheets: [] });
    expect(ops(plan, "addSheet").map((o) => o.sheet)).toEqual(["Свод 2024-Q1", RECEIPT_SHEET]);
    expect(ops(plan, "deleteSheet")).toEqual([]);
    const touched = new Set(plan.ops.map((o) => ("sheet" in o ? o.sheet : "")));
    expect([...touched].sort()).toEqual([RECEIPT_SHEET, "Свод 2024-Q1"].sort());
  });

  test("a rerun replaces our sheets; a same-named sheet of the user's is refused", () => {
    const plan = consolidationPlan(t, c, {
      sheets: ["Свод 2024-Q1", RECEIPT_SHEET],
      ownSheets: ["Свод 2024-Q1", RECEIPT_SHEET],
    });
    expect(ops(plan, "deleteSheet").map((o) => o.sheet)).toEqual(["Свод 2024-Q1", RECEIPT_SHEET]);
    expect(() => consolidationPlan(t, c, { sheets: [RECEIPT_SHEET], ownSheets: [] })).toThrow(
      /созданный не надстройкой/,
    );
  });

  test("«Приём форм» lists every reason with its cell and the schools to call back", () => {
    const plan = consolidationPlan(t, c, { sheets: [], ownSheets: [] });
    const values = ops(plan, "setValues")
      .filter((o) => o.sheet === RECEIPT_SHEET)
      .flatMap((o) => o.values);
    const text = JSON.stringify(values);
    expect(text).toContain("b.xlsx");
    expect(text).toContain("Отклонена");
    expect(values.some((row) => row[0] === "Школа Б")).toBe(true);
    expect(values.some((row) => row[0] === "Школа В")).toBe(true);
    expect(values.some((row) => row[0] === "Школа А")).toBe(false);
  });
});

describe("the «Свод» header of an indicator says its unit once (red-team defect 2)", () => {
  const header = (text: string, type: "share" | "count" | "number", unit: string | null) => {
    const tt = {
      ...t,
      indicators: [{ id: "I9", text, type, unit, direction: "higher" as const, targets: {} }],
    };
    const plan = consolidationPlan(tt, consolidate(tt, []), { sheets: [], ownSheets: [] });
    const head = ops(plan, "setValues").find((o) => o.sheet === "Свод 2024-Q1" && o.row === 3);
    return head?.values[0][3];
  };
  test("a text already ending with «, %» is not given «, %» again", () => {
    expect(header("Доля педагогов, прошедших диагностику дефицитов, %", "share", "%")).toBe(
      "I9. Доля педагогов, прошедших диагностику дефицитов, %",
    );
  });
  test("a share's «%» column says the unit: the header does not", () => {
    expect(header("Доля педагогов, прошедших курсы", "share", "%")).toBe(
      "I9. Доля педагогов, прошедших курсы",
    );
  });
  test("a count ending with «(чел.)» keeps one unit; one without a unit gets it", () => {
    expect(header("Количество наставников (чел.)", "count", "чел.")).toBe(
      "I9. Количество наставников (чел.)",
    );
    expect(header("Количество наставников", "count", "чел.")).toBe("I9. Количество наставников, чел.");
    expect(header("Средний балл ОГЭ", "number", "балл")).toBe("I9. Средний балл ОГЭ, балл");
  });
});
