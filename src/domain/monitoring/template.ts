/**
 * The monitoring template of a quarter: which indicators and activities the authority asks for, from which
 * schools. Built once («Создать лист мониторинга» / `roadmap monitoring`), kept in the workbook's settings
 * under MONITORING_SETTING, and read back by «Формы для школ» / `roadmap forms`, so the forms always match
 * the monitoring sheet they were made from. Its id and version travel in every form's fingerprint.
 */
import { z } from "zod";
import { Indicator, stableId, type IndicatorValue } from "../indicators";
import { fnv1a } from "../indicators/ids";
import type { ActivityRow, RoadmapTable } from "../model";
import { isDueInQuarter, type QuarterRef } from "../quarter";
import { addDays, formatRuDate } from "../russian-dates";
import { Quarter, TemplateRef } from "./fingerprint";

export const MONITORING_SETTING = "monitoring";

export const MonitoredActivity = z.object({
  id: z.string(),
  sheet: z.string(),
  row: z.number().int(),
  number: z.string().nullable(),
  activity: z.string(),
  deadline: z.string(),
  responsible: z.string(),
});
export type MonitoredActivity = z.infer<typeof MonitoredActivity>;

export const MonitoringTemplate = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  quarter: Quarter,
  start: z.string(),
  end: z.string(),
  /** The calendar year whose targets the sheet shows. */
  targetYear: z.string(),
  indicators: z.array(Indicator),
  activities: z.array(MonitoredActivity),
  schools: z.array(z.string()),
  /** Where the monitoring workbook's own sheets are. */
  sheets: z.object({ indicators: z.string(), activities: z.string() }),
  /** ISO date by which schools return their forms; absent in older templates (then the 10th day after the quarter). */
  returnBy: z.string().optional(),
});
export type MonitoringTemplate = z.infer<typeof MonitoringTemplate>;

/**
 * The settings value. Its top level is the template made last, in the shape consolidation reads
 * (src/domain/consolidation/template.ts: `template`, `schools`, `indicators` with numeric targets,
 * `activities`); `templates` keeps every quarter's full template, from which the forms are made.
 */
export const MonitoringSetting = z.object({
  template: TemplateRef,
  schools: z.array(z.string()),
  indicators: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      type: Indicator.shape.type,
      unit: z.string().nullable(),
      direction: Indicator.shape.direction,
      targets: z.record(z.string(), z.number()),
    }),
  ),
  activities: z.array(z.object({ id: z.string(), activity: z.string() })),
  templates: z.record(z.string(), MonitoringTemplate),
});
export type MonitoringSetting = z.infer<typeof MonitoringSetting>;

/** The activities of every roadmap table due in the quarter (the contract's rule), with stable ids. */
export function dueActivities(tables: RoadmapTable[], q: QuarterRef): MonitoredActivity[] {
  const taken = new Set<string>();
  const out: MonitoredActivity[] = [];
  for (const t of tables) {
    for (const row of t.rows) {
      if (row.kind !== "activity") continue;
      const a = row as ActivityRow & { dueDate?: string | null };
      if (!isDueInQuarter(a.deadline, q, t.period, a.dueDate ?? null)) continue;
      out.push({
        id: stableId("A", `${t.sheet}|${a.activity}`, taken),
        sheet: t.sheet,
        row: a.row,
        number: a.number,
        activity: a.activity,
        deadline: a.deadline.raw,
        responsible: a.responsible.raw,
      });
    }
  }
  return out;
}

/** The year's target: that year's, else the next one written ahead, else none. */
export function targetFor(targets: Record<string, IndicatorValue>, year: string): IndicatorValue | null {
  if (targets[year] !== undefined) return targets[year];
  const ahead = Object.keys(targets)
    .filter((y) => y > year)
    .sort();
  return ahead.length ? targets[ahead[0]] : null;
}

export function monitoringSheetNames(quarter: string): { indicators: string; activities: string } {
  return { indicators: `Мониторинг ${quarter}`, activities: `Мероприятия ${quarter}` };
}

/** «1 квартал 2025 г. (01.01.2025 – 31.03.2025)» */
export function quarterLabel(q: Pick<QuarterRef, "year" | "quarter" | "start" | "end">): string {
  return `${q.quarter} квартал ${q.year} г. (${formatRuDate(q.start)} – ${formatRuDate(q.end)})`;
}

/** The setting after making `t`: `t` on top (for consolidation), every quarter's template kept. */
export function monitoringSetting(
  t: MonitoringTemplate,
  previous: MonitoringSetting | null,
): MonitoringSetting {
  return {
    template: { id: t.id, version: t.version, quarter: t.quarter },
    schools: t.schools,
    indicators: t.indicators.map((i) => ({
      id: i.id,
      text: i.text,
      type: i.type,
      unit: i.unit,
      direction: i.direction,
      targets: Object.fromEntries(
        Object.entries(i.targets).filter(([, v]) => typeof v === "number"),
      ) as Record<string, number>,
    })),
    activities: t.activities.map((a) => ({ id: a.id, activity: a.activity })),
    templates: { ...(previous?.templates ?? {}), [t.quarter]: t },
  };
}

function signature(indicators: Indicator[], activities: MonitoredActivity[]): string {
  return JSON.stringify([
    indicators.map((i) => [i.id, i.type, i.direction, i.targets]),
    activities.map((a) => a.id),
  ]);
}

/**
 * The template for a quarter. A quarter that already has one keeps its id (forms sent out stay valid); its
 * version goes up when the indicators or activities changed. New schools alone do not change the version.
 */
export function buildTemplate(input: {
  quarter: QuarterRef;
  indicators: Indicator[];
  activities: MonitoredActivity[];
  schools: string[];
  previous: MonitoringSetting | null;
  /** ISO; when absent, the quarter's earlier choice or the 10th day after the quarter. */
  returnBy?: string;
}): MonitoringTemplate {
  const { quarter: q, indicators, activities, schools } = input;
  const old = input.previous?.templates[q.id] ?? null;
  const sig = signature(indicators, activities);
  const id = old?.id ?? `RM-${q.id}-${fnv1a(sig).toString(36).toUpperCase()}`;
  const version = old
    ? signature(old.indicators, old.activities) === sig
      ? old.version
      : old.version + 1
    : 1;
  const mergedSchools = old ? [...old.schools, ...schools.filter((s) => !old.schools.includes(s))] : schools;
  return {
    id,
    version,
    quarter: q.id,
    start: q.start,
    end: q.end,
    targetYear: String(q.year),
    indicators,
    activities,
    schools: old ? mergedSchools : schools,
    sheets: monitoringSheetNames(q.id),
    returnBy: input.returnBy ?? old?.returnBy ?? defaultReturnBy(q.end),
  };
}

/** The usual deadline for schools' returns: ten days after the quarter ends. */
export function defaultReturnBy(quarterEnd: string): string {
  return addDays(quarterEnd, 10);
}
