/**
 * Russian month names, date arithmetic on ISO strings and small readers of Russian date text.
 * Shared by the deadline reader, period/approval recognition and validation. Pure, no Date timezones:
 * every date is an ISO "YYYY-MM-DD" string or a {year, month, day} triple (month 1-12).
 */
import type { IsoDate, Period } from "./model";

/** Nominative month names, index 0 = January. */
export const MONTHS_NOMINATIVE = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
] as const;

/** Genitive month names ("1 декабря"), index 0 = January. */
export const MONTHS_GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
] as const;

/**
 * Every spelling of a month seen in roadmaps, as a regex source (lower case, ё already folded to е):
 * the noun in any case ("сентябрь", "сентября", "сентябре", "сентябрем") and the usual abbreviations
 * ("янв.", "февр", "сент.", "сентяб.", "нояб", "дек"). Nothing may follow but a non-letter, so adjectives
 * ("августовское совещание"), "декада" or "маршрут" are not months.
 */
export const MONTH_PATTERN =
  "(?:(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ем)?|(?:март|август)(?:а|е|у|ом)?|ма(?:й|я|е|ю|ем))(?![а-я])" +
  "|(?:янв|фев|февр|мар|апр|авг|сен|сент|сентяб|окт|октяб|ноя|нояб|дек|декаб)(?![а-я])\\.?)";

const MONTH_PREFIXES: ReadonlyArray<[string, number]> = [
  ["янв", 1],
  ["фев", 2],
  ["мар", 3],
  ["апр", 4],
  ["ма", 5],
  ["июн", 6],
  ["июл", 7],
  ["авг", 8],
  ["сен", 9],
  ["окт", 10],
  ["ноя", 11],
  ["дек", 12],
];

/** A month word (any form matched by MONTH_PATTERN) → 1..12, or null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/ё/g, "е").replace(/\.$/, "");
  for (const [prefix, n] of MONTH_PREFIXES) if (w.startsWith(prefix)) return n;
  return null;
}

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

/**
 * Text as readers see it: lower case, ё → е, html tags and entities gone, every dash and odd space
 * made plain, spaces collapsed. Line breaks become spaces.
 */
export function normalizeRuText(raw: string): string {
  let text = raw;
  if (text.includes("<")) text = text.replace(/<[^>]*>/g, " ");
  if (text.includes("&")) text = text.replace(/&nbsp;|&#160;/gi, " ").replace(/&[a-z]+;|&#\d+;/gi, " ");
  text = text.toLowerCase();
  // Fast path: plain Cyrillic, digits, ASCII punctuation and single spaces need nothing more.
  if (/[^ -~а-я]/.test(text)) {
    text = text
      .replace(/ё/g, "е")
      .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "-")
      .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF\t\r\n\v\f]/g, " ")
      .replace(/\u0456/g, "i")
      .replace(/\s+/g, " ");
  }
  if (/\s\s|^\s|\s$/.test(text)) text = text.replace(/\s+/g, " ").trim();
  return /[a-z]/.test(text) ? text.replace(/[a-zа-я]+/g, foldHomoglyphs) : text;
}

// Latin letters typed inside a Cyrillic word ("Ceнтябрь" with a Latin C) read as their Cyrillic twins.
const HOMOGLYPHS: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
  m: "м",
  t: "т",
  h: "н",
  b: "в",
};

function foldHomoglyphs(word: string): string {
  if (!/[а-я]/.test(word) || !/[a-z]/.test(word)) return word;
  return word.replace(/[acepoxykmthb]/g, (ch) => HOMOGLYPHS[ch]);
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
