/**
 * ExcelJS internals the .xlsx host reads and rewrites: the worksheet model (rows, merges, validations, conditional
 * formats) and the merge table. ExcelJS's typings do not declare these, so the shapes are written down here once.
 */
import type ExcelJS from "exceljs";
import type { CellRange } from "../domain/grid";

export interface CellModel {
  address: string;
  sharedFormula?: string;
  result?: unknown;
  formula?: string;
  value?: unknown;
  type?: number;
  [k: string]: unknown;
}

export interface RowModel {
  number: number;
  cells: CellModel[];
  [k: string]: unknown;
}

export type SheetModel = ExcelJS.WorksheetModel & {
  merges: string[];
  mergeCells?: string[];
  tables: unknown[];
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  dataValidations: Record<string, ExcelJS.DataValidation | undefined>;
  rows: RowModel[];
  cols?: { min: number; max: number; [k: string]: unknown }[];
};

/** Merged areas, 0-based. */
export function mergeRanges(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (
    ws as unknown as {
      _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
    }
  )._merges;
  return Object.values(internal ?? {})
    .filter(Boolean)
    .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

export function isProtected(ws: ExcelJS.Worksheet): boolean {
  return Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet);
}

export function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (
    (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings ?? []
  );
}

/** The workbook's defined names as ExcelJS models them: each name with its "'Лист'!$A$1:$B$2" ranges. */
export interface DefinedNameModel {
  name: string;
  ranges: string[];
}

export function definedNames(wb: ExcelJS.Workbook): DefinedNameModel[] {
  return (wb.definedNames as unknown as { model: DefinedNameModel[] }).model;
}

export function setDefinedNames(wb: ExcelJS.Workbook, names: DefinedNameModel[]): void {
  (wb.definedNames as unknown as { model: DefinedNameModel[] }).model = names;
}
