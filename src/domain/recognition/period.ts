/**
 * The roadmap's period and approval date, read from the text above the table.
 *
 * A school year runs from 1 September to 31 August of the next year (the same bounds the deadline reader uses:
 * summer deadlines such as «июнь» or «август» still fall inside «2023-2024 учебный год»).
 */
import type { IsoDate, Period } from "../model";

const YEAR = "(20\\d\\d)";
const DASH = "\\s*[-–—/]\\s*";

function iso(y: number, m: number, d: number): IsoDate | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function schoolYear(y1: number): Period {
  return { start: `${y1}-09-01`, end: `${y1 + 1}-08-31` };
}

function fullYear(y: number, twoDigitsOf?: number): number {
  if (y >= 100) return y;
  const century = twoDigitsOf ? Math.floor(twoDigitsOf / 100) * 100 : 2000;
  return century + y;
}

/**
 * «в 2023 году», «на 2022 год» → that calendar year; «в 2023-2024 уч. году», «на 2024 -2025 учебный год»,
 * «2023/2024 учебный год» → the school year; «на 2022 – 2024 годы» → the calendar years; null when none.
 */
export function readPeriod(text: string): Period | null {
  const t = text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  // School year: two consecutive years followed (or preceded) by «уч.»/«учебный».
  const sy = new RegExp(`${YEAR}${DASH}(\\d{2}|20\\d\\d)\\s*(г\\.?\\s*|гг\\.?\\s*)?(уч(?![а-я])|учебн)`).exec(
    t,
  );
  if (sy) {
    const y1 = Number(sy[1]);
    const y2 = fullYear(Number(sy[2]), y1);
    if (y2 === y1 + 1) return schoolYear(y1);
  }
  const sy2 = new RegExp(`учебн\\S* год\\S*\\s*${YEAR}${DASH}(\\d{2}|20\\d\\d)`).exec(t);
  if (sy2) {
    const y1 = Number(sy2[1]);
    if (fullYear(Number(sy2[2]), y1) === y1 + 1) return schoolYear(y1);
  }
  // Several calendar years: «на 2022 – 2024 годы», «2023-2024 гг.».
  const range = new RegExp(`${YEAR}${DASH}${YEAR}\\s*(годы|годах|годов|гг|г\\.|год)`).exec(t);
  if (range) {
    const y1 = Number(range[1]);
    const y2 = Number(range[2]);
    if (y2 > y1 && y2 - y1 <= 10) return { start: `${y1}-01-01`, end: `${y2}-12-31` };
  }
  // One calendar year, with a preposition first («в 2023 году», «на 2022 год»), then any «2023 год».
  const single =
    new RegExp(`(^|[^\\dа-я])(в|на)\\s+${YEAR}\\s*(год|г\\.|г(?![а-я])|гг)`).exec(t) ??
    new RegExp(`(^|[^\\d])()${YEAR}\\s*(год|г\\.)`).exec(t);
  if (single) {
    const y = Number(single[3]);
    return { start: `${y}-01-01`, end: `${y}-12-31` };
  }
  return null;
}

const MONTHS_GENITIVE: Record<string, number> = {
  января: 1,
  февраля: 2,
  марта: 3,
  апреля: 4,
  мая: 5,
  июня: 6,
  июля: 7,
  августа: 8,
  сентября: 9,
  октября: 10,
  ноября: 11,
  декабря: 12,
};

/**
 * The date of an order: «от 30.03.2023», «от « 30 » 03 2023г.», ««24» 10 2024г.», «от 19.10.2023 года № 356»,
 * «от 30 марта 2023 г.» → ISO; null when the text holds no such date.
 */
export function readApprovalDate(text: string): IsoDate | null {
  const t = text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  const numeric = /(?:^|[^а-я])от\s*(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{2,4})/.exec(t);
  if (numeric) return iso(fullYear(Number(numeric[3])), Number(numeric[2]), Number(numeric[1]));
  const quoted = /[«"“„']\s*(\d{1,2})\s*[»"”“']\s*(\d{1,2}|[а-я]+)\s*[.]?\s*(\d{4})/.exec(t);
  if (quoted) {
    const m = /^\d+$/.test(quoted[2]) ? Number(quoted[2]) : MONTHS_GENITIVE[quoted[2]];
    if (m) return iso(Number(quoted[3]), m, Number(quoted[1]));
  }
  const worded = /(?:^|[^а-я])от\s*(\d{1,2})\s+([а-я]+)\s+(\d{4})/.exec(t);
  if (worded && MONTHS_GENITIVE[worded[2]]) {
    return iso(Number(worded[3]), MONTHS_GENITIVE[worded[2]], Number(worded[1]));
  }
  return null;
}

const HEADING =
  /^[«"“]?((муниципальн|региональн|школьн|сетев|комплексн|примерн|единый|межмуниципальн|институциональн)\S*\s+)?[«"“(]?(дорожн\S* карт|план(?![а-я])|план-график|планы|комплекс\S* мер|перечень мероприятий|мероприяти|программ)/i;

/** A short line that opens a roadmap's heading («ДОРОЖНАЯ КАРТА», «План мероприятий («дорожная карта») …»). */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 250 && HEADING.test(t);
}

/** Approval lines: «от 30.03.2023», «УТВЕРЖДЕНА приказом … от …», ««24» 10 2024г.». */
export function approvalFromLine(line: string): IsoDate | null {
  const t = line.trim();
  if (!t || t.length > 250) return null;
  const lower = t.toLowerCase();
  const opensWithDate = /^(от(?![а-я])|[«"“„']\s*\d)/.test(lower);
  const approvalWords = /утвержд|приказ|распоряж|постановл|решени|приложени|№/.test(lower);
  if (!opensWithDate && !approvalWords) return null;
  return readApprovalDate(t);
}
