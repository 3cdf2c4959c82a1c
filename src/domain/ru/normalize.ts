/**
 * The one normaliser of Russian cell text. Two forms:
 * - `plainText`: the text as written, minus what is not text — HTML markup from web pages and converted
 *   documents (`<p>…</p>`, `<br>`, `&nbsp;`), invisible characters (soft hyphens, zero-width spaces), odd
 *   spaces and line endings. Case and line breaks are kept: readers of names need both.
 * - `normalizeRuText`: the reading form — `plainText`, then lower case, ё → е, every dash a hyphen, all
 *   whitespace one space, Latin look-alikes inside Cyrillic words folded.
 * `foldWord` is the reading form of a single word (lower case, ё → е).
 */
import { foldHomoglyphs } from "./homoglyphs";
import { markupToText } from "./markup";

/** Characters plainText has to touch; most cells have none (20,000-row sheets are read cell by cell). */
const NEEDS_WORK = /[<&\u00A0\u00AD\u0085\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\t\r\f\v]/;

/** The text as written, without markup, invisible characters, odd spaces and odd line endings. */
export function plainText(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  return markupToText(raw)
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, " ")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
}

/** Lower case, ё → е: the form single words are compared in. */
export function foldWord(w: string): string {
  return w.toLowerCase().replace(/ё/g, "е");
}

/**
 * The reading form of a cell: plain text, lower case, ё → е, every dash a hyphen, whitespace (line breaks
 * too) one space, Latin look-alikes inside Cyrillic words folded, and Ukrainian «і» (typed for the Roman
 * numeral in «ІІ квартал») as Latin «i».
 */
export function normalizeRuText(raw: string): string {
  let text = plainText(raw).toLowerCase();
  // Fast path: plain Cyrillic, digits, ASCII punctuation and single spaces need nothing more.
  if (/[^ -~а-я]/.test(text)) {
    text = text
      .replace(/ё/g, "е")
      .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "-")
      .replace(/\u0456/g, "i")
      .replace(/\s+/g, " ");
  }
  if (/\s\s|^\s|\s$/.test(text)) text = text.replace(/\s+/g, " ").trim();
  return /[a-z]/.test(text) ? text.replace(/[a-zа-я]+/g, foldHomoglyphs) : text;
}

/**
 * The form labels are matched in (header synonyms, status words): the reading form with punctuation and
 * quotes turned into spaces, so «Сроки исполнения:» and «сроки (исполнения)» meet.
 */
export function normalizeForMatch(raw: string): string {
  return normalizeRuText(raw)
    .replace(/[.,;:!?()[\]{}«»"“”„'`*_/\\|<>-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
