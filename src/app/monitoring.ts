/**
 * «Создать лист мониторинга» / `roadmap monitoring`: for a quarter and a list of schools, the sheets
 * «Мониторинг YYYY-QN» and «Мероприятия YYYY-QN» added to the workbook, and the template (id, version,
 * indicators, activities, schools) remembered in it for the forms. Refuses, with one Russian line and
 * nothing written: a malformed quarter or one outside the roadmap's period, no indicators, no schools,
 * sheets of that quarter already there.
 */
import type { EditPlan } from "../domain/edit-plan";
import { UserFacingError, type WorkbookHost } from "../domain/host";
import type { Indicator } from "../domain/indicators";
import {
  buildTemplate,
  dedupeSchools,
  dueActivities,
  monitoringSetting,
  monitoringSheetNames,
  planMonitoringWorkbook,
  type MonitoringSetting,
  type MonitoringTemplate,
} from "../domain/monitoring";
import { parseQuarter, quarterMeetsPeriod, type QuarterRef } from "../domain/quarter";
import { formatRuDate, parseRuDate } from "../domain/russian-dates";
import { indicators as readIndicatorList } from "./indicators";
import { recognise } from "./recognise";
import { updateSettings } from "./settings";

export interface MonitoringOptions {
  /** «2025-Q1» */
  quarter: string;
  /** As typed or pasted: blank lines ignored, repeats dropped with a warning. */
  schools: string[];
  /** «дд.мм.гггг» or ISO: the day schools return their forms by; default the 10th day after the quarter. */
  returnBy?: string;
}

export interface MonitoringPreview {
  template: MonitoringTemplate;
  plan: EditPlan;
  /** Russian lines for stderr / the pane: repeated schools or indicators dropped. */
  warnings: string[];
  /** The monitoring setting before this run (other quarters' templates are kept). */
  previous: MonitoringSetting | null;
}

/** The contract's `monitoring --json` / `forms --json` head. */
export function templateJson(t: MonitoringTemplate) {
  return {
    template: { id: t.id, version: t.version, quarter: t.quarter },
    indicators: t.indicators.map((i: Indicator) => ({ ...i })),
    activities: t.activities.map((a) => ({ id: a.id, sheet: a.sheet, row: a.row, activity: a.activity })),
  };
}

export function quarterOrThrow(text: string) {
  const q = parseQuarter(text);
  if (!q) throw new UserFacingError(`Неверный квартал «${text}»: нужен вид ГГГГ-QN, например 2025-Q1.`);
  return q;
}

/** The forms' return date as typed: a real date, not before the quarter starts. */
export function returnByOrThrow(text: string, q: QuarterRef): string {
  const iso = parseRuDate(text.trim());
  if (!iso) throw new UserFacingError(`Неверная дата сдачи форм «${text.trim()}»: нужен вид дд.мм.гггг.`);
  if (iso < q.start)
    throw new UserFacingError(
      `Срок сдачи форм ${formatRuDate(iso)} раньше начала квартала ${q.id} (${formatRuDate(q.start)}).`,
    );
  return iso;
}

export async function previewMonitoring(
  host: WorkbookHost,
  opts: MonitoringOptions,
): Promise<MonitoringPreview> {
  const q = quarterOrThrow(opts.quarter);
  const r = await recognise(host);
  // Several roadmaps (sheets of different years): the quarter must fall in the period of one of them.
  const periods = r.tables.flatMap((t) => (t.period ? [t.period] : []));
  if (periods.length && !periods.some((p) => quarterMeetsPeriod(q, p))) {
    const spans = [...new Set(periods.map((p) => `${formatRuDate(p.start)} – ${formatRuDate(p.end)}`))];
    throw new UserFacingError(
      `Квартал ${q.id} вне периода дорожной карты (${spans.join("; ")}): выберите квартал внутри периода.`,
    );
  }
  const found = await readIndicatorList(host, r);
  const schools = dedupeSchools(opts.schools);
  if (!schools.schools.length)
    throw new UserFacingError("Список школ пуст: укажите хотя бы одну школу (по одной в строке).");
  const names = monitoringSheetNames(q.id);
  const existing = new Set((await host.listSheets()).map((s) => s.name.toLowerCase()));
  for (const name of [names.indicators, names.activities])
    if (existing.has(name.toLowerCase()))
      throw new UserFacingError(
        `Лист «${name}» уже есть в книге: чтобы создать его заново, переименуйте или удалите старый (данные в нём не будут тронуты).`,
      );
  const template = buildTemplate({
    quarter: q,
    indicators: found.indicators,
    activities: dueActivities(r.tables, q),
    schools: schools.schools,
    previous: r.settings.monitoring,
    returnBy: opts.returnBy?.trim() ? returnByOrThrow(opts.returnBy, q) : undefined,
  });
  return {
    template,
    plan: planMonitoringWorkbook(template),
    warnings: [...found.warnings, ...schools.warnings],
    previous: r.settings.monitoring,
  };
}

/** Add the sheets and remember the template. */
export async function createMonitoring(
  host: WorkbookHost,
  opts: MonitoringOptions,
): Promise<MonitoringPreview> {
  const preview = await previewMonitoring(host, opts);
  await host.apply(preview.plan);
  await updateSettings(host, { monitoring: monitoringSetting(preview.template, preview.previous) });
  return preview;
}
