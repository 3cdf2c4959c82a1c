/**
 * The identity a school form carries back to the authority: which template, version and quarter it was made
 * from, for which school, and where each input is. Consolidation trusts a return only through this.
 *
 * It must survive a save by Excel 2010–365, LibreOffice, МойОфис and Р7-Офис, which drop custom XML parts and
 * custom file properties. So it lives in two places every one of them keeps:
 * - the very hidden sheet FINGERPRINT_SHEET: cell A1 the marker, B1.. the fingerprint as JSON text in
 *   chunks of at most 32,000 characters (a cell holds 32,767), read B1, C1, … up to the first empty cell;
 * - defined names, one per input cell (inputName / activityInputName), which Excel and LibreOffice move
 *   when rows or columns are inserted, so an input is found even after a school edits the layout.
 */
import { z } from "zod";

export const FINGERPRINT_SHEET = "_RoadmapForm";
export const FINGERPRINT_MARKER = "roadmap-monitor-form";

export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/);
export type Quarter = z.infer<typeof Quarter>;

export const TemplateRef = z.object({
  id: z.string().min(1),
  version: z.number().int().min(1),
  quarter: Quarter,
});
export type TemplateRef = z.infer<typeof TemplateRef>;

export const InputPart = z.enum(["numerator", "denominator", "value", "previous"]);
export type InputPart = z.infer<typeof InputPart>;

export const InputType = z.enum(["integer", "number", "yesno", "text"]);
export type InputType = z.infer<typeof InputType>;

/** One input cell of an indicator on a form. `cell` is A1 on `sheet` as written; `name` its defined name. */
export const FormInput = z.object({
  indicator: z.string(),
  part: InputPart,
  sheet: z.string(),
  cell: z.string(),
  type: InputType,
  name: z.string(),
});
export type FormInput = z.infer<typeof FormInput>;

/** The status / document / comment cells of one activity on a form (A1 on `sheet`), with their defined names. */
export const ActivityInput = z.object({
  activity: z.string(),
  sheet: z.string(),
  status: z.string(),
  evidence: z.string(),
  comment: z.string(),
  names: z.object({ status: z.string(), evidence: z.string(), comment: z.string() }),
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const Fingerprint = z.object({
  marker: z.literal(FINGERPRINT_MARKER),
  template: TemplateRef,
  school: z.string(),
  /** The indicator ids (and texts, to detect a renamed indicator) the form asks for, in order. */
  indicators: z.array(z.object({ id: z.string(), text: z.string() })),
  inputs: z.array(FormInput),
  activityInputs: z.array(ActivityInput),
  /** The sheet holding the school's name (locked), and its cell. */
  schoolCell: z.object({ sheet: z.string(), cell: z.string() }),
});
export type Fingerprint = z.infer<typeof Fingerprint>;

/** Defined name of an input: letters, digits, "_" and "." only, and not an A1 address (Excel's rule). */
export function inputName(indicator: string, part: InputPart): string {
  return `RM_${safeName(indicator)}_${part}`;
}

export function activityInputName(activity: string, field: "status" | "evidence" | "comment"): string {
  return `RM_${safeName(activity)}_${field}`;
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, "_");
}
