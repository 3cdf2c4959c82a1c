/** Which column holds which role: one drop-down per role, «Ответственные» may name several columns. */
import { Dropdown, Option, makeStyles, tokens } from "@fluentui/react-components";
import { Fragment } from "react";
import type { ColumnRole } from "../../../domain/model";
import { usePane } from "../../context";
import { ROLES, sortLetters, type ColumnChoice, type ColumnOption } from "../../logic/tables";

const useStyles = makeStyles({
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
});

export function ColumnRoles({
  choice,
  options,
  onChange,
}: {
  choice: ColumnChoice;
  options: ColumnOption[];
  onChange: (next: ColumnChoice) => void;
}) {
  const { t } = usePane();
  const s = useStyles();
  const labelOf = (letter: string) => options.find((o) => o.letter === letter)?.label ?? letter;
  const setRole = (role: ColumnRole, selected: string[]) =>
    onChange({
      ...choice,
      [role]: role === "responsible" ? sortLetters(selected.filter((x) => x !== "")) : selected[0] || null,
    });

  return (
    <div className={s.roles}>
      {ROLES.map((role) => {
        const value = choice[role];
        const selected = value === null ? [] : Array.isArray(value) ? value : [value];
        const multi = role === "responsible";
        const text = selected.length
          ? selected.map((l) => (multi ? l : labelOf(l))).join(", ")
          : t("columnNone");
        return (
          <Fragment key={role}>
            <span className={s.roleLabel}>{t(`role_${role}`)}</span>
            <Dropdown
              size="small"
              className={s.dropdown}
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
  );
}
