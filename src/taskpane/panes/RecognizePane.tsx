/** «Распознать таблицу»: what the engine found, column roles and range correctable, «Исправить вставку из Word». */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Link,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import { isEmptyPlan, type EditPlan } from "../../domain/edit-plan";
import type { ColumnRole, RoadmapTable } from "../../domain/model";
import type { SheetGrid } from "../../domain/grid";
import { planFoldContinuations, type TableOverride } from "../../domain/recognition";
import { formatRuDate } from "../../domain/russian-dates";
import { usePane, type Recognition } from "../context";
import type { MessageKey } from "../i18n";
import { useCommand } from "../use-command";
import { CommandStatus, Count, InfoBar, KeyValue, PaneIntro, useStyles } from "../ui";
import {
  ROLES,
  backupSheetName,
  buildOverride,
  choiceFromColumns,
  columnOptions,
  foldCounts,
  normaliseRange,
  overrideMatches,
  parsePeriodInput,
  periodText,
  readOverrides,
  replaceOverride,
  sortLetters,
  tableCounts,
  tableSections,
  withPeriod,
  type ColumnChoice,
} from "../logic/tables";

const useLocal = makeStyles({
  roles: {
    display: "grid",
    gridTemplateColumns: "minmax(92px, 38%) 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  roleLabel: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    lineHeight: tokens.lineHeightBase200,
  },
  dropdown: { minWidth: 0, width: "100%" },
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

interface Notice {
  key: MessageKey;
  params?: Record<string, number | string>;
}

interface FoldPreview {
  activities: number;
  rows: number;
  backups: string[];
}

export function RecognizePane() {
  const { host, t, recognition, recognize } = usePane();
  const s = useStyles();
  const cmd = useCommand(t);
  // Kept as a message key, not text, so it follows a language switch.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fold, setFold] = useState<FoldPreview | null>(null);
  const foldButton = useRef<HTMLButtonElement>(null);

  const onRecognize = () =>
    cmd.run(async () => {
      setNotice(null);
      await recognize();
    });

  /**
   * Plans for every table with continuation rows; a plan that cannot run (protected sheet) says why.
   * Each plan's backup name counts as taken for the next, so two long sheet names cut to 31 characters
   * never ask for the same backup.
   */
  const planFolds = async (r: Recognition, only?: (table: RoadmapTable) => boolean) => {
    const existing = (await host.listSheets()).map((x) => x.name);
    const plans: { table: RoadmapTable; plan: EditPlan }[] = [];
    const blocked: string[] = [];
    for (const table of r.tables) {
      if (foldCounts(table).rows === 0 || (only && !only(table))) continue;
      const sheet = r.workbook.sheets.find((x) => x.name === table.sheet);
      if (!sheet) continue;
      const plan = planFoldContinuations(table, sheet, { existingSheetNames: existing });
      if (isEmptyPlan(plan)) {
        blocked.push(plan.summary);
        continue;
      }
      plans.push({ table, plan });
      const backup = backupSheetName(plan);
      if (backup) existing.push(backup);
    }
    return { plans, blocked };
  };

  const onFoldPreview = () =>
    cmd.run(async () => {
      setNotice(null);
      const { plans, blocked } = await planFolds(await recognize());
      const preview: FoldPreview = { activities: 0, rows: 0, backups: [] };
      for (const { table, plan } of plans) {
        const counts = foldCounts(table);
        preview.activities += counts.activities;
        preview.rows += counts.rows;
        const backup = backupSheetName(plan);
        if (backup) preview.backups.push(backup);
      }
      if (blocked.length) cmd.setError(blocked.join(" "));
      if (preview.rows > 0) setFold(preview);
      else if (!blocked.length) setNotice({ key: "foldNothing" });
    });

  const closeFold = () => {
    setFold(null);
    // A dialog opened without a DialogTrigger does not give focus back by itself.
    foldButton.current?.focus();
  };

  const onFoldConfirm = () => {
    closeFold();
    return cmd.run(async () => {
      let r = await recognize();
      let folded = 0;
      const done = new Set<string>();
      // Folding shifts the rows of its own sheet only: one table per sheet per pass, then a fresh recognition.
      for (let pass = 0; pass <= r.tables.length + 2; pass++) {
        const { plans } = await planFolds(r, (x) => !done.has(tableKey(x)));
        if (!plans.length) break;
        const sheets = new Set<string>();
        for (const { table, plan } of plans) {
          if (sheets.has(table.sheet)) continue;
          sheets.add(table.sheet);
          done.add(tableKey(table));
          await host.apply(plan);
          folded += foldCounts(table).rows;
        }
        r = await recognize();
      }
      setNotice(folded > 0 ? { key: "foldDone", params: { rows: folded } } : { key: "foldNothing" });
    });
  };

  const tables = recognition?.tables ?? [];
  return (
    <div className={s.pane}>
      <PaneIntro title={t("recognizeTitle")} text={t("recognizeIntro")} />
      <div className={s.actions}>
        <Button appearance="primary" onClick={onRecognize} disabled={cmd.busy} data-testid="recognize">
          {recognition ? t("recognizeAgain") : t("recognizeButton")}
        </Button>
        <Button
          ref={foldButton}
          onClick={onFoldPreview}
          // Focusable while busy: focus comes back here when the dialog closes and must stay through the fold.
          disabledFocusable={cmd.busy}
          title={t("foldHint")}
          data-testid="fold"
        >
          {t("foldButton")}
        </Button>
      </div>
      <CommandStatus busy={cmd.busy} error={cmd.error} />
      {notice ? (
        <InfoBar intent="success" testId="notice">
          {t(notice.key, notice.params)}
        </InfoBar>
      ) : null}

      {recognition && tables.length === 0 ? (
        <InfoBar intent="warning" title={t("nothingFoundTitle")} testId="nothing-found">
          {t("nothingFound")}
        </InfoBar>
      ) : null}
      {recognition && tables.length > 0 ? (
        <Caption1 className={s.muted} data-testid="tables-found">
          {t("tablesFound", { count: tables.length })}
        </Caption1>
      ) : null}
      {tables.map((table) => (
        <TableCard
          key={`${tableKey(table)}|${JSON.stringify(table.columns)}`}
          table={table}
          sheet={recognition?.workbook.sheets.find((x) => x.name === table.sheet)}
          onSaved={setNotice}
          busy={cmd.busy}
          run={cmd.run}
        />
      ))}
      {recognition && recognition.notices.length > 0 ? (
        <div>
          <div className={s.sectionTitle}>{t("noticesTitle")}</div>
          <ul className={s.list} data-testid="notices">
            {recognition.notices.map((n, i) => (
              <li key={i}>
                <Text size={200}>
                  <b>{n.sheet}</b>: {n.message}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <Dialog open={fold !== null} onOpenChange={(_e, d) => (d.open ? undefined : closeFold())}>
        <DialogSurface style={{ maxWidth: 320 }}>
          <DialogBody>
            <DialogTitle>{t("foldDialogTitle")}</DialogTitle>
            <DialogContent>
              {fold ? (
                <div style={{ display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS }}>
                  <Text data-testid="fold-preview">
                    {t("foldPreview", { activities: fold.activities, rows: fold.rows })}
                  </Text>
                  {fold.backups.map((b) => (
                    <Text key={b}>{t("foldBackup", { name: b })}</Text>
                  ))}
                </div>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={closeFold}>
                {t("cancel")}
              </Button>
              <Button appearance="primary" onClick={onFoldConfirm} data-testid="fold-confirm">
                {t("foldConfirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/** Read-modify-write of the "overrides" setting, then a fresh recognition so the cards show the result. */
function useSaveOverrides(
  run: (command: () => Promise<void>) => Promise<void>,
  onSaved: (notice: Notice) => void,
) {
  const { host, recognize } = usePane();
  return (update: (stored: TableOverride[]) => TableOverride[], notice: Notice["key"]) =>
    run(async () => {
      const stored = readOverrides(await host.getSetting<unknown>("overrides"));
      await host.setSetting("overrides", update(stored));
      await recognize();
      onSaved({ key: notice });
    });
}

/** The period, asked of the user when the title does not state it (never guessed), remembered in the workbook. */
function PeriodField({
  table,
  busy,
  run,
  onSaved,
}: {
  table: RoadmapTable;
  busy: boolean;
  run: (command: () => Promise<void>) => Promise<void>;
  onSaved: (notice: Notice) => void;
}) {
  const { t } = usePane();
  const saveOverrides = useSaveOverrides(run, onSaved);
  const [text, setText] = useState("");
  const parsed = parsePeriodInput(text);
  const invalid = text.trim() !== "" && parsed === null;

  const save = () => saveOverrides((stored) => withPeriod(stored, table.sheet, parsed), "periodSaved");

  return (
    <>
      {table.period ? null : (
        <InfoBar intent="warning" testId="period-missing">
          {t("periodMissing")}
        </InfoBar>
      )}
      <Field
        label={t("periodLabel")}
        size="small"
        hint={t("periodHint")}
        validationState={invalid ? "error" : "none"}
        validationMessage={invalid ? t("periodInvalid") : undefined}
      >
        <div style={{ display: "flex", gap: tokens.spacingHorizontalS }}>
          <Input
            size="small"
            style={{ flex: 1, minWidth: 0 }}
            value={text}
            placeholder={table.period ? periodText(table.period) : ""}
            onChange={(_e, d) => setText(d.value)}
            // The Field labels its direct child, which here is the row holding the button too.
            aria-label={t("periodLabel")}
            data-testid="period-input"
          />
          <Button size="small" disabled={busy || parsed === null} onClick={save} data-testid="period-save">
            {t("periodSave")}
          </Button>
        </div>
      </Field>
    </>
  );
}

function tableKey(table: RoadmapTable): string {
  return `${table.sheet}|${table.headerRows[0] ?? table.range}`;
}

function TableCard({
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
  run: (command: () => Promise<void>) => Promise<void>;
}) {
  const { host, t } = usePane();
  const saveOverrides = useSaveOverrides(run, onSaved);
  const s = useStyles();
  const local = useLocal();
  const [choice, setChoice] = useState<ColumnChoice>(() => choiceFromColumns(table.columns));
  const [rangeInput, setRangeInput] = useState(table.range);
  useEffect(() => setRangeInput(table.range), [table.range]);

  const counts = tableCounts(table);
  const sections = tableSections(table);
  const options = useMemo(() => columnOptions(sheet, table), [sheet, table]);
  const labelOf = (letter: string) => options.find((o) => o.letter === letter)?.label ?? letter;
  const rangeValid = normaliseRange(rangeInput) !== null;

  const save = () =>
    saveOverrides((stored) => {
      const previous = stored.find((o) => overrideMatches(o, table));
      return replaceOverride(stored, table, buildOverride(table, choice, rangeInput, previous));
    }, "correctionsSaved");

  const reset = () =>
    saveOverrides((stored) => stored.filter((o) => o.sheet !== table.sheet), "correctionsReset");

  const setRole = (role: ColumnRole, selected: string[]) =>
    setChoice((c) => ({
      ...c,
      [role]: role === "responsible" ? sortLetters(selected.filter((x) => x !== "")) : selected[0] || null,
    }));

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
          [t("headerRows"), table.headerRows.join(", ")],
          [t("period"), table.period ? periodText(table.period) : t("notFound")],
          [t("approved"), table.approved ? formatRuDate(table.approved) : t("notFound")],
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
      <div className={local.roles}>
        {ROLES.map((role) => {
          const value = choice[role];
          const selected = value === null ? [] : Array.isArray(value) ? value : [value];
          const multi = role === "responsible";
          const text = selected.length
            ? selected.map((l) => (multi ? l : labelOf(l))).join(", ")
            : t("columnNone");
          return (
            <Fragment key={role}>
              <span className={local.roleLabel}>{t(`role_${role}`)}</span>
              <Dropdown
                size="small"
                className={local.dropdown}
                multiselect={multi}
                value={text}
                selectedOptions={selected.length ? selected : multi ? [] : [""]}
                onOptionSelect={(_e, d) => setRole(role, d.selectedOptions)}
                aria-label={t(`role_${role}`)}
                data-testid={`role-${role}`}
              >
                {multi ? null : <Option value="">{t("columnNone")}</Option>}
                {options.map((o) => (
                  <Option key={o.letter} value={o.letter} text={o.label}>
                    {o.label}
                  </Option>
                ))}
              </Dropdown>
            </Fragment>
          );
        })}
      </div>
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
