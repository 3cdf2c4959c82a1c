/**
 * The scanner of a «Сроки» cell: finds every date-like piece ("атом") of the normalised text —
 * a day, a month, a calendar quarter or half-year, a part of a month, the end of a year, a bare
 * year, a school year — with its position, so the reader can look at the words between them.
 */
import { MONTH_PATTERN, monthNumber } from "../ru";
import { expandYear, isValidYmd } from "../russian-dates";

export type Atom =
  | PointAtom
  | { kind: "year"; from: number; to: number; year: number }
  | { kind: "yearSpan"; from: number; to: number; first: number; last: number; school: boolean };

/** Something that is (part of) a control point: it has a window once its year is known. */
export interface PointAtom {
  kind: "day" | "month" | "quarter" | "half" | "yearEnd";
  from: number;
  to: number;
  /** day: day of month; month: 1..12 (day and month kinds); quarter/half: number. */
  day?: number;
  month?: number;
  part?: number;
  /**
   * Part of a month, days [from, to] ("начало/конец сентября", декады, недели): to 31 means the month's
   * end, a negative from counts back from it ("последняя неделя" = [-7, 31]).
   */
  days?: [number, number];
  /** yearEnd: "конца учебного года" (school) or of a calendar year. */
  school?: boolean;
  year: number | null;
  yearExplicit: boolean;
  /** How this atom joins the next one when the scanner saw both in one pattern ("1-15 сентября"). */
  joinNext?: "range" | "list";
}

export function isPoint(a: Atom): a is PointAtom {
  return a.kind !== "year" && a.kind !== "yearSpan";
}

const M = MONTH_PATTERN;
const YEAR4 = "((?:19|20)\\d{2})(?!\\d)";
// A year after a month or a quarter, unless it opens a span ("1 полугодие 2023-2024 уч.г.").
const OWN_YEAR = "((?:19|20)\\d{2})(?!\\d|\\s*[-/]\\s*\\d)";
const ROMAN4 = "(iv|i{1,3}|[1-4])";
const ROMAN2 = "(ii|i|[12])";

// Sticky patterns, tried in order at every word start. Each returns atoms or null (no match).
type Rule = {
  /** Which characters the pattern can start at; absent = both. */
  at?: "digit" | "letter";
  re: RegExp;
  make: (m: RegExpExecArray, at: number) => PointAtom[] | Atom[] | null;
};

function point(
  kind: PointAtom["kind"],
  from: number,
  to: number,
  fields: Partial<PointAtom>,
  year: number | null,
): PointAtom {
  return { kind, from, to, ...fields, year, yearExplicit: year !== null };
}

const ORDINALS: Record<string, number> = { перв: 1, втор: 2, трет: 3, четверт: 4 };

function roman(s: string): number {
  const map: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  return map[s] ?? Number(s);
}

function monthPart(word: string): [number, number] | null {
  if (/недел/.test(word)) {
    // "2-я неделя сентября": days 8–14; "последняя неделя": the last seven days.
    if (/^последн/.test(word)) return [-7, 31];
    const n = /^\d/.test(word)
      ? Number(word[0])
      : ORDINALS[word.slice(0, word.startsWith("четверт") ? 7 : 4)];
    return n >= 1 && n <= 5 ? [(n - 1) * 7 + 1, Math.min(n * 7, 31)] : null;
  }
  if (/декад/.test(word) && /^i/.test(word)) {
    const n = /^iii/.test(word) ? 3 : /^ii/.test(word) ? 2 : 1;
    return [(n - 1) * 10 + 1, n === 3 ? 31 : n * 10];
  }
  if (/^начал/.test(word) || /^(1|перв)/.test(word)) return [1, 10];
  if (/^середин/.test(word) || /^(2|втор)/.test(word)) return [11, 20];
  if (/^кон/.test(word) || /^(3|трет)/.test(word)) return [21, 31];
  return null;
}

