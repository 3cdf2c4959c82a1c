/**
 * How loud «only a position, no name» is: some authorities accept roles, others do not. Shown after a check,
 * where the user has just seen such findings.
 */
import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { Severity } from "../../../domain/model";
import type { Translate } from "../../i18n";
import { SEVERITY_ORDER } from "../../logic/findings";

export function RoleSeverity({
  value,
  disabled,
  t,
  onChange,
}: {
  value: Severity;
  disabled: boolean;
  t: Translate;
  onChange: (severity: Severity) => void;
}) {
  return (
    <Field label={t("roleSeverityLabel")} size="small">
      <Dropdown
        size="small"
        value={t(`roleSeverity_${value}`)}
        selectedOptions={[value]}
        onOptionSelect={(_e, d) => d.optionValue && onChange(d.optionValue as Severity)}
        disabled={disabled}
        data-testid="vague-severity"
      >
        {SEVERITY_ORDER.map((sev) => (
          <Option key={sev} value={sev}>
            {t(`roleSeverity_${sev}`)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
