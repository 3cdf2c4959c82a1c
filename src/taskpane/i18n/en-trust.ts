/** English for ru-trust.ts: the same keys. */
import type { ruTrust } from "./ru-trust";

export const enTrust: Record<keyof typeof ruTrust, string> = {
  notFoundFem: "not found",
  headerRowsLabel: "Header",
  headerRowsValue: "{count, plural, one {row {rows}} other {rows {rows}}}",

  findingsStale:
    "The workbook changed after the check: the findings are out of date and are being re-checked.",
  findingsStaleIdle:
    "The workbook changed after the check: findings may point at the wrong cells. Press «Check again».",
  tablesStale: "The workbook changed: the table is being recognised again.",
  findingsCount: "{count, plural, one {# finding} other {# findings}}",
  roleSeverityLabel: "A responsible given only as a position, with no name. Show it as:",
  roleSeverity_error: "an error",
  roleSeverity_warning: "a warning",
  roleSeverity_info: "a hint",
  hideRule: "Hide all findings of this kind",
  hiddenRulesTitle: "Hidden kinds of findings",
  showRule: "Show",
  ruleHiddenCount: "{count, plural, one {# finding} other {# findings}}",

  manualTitle: "Give the table by hand",
  manualHint:
    "Select the table with its header on the sheet and press «Use selection», or type the range, then «This is the roadmap table». You can then assign the columns.",
  manualSheet: "Sheet",
  manualRange: "Table range",
  manualUseSelection: "Use selection",
  manualConfirm: "This is the roadmap table",
  manualSaved: "The table is given by hand and remembered in the workbook. Check the columns.",
  manualNoSelection: "Nothing is selected on the sheet: select the table or type its range.",

  foldIntro:
    "Check each join: clear «Join» when a row is an activity of its own. Nothing changes until you press «Fix».",
  foldSummary:
    "{count, plural, one {# join} other {# joins}}: {rows, plural, one {# row} other {# rows}} will be joined.",
  foldJoinsTitle: "What will be joined",
  foldJoin:
    "{count, plural, one {Row {rows}} other {Rows {rows}}} → into the activity on row {into} («{sheet}»)",
  foldBlank:
    "{count, plural, one {Empty row {rows} will be deleted} other {Empty rows {rows} will be deleted}}",
  foldShow: "Show",
  foldKeepJoin: "Join",
  foldLeftTitle: "These rows may be activities of their own — they are not joined unless you say so",
  foldLeftRow: "Row {row} (activity on row {into}, «{sheet}»)",
  foldIncludeLeft: "Join it to the activity above after all",
  foldConfirmCount: "Fix ({count, plural, one {# join} other {# joins}})",

  peopleActivityCount: "{count, plural, one {# activity} other {# activities}}",
  peopleDeadline: "due: {deadline}",
  peopleNoDeadline: "no deadline",
  peopleRow: "row {row}",
  peopleGoTo: "Go to row {row} on sheet «{sheet}»",
  peopleShowAll: "Show all ({count})",
  peopleShowLess: "Show fewer",

  previewOpen: "Open .xlsx…",
  previewFileLabel: "Workbook .xlsx to preview",
  previewDownload: "Download result",
  previewNote: "Preview without Excel: the commands work on this workbook as they do in Excel",
  previewOpening: "Opening the workbook…",
  previewEmpty: "Open an .xlsx workbook with a roadmap.",
  previewPaneLabel: "Add-in task pane",
  previewOpened: "Opened «{name}»: {count, plural, one {# sheet} other {# sheets}}.",
  previewUnsaved:
    "The workbook has changes that were not downloaded. Open another file and lose them? (To keep them, use «Download result».)",
  gridCapped:
    "The first {shown} rows are shown; {count, plural, one {# more row is} other {# more rows are}} not shown in the preview (the commands work on the whole sheet).",
  gridSheets: "Sheets of the workbook",
  formulaBar: "Cell contents",
  formulaBarEmpty: "Click a cell to read its whole text.",
};
