/**
 * The «Проверка» pane's state and commands: the findings and the workbook revision they were read at, what
 * the user dismissed or hid (remembered in the workbook), the highlight. A check made at an older revision
 * is stale: the pane re-checks it when shown and never offers its cells meanwhile.
 */
import { useCallback, useState } from "react";
import { check } from "../../../app/check";
import { updateSettings } from "../../../app/settings";
import type { Finding, Severity } from "../../../domain/model";
import { findingKey } from "../../../domain/validation/validate";
import { usePane } from "../../context";
import { highlightTargets, localIsoDate } from "../../logic/findings";
import { useCommand } from "../../use-command";

export function useFindings() {
  const { host, t, recognize, revision } = usePane();
  const cmd = useCommand(t);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [checkedAt, setCheckedAt] = useState(-1);
  const [noTables, setNoTables] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [hiddenRules, setHiddenRules] = useState<ReadonlySet<string>>(new Set());
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const [severity, setSeverity] = useState<Severity>("info");

  const stale = findings !== null && checkedAt !== revision;

  /** Reads everything afresh; the highlight, when on, moves with the findings. */
  const runCheck = useCallback(
    (severityWanted?: Severity) =>
      cmd.run(async () => {
        if (severityWanted) await updateSettings(host, { vagueRoleSeverity: severityWanted });
        const r = await recognize();
        const outcome = await check(host, { today: localIsoDate(new Date()), recognised: r });
        // Dismissed findings stay listed (greyed) for «Показать скрытые»; hidden rules are counted apart.
        const next = [...outcome.findings, ...outcome.hidden];
        const nextDismissed = new Set(r.settings.dismissed);
        const nextRules = new Set(r.settings.hiddenRules);
        const sev = r.settings.vagueRoleSeverity;
        setDismissed(nextDismissed);
        setHiddenRules(nextRules);
        setSeverity(sev);
        setNoTables(r.tables.length === 0);
        setFindings(next);
        setCheckedAt(r.revision);
        if (highlighted !== null) {
          const cells = highlightTargets(next, nextDismissed, nextRules);
          await host.highlight(cells);
          setHighlighted(cells.length);
        }
      }),
    [cmd, recognize, host, highlighted],
  );

  const select = (sheet: string, cell: string) => cmd.run(() => host.select(sheet, cell));

  const toggleDismiss = (f: Finding) =>
    cmd.run(async () => {
      const next = new Set(dismissed);
      const key = findingKey(f);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      await updateSettings(host, { dismissed: [...next] });
      setDismissed(next);
    });

  const setRuleHidden = (rule: string, hide: boolean) =>
    cmd.run(async () => {
      const next = new Set(hiddenRules);
      if (hide) next.add(rule);
      else next.delete(rule);
      await updateSettings(host, { hiddenRules: [...next] });
      setHiddenRules(next);
    });

  const highlight = () =>
    cmd.run(async () => {
      const cells = highlightTargets(findings ?? [], dismissed, hiddenRules);
      await host.highlight(cells);
      setHighlighted(cells.length);
    });

  const clearHighlight = () =>
    cmd.run(async () => {
      await host.clearHighlights();
      setHighlighted(null);
    });

  return {
    cmd,
    findings,
    stale,
    noTables,
    dismissed,
    hiddenRules,
    highlighted,
    severity,
    runCheck,
    select,
    toggleDismiss,
    setRuleHidden,
    highlight,
    clearHighlight,
  };
}
