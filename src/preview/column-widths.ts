/** The column widths a file sets, read from the .xlsx host's workbook, for the preview's grid. */
import { excelWidthToPx } from "./grid-layout";

/** The little of an ExcelJS workbook this needs (the preview keeps ExcelJS out of its first chunk). */
interface WorkbookWithColumns {
  getWorksheet(name: string): { columns?: ({ width?: number } | null | undefined)[] | null } | undefined;
}

/** Pixel width per column (0-based), undefined where the file sets none. */
export function fileColumnWidths(workbook: WorkbookWithColumns, sheet: string): (number | undefined)[] {
  const columns = workbook.getWorksheet(sheet)?.columns ?? [];
  return columns.map((col) => (col?.width ? excelWidthToPx(col.width) : undefined));
}
