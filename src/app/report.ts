/**
 * «Отчёт о выполнении» / `roadmap report --quarter YYYY-QN`: the status picture of a calendar quarter as the
 * contract's JSON and as the sheet «Отчёт YYYY-QN» (replaced, never duplicated).
 */
import { buildQuarterReport, planReportSheet, type QuarterReport } from "../domain/control/report";
import type { EditPlan } from "../domain/edit-plan";
import { UserFacingError, type WorkbookHost } from "../domain/host";
import type { IsoDate } from "../domain/model";
import { parseQuarter, quarterMeetsPeriod } from "../domain/quarter";
import { formatRuDate } from "../domain/russian-dates";
import { check } from "./check";
import type { Recognised } from "./recognise";

export const NO_ROADMAP_REPORT =
  "В книге не найдено ни одной таблицы дорожной карты: отчёт за квартал строить не по чему. Проверьте, что таблица вставлена вместе с шапкой.";

export const CHART_NOTE =
  "Диаграмма не добавлена: файл сохранён без Excel. Выделите таблицу «Статус — Мероприятий» слева и вставьте диаграмму (Вставка → Диаграмма).";

export interface ReportOutcome {
  report: QuarterReport;
  plan: EditPlan;
  recognised: Recognised;
}

export async function planQuarterReport(
  host: WorkbookHost,
  opts: { quarter: string; today: IsoDate; recognised?: Recognised },
): Promise<ReportOutcome> {
  const q = parseQuarter(opts.quarter);
  if (!q) throw new UserFacingError(`Неверный квартал «${opts.quarter}»: нужен ГГГГ-QN, например 2024-Q1.`);
  const outcome = await check(host, { today: opts.today, recognised: opts.recognised });
  const tables = outcome.recognised.tables;
  if (tables.length === 0) throw new UserFacingError(NO_ROADMAP_REPORT);
  // Issue 10: a quarter outside the roadmap's period is bad input (exit 2, nothing written).
  const periods = tables.map((t) => t.period).filter((p) => p !== null);
  if (periods.length > 0 && !periods.some((p) => quarterMeetsPeriod(q, p))) {
    const p = periods[0];
    throw new UserFacingError(
      `Квартал ${q.id} (${formatRuDate(q.start)} – ${formatRuDate(q.end)}) не попадает в период дорожной карты (${formatRuDate(p.start)} – ${formatRuDate(p.end)}).`,
    );
  }
  const report = buildQuarterReport(tables, q, outcome.directory);
  const names = (await host.listSheets()).map((s) => s.name);
  return {
    report,
    plan: planReportSheet(names, tables, q, report, opts.today),
    recognised: outcome.recognised,
  };
}

/** Write the report sheet (an earlier one for the same quarter is replaced). */
export async function writeQuarterReport(
  host: WorkbookHost,
  opts: { quarter: string; today: IsoDate; recognised?: Recognised },
): Promise<ReportOutcome & { notices: string[] }> {
  const outcome = await planQuarterReport(host, opts);
  // E.g. the .xlsx host cannot write a chart: it says so, and the data for it is on the sheet.
  const notices = (await host.apply(outcome.plan))?.notices ?? [];
  const chart = outcome.plan.ops.find((o) => o.op === "addChart");
  if (chart && notices.some((n) => n.startsWith("Диаграмма"))) {
    // Said in the sheet too, where the chart would stand: the totals beside it are its data.
    await host.apply({
      summary: "Примечание о диаграмме",
      ops: [
        {
          op: "setValues",
          sheet: chart.sheet,
          row: chart.anchor.top,
          col: chart.anchor.left,
          values: [[CHART_NOTE]],
        },
      ],
    });
  }
  return { ...outcome, notices };
}
