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
import {
  ConsolidationTemplate,
  TemplateIndicator,
  type ReturnReading,
} from "../domain/consolidation/template";
import { MONITORING_SETTING } from "../domain/monitoring/template";
import { loadSettings, updateSettings } from "./settings";
import type { EditPlan } from "../domain/edit-plan";
import { UserFacingError, type WorkbookHost } from "../domain/host";

export const NO_TEMPLATE =
  "В книге нет листа мониторинга с шаблоном форм: сначала создайте его командой «Создать лист мониторинга» (roadmap monitoring).";

/** A monitoring template as the monitoring command stores it per quarter (only what consolidation needs). */
const StoredMonitoringTemplate = z.object({
  id: z.string(),
  version: z.number().int(),
  quarter: z.string(),
  schools: z.array(z.string()),
  indicators: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      type: TemplateIndicator.shape.type,
      unit: z.string().nullable().catch(null),
      direction: z.enum(["higher", "lower"]).nullable().catch(null),
      targets: z.record(z.string(), z.union([z.number(), z.string()])).catch({}),
    }),
  ),
  activities: z.array(z.object({ id: z.string(), activity: z.string() })).catch([]),
});

/** A target as a number: «да» for a yes/no indicator means every school (100 %); other text has no number. */
function numericTargets(type: string, targets: Record<string, number | string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [year, v] of Object.entries(targets)) {
    if (typeof v === "number" && Number.isFinite(v)) out[year] = v;
    else if (type === "yesno" && /^\s*да\s*$/i.test(String(v))) out[year] = 100;
  }
  return out;
}

/**
 * The template the forms were made from, from the workbook's `monitoring` setting: either already in
 * consolidation's shape at its top level, or the current quarter's template among `templates`.
 */
export function templateFromSetting(raw: unknown): ConsolidationTemplate | null {
  const direct = ConsolidationTemplate.safeParse(raw);
  if (direct.success) return direct.data;
  const r = raw as { current?: unknown; templates?: Record<string, unknown> } | null;
  const current = r && typeof r.current === "string" ? r.templates?.[r.current] : undefined;
  const parsed = StoredMonitoringTemplate.safeParse(current);
  if (!parsed.success) return null;
  const t = parsed.data;
  const out = ConsolidationTemplate.safeParse({
    template: { id: t.id, version: t.version, quarter: t.quarter },
    schools: t.schools,
    indicators: t.indicators.map((i) => ({ ...i, targets: numericTargets(i.type, i.targets) })),
    activities: t.activities,
  });
  return out.success ? out.data : null;
}

/** The template the forms were made from; UserFacingError when the workbook has none. */
export async function loadTemplate(host: WorkbookHost): Promise<ConsolidationTemplate> {
  const t = templateFromSetting((await host.readSettings())[MONITORING_SETTING] ?? null);
  if (!t) throw new UserFacingError(NO_TEMPLATE);
  return t;
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
  const stored = (await loadSettings(host)).consolidation;
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
  await updateSettings(host, {
    consolidation: {
      templateId: template.template.id,
      quarter: template.template.quarter,
      ownSheets,
      records,
    },
  });
  return { json: consolidationJson(c), consolidation: c, plan };
}