const RULES: Rule[] = [
  // 2023-09-15
  {
    at: "digit",
    re: /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y,
    make: (m, at) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isValidYmd(y, mo, d) ? [point("day", at, at + m[0].length, { day: d, month: mo }, y)] : null;
    },
  },
  // 20-10-2025: a full date with hyphens
  {
    at: "digit",
    re: /(\d{1,2})-(\d{1,2})-((?:19|20)\d{2})(?![\d.])/y,
    make: (m, at) => {
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isValidYmd(y, mo, d) ? [point("day", at, at + m[0].length, { day: d, month: mo }, y)] : null;
    },
  },
  // 25/26 уч. год: a school year with two-digit years
  {
    at: "digit",
    re: /(\d{2})\s*[-/]\s*(\d{2})(?=\s*уч)/y,
    make: (m, at) => {
      const first = 2000 + Number(m[1]);
      const last = 2000 + Number(m[2]);
      if (last !== first + 1) return null;
      return [{ kind: "yearSpan", from: at, to: at + m[0].length, first, last, school: true }];
    },
  },
  // 2023-2024 уч. год, 2023/24, 2023-2025 гг.
  {
    at: "digit",
    re: /((?:19|20)\d{2})\s*[-/]\s*((?:19|20)\d{2}|\d{2})(?![\d.])(\s*(?:уч[а-я]*\.?|гг\.?|годы|годах|годов))?/y,
    make: (m, at) => {
      const first = Number(m[1]);
      let last = Number(m[2]);
      if (last < 100) last = Math.floor(first / 100) * 100 + last;
      if (last <= first || last - first > 10) return null;
      const suffix = (m[3] ?? "").trim();
      const school = suffix.startsWith("уч") || (last === first + 1 && suffix === "");
      return [{ kind: "yearSpan", from: at, to: at + m[0].length, first, last, school }];
    },
  },
  // 1-15 сентября, с 1 по 15 сентября 2023, 1, 15 сентября
  {
    at: "digit",
    re: new RegExp(
      `(\\d{1,2})\\s*(-|по|и|,)\\s*(\\d{1,2})(?:-?(?:го|е|ое|му))?\\s*(${M})(?:\\s*${OWN_YEAR})?`,
      "y",
    ),
    make: (m, at) => {
      const month = monthNumber(m[4]);
      const year = m[5] ? Number(m[5]) : null;
      const d1 = Number(m[1]);
      const d2 = Number(m[3]);
      if (!month || !isValidYmd(year ?? 2000, month, d1) || !isValidYmd(year ?? 2000, month, d2)) return null;
      const mid = at + m[0].indexOf(m[2], String(m[1]).length);
      const join = m[2] === "-" || m[2] === "по" ? "range" : "list";
      return [
        { ...point("day", at, mid, { day: d1, month }, year), joinNext: join },
        point("day", mid + m[2].length, at + m[0].length, { day: d2, month }, year),
      ];
    },
  },
  // 01-15.09.2023: days 1 to 15 of one month
  {
    at: "digit",
    re: /(\d{1,2})\s*-\s*(\d{1,2})\.(\d{1,2})(?:\.(\d{4})(?!\d)|\.(\d{2})(?!\d|\.\d)|\.(?!\d))?/y,
    make: (m, at) => {
      const [d1, d2, mo] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const yText = m[4] ?? m[5];
      const year = yText ? expandYear(Number(yText)) : null;
      if (!isValidYmd(year ?? 2000, mo, d1) || !isValidYmd(year ?? 2000, mo, d2) || d1 >= d2) return null;
      const mid = at + m[0].indexOf("-");
      return [
        { ...point("day", at, mid, { day: d1, month: mo }, year), joinNext: "range" },
        point("day", mid + 1, at + m[0].length, { day: d2, month: mo }, year),
      ];
    },
  },
  // 09.2023: a month written as digits
  {
    at: "digit",
    re: /(\d{1,2})\s?[./]\s?((?:19|20)\d{2})(?![\d.]\d)/y,
    make: (m, at) => {
      const month = Number(m[1]);
      if (month < 1 || month > 12) return null;
      return [point("month", at, at + m[0].length, { month }, Number(m[2]))];
    },
  },
  // 15.09.2023, 15.09.23, 15.09., 15.09, 15/09/2023, "15.09. 2023" — never the day and month of "19.09.10113"
  // (a serial past 9999) or "01.03.202" (a cut year): a year of another length makes no date.
  {
    at: "digit",
    re: /(\d{1,2})\s?[./]\s?(\d{1,2})(?:\.(\d{4})(?!\d)|\.(\d{2})(?!\d|\.\d)|\/(\d{4}|\d{2})(?!\d)|\.\s((?:19|20)\d{2})(?!\d)|\.(?!\d))?(?!\.\d)/y,
    make: (m, at) => {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      const yText = m[3] ?? m[4] ?? m[5] ?? m[6];
      const year = yText ? expandYear(Number(yText)) : null;
      if (!isValidYmd(year ?? 2000, mo, d)) return null;
      return [point("day", at, at + m[0].length, { day: d, month: mo }, year)];
    },
  },
  // 15 сентября 2023, 1-го декабря
  {
    at: "digit",
    re: new RegExp(
      `(\\d{1,2})(?:-?(?:го|е|ое|му))?\\s*(${M})(?:\\s*${OWN_YEAR}|\\s*'?(\\d{2})(?=\\s*г(?![а-я])))?`,
      "y",
    ),
    make: (m, at) => {
      const month = monthNumber(m[2]);
      const year = m[3] ? Number(m[3]) : m[4] ? expandYear(Number(m[4])) : null;
      const d = Number(m[1]);
      if (!month) return null;
      // "31 июня", "до 30 февраля": a day that does not exist. Consume it, so the month alone is not
      // read as the deadline (a wrong date is worse than none).
      if (!isValidYmd(year ?? 2000, month, d)) return [];
      return [point("day", at, at + m[0].length, { day: d, month }, year)];
    },
  },
  // II квартал 2024, 1 кв., I-II квартал, 2-й квартал
  {
    re: new RegExp(
      `(?:${ROMAN4}\\s*(-|и|,)\\s*)?${ROMAN4}\\s*-?\\s*(?:[а-я]{1,2}\\s*)?(?:квартал[а-я]*|кв(?![а-я])\\.?)(?:\\s*${OWN_YEAR})?`,
      "y",
    ),
    make: (m, at) => quarterAtoms("quarter", m[1], m[2], m[3], m[4], at, m[0].length),
  },
  // I полугодие, 2 полугодие 2023
  {
    re: new RegExp(
      `(?:${ROMAN2}\\s*(-|и|,)\\s*)?${ROMAN2}\\s*-?\\s*(?:[а-я]{1,2}\\s*)?полугод[а-я]*(?:\\s*${OWN_YEAR})?`,
      "y",
    ),
    make: (m, at) => quarterAtoms("half", m[1], m[2], m[3], m[4], at, m[0].length),
  },
  // первый квартал, второе полугодие 2023
  {
    at: "letter",
    re: new RegExp(`(перв|втор|трет|четверт)[а-я]*\\s+(квартал|полугод)[а-я]*(?:\\s*${OWN_YEAR})?`, "y"),
    make: (m, at) => {
      const n = ORDINALS[m[1]];
      const kind = m[2] === "квартал" ? "quarter" : "half";
      if (kind === "half" && n > 2) return null;
      return [point(kind, at, at + m[0].length, { part: n }, m[3] ? Number(m[3]) : null)];
    },
  },
  // 1-2 неделя сентября, 2-3 декада мая: several weeks or decades of one month, as one window
  {
    at: "digit",
    re: new RegExp(
      `([1-5])\\s*[-и,]\\s*([1-5])\\s*-?\\s*[а-я]{0,2}\\s*(недел|декад)[а-я]*\\s+(${M})(?:\\s*${OWN_YEAR})?`,
      "y",
    ),
    make: (m, at) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      const month = monthNumber(m[4]);
      const size = m[3] === "недел" ? 7 : 10;
      if (!month || a >= b || (size === 10 && b > 3)) return null;
      const last = size === 10 && b === 3 ? 31 : Math.min(b * size, 31);
      const days: [number, number] = [(a - 1) * size + 1, last];
      return [point("month", at, at + m[0].length, { month, days }, m[5] ? Number(m[5]) : null)];
    },
  },
  // начало сентября, конец мая 2024, 1 декада октября, вторая декада ноября
  {
    re: new RegExp(
      `(начал[оаеу]|середин[аеуы]|конец|конц[аеу]|(?:[123]|i{1,3}(?![а-я])|перв|втор|трет)[а-я]*\\s*-?\\s*[а-я]{0,2}\\s*декад[а-я]*|(?:[1-5]|перв|втор|трет|четверт|последн)[а-я]*\\s*-?\\s*[а-я]{0,2}\\s*недел[а-я]*)\\s+(${M})(?:\\s*${OWN_YEAR})?`,
      "y",
    ),
    make: (m, at) => {
      const month = monthNumber(m[2]);
      const days = monthPart(m[1]);
      if (!month || !days) return null;
      return [point("month", at, at + m[0].length, { month, days }, m[3] ? Number(m[3]) : null)];
    },
  },
  // (до) конца учебного года, конца 2023 года
  {
    at: "letter",
    re: /(?:конц[аеу]|конец|окончани[яе]|завершени[яе])\s+(?:(учебного|уч\.?|календарного|текущего|отчетного)\s*)?(?:((?:19|20)\d{2})\s*(?:[-/]\s*((?:19|20)?\d{2})\s*)?)?(?:(уч[а-я]*\.?)\s*)?(?:года|год|г\.?)(?![а-я])/y,
    make: (m, at) => {
      const school = (m[1] ?? "").startsWith("уч") || m[3] !== undefined || m[4] !== undefined;
      // A school year is named by the year it ends in: "до конца 2023-2024 уч. года" → 31.08.2024.
      const year = m[3]
        ? Math.floor(Number(m[2]) / 100) * 100 + (Number(m[3]) % 100)
        : m[2]
          ? Number(m[2])
          : null;
      return [point("yearEnd", at, at + m[0].length, { school }, year)];
    },
  },
  // лето 2024, в летний период, осенью: the season's months (winter: December to February)
  {
    at: "letter",
    re: new RegExp(
      `(лет[оа]|летом|летн[а-я]*|осен[ьи]|осенью|осенн[а-я]*|зим[аеуы]|зимой|зимн[а-я]*|весн[аеуы]|весной|весенн[а-я]*)(?![а-я])(?!\\s+каникул)(?:\\s+период[а-я]*)?(?:\\s*${OWN_YEAR})?`,
      "y",
    ),
    make: (m, at) => {
      const first = { л: 6, о: 9, з: 12, в: 3 }[m[1][0]] ?? 6;
      const last = first === 12 ? 2 : first + 2;
      const year = m[2] ? Number(m[2]) : null;
      const mid = at + m[1].length;
      return [
        // A winter's year is the year it ends in: its December belongs to the year before.
        { ...point("month", at, mid, { month: first }, first === 12 ? null : year), joinNext: "range" },
        point("month", mid, at + m[0].length, { month: last }, year),
      ];
    },
  },
  // Сентябрь 2024, сент. 23 г., декабрь
  {
    at: "letter",
    re: new RegExp(`(${M})(?:\\s*${OWN_YEAR}|\\s*'?(\\d{2})(?=\\s*г(?![а-я])))?`, "y"),
    make: (m, at) => {
      const month = monthNumber(m[1]);
      if (!month) return null;
      const year = m[2] ? Number(m[2]) : m[3] ? expandYear(Number(m[3])) : null;
      return [point("month", at, at + m[0].length, { month }, year)];
    },
  },
  // 2023 (a bare year; it gives its year to the dates before it or stands for the whole year)
  {
    at: "digit",
    re: new RegExp(YEAR4, "y"),
    make: (m, at) => [{ kind: "year", from: at, to: at + m[0].length, year: Number(m[1]) }],
  },
];

