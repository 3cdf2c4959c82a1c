/**
 * What consolidation needs to know from the monitoring workbook (the template the forms were made from), and
 * what a return reader hands over about one returned file. Both are plain data: the reader (src/returns) does
 * the file work, the domain decides.
 */
import { z } from "zod";
import type { CellValue } from "../grid";
import { TemplateRef } from "../monitoring/fingerprint";

export const IndicatorType = z.enum(["share", "count", "number", "yesno", "dynamics", "text"]);
export type IndicatorType = z.infer<typeof IndicatorType>;

export const TemplateIndicator = z.object({
  id: z.string(),
  text: z.string(),
  type: IndicatorType,
  unit: z.string().nullable().default(null),
  direction: z.enum(["higher", "lower"]).nullable().default(null),
  /** Targets by year ("2025": 100). */
  targets: z.record(z.string(), z.number()).default({}),
});
export type TemplateIndicator = z.infer<typeof TemplateIndicator>;

export const TemplateActivity = z.object({ id: z.string(), activity: z.string() });
export type TemplateActivity = z.infer<typeof TemplateActivity>;

/** The monitoring workbook's template: identity, expected schools, indicators and activities due. */
export const ConsolidationTemplate = z.object({
  template: TemplateRef,
  schools: z.array(z.string()),
  indicators: z.array(TemplateIndicator),
  activities: z.array(TemplateActivity).default([]),
});
export type ConsolidationTemplate = z.infer<typeof ConsolidationTemplate>;

/** A cell address on a sheet of the returned file, as the reader found it. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/**
 * What a reader extracted from one returned file. `problem` set means the file is not a readable .xlsx
 * (encrypted, corrupt, .xls, .ods, not a spreadsheet): nothing else is filled then.
 */
export interface ReturnReading {
  /** The path as the user gave it. */
  file: string;
  /** Identity of this exact file: its name and a hash of its bytes (a reread never doubles it). */
  key: string;
  /** ISO date-time of the last save from the file's own properties (docProps/core.xml), or null. */
  modified: string | null;
  /** ISO date-time of the file system's modification time, or null (the browser may not know it). */
  fileModified: string | null;
  problem: string | null;
  /** The text of the fingerprint sheet's B1, C1, … joined; null when there is no fingerprint sheet. */
  fingerprintText: string | null;
  sheets: string[];
  /** Defined names (workbook-scoped) → their reference text as stored ("'Показатели'!$C$7", "#REF!"). */
  names: Record<string, string>;
  /** Values of the cells the fingerprint asked for, keyed by cellKey(sheet, cell). */
  cells: Record<string, CellValue>;
  /** Text cells of the rows holding inputs, keyed by cellKey (to notice a renamed indicator). */
  rowTexts: Record<string, string>;
}

export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, "").toUpperCase()}`;
}
