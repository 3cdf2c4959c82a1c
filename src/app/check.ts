/**
 * «Проверка» / `roadmap check`: recognise with the stored corrections, validate, and split the findings into
 * those shown and those the user dismissed or whose rule the user hid (the pane can show them again; the CLI
 * leaves them out, as the contract says it honours what the pane stored).
 */
import { checkRecognised } from "../domain/check";
import type { WorkbookHost } from "../domain/host";
import type { Finding, IsoDate } from "../domain/model";
import type { PeopleDirectory } from "../domain/people-directory";
import { findingKey } from "../domain/validation/validate";
import { recognise, type Recognised } from "./recognise";

export interface CheckOutcome {
  recognised: Recognised;
  /** Findings to show, in the engine's stable order. */
  findings: Finding[];
  /** Findings the user dismissed one by one or by hiding their rule. */
  hidden: Finding[];
  directory: PeopleDirectory | null;
}

export interface CheckCommandOptions {
  today: IsoDate | null;
  /** A recognition just made (the pane's), so the workbook is not read twice. */
  recognised?: Recognised;
}

export async function check(host: WorkbookHost, opts: CheckCommandOptions): Promise<CheckOutcome> {
  const recognised = opts.recognised ?? (await recognise(host));
  const { settings } = recognised;
  const result = checkRecognised(recognised.workbook, recognised, {
    today: opts.today,
    vagueRoleSeverity: settings.vagueRoleSeverity,
  });
  const dismissed = new Set(settings.dismissed);
  const hiddenRules = new Set(settings.hiddenRules);
  const isHidden = (f: Finding) => dismissed.has(findingKey(f)) || hiddenRules.has(f.rule);
  return {
    // The tables as checked: with each activity's signal for today.
    recognised: { ...recognised, tables: result.tables },
    findings: result.findings.filter((f) => !isHidden(f)),
    hidden: result.findings.filter(isHidden),
    directory: result.directory,
  };
}
