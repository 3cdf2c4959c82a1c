/** insertColumns in the .xlsx host beside an Excel Table (ListObject): the table moves or grows with its cells. */
import ExcelJS from "exceljs";
import { applyPlanToXlsx, workbookToBytes } from "../../src/xlsx/write";

async function reloaded(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await workbookToBytes(wb)) as unknown as ArrayBuffer);
  return back;
}

function tableOf(ws: ExcelJS.Worksheet): { tableRef: string; columns: { name: string }[] } {
  return (ws.model as unknown as { tables: { tableRef: string; columns: { name: string }[] }[] }).tables[0];
}

function withTable(at: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("План");
  ws.addTable({
    name: "Мероприятия",
    ref: at,
    headerRow: true,
    columns: [{ name: "№" }, { name: "Мероприятие" }, { name: "Срок" }],
    rows: [
      [1, "Семинар", "май 2024"],
      [2, "Диагностика", "июнь 2024"],
    ],
  });
  return wb;
}

test("a table right of the inserted columns moves with its cells", async () => {
  const wb = withTable("D2");
  applyPlanToXlsx(wb, { summary: "", ops: [{ op: "insertColumns", sheet: "План", col: 1, count: 2 }] });
  const ws = (await reloaded(wb)).getWorksheet("План")!;
  expect(tableOf(ws).tableRef).toBe("F2:H4");
  expect(ws.getCell("F2").value).toBe("№");
  expect(ws.getCell("H4").value).toBe("июнь 2024");
});

test("a table the insertion cuts through grows by named columns", async () => {
  const wb = withTable("A1");
  applyPlanToXlsx(wb, {
    summary: "",
    ops: [{ op: "insertColumns", sheet: "План", col: 2, count: 1 }],
  });
  const ws = (await reloaded(wb)).getWorksheet("План")!;
  expect(tableOf(ws).tableRef).toBe("A1:D3");
  expect(tableOf(ws).columns.map((c) => c.name)).toEqual(["№", "Мероприятие", "Столбец1", "Срок"]);
  expect(ws.getCell("D1").value).toBe("Срок");
});
