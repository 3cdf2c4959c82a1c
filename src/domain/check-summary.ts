/**
 * The summary workbook of `roadmap check` over many files (`-o summary.xlsx`): a sheet with one row per file
 * (period, activities, findings by severity, the most frequent rules, a link to the file) and a sheet with every
 * finding of every file, filterable. Pure: the CLI applies the plan to a new workbook.
 */
import { plural } from "./ru/plural";
import type { CellValue } from "./grid";
import type { EditOp, EditPlan } from "./edit-plan";
import type { CheckReport, Severity } from "./model";
import { formatRuDate } from "./russian-dates";

export const SUMMARY_SHEET = "Сводка проверки";
export const FINDINGS_SHEET = "Все замечания";

export interface CheckedFile {
  /** As given on the command line (shown, and the link's target). */
  path: string;
  report: CheckReport | null;
  /** Why the file could not be read (Russian), when report is null. */
  error: string | null;
}

const SUMMARY_HEADER = [
  "Файл",
  "Период",
  "Таблиц",
  "Мероприятий",
  "Ошибок",
  "Предупреждений",
  "Подсказок",
  "Частые замечания",
  "Не прочитан: причина",
];
const FINDINGS_HEADER = ["Файл", "Лист", "Ячейка", "Правило", "Важность", "Замечание", "Рекомендация"];
const SEVERITY_RU: Record<Severity, string> = {
  error: "ошибка",
  warning: "предупреждение",
  info: "подсказка",
};

function periodText(report: CheckReport): string {
  const periods = [
    ...new Set(
      report.tables
        .map((t) => t.period)
        .filter((p) => p !== null)
        .map((p) => `${formatRuDate(p.start)} – ${formatRuDate(p.end)}`),
    ),
  ];
  return periods.join("; ");
}

/** «deadline.vague ×12; responsible.vague-role ×5» — the three most frequent rules. */
export function frequentRules(report: CheckReport, top = 3): string {
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([rule, n]) => `${rule} ×${n}`)
    .join("; ");
}

export function planCheckSummary(files: readonly CheckedFile[]): EditPlan {
  const rows: CellValue[][] = [SUMMARY_HEADER];
  const ops: EditOp[] = [{ op: "addSheet", sheet: SUMMARY_SHEET }];
  const links: EditOp[] = [];
  files.forEach((file, i) => {
    const r = file.report;
    const bySeverity = (s: Severity) => (r ? r.findings.filter((f) => f.severity === s).length : null);
    rows.push([
      file.path,
      r ? periodText(r) : null,
      r ? r.tables.length : null,
      r ? r.tables.reduce((n, t) => n + t.rows.filter((x) => x.kind === "activity").length, 0) : null,
      bySeverity("error"),
      bySeverity("warning"),
      bySeverity("info"),
      r ? frequentRules(r) : null,
      file.error,
    ]);
    // A link-style reference: opens the file from the folder the summary sits in (relative paths work there).
    links.push({
      op: "setHyperlink",
      sheet: SUMMARY_SHEET,
      row: i + 1,
      col: 0,
      target: file.path,
      text: file.path,
    });
  });
  ops.push({ op: "setValues", sheet: SUMMARY_SHEET, row: 0, col: 0, values: rows }, ...links);

  const findings: CellValue[][] = [FINDINGS_HEADER];
  for (const file of files)
    for (const f of file.report?.findings ?? [])
      findings.push([file.path, f.sheet, f.cell, f.rule, SEVERITY_RU[f.severity], f.message, f.suggestion]);
  ops.push(
    { op: "addSheet", sheet: FINDINGS_SHEET },
    { op: "setValues", sheet: FINDINGS_SHEET, row: 0, col: 0, values: findings },
    {
      op: "setAutoFilter",
      sheet: FINDINGS_SHEET,
      range: { top: 0, left: 0, bottom: findings.length - 1, right: FINDINGS_HEADER.length - 1 },
    },
    { op: "freezePanes", sheet: FINDINGS_SHEET, rows: 1, cols: 0 },
    { op: "freezePanes", sheet: SUMMARY_SHEET, rows: 1, cols: 0 },
    {
      op: "setStyle",
      sheet: SUMMARY_SHEET,
      range: { top: 0, left: 0, bottom: 0, right: SUMMARY_HEADER.length - 1 },
      bold: true,
    },
    {
      op: "setStyle",
      sheet: FINDINGS_SHEET,
      range: { top: 0, left: 0, bottom: 0, right: FINDINGS_HEADER.length - 1 },
      bold: true,
    },
    {
      op: "setColumnWidths",
      sheet: SUMMARY_SHEET,
      widths: [40, 26, 8, 12, 8, 14, 10, 50, 50].map((width, col) => ({ col, width })),
    },
    {
      op: "setColumnWidths",
      sheet: FINDINGS_SHEET,
      widths: [40, 20, 8, 28, 14, 70, 50].map((width, col) => ({ col, width })),
    },
  );
  return {
    summary: `Сводка проверки ${plural(files.length, "файла", "файлов", "файлов")}`,
    ops,
  };
}
