/**
 * Every change the add-in makes to a workbook is first built as an EditPlan by the domain (pure, testable:
 * is it non-destructive? idempotent?), then applied by a host adapter (Office.js, .xlsx) in one batch.
 */
import type { CellRange, CellValue } from "./grid";

export type EditOp =
  /** Copy a whole sheet (values, formats, merges) under a new name, placed after the original. */
  | { op: "copySheet"; sheet: string; newName: string }
  /** Add an empty sheet (no-op in plans: planners only emit it for sheets that do not exist). */
  | { op: "addSheet"; sheet: string; hidden?: "hidden" | "veryHidden" }
  /**
   * Write a block of values with its top-left at (row, col), 0-based. Strings are always written as
   * text (a leading "=", "+", "-" or "@" never becomes a formula). `numberFormat` applies to the block.
   */
  | { op: "setValues"; sheet: string; row: number; col: number; values: CellValue[][]; numberFormat?: string }
  /** Delete whole sheet rows (0-based), shifting up. Adapters delete from the bottom up. */
  | { op: "deleteRows"; sheet: string; rows: number[] }
  /** Remove merges that intersect the range (values stay in the top-left cell). */
  | { op: "unmerge"; sheet: string; range: CellRange }
  /** A drop-down list on a range (data validation). */
  | { op: "setListValidation"; sheet: string; range: CellRange; list: string[] }
  /** Make columns wide enough to read (character widths), header text wrap. */
  | { op: "setColumnWidths"; sheet: string; widths: { col: number; width: number }[] };

export interface EditPlan {
  /** What the user is asked to confirm, in Russian. */
  summary: string;
  ops: EditOp[];
}

export function isEmptyPlan(plan: EditPlan): boolean {
  return plan.ops.length === 0;
}
