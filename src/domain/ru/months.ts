/**
 * Russian month names: the one list every reader and writer of dates uses.
 * Matching is done on the reading form (normalize.ts: lower case, ё → е).
 */
import { foldWord } from "./normalize";

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

/** "Сентябрь": a month as a cell shows it (a month-formatted date, a month column's header). */
export function monthTitle(month: number): string {
  const n = MONTHS_NOMINATIVE[month - 1];
  return n[0].toUpperCase() + n.slice(1);
}

/**
 * The stems every form of a month's name starts with ("сентябр" for сентябрь, сентября, сентябре…).
 * «ма» is too short to be a stem; May's forms are май, мая, мае, маю, маем.
 */
export const MONTH_STEMS = [
  "январ",
  "феврал",
  "март",
  "апрел",
  "ма[йяею]",
  "июн",
  "июл",
  "август",
  "сентябр",
  "октябр",
  "ноябр",
  "декабр",
] as const;

/** A regex source matching the start of any month word (not bounded on the right: «сентябрьский» matches). */
export const MONTH_STEM_PATTERN = `(?:${MONTH_STEMS.join("|")})`;

/**
 * Every spelling of a month seen in roadmaps, as a regex source (reading form): the noun in any case
 * ("сентябрь", "сентября", "сентябре", "сентябрем") and the usual abbreviations ("янв.", "февр", "сент.",
 * "сентяб.", "нояб", "дек"). Nothing may follow but a non-letter, so adjectives ("августовское совещание"),
 * "декада" or "маршрут" are not months.
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
  const w = foldWord(word).replace(/\.$/, "");
  for (const [prefix, n] of MONTH_PREFIXES) if (w.startsWith(prefix)) return n;
  return null;
}

/** «сентября» → 9 (only the full genitive; for any form use monthNumber). */
export function genitiveMonth(word: string): number | null {
  const i = (MONTHS_GENITIVE as readonly string[]).indexOf(foldWord(word));
  return i >= 0 ? i + 1 : null;
}

const MONTH_WORD = new RegExp(`^${MONTH_PATTERN}$`);

/** Is the word (reading form) a month's name or its abbreviation — «март», «марта», «сент» — and nothing more? */
export function isMonthWord(folded: string): boolean {
  return MONTH_WORD.test(folded);
}
