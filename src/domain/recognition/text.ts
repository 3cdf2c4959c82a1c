/** Text helpers shared by the recogniser: classification of cell contents (normalisation is in ../ru). */
import { MONTH_STEM_PATTERN, foldWord } from "../ru";

/** Collapse runs of whitespace (cell text pasted from Word keeps line breaks and double spaces). */
export function collapseSpaces(s: string): string {
  // Most cells have nothing to collapse: skip the replace (20,000-row sheets).
  if (!/\s\s|[\n\r\t\u00a0]/.test(s)) return s.trim();
  return s.replace(/[\u00a0\s]+/g, " ").trim();
}

/**
 * A cell's text as read: Word's soft hyphens dropped, a compound word broken at its hyphen over a line break
 * («информационно-\nметодической») joined back, whitespace (NBSP, tabs, line breaks) collapsed.
 */
export function cleanCellText(s: string): string {
  let t = s;
  if (t.includes("\u00ad")) t = t.replace(/\u00ad/g, "");
  if (/-[ \t\u00a0]*[\r\n]/.test(t))
    t = t.replace(/([A-Za-zА-Яа-яЁё]-)[ \t\u00a0]*[\r\n]\s*(?=[A-Za-zА-Яа-яЁё])/g, "$1");
  return collapseSpaces(t);
}

/** A list marker opening an activity (Word's bullet kept when its auto-numbering was lost on paste): markup, not text. */
export function stripListMarker(s: string): string {
  return s.replace(/^[•·▪●◦○■□►➢✓–—-]\s+(?=\S)/, "");
}

const ROMAN = /^(?=[IVXLC])(X{0,3})(IX|IV|V?I{0,3})\.?$/;

/** "1", "1.", "2.1", "2.1.", "3)", "IV." or a typed number: the «№» column of an activity. */
export function isNumbering(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (/^\d{1,5}(\.\d{1,3}){0,3}\.?\)?$/.test(t)) return true;
  return ROMAN.test(t);
}

export function isRomanNumbering(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && ROMAN.test(t);
}

const DEADLINE_WORDS = new RegExp(
  [
    `(^|[^а-я])${MONTH_STEM_PATTERN}`,
    "\\d{1,2}\\.\\d{1,2}(\\.|\\b)",
    "(^|[^а-я])до\\s",
    "в течение",
    "ежеквартальн|ежемесячн|еженедельн|ежегодн|постоянн",
    "раз в (четверт|квартал|месяц|год|полугод)",
    "квартал|четверт|полугоди",
    "весь период|по графику|по плану|по запросу|по мере|по отдельному|в конце|после\\s",
    "\\b20\\d\\d\\s*(г|год)",
  ].join("|"),
);

/** Does the text read like a «Сроки» cell (a month, a date, «до …», «в течение года», «ежеквартально»…)? */
export function looksLikeDeadline(text: string): boolean {
  const t = foldWord(text);
  if (!t || t.length > 200) return false;
  return DEADLINE_WORDS.test(t);
}

/** An Excel serial date typed as a plain number in a deadline column (45000 → 15.03.2023). */
export function serialToDateText(n: number): string | null {
  if (!Number.isFinite(n) || n < 20000 || n > 80000 || Math.floor(n) !== n) return null;
  const ms = Date.UTC(1899, 11, 30) + n * 86400000;
  const d = new Date(ms);
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}.${mm}.${d.getUTCFullYear()}`;
}

/** «Грицина Н.В.», «Н.В. Грицина»: a person named by surname and initials. */
const PERSON = /[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?\s*[А-ЯЁ]\.\s*[А-ЯЁ]\.|[А-ЯЁ]\.\s*[А-ЯЁ]\.\s*[А-ЯЁ][а-яё]+/;
export function looksLikePerson(text: string): boolean {
  return PERSON.test(text);
}

/** First letter of the text, skipping quotes, brackets, dashes and spaces. */
export function firstLetter(text: string): string | null {
  const m = /[A-Za-zА-Яа-яЁё]/.exec(text);
  return m ? m[0] : null;
}

export function startsLowercase(text: string): boolean {
  const t = text.trim();
  const l = firstLetter(t.slice(0, 4));
  // Only when the text starts with a letter (after at most a quote or a bracket): «(далее…» counts too.
  if (!l) return false;
  return l === l.toLowerCase() && l !== l.toUpperCase();
}

export function startsUppercase(text: string): boolean {
  const l = firstLetter(text.trim().slice(0, 4));
  if (!l) return false;
  return l === l.toUpperCase() && l !== l.toLowerCase();
}

/** Ends like a finished sentence (.!?;) — a continuation after it is less likely. */
export function endsFinished(text: string): boolean {
  return /[.!?;]["»)]?$/.test(text.trim());
}

/** Ends in the middle of a phrase: a comma, a hyphen, a preposition or a conjunction. */
const FUNCTION_WORDS =
  "и|в|во|на|по|с|со|к|ко|о|об|от|до|для|из|за|при|под|над|или|а|но|что|как|у|через|между|также";
const ENDS_WITH_FUNCTION_WORD = new RegExp(`(^|\\s)(${FUNCTION_WORDS})$`);
const STARTS_WITH_FUNCTION_WORD = new RegExp(`^[«"(]?(${FUNCTION_WORDS})(?![а-яё])`);

export function endsMidPhrase(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (/[,(\-–:]$/.test(t)) return true;
  return ENDS_WITH_FUNCTION_WORD.test(t);
}

/**
 * Opens with a preposition or a conjunction («по итогам года», «и анализ»): the middle of a phrase, never the start
 * of an activity, which is named by a noun or a verb («проведение …», «провести …»).
 */
export function startsMidPhrase(text: string): boolean {
  return STARTS_WITH_FUNCTION_WORD.test(text.trim().toLowerCase());
}

/**
 * Join two fragments of one cell split at a page break. Word splits rows, not words, so a single space is
 * right — except after a hyphen glued to a word («информационно-» + «методической»), where the hyphen was
 * part of a compound word and the two halves are joined without a space.
 */
export function joinFragments(a: string, b: string): string {
  const left = a.replace(/\s+$/, "");
  const right = b.replace(/^\s+/, "");
  if (!left) return right;
  if (!right) return left;
  if (/[A-Za-zА-Яа-яЁё]-$/.test(left) && /^[A-Za-zА-Яа-яЁё]/.test(right)) return left + right;
  return `${left} ${right}`;
}
