/**
 * Rules over the control columns (contract, «Status list and signals»): a status outside the list, a done
 * activity with no confirming document or no completion date, a completion date in the future, «Выполнено»
 * after the due date, «Не выполнено» with no reason.
 */
import type { WorkbookGrid } from "../grid";
import { STATUS_LIST, type ActivityRow, type Finding, type IsoDate, type RoadmapTable } from "../model";
import { formatRuDate } from "../russian-dates";
import { effectiveDue } from "../control/signal";
import { statusText } from "../control/read";

export interface StatusRuleOptions {
  today: IsoDate | null;
  /** For the raw text of a status outside the list. */
  workbook?: WorkbookGrid;
}

const LIST_TEXT = STATUS_LIST.map((s) => `«${s}»`).join(", ");

function short(text: string, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function statusFindings(tables: RoadmapTable[], opts: StatusRuleOptions): Finding[] {
  const findings: Finding[] = [];
  const sheets = new Map((opts.workbook?.sheets ?? []).map((s) => [s.name, s]));
  for (const table of tables) {
    const cols = table.columns;
    if (!cols.status) continue;
    const sheet = sheets.get(table.sheet) ?? null;
    for (const row of table.rows) {
      if (row.kind !== "activity") continue;
      const at = (letter: string | null) => (letter ? `${letter}${row.row}` : null);
      const add = (rule: string, cell: string | null, message: string, suggestion: string | null) =>
        findings.push({ rule, severity: "warning", sheet: table.sheet, cell, message, suggestion });
      const what = `«${short(row.activity, 50)}»`;
      if (row.status === null) {
        const raw = sheet ? statusText(sheet, table, row) : "";
        if (raw)
          add(
            "status.unknown-value",
            at(cols.status),
            `Статус «${short(raw, 40)}» не из списка`,
            `Выберите статус из списка: ${LIST_TEXT}`,
          );
      }
      rowFindings(row, table, opts.today, add, at, what);
    }
  }
  return findings;
}

type Add = (rule: string, cell: string | null, message: string, suggestion: string | null) => void;

function rowFindings(
  row: ActivityRow,
  table: RoadmapTable,
  today: IsoDate | null,
  add: Add,
  at: (letter: string | null) => string | null,
  what: string,
): void {
  const cols = table.columns;
  const done = row.status === "Выполнено" || row.status === "Выполнено с нарушением срока";
  // Without a control document column, the roadmap's own «Подтверждающий документ» column is where it is written.
  const document = cols.evidenceLink ? row.evidenceLink : row.evidence;
  if (done && !document) {
    add(
      "status.done-without-evidence",
      at(cols.evidenceLink) ?? at(cols.evidence) ?? at(cols.status),
      `Мероприятие ${what} отмечено как выполненное, но подтверждающий документ не указан`,
      "Укажите документ (название, номер, дату) или ссылку на файл",
    );
  }
  if (done && !row.doneDate) {
    add(
      "status.done-without-date",
      at(cols.doneDate) ?? at(cols.status),
      `Мероприятие ${what} отмечено как выполненное, но дата выполнения не указана`,
      "Укажите дату выполнения (ДД.ММ.ГГГГ)",
    );
  }
  if (today && row.doneDate && row.doneDate > today) {
    add(
      "status.date-in-future",
      at(cols.doneDate),
      `Дата выполнения ${formatRuDate(row.doneDate)} ещё не наступила`,
      "Проверьте дату: выполнение отмечают по факту",
    );
  }
  const due = effectiveDue(row);
  if (row.status === "Выполнено" && row.doneDate && due && row.doneDate > due) {
    add(
      "status.late-not-marked",
      at(cols.status),
      `Мероприятие ${what} выполнено ${formatRuDate(row.doneDate)}, позже срока ${formatRuDate(due)}`,
      "Выберите статус «Выполнено с нарушением срока» и укажите причину в комментарии",
    );
  }
  if (row.status === "Не выполнено" && !row.comment) {
    add(
      "status.not-done-without-reason",
      at(cols.comment) ?? at(cols.status),
      `Мероприятие ${what} не выполнено, а причина не указана`,
      "Укажите причину в столбце «Комментарий»",
    );
  }
}
