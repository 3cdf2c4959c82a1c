/**
 * Targets in a roadmap's result column that are bare values («100%», «=100% педагогов», «+15% к прошлому году»):
 * the indicator is named by its activity, a change against last year is `dynamics`; a worded result keeps its
 * text and so its id (red-team defect 1; the id below is the one main gave before the fix).
 */
import { sheetFromRows, type WorkbookGrid } from "../../src/domain/grid";
import { readIndicators } from "../../src/domain/indicators";
import { recognizeWorkbook } from "../../src/domain/recognition";

const rows: (string | null)[][] = [
  ["Дорожная карта на 2025 год"],
  ["№", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат"],
  ["1.", "Прохождение тестирования педагогами", "Март 2025", "Иванова А.А.", "100%"],
  ["2.", "Консультации для педагогов", "Апрель 2025", "Иванова А.А.", "=100% педагогов"],
  ["3.", "Курсы повышения квалификации", "Май 2025", "Петрова Б.Б.", "+15% к прошлому году"],
  [
    "4.",
    "Диагностика профессиональных дефицитов",
    "Май 2025",
    "Петрова Б.Б.",
    "Прохождение тестирования 100%",
  ],
  ["5.", "Профилактика пропусков уроков", "Май 2025", "Петрова Б.Б.", "-10% к прошлому году"],
];

function indicators() {
  const wb: WorkbookGrid = { sheets: [sheetFromRows("Л", rows)] };
  return readIndicators(wb, recognizeWorkbook(wb).tables).indicators;
}

describe("bare targets in the result column", () => {
  it("are named by the activity, with the stated target after a dash", () => {
    const got = indicators().map((i) => [i.cell, i.text, i.type, i.unit, i.direction, i.targets]);
    expect(got).toEqual([
      ["E3", "Прохождение тестирования педагогами — 100%", "share", "%", "higher", { "2025": 100 }],
      ["E4", "Консультации для педагогов — 100% педагогов", "share", "%", "higher", { "2025": 100 }],
      ["E5", "Курсы повышения квалификации — +15% к прошлому году", "dynamics", null, "higher", {}],
      ["E6", "Прохождение тестирования 100%", "share", "%", "higher", { "2025": 100 }],
      ["E7", "Профилактика пропусков уроков — -10% к прошлому году", "dynamics", null, "lower", {}],
    ]);
  });
  it("no indicator is titled by a bare value", () => {
    for (const i of indicators()) expect(i.text).not.toMatch(/^[-=+]?\s*\d+\s*%/);
  });
  it("a worded result keeps the id it had before", () => {
    expect(indicators().find((i) => i.cell === "E6")?.id).toBe("IWQPIAQ");
  });
});
