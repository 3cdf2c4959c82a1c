/**
 * Runs every validation rule over the recognised roadmap tables (and the workbook's text).
 * Each family of rules lives in its own file; this only gathers, filters and orders their findings.
 */
import { parseA1, type WorkbookGrid } from "../grid";
import type { Finding, IsoDate, RoadmapTable, Severity } from "../model";
import type { PeopleDirectory } from "../people-directory";
import { unreadableCellFindings } from "./cell-rules";
import { deadlineFindings } from "./deadline-rules";
import { numberingFindings } from "./numbering-rules";
import { responsibleFindings } from "./responsible-rules";
import { periodFindings } from "./period-rules";
import { statusFindings } from "./status-rules";
import { tableFindings } from "./table-rules";
import { organisationFindings, placeholderFindings } from "./text-rules";

export interface ValidationOptions {
  /** For overdue checks; null skips them. */
  today: IsoDate | null;
  /** The whole workbook, for rules over the document's text (placeholders, organisation names). */
  workbook?: WorkbookGrid;
  /** The people directory (sheet «Ответственные»), when the user has one. */
  directory?: PeopleDirectory | null;
  /** How loud «only a vague role, no named person» is; users tune it. */
  vagueRoleSeverity?: Severity;
  /** Keys (findingKey) of findings the user dismissed. */
  dismissed?: readonly string[];
}

export function findingKey(f: Pick<Finding, "rule" | "sheet" | "cell">): string {
  return `${f.rule}|${f.sheet}|${f.cell ?? ""}`;
}

/**
 * One cell, one finding per thing to say: a finding is dropped when another finding on the same cell says the same
 * more precisely. A blank template date («"__" ____ 2025 г.») is unreadable because it was never filled in.
 * (Within the deadline rules, «outside the period» and «before approval» are reconciled where both are known.)
 */
const SAID_BETTER_BY: Readonly<Record<string, readonly string[]>> = {
  "deadline.unparsed": ["text.placeholder"],
  // An error or an uncalculated formula is why the cell reads as empty.
  "deadline.missing": ["cell.error-value", "cell.not-calculated"],
  "responsible.missing": ["cell.error-value", "cell.not-calculated"],
};

function withoutRepeats(findings: Finding[]): Finding[] {
  const rulesAt = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!f.cell) continue;
    const at = `${f.sheet}!${f.cell}`;
    (rulesAt.get(at) ?? rulesAt.set(at, new Set()).get(at)!).add(f.rule);
  }
  return findings.filter((f) => {
    const better = SAID_BETTER_BY[f.rule];
    if (!better || !f.cell) return true;
    const here = rulesAt.get(`${f.sheet}!${f.cell}`)!;
    return !better.some((r) => here.has(r));
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function validateWorkbook(tables: RoadmapTable[], opts: ValidationOptions): Finding[] {
  const findings: Finding[] = [
    ...periodFindings(tables),
    ...tableFindings(tables),
    ...numberingFindings(tables),
    ...tables.flatMap((t) => deadlineFindings(t, { today: opts.today })),
    ...responsibleFindings(tables, {
      directory: opts.directory ?? null,
      vagueRoleSeverity: opts.vagueRoleSeverity ?? "info",
    }),
    ...statusFindings(tables, { today: opts.today, workbook: opts.workbook }),
  ];
  if (opts.workbook)
    findings.push(
      ...placeholderFindings(opts.workbook),
      ...organisationFindings(opts.workbook),
      ...unreadableCellFindings(tables, opts.workbook),
    );

  const dismissed = new Set(opts.dismissed ?? []);
  const kept = withoutRepeats(findings);
  const sheetOrder = new Map<string, number>();
  (opts.workbook?.sheets ?? []).forEach((s, i) => sheetOrder.set(s.name, i));
  tables.forEach((t) => sheetOrder.has(t.sheet) || sheetOrder.set(t.sheet, sheetOrder.size));

  // Reading order: sheet, row, column; then severity. Stable for equal keys.
  const pos = (f: Finding) => {
    const r = f.cell ? parseA1(f.cell) : null;
    return [sheetOrder.get(f.sheet) ?? 0, r?.top ?? -1, r?.left ?? -1, SEVERITY_ORDER[f.severity]];
  };
  return kept
    .filter((f) => !dismissed.has(findingKey(f)))
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort((a, b) => {
      for (let k = 0; k < a.p.length; k++) if (a.p[k] !== b.p[k]) return a.p[k] - b.p[k];
      return a.i - b.i;
    })
    .map(({ f }) => f);
}
