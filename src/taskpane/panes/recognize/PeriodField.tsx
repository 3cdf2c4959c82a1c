/** The period, asked of the user when the title does not state it (never guessed), remembered in the workbook. */
import { Button, Field, Input, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { RoadmapTable } from "../../../domain/model";
import { usePane } from "../../context";
import { parsePeriodInput, periodText, withPeriod } from "../../logic/tables";
import { InfoBar } from "../../ui";
import type { Notice, Run } from "./notice";
import { useSaveOverrides } from "./use-save-overrides";

export function PeriodField({
  table,
  busy,
  run,
  onSaved,
}: {
  table: RoadmapTable;
  busy: boolean;
  run: Run;
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
