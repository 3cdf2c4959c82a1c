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

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: " ",
  laquo: "«",
  raquo: "»",
  quot: '"',
  amp: "&",
  lt: "<",
  gt: ">",
  apos: "'",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  shy: "",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
};

/** Block tags end a line; inline tags (<i>, <span>) stand between words. Tags start with a letter. */
const BLOCK_TAG = /<\/?(?:p|br|div|li|tr|td|th|ul|ol|table|h[1-6])\b[^<>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const ENTITY = /&(?:#(\d{1,6})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;

function entity(
  m: string,
  dec: string | undefined,
  hex: string | undefined,
  name: string | undefined,
): string {
  if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? " ";
  const code = dec !== undefined ? Number(dec) : parseInt(hex ?? "", 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return " ";
  return code === 160 ? " " : String.fromCodePoint(code);
}

/** Characters plainText has to touch; most cells have none (20,000-row sheets are read cell by cell). */
const NEEDS_WORK = /[<&\u00A0\u00AD\u0085\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\t\r\f\v]/;

/** The text as written, without markup, invisible characters, odd spaces and odd line endings. */
export function plainText(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  let t = raw;
  if (t.includes("<")) t = t.replace(BLOCK_TAG, "\n").replace(ANY_TAG, " ");
  if (t.includes("&")) t = t.replace(ENTITY, entity);
  return t
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
