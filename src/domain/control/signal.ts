/**
 * The status list and the signal of an activity, exactly as the contract («Status list and signals») fixes
 * them. The same rule lives in the workbook as conditional formats (signal-formats.ts), so the colours a user
 * sees without the add-in agree with what `check` reports.
 */
import { cellText, type CellValue } from "../grid";
import { STATUS_LIST, type ActivityRow, type IsoDate, type Signal, type Status } from "../model";
import { addDays, excelSerialToIso, parseRuDate } from "../russian-dates";

/** «Срок наступает» is `due_soon` from today to today + this many days. */
export const DUE_SOON_DAYS = 14;

function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

const BY_TEXT = new Map<string, Status>(STATUS_LIST.map((s) => [normalise(s), s]));

/** A status cell's text → a value of the list (case, ё and spacing ignored), or null for anything else. */
export function readStatus(text: string): Status | null {
  return BY_TEXT.get(normalise(text)) ?? null;
}

/**
 * A date cell: an Excel serial (a number without a date format), the «ДД.ММ.ГГГГ» text adapters give for a
 * date-formatted number, or a date typed as text («05.03.2024», «5 марта 2024 г.»). Null otherwise.
 */
export function readDateCell(v: CellValue): IsoDate | null {
  if (typeof v === "number") return excelSerialToIso(v);
  const t = cellText(v);
  return t ? parseRuDate(t) : null;
}

/** Statuses that close an activity for the signal: no longer overdue or due. */
export function isClosedStatus(status: Status | null): boolean {
  return status === "Выполнено" || status === "Выполнено с нарушением срока" || status === "Отменено";
}

/** The due date signals and status checks use: the user's «Контрольный срок», else the deadline's end. */
export function effectiveDue(row: Pick<ActivityRow, "dueDate" | "deadline">): IsoDate | null {
  return row.dueDate ?? row.deadline.end;
}

export function signalOf(
  row: Pick<ActivityRow, "status" | "dueDate" | "deadline">,
  today: IsoDate,
): Signal | null {
  if (row.status === "Выполнено") return "done";
  if (row.status === "Выполнено с нарушением срока") return "done_late";
  if (row.status === "Отменено") return null;
  const end = effectiveDue(row);
  if (!end) return null;
  if (end < today) return "overdue";
  const horizon = addDays(today, DUE_SOON_DAYS);
  if (end <= horizon) return "due_soon";
  // A multiple deadline is due soon when any of its points falls in the window (its end is the last point).
  if (!row.dueDate && row.deadline.type === "multiple") {
    if ((row.deadline.points ?? []).some((p) => p.end >= today && p.end <= horizon)) return "due_soon";
  }
  return null;
}
