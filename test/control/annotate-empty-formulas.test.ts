/**
 * Formulas whose value is empty text (=IF(…,"",…)) right of a roadmap read as empty cells, yet they are the
 * user's: annotate must move them out of the way, never write the control columns (or dates) over them.
 */
import ExcelJS from "exceljs";
import { addControlColumns } from "../../src/app/annotate";
import { XlsxWorkbookHost } from "../../src/xlsx/host";

const HEADER = ["№", "Мероприятие", "Сроки", "Ответственные"];

async function roadmapWithFormulas(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  ws.getCell("A1").value = "Дорожная карта по повышению качества образования на 2023 год";
  HEADER.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  for (let i = 0; i < 4; i++) {
    const r = 3 + i;
    [`${i + 1}.`, `Мероприятие ${i + 1}`, "Май 2023", "Огурцова Т.Н."].forEach(
      (v, j) => (ws.getCell(r, j + 1).value = v),
    );
    // Column I: the fifth column the add-in would take («Контрольный срок»), holding formulas valued "".
    ws.getCell(r, 9).value = { formula: `IF(D${r}="x",1,"")`, result: "" } as ExcelJS.CellFormulaValue;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("formulas valued empty text beside the roadmap are moved right, not written over", async () => {
  const host = await XlsxWorkbookHost.open(await roadmapWithFormulas(), "in.xlsx");
  await addControlColumns(host);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Лист1")!;
  // Five columns inserted at E: the formulas of I now stand in N, each still reading its own row.
  for (let r = 3; r <= 6; r++) {
    const moved = ws.getCell(`N${r}`).value as ExcelJS.CellFormulaValue;
    expect(moved.formula).toBe(`IF(D${r}="x",1,"")`);
  }
  expect(ws.getCell("I2").value).toBe("Контрольный срок");
  expect(ws.getCell("I3").value).toBeInstanceOf(Date);
});
