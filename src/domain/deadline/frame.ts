/**
 * Year inference: when a «Сроки» cell has no year, the year comes from a frame — the school or
 * calendar year the roadmap covers (from the text itself, the period, or the approval date).
 */
import type { IsoDate, Period } from "../model";
import {
  calendarYearBounds,
  fromIso,
  isoToDayNumber,
  overlapDays,
  schoolYearBounds,
  toIso,
} from "../russian-dates";

export interface Frame extends Period {
  /** A school year (Sep – May/Jun/Aug): months Aug–Dec fall in its first year, Jan–Jul in the second. */
  school: boolean;
}

/** A period that starts in Jul–Sep and ends in May–Aug of the next year is a school year. */
export function isSchoolYearPeriod(period: Period): boolean {
  const s = fromIso(period.start);
  const e = fromIso(period.end);
  return s.month >= 7 && s.month <= 9 && e.year === s.year + 1 && e.month >= 5 && e.month <= 8;
}

// A table's period object is shared by all its rows: build its frame once.
const FRAMES = new WeakMap<Period, Frame>();

export function frameOfPeriod(period: Period): Frame {
  let frame = FRAMES.get(period);
  if (!frame || frame.start !== period.start || frame.end !== period.end) {
    frame = { start: period.start, end: period.end, school: isSchoolYearPeriod(period) };
    FRAMES.set(period, frame);
  }
  return frame;
}

/**
 * Without a period, the approval date decides: a roadmap approved June–December plans the school
 * year that starts that autumn; one approved January–May plans its calendar year.
 */
export function frameOfApproval(approved: IsoDate): Frame {
  const { year, month } = fromIso(approved);
  return month >= 6
    ? { ...schoolYearBounds(year), school: true }
    : { ...calendarYearBounds(year), school: false };
}

/** The year of a window that starts in `startMonth`, given by `windowOf(year)`. */
export function inferYear(
  startMonth: number,
  windowOf: (year: number) => Period,
  frame: Frame,
  approved: IsoDate | null,
): number {
  const first = fromIso(frame.start).year;
  const last = fromIso(frame.end).year;
  if (frame.school) return startMonth >= 8 ? first : first + 1;
  if (first === last) return first;
  // A span of several years: the year whose window lies most inside the frame; among equals the
  // first one not over before the approval date.
  let best = first;
  let bestScore = -Infinity;
  for (let y = first - 1; y <= last + 1; y++) {
    const w = windowOf(y);
    const overlap = overlapDays(w.start, w.end, frame.start, frame.end);
    const distance =
      overlap > 0
        ? 0
        : Math.min(
            Math.abs(isoToDayNumber(w.end) - isoToDayNumber(frame.start)),
            Math.abs(isoToDayNumber(w.start) - isoToDayNumber(frame.end)),
          );
    const afterApproval = approved !== null && w.end >= approved ? 1 : 0;
    const score = overlap * 10 + afterApproval * 5 - distance;
    if (score > bestScore) {
      bestScore = score;
      best = y;
    }
  }
  return best;
}

/** The end of the school year (or calendar year) the frame points at: "до конца учебного года". */
export function yearEndOf(frame: Frame, school: boolean): IsoDate {
  const first = fromIso(frame.start).year;
  const last = fromIso(frame.end).year;
  if (school) return frame.school ? frame.end : schoolYearBounds(last - 1).end;
  return frame.school ? toIso(first, 12, 31) : toIso(last, 12, 31);
}
