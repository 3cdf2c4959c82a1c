import { ExcelWorkbookHost, type ExcelHostOptions } from "../../src/excel/host";
import { FakeExcel, type FakeExcelOptions } from "../fake-excel";

/** A host wired to a fake Excel, as the task pane wires it to Excel.run and Office.context.requirements. */
export function setup(
  options: FakeExcelOptions = {},
  hostOptions: ExcelHostOptions = {},
): { excel: FakeExcel; host: ExcelWorkbookHost } {
  const excel = new FakeExcel(options);
  const host = new ExcelWorkbookHost(excel.run, {
    isSetSupported: excel.requirements.isSetSupported,
    ...hostOptions,
  });
  return { excel, host };
}

/** n rows of a roadmap-like table: number, activity, deadline text, responsible. */
export function roadmapRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [["№", "Мероприятие", "Сроки", "Ответственные"]];
  for (let i = 1; i <= n; i++) rows.push([`${i}.`, `Мероприятие ${i}`, "Апрель-май 2023", "Огурцова Т.Н."]);
  return rows;
}
