/** Like Excel's formula bar: the selected cell's address and its whole text (the grid cuts long text). */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";

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
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function FormulaBar({
  address,
  text,
  label,
  empty,
}: {
  address: string | null;
  text: string;
  label: string;
  empty: string;
}) {
  const s = useStyles();
  return (
    <div className={s.bar} role="region" aria-label={label}>
      <span className={s.address} data-testid="formula-address">
        {address ?? ""}
      </span>
      {address ? (
        <div className={s.text} data-testid="formula-bar">
          {text}
        </div>
      ) : (
        <Caption1 className={s.muted}>{empty}</Caption1>
      )}
    </div>
  );
}
