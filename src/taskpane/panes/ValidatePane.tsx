/**
 * «Проверка»: findings grouped by severity, then by rule (collapsed, with counts); click to select the cell,
 * highlight, dismiss one finding or hide a whole rule. Findings read before the workbook changed are re-checked
 * as soon as the pane is shown, and their cells are not offered meanwhile.
 */
import {
  Accordion,
  Badge,
  Button,
  Caption1,
  Link,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Severity } from "../../domain/model";
import { findingKey } from "../../domain/validation/validate";
import { usePane } from "../context";
import { CommandStatus, InfoBar, PaneIntro, useStyles } from "../ui";
import { groupFindings, hiddenRuleCounts } from "../logic/findings";
import { FindingsCount } from "./validate/FindingsCount";
import { HiddenRules } from "./validate/HiddenRules";
import { RoleSeverity } from "./validate/RoleSeverity";
import { RuleGroup } from "./validate/RuleGroup";
import { useFindings } from "./validate/use-findings";

const useLocal = makeStyles({
  severityHeader: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export function ValidatePane() {
  const { t, activeTab } = usePane();
  const s = useStyles();
  const local = useLocal();
  const v = useFindings();
  const [showDismissed, setShowDismissed] = useState(false);
  const { findings, dismissed, hiddenRules } = v;

  // Shown after a change: check again at once, so no finding points at a moved cell.
  const recheck = useRef(v.runCheck);
  recheck.current = v.runCheck;
  const shown = activeTab === "validate";
  useEffect(() => {
    if (shown && v.stale) void recheck.current();
  }, [shown, v.stale]);

  const groups = useMemo(
    () => (findings ? groupFindings(findings, { dismissed, showDismissed, rules: hiddenRules }) : []),
    [findings, dismissed, showDismissed, hiddenRules],
  );
  const visible = findings ? findings.filter((f) => !hiddenRules.has(f.rule)) : [];
  const dismissedCount = visible.filter((f) => dismissed.has(findingKey(f))).length;
  const visibleCount = visible.length - dismissedCount;
  const busy = v.cmd.busy;

  return (
    <div className={s.pane}>
      <PaneIntro title={t("validateTitle")} text={t("validateIntro")} />
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => v.runCheck()} disabled={busy} data-testid="validate">
          {findings ? t("validateAgain") : t("validateButton")}
        </Button>
      </div>
      <CommandStatus busy={busy} error={v.cmd.error} />
      {v.stale ? (
        <InfoBar intent="warning" testId="findings-stale">
          {busy ? t("findingsStale") : t("findingsStaleIdle")}
        </InfoBar>
      ) : null}
      {v.highlighted !== null ? (
        <Caption1 className={s.muted}>{t("highlighted", { count: v.highlighted })}</Caption1>
      ) : null}
      {v.noTables ? <InfoBar intent="warning">{t("noTables")}</InfoBar> : null}
      {findings && findings.length === 0 && !v.noTables ? (
        <InfoBar intent="success">{t("noFindings")}</InfoBar>
      ) : null}

      {findings && findings.length > 0 ? (
        <>
          <div className={s.actions}>
            <Button size="small" onClick={v.highlight} disabled={busy || v.stale} data-testid="highlight">
              {t("highlight")}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              onClick={v.clearHighlight}
              disabled={busy}
              data-testid="clear-highlight"
            >
              {t("clearHighlight")}
            </Button>
          </div>
          <RoleSeverity value={v.severity} disabled={busy} t={t} onChange={(sev) => v.runCheck(sev)} />
          <div className={s.actions} style={{ justifyContent: "space-between" }}>
            <Text weight="semibold" data-testid="findings-total" data-count={visibleCount}>
              {t("findingsTotal", { count: visibleCount })}
            </Text>
            {dismissedCount > 0 ? (
              <Link as="button" onClick={() => setShowDismissed((x) => !x)} data-testid="toggle-dismissed">
                {showDismissed ? t("hideDismissed") : t("showDismissed", { count: dismissedCount })}
              </Link>
            ) : null}
          </div>
        </>
      ) : null}

      {groups.map((g) => (
        <section key={g.severity} data-testid={`severity-${g.severity}`}>
          <div className={local.severityHeader}>
            <Badge appearance="filled" color={BADGE[g.severity]} size="small" />
            <Text weight="semibold">{t(`severity_${g.severity}`)}</Text>
            <FindingsCount count={g.count} t={t} />
          </div>
          {/* Collapsed to rules with counts: the user opens the kinds they want to work on. */}
          <Accordion multiple collapsible defaultOpenItems={[]}>
            {g.rules.map((rg) => (
              <RuleGroup
                key={rg.rule}
                rule={rg.rule}
                findings={rg.findings}
                dismissed={dismissed}
                stale={v.stale}
                t={t}
                onGo={v.select}
                onToggleDismiss={v.toggleDismiss}
                onHideRule={(rule) => v.setRuleHidden(rule, true)}
              />
            ))}
          </Accordion>
        </section>
      ))}
      {findings ? (
        <HiddenRules
          rules={hiddenRuleCounts(findings, hiddenRules)}
          t={t}
          onShow={(rule) => v.setRuleHidden(rule, false)}
        />
      ) : null}
    </div>
  );
}
