/**
 * Date arithmetic on ISO strings and small readers of Russian date text (month names and the normaliser are
 * in ./ru).
 * Shared by the deadline reader, period/approval recognition and validation. Pure, no Date timezones:
 * every date is an ISO "YYYY-MM-DD" string or a {year, month, day} triple (month 1-12).
 */
import type { IsoDate, Period } from "./model";
import { normalizeRuText } from "./ru/normalize";
import { MONTH_PATTERN, monthNumber } from "./ru/months";

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1900 &&
    year <= 2199 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function toIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function fromIso(iso: IsoDate): YMD {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

export function monthStart(year: number, month: number): IsoDate {
  return toIso(year, month, 1);
}

export function monthEnd(year: number, month: number): IsoDate {
  return toIso(year, month, daysInMonth(year, month));
}

/** Days since 1970-01-01 (UTC arithmetic, no timezone involved). */
export function isoToDayNumber(iso: IsoDate): number {
  const { year, month, day } = fromIso(iso);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function dayNumberToIso(n: number): IsoDate {
  const d = new Date(n * 86_400_000);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return dayNumberToIso(isoToDayNumber(iso) + days);
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Days two closed windows share (0 when they do not meet). */
export function overlapDays(aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): number {
  const s = maxIso(aStart, bStart);
  const e = minIso(aEnd, bEnd);
  return s > e ? 0 : isoToDayNumber(e) - isoToDayNumber(s) + 1;
}

/** "2023-09-15" → "15.09.2023", the way Russian users write dates. */
export function formatRuDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export function calendarYearBounds(year: number): Period {
  return { start: toIso(year, 1, 1), end: toIso(year, 12, 31) };
}

/**
 * The school year that starts in September of `firstYear`. We take it as 1 September – 31 August:
 * the legal year of a school, and roadmaps "на 2023-2024 учебный год" plan the summer too (ГИА
 * analysis in June, the August conference). Used wherever a school year has to be turned into dates.
 */
export function schoolYearBounds(firstYear: number): Period {
  return { start: toIso(firstYear, 9, 1), end: toIso(firstYear + 1, 8, 31) };
}

/** Calendar quarter 1..4 of `year`. */
export function quarterBounds(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return { start: monthStart(year, first), end: monthEnd(year, first + 2) };
}

/** Calendar half-year 1..2 of `year`. */
export function halfYearBounds(year: number, half: number): Period {
  return half === 1
    ? { start: monthStart(year, 1), end: monthEnd(year, 6) }
    : { start: monthStart(year, 7), end: monthEnd(year, 12) };
}

/** A two-digit year ("23") → 2023; four digits pass through. */
export function expandYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

/**
 * Excel's date serial (1900 system, with its phantom 29.02.1900) → ISO. Only serials between
 * 1990-01-01 (32874) and 2099-12-31 (73415) are taken as dates: a roadmap deadline outside that
 * range is not a date that lost its format but some other number.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 32874 || whole > 73415) return null;
  // Serial 25569 is 1970-01-01.
  return dayNumberToIso(whole - 25569);
}

const NUMERIC_DATE = /^(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4}|\d{2})\s*(?:г\.?|года?)?\.?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WORD_DATE = new RegExp(`^(\\d{1,2})\\s*(${MONTH_PATTERN})\\s*(\\d{4})\\s*(?:г\\.?|года?)?\\.?$`);

/**
 * One full date written in Russian: "15.09.2023", "15.09.23", "2023-09-15", "15 сентября 2023 г.",
 * "от 30.03.2023". Null when the text is not exactly one valid date.
 */
export function parseRuDate(text: string): IsoDate | null {
  const t = normalizeRuText(text).replace(/^от\s+/, "");
  let m = NUMERIC_DATE.exec(t);
  if (m) {
    const y = expandYear(Number(m[3]));
    return isValidYmd(y, Number(m[2]), Number(m[1])) ? toIso(y, Number(m[2]), Number(m[1])) : null;
  }
  m = ISO_DATE.exec(t);
  if (m) {
    return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))
      ? toIso(Number(m[1]), Number(m[2]), Number(m[3]))
      : null;
  }
  m = WORD_DATE.exec(t);
  if (m) {
    const month = monthNumber(m[2]);
    const y = Number(m[3]);
    return month && isValidYmd(y, month, Number(m[1])) ? toIso(y, month, Number(m[1])) : null;
  }
  return null;
}

/** Today as the user's own calendar has it (local time, not UTC): the «today» of overdue checks. */
export function localIsoDate(d: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
