/**
 * Calendar quarters («2024-Q1») and the contract's rule of which activities are due in one
 * (../shared/contract.md, `report`): an activity is due when its window [start or end, end] meets the
 * quarter — for a `multiple` deadline, the window of one of its points — or when it is `recurring` or
 * `whole_period` and the roadmap's period meets the quarter. Used by the report, the monitoring workbook
 * and the forms, so all three list the same activities.
 */
import type { Deadline, IsoDate, Period } from "./model";
import { quarterBounds } from "./russian-dates";

export interface QuarterRef {
  /** "2024-Q1" */
  id: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  start: IsoDate;
  end: IsoDate;
}

/** «2024-Q1» (also «2024-q1», «2024 Q1») → its bounds; null when malformed. */
export function parseQuarter(text: string): QuarterRef | null {
  const m = /^\s*(\d{4})\s*-?\s*[QqКк]([1-4])\s*$/u.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]) as 1 | 2 | 3 | 4;
  if (year < 1990 || year > 2100) return null;
  const { start, end } = quarterBounds(year, quarter);
  return { id: `${year}-Q${quarter}`, year, quarter, start, end };
}

/** Two closed ISO intervals meet (share at least one day). */
export function meets(aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

/**
 * Is an activity with this deadline due in the quarter? `period` is the roadmap's (for recurring and
 * whole-period deadlines); `dueDate` the user's «Контрольный срок», which wins over the deadline's end.
 */
export function isDueInQuarter(
  deadline: Deadline,
  q: Pick<QuarterRef, "start" | "end">,
  period: Period | null,
  dueDate: IsoDate | null = null,
): boolean {
  if (deadline.type === "recurring" || deadline.type === "whole_period") {
    const from = period?.start ?? deadline.start;
    const to = period?.end ?? deadline.end;
    return !!from && !!to && meets(from, to, q.start, q.end);
  }
  if (deadline.type === "multiple" && deadline.points?.length && !dueDate) {
    return deadline.points.some((p) => meets(p.start ?? p.end, p.end, q.start, q.end));
  }
  const end = dueDate ?? deadline.end;
  if (!end) return false;
  const start = dueDate ? dueDate : (deadline.start ?? end);
  return meets(start <= end ? start : end, end, q.start, q.end);
}

/** Does the quarter meet the roadmap's period at all (a report or form for a quarter outside it is refused)? */
export function quarterMeetsPeriod(q: Pick<QuarterRef, "start" | "end">, period: Period | null): boolean {
  return !period || meets(period.start, period.end, q.start, q.end);
}
