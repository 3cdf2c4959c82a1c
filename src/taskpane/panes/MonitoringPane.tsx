/**
 * «Мониторинг»: the workbook's indicators (type and direction correctable, remembered in the workbook), the
 * quarter's monitoring sheet for a pasted list of schools, and the schools' forms downloaded as one .zip.
 * Everything goes through the src/app commands the CLI runs.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { makeForms } from "../../app/forms";
import { UserFacingError } from "../../domain/host";
import { correctIndicator, indicators as readIndicators } from "../../app/indicators";
import { createMonitoring } from "../../app/monitoring";
import {
  readIndicatorValue,
  type Direction,
  type Indicator,
  type IndicatorType,
} from "../../domain/indicators";
import { defaultReturnBy, schoolsFromWorkbook } from "../../domain/monitoring";
import { parseQuarter } from "../../domain/quarter";
import { formatRuDate } from "../../domain/russian-dates";
import { usePane } from "../context";
import type { MessageKey } from "../i18n";
import { useCommand } from "../use-command";
import { formsZip } from "../logic/forms-zip";
import { CommandStatus, InfoBar, PaneIntro, useStyles } from "../ui";

const TYPES: [IndicatorType, MessageKey][] = [
  ["share", "typeShare"],
  ["count", "typeCount"],
  ["number", "typeNumber"],
  ["yesno", "typeYesno"],
  ["dynamics", "typeDynamics"],
  ["text", "typeText"],
];

const useLocal = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  // The pane is 340 px wide: the type, direction and target fields wrap rather than push the target out.
  selects: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, minWidth: 0 },
  field: { flex: "1 1 120px", minWidth: 0, maxWidth: "100%" },
  text: { overflowWrap: "anywhere" },
});

/** A result said in the pane: kept as a message key and its params, so it follows a change of language. */
interface Said {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The default return date shown as a hint, «10.04.2025»; empty while the quarter is not yet valid. */
function defaultReturnByText(quarter: string): string {
  const q = parseQuarter(quarter);
  return q ? formatRuDate(defaultReturnBy(q.end)) : "";
}

/** The calendar quarter of a date, «2025-Q1». */
export function quarterOf(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** Hand the bytes to the browser as a download (the preview, Excel on the web; desktop Excel may block it). */
function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

export function MonitoringPane() {
  const { host, t } = usePane();
  const s = useStyles();
  const local = useLocal();
  const cmd = useCommand(t);
  const [quarter, setQuarter] = useState(() => quarterOf(new Date()));
  const [schools, setSchools] = useState("");
  const [returnBy, setReturnBy] = useState("");
  const [list, setList] = useState<Indicator[] | null>(null);
  const [done, setDone] = useState<Said | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [created, setCreated] = useState(false);

  const onFind = () =>
    cmd.run(async () => {
      setDone(null);
      const r = await readIndicators(host);
      setList(r.indicators);
      setWarnings(r.warnings);
    });

  const year = /^\s*(\d{4})/.exec(quarter)?.[1] ?? String(new Date().getFullYear());

  const onTarget = (ind: Indicator, raw: string) => {
    const value = readIndicatorValue(raw);
    if (value === null || ind.targets[year] === value) return;
    onCorrect(ind.id, { targets: { [year]: value } });
  };

  const onCorrect = (
    id: string,
    fix: { type?: IndicatorType; direction?: Direction; targets?: Record<string, number | string> },
  ) =>
    cmd.run(async () => {
      await correctIndicator(host, id, fix);
      setList((await readIndicators(host)).indicators);
      setDone({ key: "monitoringCorrected" });
    });

  const onSchoolsFromBook = () =>
    cmd.run(async () => {
      const found = schoolsFromWorkbook(await host.readWorkbook());
      if (!found.schools.length) throw new UserFacingError(t("monitoringSchoolsNone"));
      setSchools(found.schools.join("\n"));
    });

  const onCreate = () =>
    cmd.run(async () => {
      setDone(null);
      const r = await createMonitoring(host, {
        quarter,
        schools: schools.split(/\r?\n/),
        returnBy,
      });
      const tpl = r.template;
      setWarnings(r.warnings);
      setList(tpl.indicators);
      setCreated(true);
      await host.select(tpl.sheets.indicators, "A1").catch(() => undefined);
      setDone({
        key: "monitoringCreated",
        params: {
          sheet: tpl.sheets.indicators,
          activities: tpl.sheets.activities,
          indicators: tpl.indicators.length,
          schools: tpl.schools.length,
          count: tpl.activities.length,
          id: tpl.id,
          version: tpl.version,
        },
      });
    });

  const onForms = () =>
    cmd.run(async () => {
      setDone(null);
      // The .xlsx writer loads only when forms are made (the zip library too: forms-zip.ts).
      const { XlsxWorkbookHost } = await import(/* webpackChunkName: "xlsx" */ "../../xlsx/host");
      const outcome = await makeForms(host, (name) => XlsxWorkbookHost.empty(name));
      const file = `Формы ${outcome.template.quarter}.zip`;
      download(await formsZip(outcome.forms), file);
      setDone({ key: "monitoringFormsDone", params: { file, count: outcome.forms.length } });
    });

  return (
    <div className={s.pane}>
      <PaneIntro title={t("monitoringTitle")} text={t("monitoringIntro")} />
      <div className={s.actions}>
        <Button appearance="secondary" onClick={onFind} disabled={cmd.busy} data-testid="monitoring-find">
          {t("monitoringFind")}
        </Button>
      </div>
      <Field label={t("monitoringQuarter")}>
        <Input value={quarter} onChange={(_e, d) => setQuarter(d.value)} data-testid="monitoring-quarter" />
      </Field>
      <Field label={t("monitoringReturnBy")}>
        <Input
          value={returnBy}
          onChange={(_e, d) => setReturnBy(d.value)}
          placeholder={defaultReturnByText(quarter)}
          data-testid="monitoring-return-by"
        />
      </Field>
      <Field label={t("monitoringSchools")}>
        <Textarea
          value={schools}
          onChange={(_e, d) => setSchools(d.value)}
          rows={6}
          resize="vertical"
          data-testid="monitoring-schools"
        />
      </Field>
      <div className={s.actions}>
        <Button onClick={onSchoolsFromBook} disabled={cmd.busy} data-testid="monitoring-schools-book">
          {t("monitoringSchoolsFromBook")}
        </Button>
        <Button appearance="primary" onClick={onCreate} disabled={cmd.busy} data-testid="monitoring-create">
          {t("monitoringCreate")}
        </Button>
        {created ? (
          <Button appearance="primary" onClick={onForms} disabled={cmd.busy} data-testid="monitoring-forms">
            {t("monitoringForms")}
          </Button>
        ) : null}
      </div>
      <CommandStatus busy={cmd.busy} error={cmd.error} />
      {done ? (
        <InfoBar intent="success" testId="monitoring-done">
          {t(done.key, done.params)}
        </InfoBar>
      ) : null}
      {warnings.length ? (
        <InfoBar intent="warning" testId="monitoring-warnings">
          {warnings.join(" ")}
        </InfoBar>
      ) : null}
      {list ? (
        <>
          <Text weight="semibold" data-testid="monitoring-count">
            {t("monitoringIndicatorCount", { count: list.length })}
          </Text>
          <ul className={local.list}>
            {list.map((ind) => (
              <li key={ind.id} className={local.item} data-testid="indicator">
                <Text className={local.text}>{ind.text}</Text>
                <Caption1 className={s.muted}>
                  {ind.id} · {ind.sheet}!{ind.cell}
                  {Object.keys(ind.targets).length
                    ? ` · ${Object.entries(ind.targets)
                        .map(([y, v]) => `${y}: ${v}`)
                        .join(", ")}`
                    : ""}
                </Caption1>
                <div className={local.selects}>
                  <Select
                    size="small"
                    className={local.field}
                    aria-label={t("monitoringType")}
                    value={ind.type}
                    disabled={cmd.busy}
                    onChange={(_e, d) => onCorrect(ind.id, { type: d.value as IndicatorType })}
                  >
                    {TYPES.map(([v, key]) => (
                      <option key={v} value={v}>
                        {t(key)}
                      </option>
                    ))}
                  </Select>
                  <Select
                    size="small"
                    className={local.field}
                    aria-label={t("monitoringDirection")}
                    value={ind.direction ?? "higher"}
                    disabled={cmd.busy}
                    onChange={(_e, d) => onCorrect(ind.id, { direction: d.value as Direction })}
                  >
                    <option value="higher">{t("directionHigher")}</option>
                    <option value="lower">{t("directionLower")}</option>
                  </Select>
                  <Input
                    size="small"
                    className={local.field}
                    aria-label={t("monitoringTarget", { year })}
                    placeholder={t("monitoringTarget", { year })}
                    defaultValue={ind.targets[year] !== undefined ? String(ind.targets[year]) : ""}
                    key={`${ind.id}-${year}-${String(ind.targets[year] ?? "")}`}
                    disabled={cmd.busy}
                    onBlur={(e) => onTarget(ind, e.currentTarget.value)}
                    data-testid="indicator-target"
                  />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
