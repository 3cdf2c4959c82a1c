/**
 * «Распознать таблицу»: what the engine found, column roles and range correctable, a table given by hand when
 * none is found, «Исправить вставку из Word». A recognition read before the workbook changed is read again
 * when the pane is shown.
 */
import { Button, Caption1, Link, Text } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { RoadmapTable } from "../../domain/model";
import { formatNotice } from "../../domain/recognition";
import { usePane } from "../context";
import { useCommand } from "../use-command";
import { CommandStatus, InfoBar, PaneIntro, useStyles } from "../ui";
import { FoldPanel } from "./recognize/FoldPanel";
import { ManualRange } from "./recognize/ManualRange";
import type { Notice } from "./recognize/notice";
import { TableCard } from "./recognize/TableCard";
import { useFold } from "./recognize/use-fold";

export function RecognizePane() {
  const { host, t, lang, recognition, recognize, revision, activeTab } = usePane();
  const s = useStyles();
  const cmd = useCommand(t);
  // Kept as a message key, not text, so it follows a language switch.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [manual, setManual] = useState(false);
  const foldButton = useRef<HTMLButtonElement>(null);

  const stale = recognition !== null && recognition.revision !== revision;
  const shown = activeTab === "recognize";
  const rerun = useRef(recognize);
  rerun.current = recognize;
  const run = useRef(cmd.run);
  run.current = cmd.run;
  useEffect(() => {
    if (shown && stale) void run.current(async () => void (await rerun.current()));
  }, [shown, stale]);

  const onRecognize = () =>
    cmd.run(async () => {
      setNotice(null);
      const r = await recognize();
      // Bring the (first) table into view, as the user would scroll to it.
      const first = r.tables[0];
      if (first) await host.select(first.sheet, first.range).catch(() => undefined);
    });

  const fold = useFold(cmd.run, cmd.setError, setNotice);
  const closeFold = () => {
    fold.close();
    // Focus back where the user started, as a dialog would give it back.
    foldButton.current?.focus();
  };
  const confirmFold = () => {
    foldButton.current?.focus();
    return fold.confirm();
  };

  const tables = recognition?.tables ?? [];
  const sheetNames = recognition?.workbook.sheets.map((x) => x.name) ?? [];
  return (
    <div className={s.pane}>
      <PaneIntro title={t("recognizeTitle")} text={t("recognizeIntro")} />
      <div className={s.actions}>
        <Button appearance="primary" onClick={onRecognize} disabled={cmd.busy} data-testid="recognize">
          {recognition ? t("recognizeAgain") : t("recognizeButton")}
        </Button>
        <Button
          ref={foldButton}
          onClick={fold.open}
          // Focusable while busy: focus comes back here when the dialog closes and must stay through the fold.
          disabledFocusable={cmd.busy}
          title={t("foldHint")}
          data-testid="fold"
        >
          {t("foldButton")}
        </Button>
      </div>
      <CommandStatus busy={cmd.busy} error={cmd.error} />
      {stale ? <Caption1 className={s.muted}>{t("tablesStale")}</Caption1> : null}
      {notice ? (
        <InfoBar intent="success" testId="notice">
          {t(notice.key, notice.params)}
        </InfoBar>
      ) : null}

      {fold.view ? (
        <FoldPanel
          fold={fold.view}
          answers={fold.answers}
          onAnswers={fold.answer}
          onShow={fold.show}
          onCancel={closeFold}
          onConfirm={confirmFold}
        />
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
      {recognition && (tables.length === 0 || manual) ? (
        <ManualRange
          sheets={sheetNames}
          busy={cmd.busy}
          run={cmd.run}
          onSaved={(n) => {
            setNotice(n);
            setManual(false);
          }}
          setError={cmd.setError}
        />
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
      {recognition && tables.length > 0 && !manual ? (
        <Link as="button" onClick={() => setManual(true)} data-testid="manual-open">
          {t("manualTitle")}
        </Link>
      ) : null}
      {recognition && recognition.notices.length > 0 ? (
        <div>
          <div className={s.sectionTitle}>{t("noticesTitle")}</div>
          <ul className={s.list} data-testid="notices">
            {recognition.notices.map((n, i) => (
              <li key={i}>
                <Text size={200}>
                  <b>{n.sheet}</b>: {formatNotice(n, lang)}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function tableKey(table: RoadmapTable): string {
  return `${table.sheet}|${table.headerRows[0] ?? table.range}`;
}
