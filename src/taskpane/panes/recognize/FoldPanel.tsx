/**
 * «Исправить вставку из Word»: what the fold will do, shown in the pane beside the sheet before anything is
 * written — every join (the rows joined and each changed cell's text before and after), with «Склеить» to keep
 * or leave it out, «Показать» to select its rows in the sheet, and the rows the fold will not join without
 * asking (they may be activities of their own), each with «Присоединить». Nothing is changed until «Исправить».
 */
import { Button, Caption1, Checkbox, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../../context";
import { PaneIntro, useStyles } from "../../ui";

/** A join as the domain proposes it (rows 1-based). */
export interface JoinView {
  sheet: string;
  into: number;
  rows: number[];
  blank: number[];
  cells: { column: string; before: string; after: string }[];
}

/** A row the fold leaves for the user, and why (Russian, from the engine). */
export interface LeftView {
  sheet: string;
  row: number;
  into: number;
  reason: string;
}

export interface FoldView {
  joins: JoinView[];
  left: LeftView[];
  backups: string[];
}

/** The user's answers, by "sheet|row": joins left out (their `into`), left rows joined after all. */
export interface FoldAnswers {
  exclude: ReadonlySet<string>;
  include: ReadonlySet<string>;
}

export const rowKey = (sheet: string, row: number) => `${sheet}|${row}`;

const useLocal = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  left: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  excluded: { opacity: 0.55 },
  top: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  cell: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalS },
  // The text before is the start of the text after: three lines are enough to recognise it.
  before: {
    color: tokens.colorNeutralForeground3,
    textDecorationLine: "line-through",
    overflowWrap: "anywhere",
    display: "-webkit-box",
    WebkitBoxOrient: "vertical",
    WebkitLineClamp: 3,
    overflow: "hidden",
  },
  after: { overflowWrap: "anywhere" },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function rowList(rows: number[]): string {
  return rows.join(", ");
}

export function FoldPanel({
  fold,
  answers,
  onAnswers,
  onShow,
  onCancel,
  onConfirm,
}: {
  fold: FoldView;
  answers: FoldAnswers;
  onAnswers: (next: FoldAnswers) => void;
  /** Select the rows in the sheet ("A56:E58" on `sheet`). */
  onShow: (sheet: string, first: number, last: number) => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = usePane();
  const s = useStyles();
  const local = useLocal();
  const toggle = (set: ReadonlySet<string>, key: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  };
  const kept = fold.joins.filter((j) => !answers.exclude.has(rowKey(j.sheet, j.into)));
  const rowsJoined = kept.reduce((n, j) => n + j.rows.length, 0);

  return (
    <section className={s.card} data-testid="fold-panel" aria-label={t("foldDialogTitle")}>
      <PaneIntro title={t("foldDialogTitle")} text={t("foldIntro")} />
      <Text data-testid="fold-preview">{t("foldSummary", { count: kept.length, rows: rowsJoined })}</Text>
      {fold.joins.length ? <div className={s.sectionTitle}>{t("foldJoinsTitle")}</div> : null}
      <ul className={local.list}>
        {fold.joins.map((j) => {
          const key = rowKey(j.sheet, j.into);
          const on = !answers.exclude.has(key);
          const last = Math.max(j.into, ...j.rows, ...j.blank);
          return (
            <li
              key={key}
              className={`${local.item} ${on ? "" : local.excluded}`}
              data-testid="fold-join"
              data-sheet={j.sheet}
              data-into={j.into}
              data-rows={j.rows.join(",")}
            >
              <div className={local.top}>
                <Text weight="semibold" size={200}>
                  {t("foldJoin", {
                    count: j.rows.length,
                    rows: rowList(j.rows),
                    into: j.into,
                    sheet: j.sheet,
                  })}
                </Text>
                <Link as="button" onClick={() => onShow(j.sheet, j.into, last)} data-testid="fold-show">
                  {t("foldShow")}
                </Link>
              </div>
              {j.blank.length ? (
                <Caption1 className={s.muted}>
                  {t("foldBlank", { count: j.blank.length, rows: rowList(j.blank) })}
                </Caption1>
              ) : null}
              {j.cells.map((c) => (
                <div key={c.column} className={local.cell}>
                  <span className={local.label}>{c.column}</span>
                  <div>
                    <Caption1 block className={local.before}>
                      {c.before || "—"}
                    </Caption1>
                    <Caption1 block className={local.after} data-testid="fold-after">
                      {c.after}
                    </Caption1>
                  </div>
                </div>
              ))}
              <Checkbox
                checked={on}
                label={t("foldKeepJoin")}
                onChange={(_e, d) =>
                  onAnswers({ ...answers, exclude: toggle(answers.exclude, key, !d.checked) })
                }
                data-testid="fold-keep"
              />
            </li>
          );
        })}
      </ul>
      {fold.left.length ? (
        <>
          <div className={s.sectionTitle}>{t("foldLeftTitle")}</div>
          <ul className={local.list}>
            {fold.left.map((l) => {
              const key = rowKey(l.sheet, l.row);
              return (
                <li
                  key={key}
                  className={`${local.item} ${local.left}`}
                  data-testid="fold-left"
                  data-row={l.row}
                >
                  <div className={local.top}>
                    <Text weight="semibold" size={200}>
                      {t("foldLeftRow", { row: l.row, into: l.into, sheet: l.sheet })}
                    </Text>
                    <Link as="button" onClick={() => onShow(l.sheet, l.into, l.row)} data-testid="fold-show">
                      {t("foldShow")}
                    </Link>
                  </div>
                  <Caption1>{l.reason}</Caption1>
                  <Checkbox
                    checked={answers.include.has(key)}
                    label={t("foldIncludeLeft")}
                    onChange={(_e, d) =>
                      onAnswers({ ...answers, include: toggle(answers.include, key, d.checked === true) })
                    }
                    data-testid="fold-include"
                  />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {fold.backups.map((b) => (
        <Caption1 key={b}>{t("foldBackup", { name: b })}</Caption1>
      ))}
      <div className={s.actions}>
        <Button
          appearance="primary"
          onClick={onConfirm}
          disabled={kept.length === 0}
          data-testid="fold-confirm"
        >
          {t("foldConfirmCount", { count: kept.length })}
        </Button>
        <Button onClick={onCancel} data-testid="fold-cancel">
          {t("cancel")}
        </Button>
      </div>
    </section>
  );
}
