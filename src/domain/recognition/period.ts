/**
 * The roadmap's period and approval date, read from the text above the table.
 *
 * A school year runs from 1 September to 31 August of the next year (the same bounds the deadline reader uses:
 * summer deadlines such as «июнь» or «август» still fall inside «2023-2024 учебный год»).
 */
import type { IsoDate, Period } from "../model";
import {
  calendarYearBounds,
  halfYearBounds,
  isValidYmd,
  parseRuDate,
  quarterBounds,
  schoolYearBounds,
  toIso,
} from "../russian-dates";
import { genitiveMonth, normalizeRuText } from "../ru";

const YEAR = "(20\\d\\d)";
const DASH = "\\s*[-–—/]\\s*";

function iso(y: number, m: number, d: number): IsoDate | null {
  return isValidYmd(y, m, d) ? toIso(y, m, d) : null;
}

function fullYear(y: number, twoDigitsOf?: number): number {
  if (y >= 100) return y;
  const century = twoDigitsOf ? Math.floor(twoDigitsOf / 100) * 100 : 2000;
  return century + y;
}

const ORDINAL: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  перв: 1,
  втор: 2,
  трет: 3,
  четверт: 4,
};

function ordinal(word: string): number | null {
  const w = word.replace(/-?(е|й|ое|ый|ий)$/, "");
  for (const [k, v] of Object.entries(ORDINAL)) if (w === k || (k.length > 2 && w.startsWith(k))) return v;
  return null;
}

/**
 * «на I полугодие 2025 года», «на 2 полугодие 2025-2026 учебного года», «на III квартал 2025 г.» → the half or
 * the quarter. A school year's first half is September – December, its second January – August (the school
 * year's own end).
 */
function partOfYear(t: string): Period | null {
  const m = new RegExp(
    `(^|[^а-яa-z\\d])(iv|i{1,3}|[1-4]|перв\\S*|втор\\S*|трет\\S*|четверт\\S*)(-?[а-я]{1,2})?\\s+(полугоди|квартал)\\S*\\s+${YEAR}(${DASH}(\\d{2}|20\\d\\d)\\s*(г\\.?\\s*)?(уч(?![а-я])|учебн))?`,
  ).exec(t);
  if (!m) return null;
  const n = ordinal(m[2]);
  const y = Number(m[5]);
  if (!n) return null;
  if (m[4] === "полугоди") {
    if (n > 2) return null;
    if (m[6] && fullYear(Number(m[7]), y) === y + 1) {
      const sy = schoolYearBounds(y);
      return n === 1 ? { start: sy.start, end: `${y}-12-31` } : { start: `${y + 1}-01-01`, end: sy.end };
    }
    return halfYearBounds(y, n);
  }
  return m[6] ? null : quarterBounds(y, n);
}

/**
 * «в 2023 году», «на 2022 год» → that calendar year; «в 2023-2024 уч. году», «на 2024 -2025 учебный год»,
 * «2023/2024 учебный год» → the school year; «на 2022 – 2024 годы» → the calendar years; null when none.
 */
