/**
 * Like Excel's formula bar: the selected cell's address and its whole text (the grid cuts long text); a click,
 * Enter or F2 on it edits the cell there (the grid supplies the editor).
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    flexShrink: 0,
  },
  address: {
    minWidth: "72px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  text: {
    flexGrow: 1,
    minWidth: 0,
    maxHeight: "96px",
    overflowY: "auto",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    minHeight: "16px", // an empty cell's bar can still be clicked
    cursor: "text",
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function FormulaBar({
  address,
  text,
  label,
  empty,
  editLabel,
  editor = null,
  onStartEdit,
}: {
  address: string | null;
  text: string;
  label: string;
  empty: string;
  /** What activating the bar does, for screen readers. */
  editLabel?: string;
  /** The text box while the cell is edited here. */
  editor?: ReactNode;
  /** Absent where the cell cannot be edited (a range selected, a read-only grid). */
  onStartEdit?: () => void;
}) {
  const s = useStyles();
  return (
    <div className={s.bar} role="region" aria-label={label}>
      <span className={s.address} data-testid="formula-address">
        {address ?? ""}
      </span>
      {address ? (
        (editor ?? (
          <div
            className={s.text}
            data-testid="formula-bar"
            role={onStartEdit ? "button" : undefined}
            tabIndex={onStartEdit ? 0 : undefined}
            aria-label={onStartEdit ? editLabel : undefined}
            onClick={onStartEdit}
            onKeyDown={(e) => {
              if (onStartEdit && (e.key === "Enter" || e.key === "F2")) {
                e.preventDefault();
                onStartEdit();
              }
            }}
          >
            {text}
          </div>
        ))
      ) : (
        <Caption1 className={s.muted}>{empty}</Caption1>
      )}
    </div>
  );
}
