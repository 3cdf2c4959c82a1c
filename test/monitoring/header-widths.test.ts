/**
 * The bold, wrapped header of the monitoring sheet and of a school's form wraps between words, never inside one
 * (red-team defect 9): «Отклонение» (10 letters), «Достижение,» (11), «Знаменатель» (11) each need about 1.2
 * digit widths a bold Cyrillic letter plus padding — 14, 16, 16 — where the sheets had 12, 12, 14 (13 on forms).
 */
import type { EditOp } from "../../src/domain/edit-plan";
import { readIndicators } from "../../src/domain/indicators";
import {
  buildTemplate,
  dueActivities,
  planMonitoringWorkbook,
  planSchoolForm,
} from "../../src/domain/monitoring";
import { parseQuarter } from "../../src/domain/quarter";
import { recognizeWorkbook } from "../../src/domain/recognition";
import { sheetFromRows, type WorkbookGrid } from "../../src/domain/grid";

function template() {
  const wb: WorkbookGrid = {
    sheets: [
      sheetFromRows("Л", [
        ["Дорожная карта на 2025 год"],
        ["№", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат"],
        ["1.", "Курсы", "Март 2025", "Иванова А.А.", "Прохождение курсовой подготовки 100%"],
      ]),
    ],
  };
  const tables = recognizeWorkbook(wb).tables;
  const q = parseQuarter("2025-Q1")!;
  return buildTemplate({
    quarter: q,
    indicators: readIndicators(wb, tables).indicators,
    activities: dueActivities(tables, q),
    schools: ["МБОУ СОШ № 1"],
    previous: null,
  });
}

/** Width of each column under a header text, for the sheet's header row. */
function widthsByHeader(ops: EditOp[], sheet: string): Record<string, number> {
  const widths = ops.find(
    (o): o is Extract<EditOp, { op: "setColumnWidths" }> => o.op === "setColumnWidths" && o.sheet === sheet,
  );
  const values = ops.find(
    (o): o is Extract<EditOp, { op: "setValues" }> => o.op === "setValues" && o.sheet === sheet,
  );
  const header = values!.values.find((row) => row.includes("Отклонение"))!;
  const out: Record<string, number> = {};
  header.forEach((h, c) => (out[String(h)] = widths!.widths.find((w) => w.col === c)!.width));
  return out;
}

describe("header columns wide enough for their longest word", () => {
  test("the monitoring sheet", () => {
    const t = template();
    const w = widthsByHeader(planMonitoringWorkbook(t).ops, t.sheets.indicators);
    expect([w["Отклонение"], w["Достижение, %"], w["Знаменатель / значение"]]).toEqual([14, 16, 16]);
    expect([w["Школа"], w["Числитель / прошлый период"]]).toEqual([40, 14]);
  });
  test("a school's form", () => {
    const w = widthsByHeader(planSchoolForm(template(), "МБОУ СОШ № 1").plan.ops, "Показатели");
    expect([w["Отклонение"], w["Достижение, %"], w["Знаменатель / значение"]]).toEqual([14, 16, 16]);
    expect(w["Показатель"]).toBe(55);
  });
});
