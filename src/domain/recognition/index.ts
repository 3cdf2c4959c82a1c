/** Roadmap table recognition: the public API. See ARCHITECTURE.md («recognition/»). */
import type { SheetGrid, WorkbookGrid } from "../grid";
import { readControl } from "../control/read";
import { isReportSheet } from "../control/sheets";
import {
  recognizeSheet as recognizeSheetOnly,
  recognizeWorkbook as recognizeWorkbookOnly,
  type Recognition,
  type RecognizeOptions,
} from "./recognize";

export {
  isBackupSheet,
  type Notice,
  type Recognition,
  type RecognizeOptions,
  type TableOverride,
} from "./recognize";
export { formatNotice, type NoticeCode, type NoticeParams, type NoticeLanguage } from "./notice-text";
export { planFoldContinuations, proposeFold, backupSheetName, type FoldOptions } from "./fold";
export type { FoldProposal, FoldJoin, FoldLeft, FoldCellChange, FoldChoice } from "./fold-proposal";
export { readPeriod, readApprovalDate } from "./period";
export { applyPlanToGrid } from "../plan/apply-memory";
export { roleOfHeader } from "./header-roles";

/** Every roadmap table of the workbook, with the control columns (status, dates, document) read. */
export function recognizeWorkbook(wb: WorkbookGrid, opts: RecognizeOptions = {}): Recognition {
  // The quarterly report sheets list activities in roadmap-like columns: they are ours, not roadmaps.
  const own = wb.sheets.filter((s) => isReportSheet(s.name));
  const r = recognizeWorkbookOnly(
    own.length ? { ...wb, sheets: wb.sheets.filter((s) => !own.includes(s)) } : wb,
    opts,
  );
  return { ...r, tables: readControl(r.tables, wb) };
}

export function recognizeSheet(sheet: SheetGrid, opts: RecognizeOptions = {}): Recognition {
  const r = recognizeSheetOnly(sheet, opts);
  return { ...r, tables: readControl(r.tables, { sheets: [sheet] }) };
}
