/** The helper itself: LibreOffice recalculates a formula we write, and picks the sheet asked for. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { libreOffice } from "./libreoffice";

it("reads the computed value of a formula from the second sheet", async () => {
  const lo = libreOffice();
  try {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Первый").getCell("A1").value = "не этот";
    const ws = wb.addWorksheet("Второй");
    ws.getCell("A1").value = 5;
    ws.getCell("B1").value = 11;
    // No cached result: only LibreOffice's own recalculation can give 45.45.
    ws.getCell("C1").value = { formula: "ROUND(A1/B1*100,2)" } as ExcelJS.CellFormulaValue;
    const file = path.join(lo.dir, "f.xlsx");
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(lo.toCsv(file, 2)).toEqual([["5", "11", "45.45"]]);
    expect(lo.toCsv(file, 1)).toEqual([["не этот"]]);
  } finally {
    lo.dispose();
  }
}, 180000);
