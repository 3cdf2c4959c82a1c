/**
 * Every change the add-in makes to a workbook is first built as an EditPlan by the domain (pure, testable:
 * is it non-destructive? idempotent?), then applied by a host adapter (Office.js, .xlsx) in one batch.
 *
 * Coordinates are 0-based sheet rows/columns. Colours are "RRGGBB". Formulas are Excel's en-US A1 syntax
 * with the leading "=" ("=IF(E7=\"Выполнено\",1,0)"), as Office.js `range.formulas` and the .xlsx file
 * store them; a formula never comes from user text (user text goes through setValues and stays text).
 */
import type { CellRange, CellValue } from "./grid";

/** Data validation rules the add-in puts on input cells. */
export type ValidationRule =
  /** A drop-down of these items (long lists go to the hidden lists sheet; see settings-format). */
  | { kind: "list"; list: string[] }
  /** A date, optionally bounded (ISO dates). */
  | { kind: "date"; min?: string; max?: string }
  /** A whole number, optionally bounded. */
  | { kind: "whole"; min?: number; max?: number }
  /** Any number, optionally bounded. */
  | { kind: "decimal"; min?: number; max?: number };

export type EditOp =
  /** Copy a whole sheet (values, formats, merges) under a new name, placed after the original. */
  | { op: "copySheet"; sheet: string; newName: string }
  /** Add an empty sheet (no-op in plans: planners only emit it for sheets that do not exist). */
  | { op: "addSheet"; sheet: string; hidden?: "hidden" | "veryHidden" }
  /** Delete a sheet the add-in made (a report replaced on a rerun). Planners never delete a user's sheet. */
  | { op: "deleteSheet"; sheet: string }
  /** Show, hide or very-hide a sheet. */
  | { op: "setSheetVisibility"; sheet: string; visibility: "visible" | "hidden" | "veryHidden" }
  /**
   * Write a block of values with its top-left at (row, col), 0-based. Strings are always written as
   * text (a leading "=", "+", "-" or "@" never becomes a formula). `numberFormat` applies to the block.
   */
  | { op: "setValues"; sheet: string; row: number; col: number; values: CellValue[][]; numberFormat?: string }
  /** Write formulas (each starting with "=") with the block's top-left at (row, col); null leaves a cell as is. */
  | {
      op: "setFormulas";
      sheet: string;
      row: number;
      col: number;
      formulas: (string | null)[][];
      numberFormat?: string;
    }
  /** Delete whole sheet rows (0-based), shifting up. Adapters delete from the bottom up. */
  | { op: "deleteRows"; sheet: string; rows: number[] }
  /** Insert `count` empty columns before column `col`, shifting the cells to the right. */
  | { op: "insertColumns"; sheet: string; col: number; count: number }
  /** Remove merges that intersect the range (values stay in the top-left cell). */
  | { op: "unmerge"; sheet: string; range: CellRange }
  /** Merge a range (planners only merge ranges whose other cells are empty). */
  | { op: "merge"; sheet: string; range: CellRange }
  /** A drop-down list on a range (data validation). */
  | { op: "setListValidation"; sheet: string; range: CellRange; list: string[] }
  /** Data validation of any kind on a range; `message` is the Russian error shown on a bad entry. */
  | { op: "setValidation"; sheet: string; range: CellRange; rule: ValidationRule; message?: string }
  /**
   * A conditional format: cells of `range` get `fill` (and `fontColor`) where `formula` is true. The formula
   * is written for the range's top-left cell with relative references, as Excel does. Every formula the
   * add-in writes contains a marker string literal (e.g. "RM:signal"), so removeConditionalFormats takes
   * away only ours, and the cells' own formats are never touched.
   */
  | {
      op: "addConditionalFormat";
      sheet: string;
      range: CellRange;
      formula: string;
      fill: string;
      fontColor?: string;
    }
  /** Remove the conditional formats on the sheet whose formula contains `marker`; no other rule is touched. */
  | { op: "removeConditionalFormats"; sheet: string; marker: string }
  /** A working hyperlink (URL, file path, or "#'Лист'!A1" inside the workbook) with its display text. */
  | { op: "setHyperlink"; sheet: string; row: number; col: number; target: string; text: string }
  /** A workbook-scoped defined name for a cell or range of `sheet`; replaces a same-named one. */
  | { op: "setDefinedName"; sheet: string; name: string; range: CellRange }
  /** Lock or unlock cells (takes effect when the sheet is protected). */
  | { op: "setLocked"; sheet: string; range: CellRange; locked: boolean }
  /** Protect a sheet: no password (a user may unprotect deliberately); formatting and selecting stay allowed. */
  | { op: "protectSheet"; sheet: string }
  /** Freeze the top `rows` rows and left `cols` columns. */
  | { op: "freezePanes"; sheet: string; rows: number; cols: number }
  /** A4 print layout: orientation, fit to one page wide, print area, header rows repeated on every page. */
  | {
      op: "setPageLayout";
      sheet: string;
      orientation: "portrait" | "landscape";
      fitToWidth: boolean;
      printArea?: CellRange;
      repeatRows?: { top: number; bottom: number };
    }
  /** Cell styles the add-in's own sheets need; never applied to a user's cells. */
  | {
      op: "setStyle";
      sheet: string;
      range: CellRange;
      bold?: boolean;
      fill?: string;
      wrap?: boolean;
      border?: boolean;
      fontColor?: string;
    }
  /** A native chart of `data` (first column categories, first row series names) placed over `anchor`. */
  | {
      op: "addChart";
      sheet: string;
      type: "column" | "bar" | "pie";
      data: CellRange;
      anchor: CellRange;
      title: string;
    }
  /** An AutoFilter on a range whose first row is the header. */
  | { op: "setAutoFilter"; sheet: string; range: CellRange }
  /**
   * Grow the Excel Table (ListObject) `table` on `sheet` by one column on its right per name in `columns`: the
   * names become the table's column names and its header cells. The cells taken in must be empty (planners insert
   * columns first where they are not); they get the table's banding and filter, not a copy of anyone's format.
   */
  | { op: "extendTable"; sheet: string; table: string; columns: string[] }
  /** Make columns wide enough to read (character widths), header text wrap. */
  | { op: "setColumnWidths"; sheet: string; widths: { col: number; width: number }[] };

export type EditOpKind = EditOp["op"];

export interface EditPlan {
  /** What the user is asked to confirm, in Russian. */
  summary: string;
  ops: EditOp[];
}

export function isEmptyPlan(plan: EditPlan): boolean {
  return plan.ops.length === 0;
}
