/** Roadmap table recognition: the public API. See ARCHITECTURE.md («recognition/»). */
export {
  recognizeSheet,
  recognizeWorkbook,
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
export { applyPlanToGrid } from "./apply-plan";
export { roleOfHeader } from "./header-roles";
