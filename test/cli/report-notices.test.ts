/** The text report's notices (red-team pass): a notice about the whole workbook names no sheet. */
import { formatTextReport } from "../../src/cli/report";

describe("formatTextReport notices", () => {
  const report = { file: "книга.xlsx", tables: [], findings: [] };

  it("a workbook notice is printed without an empty «лист «»»", () => {
    const text = formatTextReport(report, {
      today: "2025-04-10",
      notices: [{ sheet: "", message: "В книге не найдено ни одной таблицы дорожной карты." }],
    });
    expect(text).toContain("Примечание: В книге не найдено ни одной таблицы дорожной карты.");
    expect(text).not.toContain("«»");
  });

  it("a sheet notice still names its sheet", () => {
    const text = formatTextReport(report, {
      today: "2025-04-10",
      notices: [{ sheet: "План", message: "Лист защищён." }],
    });
    expect(text).toContain("Примечание (лист «План»): Лист защищён.");
  });
});
