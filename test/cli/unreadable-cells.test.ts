/**
 * Cells that cannot be read (contract `check`): an Excel error in a deadline, responsible or activity cell, and a
 * formula saved without its value, each get a finding that names what is in the cell, not «Не указан срок».
 */
import ExcelJS from "exceljs";
import { runInMemory } from "./memory-io";

interface Finding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string | null;
  message: string;
  suggestion: string | null;
}

async function book(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  ws.addRow(["Дорожная карта на 2025 год"]);
  ws.addRow(["№ п/п", "Наименование мероприятия", "Сроки выполнения", "Ответственные лица"]);
  ws.addRow([
    "1.",
    "Анализ результатов ВПР",
    { formula: "1/0", result: { error: "#DIV/0!" } },
    "Иванова И.И.",
  ]);
  ws.addRow(["2.", "Семинар для учителей", "Май 2025", { error: "#REF!" }]);
  ws.addRow([
    "3.",
    { formula: "VLOOKUP(1,Z1:Z2,1,0)", result: { error: "#N/A" } },
    "Июнь 2025",
    "Петров П.П.",
  ]);
  ws.addRow(["4.", "Родительское собрание", { formula: "DATE(2025,9,1)" }, "Сидорова С.С."]);
  ws.addRow(["5.", "Педагогический совет", "Август 2025", "Сидорова С.С."]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("check: error values and uncalculated formulas", () => {
  let findings: Finding[];
  beforeAll(async () => {
    const r = await runInMemory(["check", "in.xlsx", "--json", "--today", "2025-01-10"], {
      "in.xlsx": await book(),
    });
    expect(r.code).toBe(0);
    findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
  });
  const at = (cell: string) =>
    findings.filter((f) => f.cell === cell).map((f) => [f.rule, f.severity, f.message]);

  it("#DIV/0! in a deadline: the error, not «Не указан срок»", () => {
    expect(at("C3")).toEqual([
      ["cell.error-value", "error", "В ячейке ошибка #DIV/0! — срок мероприятия 1 не прочитан"],
    ]);
    expect(findings.find((f) => f.cell === "C3")!.suggestion).toBe(
      "В формуле деление на ноль: исправьте формулу или впишите значение вместо неё",
    );
  });

  it("#REF! in a responsible cell: the error, not «Не указан ответственный»", () => {
    expect(at("D4")).toEqual([
      ["cell.error-value", "error", "В ячейке ошибка #REF! — ответственный за мероприятие 2 не прочитан"],
    ]);
  });

  it("#N/A in an activity cell: a finding naming it", () => {
    expect(at("B5")).toEqual([
      ["cell.error-value", "error", "В ячейке ошибка #N/A — название мероприятия 3 не прочитано"],
    ]);
  });

  it("a formula with no calculated value: said so, not «Не указан срок»", () => {
    expect(at("C6")).toEqual([
      [
        "cell.not-calculated",
        "warning",
        "В ячейке формула без вычисленного значения — срок мероприятия 4 не прочитан",
      ],
    ]);
  });

  it("rows without such cells get no such finding", () => {
    expect(findings.filter((f) => f.rule.startsWith("cell.")).map((f) => f.cell)).toEqual([
      "C3",
      "D4",
      "B5",
      "C6",
    ]);
  });
});
