/**
 * «Свод»: consolidate the returned school forms into the monitoring workbook. The readings come from a
 * reader (worker threads in the CLI, a Web Worker in the pane); this command checks them, merges them with
 * what an earlier run stored in the workbook (so a rerun with more files equals one run with all), writes
 * the «Свод YYYY-QN» and «Приём форм» sheets, and remembers the records.
 */
import { z } from "zod";
import { checkReturn } from "../domain/consolidation/check-return";
import {
  consolidate,
  consolidationJson,
  mergeRecords,
  type Consolidation,
} from "../domain/consolidation/consolidate";
import { consolidationPlan, RECEIPT_SHEET, svodSheetName } from "../domain/consolidation/plan";
import { ReturnRecord } from "../domain/consolidation/record";
import { ConsolidationTemplate, type ReturnReading } from "../domain/consolidation/template";
import type { EditPlan } from "../domain/edit-plan";
import { UserFacingError, type WorkbookHost } from "../domain/host";

/** Where the monitoring command keeps its template in the workbook, and where we keep our records. */
export const MONITORING_SETTING = "monitoring";
export const CONSOLIDATION_SETTING = "consolidation";

const Stored = z.object({
  templateId: z.string(),
  quarter: z.string(),
  ownSheets: z.array(z.string()),
  records: z.array(ReturnRecord),
});
type Stored = z.infer<typeof Stored>;

export const NO_TEMPLATE =
  "В книге нет листа мониторинга с шаблоном форм: сначала создайте его командой «Создать лист мониторинга» (roadmap monitoring).";

/** The template the forms were made from, as the monitoring command stored it; UserFacingError when absent. */
export async function loadTemplate(host: WorkbookHost): Promise<ConsolidationTemplate> {
  const raw = await host.getSetting<unknown>(MONITORING_SETTING);
  const parsed = ConsolidationTemplate.safeParse(raw);
  if (!parsed.success) throw new UserFacingError(NO_TEMPLATE);
  return parsed.data;
}

export interface ConsolidateOptions {
  readings: readonly ReturnReading[];
  /** Normally read from the workbook; given directly by tests and the preview's sample. */
  template?: ConsolidationTemplate;
}

export interface ConsolidateResult {
  /** The contract's `consolidate --json` document. */
  json: unknown;
  consolidation: Consolidation;
  plan: EditPlan;
}

export async function consolidateReturns(
  host: WorkbookHost,
  opts: ConsolidateOptions,
): Promise<ConsolidateResult> {
  const template = opts.template ?? (await loadTemplate(host));
  const storedRaw = Stored.safeParse(await host.getSetting<unknown>(CONSOLIDATION_SETTING));
  const stored: Stored | null = storedRaw.success ? storedRaw.data : null;
  // Records of another template or quarter are not this consolidation's: start afresh (their sheets stay ours).
  const sameRun =
    stored && stored.templateId === template.template.id && stored.quarter === template.template.quarter;
  const earlier = sameRun ? stored.records : [];
  const fresh = opts.readings.map((r) => checkReturn(template, r));
  const records = mergeRecords(earlier, fresh);
  const c = consolidate(template, records);
  const sheets = (await host.listSheets()).map((s) => s.name);
  const plan = consolidationPlan(template, c, { sheets, ownSheets: stored?.ownSheets ?? [] });
  await host.apply(plan);
  const ownSheets = [
    ...new Set([...(stored?.ownSheets ?? []), svodSheetName(template.template.quarter), RECEIPT_SHEET]),
  ];
  await host.setSetting<Stored>(CONSOLIDATION_SETTING, {
    templateId: template.template.id,
    quarter: template.template.quarter,
    ownSheets,
    records,
  });
  return { json: consolidationJson(c), consolidation: c, plan };
}
