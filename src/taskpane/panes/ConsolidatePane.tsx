/**
 * «Свод»: the user picks (or drops) the returned forms; they are read in Web Workers with a progress bar and a
 * cancel button, then the src/app command checks them and writes «Свод YYYY-QN» and «Приём форм» into this
 * workbook. Shows the acceptance picture, totals against targets as bars, and the list of schools to call.
 */
import { Button, Caption1, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import { consolidateReturns } from "../../app/consolidate";
import type { Consolidation } from "../../domain/consolidation/consolidate";
import type { PickedFile } from "../../returns/web-reader";
import { usePane } from "../context";
import { acceptance, callBackList, totalBars } from "../logic/consolidation";
import { useCommand } from "../use-command";
import { CommandStatus, Count, InfoBar, PaneIntro, useStyles } from "../ui";

const useLocal = makeStyles({
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    textAlign: "center",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  chart: { display: "flex", flexDirection: "column", gap: "6px" },
  barRow: { display: "grid", gridTemplateColumns: "48px 1fr 64px", alignItems: "center", gap: "6px" },
  track: {
    height: "12px",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: "6px",
    overflow: "hidden",
  },
  bar: { height: "100%", backgroundColor: tokens.colorBrandBackground },
  list: { whiteSpace: "pre-wrap", margin: 0 },
});

export function ConsolidatePane() {
  const { host, t } = usePane();
  const s = useStyles();
  const local = useLocal();
  const cmd = useCommand(t);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [result, setResult] = useState<Consolidation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancel = useRef({ aborted: false });
  const input = useRef<HTMLInputElement>(null);

  const run = (files: PickedFile[]) =>
    cmd.run(async () => {
      if (!files.length) return;
      setNotice(null);
      cancel.current = { aborted: false };
      const signal = cancel.current;
      setProgress({ done: 0, total: files.length, file: files[0].name });
      try {
        const { readReturnsInBrowser } = await import(
          /* webpackChunkName: "returns" */ "../../returns/web-reader"
        );
        const readings = await readReturnsInBrowser(files, {
          signal,
          onProgress: (done, total, file) => setProgress({ done, total, file }),
        });
        if (signal.aborted) {
          setNotice(t("consolidateCancelled", { done: readings.length, total: files.length }));
          return;
        }
        const r = await consolidateReturns(host, { readings });
        setResult(r.consolidation);
        const c = r.consolidation;
        setNotice(
          t("consolidateDone", {
            accepted: c.used.filter((u) => u.record).length,
            schools: c.used.length,
            quarter: c.template.quarter,
          }),
        );
      } finally {
        setProgress(null);
        if (input.current) input.current.value = "";
      }
    });

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    void run(Array.from(e.dataTransfer.files));
  };

  const a = result ? acceptance(result) : null;
  const calls = result ? callBackList(result) : "";

  return (
    <div className={s.pane}>
      <PaneIntro title={t("consolidateTitle")} text={t("consolidateIntro")} />
      <div
        className={local.drop}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        data-testid="consolidate-drop"
      >
        <Caption1>{t("consolidateDrop")}</Caption1>
        <div className={s.actions} style={{ justifyContent: "center" }}>
          <Button
            appearance="primary"
            disabled={cmd.busy}
            onClick={() => input.current?.click()}
            data-testid="consolidate-pick"
          >
            {t("consolidatePick")}
          </Button>
        </div>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls,.ods"
          hidden
          data-testid="consolidate-files"
          onChange={(e) => void run(Array.from(e.target.files ?? []))}
        />
      </div>
      {progress ? (
        <div data-testid="consolidate-progress">
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} thickness="large" />
          <Caption1 data-testid="consolidate-current">
            {t("consolidateReading", { done: progress.done, total: progress.total, file: progress.file })}
          </Caption1>
          <div className={s.actions}>
            <Button onClick={() => (cancel.current.aborted = true)} data-testid="consolidate-cancel">
              {t("consolidateCancel")}
            </Button>
          </div>
        </div>
      ) : null}
      <CommandStatus busy={cmd.busy && !progress} error={cmd.error} />
      {notice ? (
        <InfoBar intent="success" testId="consolidate-done">
          {notice}
        </InfoBar>
      ) : null}
      {a && result ? (
        <>
          <div className={local.counts} data-testid="consolidate-picture">
            <Count value={a.received} label={t("consolidateReceived")} testId="count-received" />
            <Count value={a.accepted} label={t("consolidateAccepted")} testId="count-accepted" />
            <Count value={a.withRemarks} label={t("consolidateRemarks")} testId="count-remarks" />
            <Count value={a.rejected} label={t("consolidateRejected")} testId="count-rejected" />
            {/* Counted in «получено»: without it the file counts would not add up. */}
            {a.superseded ? (
              <Count value={a.superseded} label={t("consolidateSuperseded")} testId="count-superseded" />
            ) : null}
            <Count value={a.missing} label={t("consolidateMissing")} testId="count-missing" />
          </div>
          <Text weight="semibold">{t("consolidateTotals")}</Text>
          <div
            className={local.chart}
            data-testid="consolidate-chart"
            role="img"
            aria-label={t("consolidateTotals")}
          >
            {totalBars(result).map((b) => (
              <div key={b.indicator} className={local.barRow} data-testid="consolidate-bar">
                <Caption1>{b.indicator}</Caption1>
                <div
                  className={local.track}
                  title={b.target !== null ? `${b.value ?? "—"} / ${b.target}` : String(b.value ?? "—")}
                >
                  <div
                    className={local.bar}
                    style={{ width: `${Math.max(0, Math.min(100, b.attainment ?? 0))}%` }}
                  />
                </div>
                <Caption1>{b.attainment !== null ? `${b.attainment}%` : (b.value ?? "—")}</Caption1>
              </div>
            ))}
          </div>
          {calls ? (
            <>
              <Text weight="semibold">{t("consolidateCallBack")}</Text>
              <pre className={local.list} data-testid="consolidate-calls">
                {calls}
              </pre>
              <div className={s.actions}>
                <Button
                  onClick={() => void navigator.clipboard?.writeText(calls)}
                  data-testid="consolidate-copy"
                >
                  {t("consolidateCopy")}
                </Button>
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
