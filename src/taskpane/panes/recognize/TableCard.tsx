/** One recognised table: counts, header rows, period, sections, and the range and column corrections. */
import { Button, Caption1, Field, Input, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { SheetGrid } from "../../../domain/grid";
import type { RoadmapTable } from "../../../domain/model";
import { formatRuDate } from "../../../domain/russian-dates";
import { usePane } from "../../context";
import {
  buildOverride,
  choiceFromColumns,
  columnOptions,
  normaliseRange,
  overrideMatches,
  periodText,
  replaceOverride,
  tableCounts,
  tableSections,
  type ColumnChoice,
} from "../../logic/tables";
import { Count, KeyValue, useStyles } from "../../ui";
import { ColumnRoles } from "./ColumnRoles";
import type { Notice, Run } from "./notice";
import { PeriodField } from "./PeriodField";
import { useSaveOverrides } from "./use-save-overrides";

const useLocal = makeStyles({
  cardHeader: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
  },
  sheetName: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    overflowWrap: "anywhere",
  },
});

export function TableCard({
  table,
  sheet,
  onSaved,
  busy,
  run,
}: {
  table: RoadmapTable;
  sheet: SheetGrid | undefined;
  onSaved: (notice: Notice) => void;
  busy: boolean;
  run: Run;
}) {
  const { host, t } = usePane();
  const saveOverrides = useSaveOverrides(run, onSaved);
  const s = useStyles();
  const local = useLocal();
  const [choice, setChoice] = useState<ColumnChoice>(() => choiceFromColumns(table.columns));
  const [rangeInput, setRangeInput] = useState(table.range);
  useEffect(() => setRangeInput(table.range), [table.range]);

  const counts = tableCounts(table, sheet);
  const sections = tableSections(table);
  const options = useMemo(() => columnOptions(sheet, table), [sheet, table]);
  const rangeValid = normaliseRange(rangeInput) !== null;

  const save = () =>
    saveOverrides((stored) => {
      const previous = stored.find((o) => overrideMatches(o, table));
      return replaceOverride(stored, table, buildOverride(table, choice, rangeInput, previous));
    }, "correctionsSaved");

  const reset = () =>
    saveOverrides((stored) => stored.filter((o) => o.sheet !== table.sheet), "correctionsReset");

  return (
    <section
      className={s.card}
      data-testid="table-card"
      data-sheet={table.sheet}
      aria-label={`${t("sheet")} ${table.sheet}`}
    >
      <div className={local.cardHeader}>
        <span className={local.sheetName}>{table.sheet}</span>
        <Link
          as="button"
          onClick={() => run(() => host.select(table.sheet, table.range))}
          title={t("goToCell", { cell: table.range })}
          data-testid="table-range"
        >
          {table.range}
        </Link>
      </div>
      {table.title ? (
        <Caption1 className={s.muted} style={{ overflowWrap: "anywhere" }}>
          {table.title}
        </Caption1>
      ) : null}
      <div className={s.counts}>
        <Count value={counts.activities} label={t("countActivities")} testId="count-activities" />
        <Count value={counts.sections} label={t("countSections")} testId="count-sections" />
        <Count value={counts.continuations} label={t("countContinuations")} testId="count-continuations" />
      </div>
      <KeyValue
        items={[
          [
            t("headerRowsLabel"),
            table.headerRows.length
              ? t("headerRowsValue", { count: table.headerRows.length, rows: table.headerRows.join(", ") })
              : t("notFoundFem"),
          ],
          [t("period"), table.period ? periodText(table.period) : t("notFound")],
          [t("approved"), table.approved ? formatRuDate(table.approved) : t("notFoundFem")],
        ]}
      />
      <PeriodField table={table} busy={busy} run={run} onSaved={onSaved} />

      <div className={s.sectionTitle}>{t("sectionsTitle")}</div>
      {sections.length ? (
        <ol className={s.list} data-testid="sections">
          {sections.map((x, i) => (
            <li key={i}>
              <Text size={200}>{x}</Text>
            </li>
          ))}
        </ol>
      ) : (
        <Caption1 className={s.muted}>{t("noSections")}</Caption1>
      )}

      <div className={s.sectionTitle}>{t("columnsTitle")}</div>
      <Caption1 className={s.muted}>{t("correctionsHint")}</Caption1>
      <Field
        label={t("range")}
        size="small"
        validationState={rangeValid ? "none" : "error"}
        validationMessage={rangeValid ? undefined : t("rangeInvalid")}
      >
        <Input
          size="small"
          value={rangeInput}
          onChange={(_e, d) => setRangeInput(d.value)}
          data-testid="range-input"
        />
      </Field>
      <ColumnRoles choice={choice} options={options} onChange={setChoice} />
      <div className={s.actions}>
        <Button
          appearance="primary"
          size="small"
          onClick={save}
          disabled={busy || !rangeValid}
          data-testid="save-overrides"
        >
          {t("saveCorrections")}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          onClick={reset}
          disabled={busy}
          data-testid="reset-overrides"
        >
          {t("resetCorrections")}
        </Button>
      </div>
    </section>
  );
}
