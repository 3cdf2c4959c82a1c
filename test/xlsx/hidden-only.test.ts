import { sheetFromRows } from "../../src/domain/grid";
import { readXlsx } from "../../src/xlsx/read";
import { buildExcelWorkbook, workbookToBytes } from "../../src/xlsx/write";

const rows = [
  ["№", "Мероприятие", "Срок", "Ответственный"],
  ["1", "Совещание", "Сентябрь 2025", "Иванова А.А."],
];

async function file(states: ("visible" | "hidden")[]): Promise<Uint8Array> {
  const wb = await buildExcelWorkbook({ sheets: states.map((_, i) => sheetFromRows(`Лист${i + 1}`, rows)) });
  wb.worksheets.forEach((ws, i) => (ws.state = states[i]));
  return workbookToBytes(wb);
}

describe("hidden sheets", () => {
  it("are left out when some sheet is visible", async () => {
    const wb = await readXlsx(await file(["hidden", "visible"]));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Лист2"]);
  });

  it("are read when every sheet is hidden: the roadmaps are still the user's", async () => {
    const wb = await readXlsx(await file(["hidden", "hidden"]));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Лист1", "Лист2"]);
  });
});
