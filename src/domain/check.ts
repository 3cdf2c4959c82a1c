/**
 * The engine's one entry point for «find and check every roadmap in a workbook»: recognition, the people
 * directory (sheet «Ответственные», if the user has one), validation. The CLI and the task pane both call it.
 */
import type { WorkbookGrid } from "./grid";
import type { Finding, IsoDate, RoadmapTable, Severity } from "./model";
import { DIRECTORY_SHEET, readDirectorySheet, type PeopleDirectory } from "./people-directory";
import { recognizeWorkbook, type Notice, type TableOverride } from "./recognition";
import { validateWorkbook } from "./validation/validate";
import { withSignals } from "./control/read";

export interface CheckOptions {
  today: IsoDate | null;
  overrides?: TableOverride[];
  dismissed?: readonly string[];
  vagueRoleSeverity?: Severity;
}

export interface CheckResult {
  tables: RoadmapTable[];
  findings: Finding[];
  notices: Notice[];
  directory: PeopleDirectory | null;
}

export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions): CheckResult {
  return checkRecognised(wb, recognizeWorkbook(wb, { overrides: opts.overrides }), opts);
}

/** Validation of tables already recognised (the task pane recognises once, then checks). */
export function checkRecognised(
  wb: WorkbookGrid,
  recognition: { tables: RoadmapTable[]; notices: Notice[] },
  opts: Omit<CheckOptions, "overrides">,
): CheckResult {
  // Signals need today; recognition has already read the control cells.
  const tables = withSignals(recognition.tables, opts.today);
  const notices = recognition.notices;
  const dirSheet = wb.sheets.find((s) => s.name === DIRECTORY_SHEET) ?? null;
  const directory = dirSheet ? readDirectorySheet(dirSheet) : null;
  const findings = validateWorkbook(tables, {
    today: opts.today,
    workbook: wb,
    directory,
    dismissed: opts.dismissed,
    vagueRoleSeverity: opts.vagueRoleSeverity,
  });
  return { tables, findings, notices, directory };
}
