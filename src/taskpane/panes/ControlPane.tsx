/**
 * «Контроль»: add the control columns (and take our signal colours off), the status picture («Сводка») with a
 * chart, filters and lists that select the row, and the quarterly report. Calls src/app only.
 */
import { Button, Caption1, Input, Link, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { addControlColumns, removeSignals } from "../../app/annotate";
import { check } from "../../app/check";
import { writeQuarterReport } from "../../app/report";
import type { PeopleDirectory } from "../../domain/people-directory";
import type { RoadmapTable } from "../../domain/model";
import { localIsoDate } from "../../domain/russian-dates";
import { usePane } from "../context";
import { quarterOf, statusSummary, type SummaryFilter, type SummaryItem } from "../logic/control";
import { CommandStatus, InfoBar, PaneIntro, useStyles } from "../ui";
import { useCommand } from "../use-command";

const BAR_COLOURS: Record<string, string> = {
  "Не начато": "#BFBFBF",
  "В работе": "#5B9BD5",
  Выполнено: "#70AD47",
  "Выполнено с нарушением срока": "#ED7D31",
  "Не выполнено": "#C00000",
  Отменено: "#7F7F7F",
  "": "#E7E6E6",
};

const useLocal = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: "4px" },
  bar: {
    display: "grid",
    gridTemplateColumns: "9.5em 1fr 5.5em",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  track: { height: "12px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: "2px" },
  filters: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

function Items({ items, testId }: { items: SummaryItem[]; testId: string }) {
  const { host, t } = usePane();
  const s = useStyles();
  if (items.length === 0) return <Caption1>{t("summaryNone")}</Caption1>;
  return (
    <ul className={s.list} data-testid={testId}>
      {items.slice(0, 50).map((x) => (
        <li key={`${x.sheet}!${x.row}`}>
          <Link
            data-testid="summary-link"
            onClick={() => void host.select(x.sheet, `A${x.row}:${"Z"}${x.row}`).catch(() => undefined)}
          >
            {x.sheet}!{x.row}
          </Link>{" "}
          {x.activity.length > 70 ? `${x.activity.slice(0, 69)}…` : x.activity}
          {x.due ? ` — ${x.due.split("-").reverse().join(".")}` : ""}
        </li>
      ))}
    </ul>
  );
}

export function ControlPane() {
  const { host, t, recognize, revision, activeTab } = usePane();
  const s = useStyles();
  const local = useLocal();
  const cmd = useCommand(t);
  const [done, setDone] = useState<string | null>(null);
  const [data, setData] = useState<{
    tables: RoadmapTable[];
    directory: PeopleDirectory | null;
    at: number;
  } | null>(null);
  const [filter, setFilter] = useState<SummaryFilter>({ person: null, section: null });
  const [quarter, setQuarter] = useState(() => quarterOf(localIsoDate(new Date())));
  const today = () => localIsoDate(new Date());

  const refresh = useCallback(async () => {
    const outcome = await check(host, { today: localIsoDate(new Date()), recognised: await recognize() });
    setData({ tables: outcome.recognised.tables, directory: outcome.directory, at: revision });
  }, [host, recognize, revision]);

  // A status typed in the sheet changes the picture: re-read when the user comes back to this tab.
  useEffect(() => {
    if (activeTab === "control" && data && data.at !== revision) void cmd.run(refresh);
  }, [activeTab, revision, data, refresh, cmd]);

  const onAdd = () =>
    cmd.run(async () => {
      setDone(null);
      const outcome = await addControlColumns(host, await recognize());
      // A protected roadmap sheet is left as it is: said after what was done on the others.
      setDone(
        [
          outcome.written
            ? t("controlAdded", { summary: outcome.annotate.plan.summary })
            : t("controlNothing"),
          ...outcome.skipped,
        ].join(" "),
      );
      await refresh();
    });
  const onClear = () =>
    cmd.run(async () => {
      setDone(null);
      await removeSignals(host, await recognize());
      setDone(t("controlCleared"));
    });
  const onReport = () =>
    cmd.run(async () => {
      setDone(null);
      const outcome = await writeQuarterReport(host, {
        quarter,
        today: today(),
        recognised: await recognize(),
      });
      const sheet = `Отчёт ${outcome.report.quarter}`;
      const count = outcome.report.tables.reduce((n, x) => n + x.due.length, 0);
      setDone([t("reportDone", { sheet, count }), ...outcome.notices].join(" "));
      await host.select(sheet, "A1").catch(() => undefined);
    });

  const summary = data ? statusSummary(data.tables, data.directory, filter) : null;
  return (
    <div className={s.pane}>
      <PaneIntro title={t("controlTitle")} text={t("controlIntro")} />
      <div className={s.actions}>
        <Button appearance="primary" onClick={onAdd} disabled={cmd.busy} data-testid="control-add">
          {t("controlAdd")}
        </Button>
        <Button onClick={onClear} disabled={cmd.busy} data-testid="control-clear">
          {t("controlClear")}
        </Button>
      </div>
      <CommandStatus busy={cmd.busy} error={cmd.error} />
      {done ? (
        <InfoBar intent="success" testId="control-done">
          {done}
        </InfoBar>
      ) : null}
      <Text weight="semibold" className={s.sectionTitle}>
        {t("summaryTitle")}
      </Text>
      <div className={s.actions}>
        <Button onClick={() => cmd.run(refresh)} disabled={cmd.busy} data-testid="summary-refresh">
          {t("summaryRefresh")}
        </Button>
      </div>
      {summary ? (
        <>
          <div className={local.filters}>
            <Select
              aria-label={t("summaryPerson")}
              value={filter.person ?? ""}
              onChange={(_e, d) => setFilter({ ...filter, person: d.value || null })}
              data-testid="summary-person"
            >
              <option value="">{`${t("summaryPerson")}: ${t("summaryAll")}`}</option>
              {summary.people.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </Select>
            <Select
              aria-label={t("summarySection")}
              value={filter.section ?? ""}
              onChange={(_e, d) => setFilter({ ...filter, section: d.value || null })}
              data-testid="summary-section"
            >
              <option value="">{`${t("summarySection")}: ${t("summaryAll")}`}</option>
              {summary.sections.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </Select>
          </div>
          <Text data-testid="summary-total">{t("summaryTotal", { count: summary.total })}</Text>
          <div className={local.chart} role="img" aria-label={t("summaryTitle")} data-testid="summary-chart">
            {summary.byStatus.map((b) => (
              <div key={b.status} className={local.bar} data-testid="summary-bar" data-status={b.status}>
                <Caption1>{b.status || t("summaryNoStatus")}</Caption1>
                <div className={local.track}>
                  <div
                    style={{ width: `${b.share}%`, height: "100%", backgroundColor: BAR_COLOURS[b.status] }}
                  />
                </div>
                <Caption1>
                  {b.count} · {b.share}%
                </Caption1>
              </div>
            ))}
          </div>
          <Text weight="semibold">{t("summaryOverdue", { count: summary.overdue.length })}</Text>
          <Items items={summary.overdue} testId="summary-overdue" />
          <Text weight="semibold">{t("summaryDueSoon", { count: summary.dueSoon.length })}</Text>
          <Items items={summary.dueSoon} testId="summary-due-soon" />
          <Text weight="semibold">{t("summaryBySection")}</Text>
          <ul className={s.list}>
            {summary.bySection.map((x) => (
              <li key={x.section}>
                {x.section}: {t("summaryLine", x)}
              </li>
            ))}
          </ul>
          <Text weight="semibold">{t("summaryByPerson")}</Text>
          <ul className={s.list}>
            {summary.byPerson.map((x) => (
              <li key={x.person}>
                {x.person}: {t("summaryLine", x)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Text weight="semibold" className={s.sectionTitle}>
        {t("reportTitle")}
      </Text>
      <div className={s.actions}>
        <Input
          aria-label={t("reportQuarter")}
          value={quarter}
          onChange={(_e, d) => setQuarter(d.value)}
          data-testid="report-quarter"
        />
        <Button appearance="primary" onClick={onReport} disabled={cmd.busy} data-testid="report-write">
          {t("reportWrite")}
        </Button>
      </div>
    </div>
  );
}
