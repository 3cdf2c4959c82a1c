/** «Проверка»: findings grouped by severity then rule; click to select the cell, highlight, dismiss. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  CounterBadge,
  Dropdown,
  Field,
  Link,
  Option,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState, type KeyboardEvent } from "react";
import type { Finding, Severity } from "../../domain/model";
import { checkWorkbook } from "../../domain/check";
// The key a dismissed finding is remembered by in the workbook (setting "dismissed"): the engine's own.
import { findingKey } from "../../domain/validation/validate";
import { usePane, type Recognition } from "../context";
import { useCommand } from "../use-command";
import { CommandStatus, InfoBar, PaneIntro, useStyles } from "../ui";
import {
  SEVERITY_ORDER,
  groupFindings,
  highlightTargets,
  localIsoDate,
  readDismissed,
  ruleTitle,
} from "../logic/findings";

const useLocal = makeStyles({
  severityHeader: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  ruleHeader: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  ruleTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  noCell: { cursor: "default", ":hover": { backgroundColor: tokens.colorNeutralBackground1 } },
  dismissed: { opacity: 0.6 },
  findingTop: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
  },
  findings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  suggestion: { color: tokens.colorNeutralForeground3 },
});

const OPEN_ALL_UP_TO = 12;

const VAGUE_ROLE_SETTING = "vagueRoleSeverity";

function readSeverity(stored: unknown): Severity {
  return stored === "error" || stored === "warning" || stored === "info" ? stored : "info";
}

/** Findings of a recognised workbook; dismissed ones stay in, so «Показать скрытые» can bring them back. */
function check(r: Recognition, vagueRoleSeverity: Severity): Finding[] {
  return checkWorkbook(r.workbook, {
    today: localIsoDate(new Date()),
    overrides: r.overrides,
    vagueRoleSeverity,
  }).findings;
}

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export function ValidatePane() {
  const { host, t, recognize } = usePane();
  const s = useStyles();
  const local = useLocal();
  const cmd = useCommand(t);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [noTables, setNoTables] = useState(false);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [showDismissed, setShowDismissed] = useState(false);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const [vagueSeverity, setVagueSeverity] = useState<Severity>("info");

  const groups = useMemo(
    () => (findings ? groupFindings(findings, dismissed, showDismissed) : []),
    [findings, dismissed, showDismissed],
  );
  const dismissedCount = findings ? findings.filter((f) => dismissed.has(findingKey(f))).length : 0;
  const visibleCount = findings ? findings.length - dismissedCount : 0;

  const onValidate = () =>
    cmd.run(async () => {
      const [r, storedDismissed, storedSeverity] = await Promise.all([
        recognize(),
        host.getSetting<unknown>("dismissed"),
        host.getSetting<unknown>(VAGUE_ROLE_SETTING),
      ]);
      setDismissed(readDismissed(storedDismissed));
      const severity = readSeverity(storedSeverity);
      setVagueSeverity(severity);
      setNoTables(r.tables.length === 0);
      setFindings(check(r, severity));
    });

  /** How loud «only a role, no named person» is: some authorities accept roles, others do not. */
  const onVagueSeverity = (severity: Severity) =>
    cmd.run(async () => {
      await host.setSetting(VAGUE_ROLE_SETTING, severity);
      setVagueSeverity(severity);
      if (findings) setFindings(check(await recognize(), severity));
    });

  const select = (sheet: string, cell: string) => cmd.run(() => host.select(sheet, cell));

  const saveDismissed = (next: Set<string>) =>
    cmd.run(async () => {
      await host.setSetting("dismissed", [...next]);
      setDismissed(next);
    });

  const toggleDismiss = (f: Finding) => {
    const next = new Set(dismissed);
    const key = findingKey(f);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return saveDismissed(next);
  };

  const onHighlight = () =>
    cmd.run(async () => {
      const cells = highlightTargets(findings ?? [], dismissed);
      await host.highlight(cells);
      setHighlighted(cells.length);
    });

  const onClear = () =>
    cmd.run(async () => {
      await host.clearHighlights();
      setHighlighted(null);
    });

  return (
    <div className={s.pane}>
      <PaneIntro title={t("validateTitle")} text={t("validateIntro")} />
      <div className={s.actions}>
        <Button appearance="primary" onClick={onValidate} disabled={cmd.busy} data-testid="validate">
          {findings ? t("validateAgain") : t("validateButton")}
        </Button>
      </div>
      <Field label={t("vagueRoleLabel")} size="small">
        <Dropdown
          size="small"
          value={t(`vagueAs_${vagueSeverity}`)}
          selectedOptions={[vagueSeverity]}
          onOptionSelect={(_e, d) => d.optionValue && onVagueSeverity(d.optionValue as Severity)}
          disabled={cmd.busy}
          data-testid="vague-severity"
        >
          {SEVERITY_ORDER.map((sev) => (
            <Option key={sev} value={sev}>
              {t(`vagueAs_${sev}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <CommandStatus busy={cmd.busy} error={cmd.error} />
      {highlighted !== null ? (
        <Caption1 className={s.muted}>{t("highlighted", { count: highlighted })}</Caption1>
      ) : null}
      {noTables ? <InfoBar intent="warning">{t("noTables")}</InfoBar> : null}
      {findings && findings.length === 0 && !noTables ? (
        <InfoBar intent="success">{t("noFindings")}</InfoBar>
      ) : null}

      {findings && findings.length > 0 ? (
        <div className={s.actions}>
          <Button size="small" onClick={onHighlight} disabled={cmd.busy} data-testid="highlight">
            {t("highlight")}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            onClick={onClear}
            disabled={cmd.busy}
            data-testid="clear-highlight"
          >
            {t("clearHighlight")}
          </Button>
        </div>
      ) : null}
      {findings && findings.length > 0 ? (
        <div className={s.actions} style={{ justifyContent: "space-between" }}>
          <Text weight="semibold" data-testid="findings-total">
            {t("findingsTotal", { count: visibleCount })}
          </Text>
          {dismissedCount > 0 ? (
            <Link as="button" onClick={() => setShowDismissed((v) => !v)} data-testid="toggle-dismissed">
              {showDismissed ? t("hideDismissed") : t("showDismissed", { count: dismissedCount })}
            </Link>
          ) : null}
        </div>
      ) : null}

      {groups.map((g) => (
        <section key={g.severity} data-testid={`severity-${g.severity}`}>
          <div className={local.severityHeader}>
            <Badge appearance="filled" color={BADGE[g.severity]} size="small" />
            <Text weight="semibold">{t(`severity_${g.severity}`)}</Text>
            <CounterBadge count={g.count} appearance="ghost" color="informative" overflowCount={999} />
          </div>
          {/* A short list opens whole; a long one starts as an overview of rules with counts. */}
          <Accordion
            multiple
            collapsible
            defaultOpenItems={visibleCount <= OPEN_ALL_UP_TO ? g.rules.map((r) => r.rule) : []}
          >
            {g.rules.map((rg) => (
              <AccordionItem key={rg.rule} value={rg.rule}>
                <AccordionHeader size="small">
                  <span className={local.ruleHeader} data-testid="rule-group" data-rule={rg.rule}>
                    {/* The rule id only as a tooltip, for support: the pane itself stays in the user's language. */}
                    <span className={local.ruleTitle} title={rg.rule}>
                      {ruleTitle(rg.rule, t)}
                    </span>
                    <CounterBadge
                      count={rg.findings.length}
                      size="small"
                      appearance="ghost"
                      color="informative"
                      overflowCount={999}
                    />
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <div className={local.findings}>
                    {rg.findings.map((f, i) => {
                      const isDismissed = dismissed.has(findingKey(f));
                      const cell = f.cell;
                      // Only a finding with a cell is a button: keyboard users reach it with Tab.
                      const goTo = cell
                        ? {
                            role: "button",
                            tabIndex: 0,
                            title: t("goToCell", { cell }),
                            onClick: () => select(f.sheet, cell),
                            onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
                              // Keys pressed on the «Скрыть» button inside bubble up here too.
                              if (e.target !== e.currentTarget || (e.key !== "Enter" && e.key !== " "))
                                return;
                              e.preventDefault();
                              select(f.sheet, cell);
                            },
                          }
                        : {};
                      return (
                        <div
                          key={`${findingKey(f)}#${i}`}
                          className={mergeClasses(
                            local.finding,
                            local[f.severity],
                            !cell && local.noCell,
                            isDismissed && local.dismissed,
                          )}
                          data-testid="finding"
                          data-cell={cell ?? ""}
                          data-sheet={f.sheet}
                          {...goTo}
                        >
                          <div className={local.findingTop}>
                            <Text size={300}>{f.message}</Text>
                            <Button
                              size="small"
                              appearance="transparent"
                              onClick={(e) => {
                                e.stopPropagation();
                                toggleDismiss(f);
                              }}
                              data-testid="dismiss"
                            >
                              {isDismissed ? t("restore") : t("dismiss")}
                            </Button>
                          </div>
                          <Caption1 className={s.muted}>
                            {f.sheet}
                            {f.cell ? `!${f.cell}` : ""}
                            {isDismissed ? ` · ${t("dismissedLabel")}` : ""}
                          </Caption1>
                          {f.suggestion ? (
                            <Caption1 className={local.suggestion}>
                              {t("suggestion")}: {f.suggestion}
                            </Caption1>
                          ) : null}
                        </div>
                      );
                    })}
                  </div>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
      ))}
    </div>
  );
}