function quarterAtoms(
  kind: "quarter" | "half",
  firstText: string | undefined,
  joiner: string | undefined,
  lastText: string,
  yearText: string | undefined,
  at: number,
  length: number,
): PointAtom[] | null {
  const max = kind === "quarter" ? 4 : 2;
  const last = roman(lastText);
  const year = yearText ? Number(yearText) : null;
  if (!(last >= 1 && last <= max)) return null;
  const end = point(kind, at, at + length, { part: last }, year);
  if (firstText === undefined) return [end];
  const first = roman(firstText);
  if (!(first >= 1 && first <= max)) return null;
  const mid = at + 1;
  return [
    { ...point(kind, at, mid, { part: first }, year), joinNext: joiner === "-" ? "range" : "list" },
    { ...end, from: mid },
  ];
}

const WORD_CHAR = /[0-9a-zа-я]/;
const START_CHAR = /[0-9a-zа-я]/;
const DIGIT = /\d/;
// A rule is worth trying at a digit or at a letter, by what its pattern can start with.
const DIGIT_RULES = RULES.filter((r) => r.at !== "letter");
const LETTER_RULES = RULES.filter((r) => r.at !== "digit");

const REFERENCE_BEFORE =
  /(?:^|[^а-я])(?:пп?\.|пункт[а-я]*|раздел[а-я]*|подраздел[а-я]*|стр\.|прил\.|приложени[а-я]*|таблиц[а-я]*|№)\s*$/;

/** Every atom of a normalised text, in order. */
export function scanAtoms(text: string): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (!START_CHAR.test(ch) || (i > 0 && WORD_CHAR.test(text[i - 1]))) {
      i++;
      continue;
    }
    let matched = false;
    // "см. п. 1.2", "приложение 3": a reference number, not a date.
    const reference = DIGIT.test(ch) && REFERENCE_BEFORE.test(text.slice(Math.max(0, i - 14), i));
    for (const rule of reference ? [] : DIGIT.test(ch) ? DIGIT_RULES : LETTER_RULES) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (!m) continue;
      const made = rule.make(m, i);
      if (!made) continue;
      atoms.push(...made);
      i += m[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      // Skip the rest of this word, or of this dotted number: "31.02.2023" must not become "02.2023".
      const skip = /\d/.test(ch) ? /[\d./]/ : WORD_CHAR;
      i++;
      while (i < text.length && skip.test(text[i])) i++;
    }
  }
  return atoms;
}