export function readPeriod(text: string): Period | null {
  const t = normalizeRuText(text);
  const part = partOfYear(t);
  if (part) return part;
  // School year: two consecutive years followed (or preceded) by «уч.»/«учебный».
  const sy = new RegExp(`${YEAR}${DASH}(\\d{2}|20\\d\\d)\\s*(г\\.?\\s*|гг\\.?\\s*)?(уч(?![а-я])|учебн)`).exec(
    t,
  );
  if (sy) {
    const y1 = Number(sy[1]);
    const y2 = fullYear(Number(sy[2]), y1);
    if (y2 === y1 + 1) return schoolYearBounds(y1);
  }
  const sy2 = new RegExp(`учебн\\S* год\\S*\\s*${YEAR}${DASH}(\\d{2}|20\\d\\d)`).exec(t);
  if (sy2) {
    const y1 = Number(sy2[1]);
    if (fullYear(Number(sy2[2]), y1) === y1 + 1) return schoolYearBounds(y1);
  }
  // «на 2025 год и плановый период 2026 и 2027 годов»: the budget wording, the years through the last one.
  const planned = new RegExp(
    `${YEAR}\\s*год\\S*\\s+и\\s+(на\\s+)?планов\\S*\\s+период\\S*\\s+${YEAR}(\\s*(и|-|–|—)\\s*${YEAR})?`,
  ).exec(t);
  if (planned) {
    const y1 = Number(planned[1]);
    const y2 = Number(planned[6] ?? planned[3]);
    if (y2 > y1 && y2 - y1 <= 10)
      return { start: calendarYearBounds(y1).start, end: calendarYearBounds(y2).end };
  }
  // Several calendar years: «на 2022 – 2024 годы», «2023-2024 гг.».
  const range = new RegExp(`${YEAR}${DASH}${YEAR}\\s*(годы|годах|годов|гг|г\\.|год)`).exec(t);
  if (range) {
    const y1 = Number(range[1]);
    const y2 = Number(range[2]);
    // «2025/2026 год» with a slash is a school year written short.
    if (y2 === y1 + 1 && /\//.test(range[0])) return schoolYearBounds(y1);
    if (y2 > y1 && y2 - y1 <= 10)
      return { start: calendarYearBounds(y1).start, end: calendarYearBounds(y2).end };
  }
  // One calendar year, with a preposition first («в 2023 году», «на 2022 год»), then any «2023 год».
  const single =
    new RegExp(`(^|[^\\dа-я])(в|на)\\s+${YEAR}\\s*(год|г\\.|г(?![а-я])|гг)`).exec(t) ??
    new RegExp(`(^|[^\\d])()${YEAR}\\s*(год|г\\.)`).exec(t);
  if (single) {
    return calendarYearBounds(Number(single[3]));
  }
  return null;
}

/**
 * The date of an order: «от 30.03.2023», «от « 30 » 03 2023г.», ««24» 10 2024г.», «от 19.10.2023 года № 356»,
 * «от 30 марта 2023 г.» → ISO; null when the text holds no such date.
 */
export function readApprovalDate(text: string): IsoDate | null {
  const t = normalizeRuText(text);
  const numeric = /(?:^|[^а-я])от\s*(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{2,4})/.exec(t);
  if (numeric) return iso(fullYear(Number(numeric[3])), Number(numeric[2]), Number(numeric[1]));
  const quoted = /[«"“„']\s*(\d{1,2})\s*[»"”“']\s*(\d{1,2}|[а-я]+)\s*[.]?\s*(\d{4})/.exec(t);
  if (quoted) {
    const m = /^\d+$/.test(quoted[2]) ? Number(quoted[2]) : genitiveMonth(quoted[2]);
    if (m) return iso(Number(quoted[3]), m, Number(quoted[1]));
  }
  const worded = /(?:^|[^а-я])от\s*(\d{1,2})\s+([а-я]+)\s+(\d{4})/.exec(t);
  const wordedMonth = worded ? genitiveMonth(worded[2]) : null;
  if (worded && wordedMonth) return iso(Number(worded[3]), wordedMonth, Number(worded[1]));
  return null;
}

const HEADING =
  /^[«"“]?((муниципальн|региональн|школьн|сетев|комплексн|примерн|единый|межмуниципальн|институциональн|антирисков|среднесрочн|индивидуальн|календарн)\S*\s+)?[«"“(]?(дорожн\S* карт|план(?![а-я])|план-график|планы|комплекс\S* мер|перечень мероприятий|мероприяти|программ)/i;

/** A short line that opens a roadmap's heading («ДОРОЖНАЯ КАРТА», «План мероприятий («дорожная карта») …»). */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 250 && HEADING.test(t);
}

const REFERENCE =
  /^(\d+(\.\d+)*\.?\s+)?(в соответствии|на основании|во исполнение|согласно|в целях|в рамках|руководствуясь|в связи)/;

/** «В соответствии с приказом … от 12.03.2024», «На основании …»: a line citing another act, not this plan's approval. */
export function citesAnotherAct(line: string): boolean {
  return REFERENCE.test(line.trim().toLowerCase());
}

/** Approval lines: «от 30.03.2023», «УТВЕРЖДЕНА приказом … от …», ««24» 10 2024г.». */
export function approvalFromLine(line: string): IsoDate | null {
  const t = line.trim();
  if (!t || t.length > 250) return null;
  const lower = t.toLowerCase();
  // «В соответствии с приказом министерства от 12.03.2024 …» cites another act, not this plan's approval.
  if (REFERENCE.test(lower)) return null;
  // The order's own date on a line of its own: «15.08.2025 № 312», «15.08.2025 г.».
  const own = /^(\d{1,2}\.\d{1,2}\.\d{4})\s*(г\.?|года?)?\s*(№.*)?$/.exec(lower);
  if (own) return parseRuDate(own[1]);
  const opensWithDate = /^(от(?![а-я])|[«"“„']\s*\d)/.test(lower);
  const approvalWords = /утвержд|приказ|распоряж|постановл|решени|приложени|№/.test(lower);
  if (!opensWithDate && !approvalWords) return null;
  return readApprovalDate(t);
}
