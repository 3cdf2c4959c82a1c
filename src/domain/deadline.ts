// Placeholder until the deadline reader lands: every text is honestly "unparsed".
import type { Deadline, IsoDate, Period } from "./model";

export interface DeadlineContext {
  period: Period | null;
  approved: IsoDate | null;
}

export function readDeadline(raw: string | null | undefined, _ctx: DeadlineContext): Deadline {
  const text = (raw ?? "").trim();
  return { raw: text, type: text ? "unparsed" : "missing", start: null, end: null, recurrence: null };
}
