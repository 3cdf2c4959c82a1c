/**
 * «Это таблица дорожной карты»: when recognition finds no table (or not the right one), the user selects the
 * table in the sheet (or types its range) and says so; the range is remembered in the workbook as an override,
 * and the table's card then lets them assign the columns.
 */
import { Button, Dropdown, Field, Input, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { usePane } from "../../context";
import { normaliseRange } from "../../logic/tables";
import { PaneIntro, useStyles } from "../../ui";
import type { Notice, Run } from "./notice";
import { useSaveOverrides } from "./use-save-overrides";

const useLocal = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: 0 },
});

export function ManualRange({
  sheets,
  busy,
  run,
  onSaved,
  setError,
}: {
  sheets: string[];
  busy: boolean;
  run: Run;
  onSaved: (notice: Notice) => void;
  setError: (message: string) => void;
}) {
  const { host, t } = usePane();
  const s = useStyles();
  const local = useLocal();
  const saveOverrides = useSaveOverrides(run, onSaved);
  const [sheet, setSheet] = useState(sheets[0] ?? "");
  const [range, setRange] = useState("");
  const normalised = normaliseRange(range);
  const invalid = range.trim() !== "" && normalised === null;
  const chosenSheet = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");

  const takeSelection = () =>
    run(async () => {
      const selected = (await host.selectedRange?.()) ?? null;
      if (!selected) return setError(t("manualNoSelection"));
      setSheet(selected.sheet);
      setRange(selected.address);
    });

  const confirm = () => {
    if (!normalised || !chosenSheet) return;
    return saveOverrides(
      (stored) => [
        ...stored.filter((o) => !(o.sheet === chosenSheet && o.range === normalised)),
        { sheet: chosenSheet, range: normalised },
      ],
      "manualSaved",
    );
  };

  return (
    <section className={s.card} data-testid="manual-range">
      <PaneIntro title={t("manualTitle")} text={t("manualHint")} />
      <Field label={t("manualSheet")} size="small">
        <Dropdown
          size="small"
          value={chosenSheet}
          selectedOptions={[chosenSheet]}
          onOptionSelect={(_e, d) => d.optionValue && setSheet(d.optionValue)}
          data-testid="manual-sheet"
        >
          {sheets.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={local.row}>
        <Field
          className={local.grow}
          label={t("manualRange")}
          size="small"
          validationState={invalid ? "error" : "none"}
          validationMessage={invalid ? t("rangeInvalid") : undefined}
        >
          <Input
            size="small"
            value={range}
            placeholder="A6:F58"
            onChange={(_e, d) => setRange(d.value)}
            data-testid="manual-range-input"
          />
        </Field>
        {host.selectedRange ? (
          <Button size="small" onClick={takeSelection} disabled={busy} data-testid="manual-take-selection">
            {t("manualUseSelection")}
          </Button>
        ) : null}
      </div>
      <div className={s.actions}>
        <Button
          appearance="primary"
          size="small"
          onClick={confirm}
          disabled={busy || !normalised || !chosenSheet}
          data-testid="manual-confirm"
        >
          {t("manualConfirm")}
        </Button>
      </div>
    </section>
  );
}
