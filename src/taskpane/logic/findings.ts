import type { Finding, Severity } from "../../domain/model";
import { findingKey } from "../../domain/validation/validate";
import type { MessageKey, Translate } from "../i18n";
import { ru } from "../i18n/ru";

/** Most severe first: the order of the groups and of the severity choices. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

const FAMILIES = [
  "deadline",
  "responsible",
  "numbering",
  "period",
  "text",
  "organisation",
  "structure",
  "status",
  "cell",
] as const;

/** A rule's family in the user's words: "deadline.outside-period" → «Сроки». */
export function ruleFamilyTitle(rule: string, t: Translate): string {
  const family = rule.split(".")[0] as (typeof FAMILIES)[number];
  const key: MessageKey = FAMILIES.includes(family) ? `family_${family}` : "family_other";
  return t(key);
}

/** A rule in the user's words: «Сроки · срок вне периода карты»; the family alone for a rule not in the dictionary. */
export function ruleTitle(rule: string, t: Translate): string {
  const key = `rule_${rule}`;
  const family = ruleFamilyTitle(rule, t);
  return key in ru ? `${family} · ${t(key as MessageKey)}` : family;
}

export interface RuleGroup {
  rule: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

/** What the grouping leaves out: findings the user dismissed one by one, and whole rules they hid. */
export interface Hidden {
  dismissed: ReadonlySet<string>;
  showDismissed: boolean;
  rules?: ReadonlySet<string>;
}

/**
 * Findings grouped by severity (errors first), then by rule (rules in order of first appearance,
 * findings in their original order). Dismissed ones are left out unless `showDismissed`.
 */
export function groupFindings(findings: Finding[], hidden: Hidden): SeverityGroup[] {
  const { dismissed, showDismissed } = hidden;
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const rules = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity || hidden.rules?.has(f.rule)) continue;
      if (!showDismissed && dismissed.has(findingKey(f))) continue;
      const list = rules.get(f.rule) ?? [];
      list.push(f);
      rules.set(f.rule, list);
    }
    if (rules.size === 0) continue;
    const ruleGroups = [...rules].map(([rule, list]) => ({ rule, findings: list }));
    groups.push({
      severity,
      rules: ruleGroups,
      count: ruleGroups.reduce((n, g) => n + g.findings.length, 0),
    });
  }
  return groups;
}

/** Cells to highlight: the visible findings that point at a cell, each cell once. */
export function highlightTargets(
  findings: Finding[],
  dismissed: ReadonlySet<string>,
  hiddenRules: ReadonlySet<string> = new Set(),
): { sheet: string; address: string }[] {
  const seen = new Set<string>();
  const out: { sheet: string; address: string }[] = [];
  for (const f of findings) {
    if (!f.cell || dismissed.has(findingKey(f)) || hiddenRules.has(f.rule)) continue;
    const k = `${f.sheet}!${f.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ sheet: f.sheet, address: f.cell });
  }
  return out;
}

/** How many findings each hidden rule holds back (rules with none are listed too, so they can be shown again). */
export function hiddenRuleCounts(findings: Finding[], hiddenRules: ReadonlySet<string>): [string, number][] {
  return [...hiddenRules].map((rule) => [rule, findings.filter((f) => f.rule === rule).length]);
}

/** Normalises whatever was stored under "dismissed" (a hand-edited or older workbook) to a set of keys. */
export function readDismissed(stored: unknown): Set<string> {
  if (!Array.isArray(stored)) return new Set();
  return new Set(stored.filter((k): k is string => typeof k === "string"));
}

export { localIsoDate } from "../../domain/russian-dates";

/** Whatever was stored under "hiddenRules" (rule ids the user hid as a whole), as a set. */
export const readHiddenRules = readDismissed;
