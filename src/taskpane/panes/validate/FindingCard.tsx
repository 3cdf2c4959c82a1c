/**
 * One finding: its text and cell as a button that selects the cell, «Скрыть» beside it (two sibling buttons,
 * never one inside the other, so screen readers announce both). While the workbook has changed since the
 * check, the cell is not offered: it may have moved.
 */
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding } from "../../../domain/model";
import type { Translate } from "../../i18n";

const useStyles = makeStyles({
  card: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  dismissed: { opacity: 0.6 },
  go: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: "none",
    background: "none",
    font: "inherit",
    color: "inherit",
    textAlign: "left",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    ":disabled": { cursor: "default", backgroundColor: "transparent" },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  dismiss: { flexShrink: 0, marginTop: tokens.spacingVerticalXS },
});

export function FindingCard({
  finding: f,
  dismissed,
  stale,
  t,
  onGo,
  onToggleDismiss,
}: {
  finding: Finding;
  dismissed: boolean;
  stale: boolean;
  t: Translate;
  onGo: (sheet: string, cell: string) => void;
  onToggleDismiss: () => void;
}) {
  const s = useStyles();
  const cell = stale ? undefined : f.cell;
  return (
    <div
      className={mergeClasses(s.card, s[f.severity], dismissed && s.dismissed)}
      data-testid="finding"
      data-rule={f.rule}
      data-cell={cell ?? ""}
      data-sheet={f.sheet}
    >
      <button
        type="button"
        className={s.go}
        disabled={!cell}
        title={cell ? t("goToCell", { cell }) : undefined}
        onClick={() => cell && onGo(f.sheet, cell)}
        data-testid="finding-go"
      >
        <Text size={300}>{f.message}</Text>
        <Caption1 className={s.muted}>
          {f.sheet}
          {f.cell ? `!${f.cell}` : ""}
          {dismissed ? ` · ${t("dismissedLabel")}` : ""}
        </Caption1>
        {f.suggestion ? (
          <Caption1 className={s.muted}>
            {t("suggestion")}: {f.suggestion}
          </Caption1>
        ) : null}
      </button>
      <Button
        size="small"
        appearance="transparent"
        className={s.dismiss}
        onClick={onToggleDismiss}
        data-testid="dismiss"
      >
        {dismissed ? t("restore") : t("dismiss")}
      </Button>
    </div>
  );
}
