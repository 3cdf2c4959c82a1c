/**
 * The workbook a command works on, as the task pane sees it. Implemented by the Office.js adapter
 * (src/excel) and by the .xlsx adapter (src/xlsx, used by the browser preview and the CLI).
 * Each method is one batch: an Office.js implementation makes a constant number of context.sync() calls.
 */
import type { SheetGrid, WorkbookGrid } from "./grid";
import type { EditPlan } from "./edit-plan";

export interface SheetInfo {
  name: string;
  visible: boolean;
}

/** What an apply tells the caller besides success: notes in Russian (a chart this host cannot write, an older Excel). */
export interface ApplyOutcome {
  notices: string[];
}

export interface WorkbookHost {
  /** Display name for the UI ("Книга1.xlsx"). */
  readonly name: string;
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string): Promise<SheetGrid>;
  /** Every visible sheet (the add-in's own hidden state sheet excluded). */
  readWorkbook(): Promise<WorkbookGrid>;
  activeSheetName(): Promise<string>;
  /** All or nothing where the preflight (src/domain/plan/validate.ts) can tell; UserFacingError when refused. */
  apply(plan: EditPlan): Promise<ApplyOutcome | void>;
  /** Select a cell or range ("B7", "A6:F58") on a sheet and bring it into view. */
  select(sheet: string, address: string): Promise<void>;
  /** What the user has selected in the workbook («Лист1», «A6:F58»); optional: a host may not know. */
  selectedRange?(): Promise<{ sheet: string; address: string } | null>;
  /** Per-workbook settings remembered in the workbook itself (column role corrections, dismissed findings). */
  getSetting<T>(key: string): Promise<T | null>;
  /** Every stored setting in one read (key → parsed JSON; unreadable values are left out). */
  readSettings(): Promise<Record<string, unknown>>;
  setSetting<T>(key: string, value: T): Promise<void>;
  /** Highlight cells without touching their own formats (conditional formatting); clearHighlights removes only ours. */
  highlight(cells: { sheet: string; address: string }[]): Promise<void>;
  clearHighlights(): Promise<void>;
}

/** A failure the user can act on; `message` is Russian and shown as is. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}
