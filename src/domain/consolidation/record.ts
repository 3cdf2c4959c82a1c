/**
 * The outcome of checking one returned file, as stored in the consolidated workbook so a later run with more
 * files can merge with it (see consolidate.ts). Its reasons are the contract's `returns[].reasons`.
 */
import { z } from "zod";

export const ReasonSeverity = z.enum(["error", "warning"]);

export const ReturnReason = z.object({
  rule: z.string(),
  severity: ReasonSeverity,
  /** "Показатели!C7" in the returned file, or null when the reason concerns the whole file. */
  cell: z.string().nullable(),
  message: z.string(),
  /** The indicator (or activity) it concerns, so the consolidated sheet can link to its cell; not in the JSON. */
  indicator: z.string().optional(),
});
export type ReturnReason = z.infer<typeof ReturnReason>;

export const SchoolValue = z.object({
  indicator: z.string(),
  value: z.union([z.number(), z.string()]),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  previous: z.number().optional(),
});
export type SchoolValue = z.infer<typeof SchoolValue>;

export const ActivityStatus = z.object({ activity: z.string(), status: z.string() });
export type ActivityStatus = z.infer<typeof ActivityStatus>;

export const ReturnRecord = z.object({
  file: z.string(),
  key: z.string(),
  /** When the school last saved it: the file's own properties, else the file system's time; ISO or null. */
  savedAt: z.string().nullable(),
  school: z.string().nullable(),
  /** Rejected returns are never used; the others compete per school (newest wins). */
  rejected: z.boolean(),
  reasons: z.array(ReturnReason),
  /** Values that passed every check (a value with an error-severity reason is not here). */
  values: z.array(SchoolValue),
  activities: z.array(ActivityStatus),
});
export type ReturnRecord = z.infer<typeof ReturnRecord>;

export const Verdict = z.enum(["accepted", "accepted_with_remarks", "rejected", "superseded"]);
export type Verdict = z.infer<typeof Verdict>;

export const VERDICT_RU: Record<Verdict, string> = {
  accepted: "Принята",
  accepted_with_remarks: "Принята с замечаниями",
  rejected: "Отклонена",
  superseded: "Заменена более новой",
};

/** What consolidation keeps in the workbook between runs (settings key `consolidation`). */
export const ConsolidationSetting = z.object({
  templateId: z.string(),
  quarter: z.string(),
  /** Sheets this feature made: only these are ever replaced. */
  ownSheets: z.array(z.string()),
  records: z.array(ReturnRecord),
});
export type ConsolidationSetting = z.infer<typeof ConsolidationSetting>;
