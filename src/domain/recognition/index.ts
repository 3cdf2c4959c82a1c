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
export { planFoldContinuations, backupSheetName, type FoldOptions } from "./fold";
export { readPeriod, readApprovalDate } from "./period";
export { applyPlanToGrid } from "../plan/apply-memory";
export { roleOfHeader } from "./header-roles";
