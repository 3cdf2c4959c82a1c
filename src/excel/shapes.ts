/** What the Office.js adapter knows about sheets between round trips. */
import type { CellRange } from "../domain/grid";
import type { SheetVisibility } from "../domain/plan/workbook-model";

export interface KnownSheet {
  name: string;
  visible: boolean;
  visibility: SheetVisibility;
  protected: boolean;
}

export interface PendingSheet {
  /** As asked; the grid gets the sheet's own spelling (Excel matches names case-insensitively). */
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  protection: Excel.WorksheetProtection | null;
  merged: Excel.RangeAreas | null;
  withValues: boolean;
}

export interface SheetShape {
  top: number;
  left: number;
  rows: number;
  cols: number;
  rowHidden: boolean | null | undefined;
  columnHidden: boolean | null | undefined;
  protected: boolean;
  merges: CellRange[];
}

export function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("ru") === b.toLocaleLowerCase("ru");
}
