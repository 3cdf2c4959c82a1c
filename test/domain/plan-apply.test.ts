/** The in-memory host's semantics, with hand-written expectations (the conformance suite holds the others to it). */
import type { EditOp } from "../../src/domain/edit-plan";
import {
  applyPlanToModel,
  emptyModelSheet,
  normaliseModel,
  shiftFormulaColumns,
  storedBounds,
  ruleFromBounds,
  type ModelWorkbook,
} from "../../src/domain/plan";

const R = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });
const run = (ops: EditOp[], base?: ModelWorkbook) =>
  normaliseModel(
    applyPlanToModel({ summary: "", ops }, base ?? { sheets: [emptyModelSheet("Лист1")], names: {} }),
  );

describe("shiftFormulaColumns", () => {
  const shift = (f: string, home = "Лист1") => shiftFormulaColumns(f, home, "Лист1", 2, 2);
  test("moves references at or right of the inserted column, on the right sheet only", () => {
    expect(shift("=B3+C3+$D$4")).toBe("=B3+E3+$F$4");
    expect(shift("=SUM(B3:C9)")).toBe("=SUM(B3:E9)");
    expect(shift("=COUNTA(C:D)")).toBe("=COUNTA(E:F)");
    expect(shift("=Лист1!C1+'Лист1'!A1+Итоги!C1", "Итоги")).toBe("=Лист1!E1+'Лист1'!A1+Итоги!C1");
    expect(shift("=C1", "Итоги")).toBe("=C1");
  });
  test("leaves strings, functions, names and rows alone", () => {
    expect(shift('=IF(C3="C3",LOG10(D2),"RM:signal")')).toBe('=IF(E3="C3",LOG10(F2),"RM:signal")');
    expect(shift("=SUM(3:5)+RM_Total")).toBe("=SUM(3:5)+RM_Total");
  });
});

describe("validation bounds as files store them", () => {
  test("dates become serials and come back; open bounds round-trip", () => {
    expect(storedBounds({ kind: "date", min: "2024-01-01", max: "2024-12-31" })).toEqual({
      operator: "between",
      formulae: [45292, 45657],
    });
    expect(storedBounds({ kind: "whole", max: 10 })).toEqual({ operator: "lessThanOrEqual", formulae: [10] });
    expect(ruleFromBounds("date", "between", [45292, 45657])).toEqual({
      kind: "date",
      min: "2024-01-01",
      max: "2024-12-31",
    });
    const open = storedBounds({ kind: "decimal" });
    expect(ruleFromBounds("decimal", open.operator, open.formulae)).toEqual({ kind: "decimal" });
  });
});

describe("applyPlanToModel", () => {
  test("inserted columns move cells, merges, formats, names and formulas; new cells inherit the left format", () => {
    const out = run([
      { op: "addSheet", sheet: "Итоги" },
      { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["Заголовок"], ["№", "А", "Б", "В"]] },
      { op: "merge", sheet: "Лист1", range: R(0, 0, 0, 3) },
      { op: "setStyle", sheet: "Лист1", range: R(1, 1), bold: true },
      { op: "setListValidation", sheet: "Лист1", range: R(2, 1, 2, 2), list: ["да", "нет"] },
      {
        op: "addConditionalFormat",
        sheet: "Лист1",
        range: R(2, 2, 3, 3),
        formula: '=C3<>""',
        fill: "FFEB9C",
      },
      { op: "setDefinedName", sheet: "Лист1", name: "RM_C", range: R(2, 2) },
      { op: "setFormulas", sheet: "Итоги", row: 0, col: 0, formulas: [["=Лист1!C3+Лист1!A3"]] },
      { op: "insertColumns", sheet: "Лист1", col: 2, count: 1 },
    ]);
    const s = out.sheets[0];
    expect(s.merges).toEqual(["A1:E1"]);
    expect(s.cells.B2).toEqual({ value: "А", style: { bold: true } });
    expect(s.cells.C2).toEqual({ style: { bold: true } });
    expect(s.cells.D2).toEqual({ value: "Б" });
    expect(s.cells.C3.validation?.rule).toEqual({ kind: "list", list: ["да", "нет"] }); // between two validated cells
    expect(s.cells.D3.validation?.rule).toEqual({ kind: "list", list: ["да", "нет"] });
    expect(s.conditionalFormats).toEqual([{ ref: "D3:E4", formula: '=D3<>""', fill: "FFEB9C" }]);
    expect(out.names).toEqual({ RM_C: "Лист1!D3" });
    expect(out.sheets[1].cells.A1).toEqual({ formula: "=Лист1!D3+Лист1!A3" });
  });

  test("deleted rows take their validations and formats along; names shrink or go", () => {
    const out = run([
      { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["a"], ["b"], ["c"], ["d"]] },
      { op: "setListValidation", sheet: "Лист1", range: R(1, 1, 3, 1), list: ["да"] },
      {
        op: "addConditionalFormat",
        sheet: "Лист1",
        range: R(1, 0, 3, 0),
        formula: '=LEN("RM:x")>0',
        fill: "FFEB9C",
      },
      { op: "setDefinedName", sheet: "Лист1", name: "Gone", range: R(2, 0) },
      { op: "setDefinedName", sheet: "Лист1", name: "Kept", range: R(1, 0, 3, 0) },
      { op: "deleteRows", sheet: "Лист1", rows: [2] },
    ]);
    const s = out.sheets[0];
    expect(Object.fromEntries(Object.entries(s.cells).map(([k, v]) => [k, v.value ?? "·"]))).toEqual({
      A1: "a",
      A2: "b",
      A3: "d",
      B2: "·",
      B3: "·",
    });
    expect(s.conditionalFormats.map((cf) => cf.ref)).toEqual(["A2:A3"]);
    expect(out.names).toEqual({ Kept: "Лист1!A2:A3" });
  });

  test("removeConditionalFormats takes only formats with the marker", () => {
    const out = run([
      {
        op: "addConditionalFormat",
        sheet: "Лист1",
        range: R(0, 0),
        formula: '=LEN("RM:signal")>0',
        fill: "FFEB9C",
      },
      { op: "addConditionalFormat", sheet: "Лист1", range: R(0, 0), formula: "=A1>5", fill: "FFC7CE" },
      { op: "removeConditionalFormats", sheet: "Лист1", marker: "RM:signal" },
    ]);
    expect(out.sheets[0].conditionalFormats).toEqual([{ ref: "A1", formula: "=A1>5", fill: "FFC7CE" }]);
  });

  test("text that looks like a formula stays a value; a formula replaces a value; deleting a sheet drops its names", () => {
    const out = run([
      { op: "addSheet", sheet: "Отчёт" },
      { op: "setDefinedName", sheet: "Отчёт", name: "RM_Report", range: R(0, 0) },
      { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["=1+1", 5]] },
      { op: "setFormulas", sheet: "Лист1", row: 0, col: 1, formulas: [["=A2*2"]] },
      { op: "setHyperlink", sheet: "Лист1", row: 1, col: 0, target: "#'Отчёт'!A1", text: "@ссылка" },
      { op: "deleteSheet", sheet: "Отчёт" },
    ]);
    expect(out.sheets.map((s) => s.name)).toEqual(["Лист1"]);
    expect(out.names).toEqual({});
    expect(out.sheets[0].cells).toEqual({
      A1: { value: "=1+1" },
      B1: { formula: "=A2*2" },
      A2: { value: "@ссылка", hyperlink: "#'Отчёт'!A1" },
    });
  });
});
