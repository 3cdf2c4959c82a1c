/**
 * One person of the directory: name, positions, other spellings, and what they do by when — each activity with
 * its deadline and sheet («who does what, and by when»), a click selecting its row in the sheet.
 */
import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { usePane } from "../../context";

/** An activity a person answers for (row 1-based), as the directory lists it. */
export interface PersonActivity {
  sheet: string;
  row: number;
  activity: string;
  deadline: string;
}

export interface PersonView {
  name: string;
  positions: string[];
  variants: string[];
  activities: number;
  assigned: PersonActivity[];
}

const SHOWN = 3;

const useStyles = makeStyles({
  person: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  top: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  activity: { textAlign: "left", overflowWrap: "anywhere" },
});

export function PersonCard({
  person: p,
  onGo,
}: {
  person: PersonView;
  onGo: (sheet: string, row: number) => void;
}) {
  const { t } = usePane();
  const s = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? p.assigned : p.assigned.slice(0, SHOWN);
  return (
    <li className={s.person} data-testid="person">
      <div className={s.top}>
        <span className={s.name}>{p.name}</span>
        <Caption1 className={s.muted}>{t("peopleActivityCount", { count: p.activities })}</Caption1>
      </div>
      {p.positions.length ? <Caption1>{p.positions.join("; ")}</Caption1> : null}
      {p.variants.length > 0 ? (
        <Caption1 className={s.muted}>
          {t("peopleVariants")}: {p.variants.join(", ")}
        </Caption1>
      ) : null}
      {shown.length ? (
        <ol className={s.list}>
          {shown.map((a) => (
            <li key={`${a.sheet}|${a.row}`} data-testid="person-activity">
              <Link
                as="button"
                className={s.activity}
                title={t("peopleGoTo", { row: a.row, sheet: a.sheet })}
                onClick={() => onGo(a.sheet, a.row)}
              >
                {a.activity}
              </Link>
              <Caption1 block className={s.muted} data-testid="person-deadline">
                {a.deadline ? t("peopleDeadline", { deadline: a.deadline }) : t("peopleNoDeadline")} ·{" "}
                {a.sheet}, {t("peopleRow", { row: a.row })}
              </Caption1>
            </li>
          ))}
        </ol>
      ) : null}
      {p.assigned.length > SHOWN ? (
        <Link as="button" onClick={() => setAll((x) => !x)} data-testid="person-more">
          {all ? t("peopleShowLess") : t("peopleShowAll", { count: p.assigned.length })}
        </Link>
      ) : null}
    </li>
  );
}
