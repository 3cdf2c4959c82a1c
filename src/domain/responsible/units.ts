/**
 * What is left of a cell once the persons are taken: role units split at separators and at words that plainly
 * start a new unit, cleaned of contacts and punctuation, and attached to a person as a position where the
 * writing says so («Гокова В.Я., руководитель рабочей группы»).
 */
import { foldWord } from "../ru";
import { LETTER, type Token } from "./tokens";
import type { Found } from "./names";
import type { PersonMention } from "./types";
import {
  DOTTED_ROLE_ABBREVIATIONS,
  GROUP_FIRST_WORDS,
  LABEL_RE,
  PREPOSITIONS,
  UNIT_HEADS,
  isAllCaps,
  isLegalForm,
  isRoleWord,
  isTitleCase,
} from "./lexicon";

export interface Unit {
  first: number; // token indexes
  last: number;
  text: string;
}

export function sliceText(s: string, tokens: Token[], first: number, last: number): string {
  return s
    .slice(tokens[first].start, tokens[last].end)
    .replace(/([а-яё])[-‐‑]\s+(?=[а-яё])/g, "$1-") // "информационно- методической": a line-break artefact
    .replace(/\s+/g, " ")
    .trim();
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
/** «тел. 8 (3822) 51-23-45», «моб.: +7 913 111-22-33», «т. 51-23-45», or a bare number of six digits or more. */
const PHONE = /(?:(?:^|(?<=[\s(,;]))(?:тел|т|моб|сот|факс)\.?:?\s*)?\+?\d[\d\s()‐‑–-]{4,}\d/giu;

/** Contacts beside a name are neither a person nor a role: they go. */
function stripContacts(text: string): string {
  if (!/@|\d/.test(text)) return text;
  return (
    text
      .replace(EMAIL, " ")
      // «2025-2026» is a school year, not a phone.
      .replace(PHONE, (m) =>
        (m.match(/\d/g) ?? []).length >= 6 && !/^(?:19|20)\d\d\s*[‐‑–-]\s*(?:19|20)\d\d$/.test(m.trim())
          ? " "
          : m,
      )
      .replace(/\(\s*[,;]?\s*\)/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

export function cleanUnit(text: string): string {
  let t = stripContacts(text).trim();
  for (;;) {
    const before = t;
    t = t.replace(/^(?:[,;:–—‐‑\-•·*/\\]+|\(?\d{1,2}[.)](?=\s|[А-ЯЁA-Zа-яё])|[a-zа-я]\)\s)\s*/u, "");
    // Trailing separators and dashes go; a hyphen glued to a word stays ("информационно-": a broken word).
    t = t.replace(/(?:\s*[,;:–—/\\•·*]+|\s+[-‐‑]+)$/u, "");
    // A trailing full stop is punctuation, unless it ends an abbreviation ("и др.", "т.д.", "им. Корницкого М.М.").
    if (/\.$/.test(t) && !/(?:^|[\s.])(?:[а-яё]{1,3}|[А-ЯЁA-Z])\.$/.test(t)) t = t.slice(0, -1);
    t = t.trim();
    if (t === before) break;
  }
  // "Руководители ОО (по согласованию)": the agreement note is not part of the role.
  t = t.replace(/\s*\(\s*по\s+согл(?:асованию|\.)?\s*\)$/i, "").trim();
  if (/^\([^()]*\)$/.test(t)) t = t.slice(1, -1).trim();
  // A bracket left open by a name inside it ("ШМО учителей (рук. Иванова И.И.)"): drop the bracket and its label.
  const open = t.lastIndexOf("(");
  if (open >= 0 && t.indexOf(")", open) < 0) {
    const tail = t.slice(open + 1).trim();
    const head = t.slice(0, open).trim();
    t = head && tail.split(/\s+/).length <= 2 ? cleanUnit(head) : `${head} ${tail}`.trim();
  }
  if (/^[^(]*\)/.test(t)) t = cleanUnit(t.replace(")", " "));
  return t;
}

export function hasLetters(t: string): boolean {
  return new RegExp(`[${LETTER}]`).test(t);
}

/** Split a run of non-person tokens into role units. */
export function splitUnits(s: string, tokens: Token[], from: number, to: number): Unit[] {
  const units: Unit[] = [];
  let start = -1;
  let depth = 0;
  let afterColon = false;
  const close = (end: number) => {
    if (start >= 0 && end >= start)
      units.push({ first: start, last: end, text: sliceText(s, tokens, start, end) });
    start = -1;
    afterColon = false;
  };
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    const prev = i > from ? tokens[i - 1] : null;
    // "Классные руководители 9, 11 классов": a comma between numbers lists classes, not units.
    const numberList =
      t.text === "," && /^\d+$/.test(prev?.text ?? "") && /^\d+$/.test(tokens[i + 1]?.text ?? "") && i < to;
    if (
      t.kind === "punct" &&
      depth === 0 &&
      (t.text === ";" || (t.text === "," && !afterColon && !numberList))
    ) {
      close(i - 1);
      continue;
    }
    if (start >= 0 && depth === 0 && prev && boundaryBefore(tokens, i, start, afterColon)) close(i - 1);
    if (t.kind === "punct" && t.text === "(") depth++;
    if (t.kind === "punct" && t.text === ")") depth = Math.max(0, depth - 1);
    if (start < 0) {
      if (t.kind === "punct" && t.text !== "(") continue;
      start = i;
    }
    if (t.kind === "punct" && /^[:–—-]$/.test(t.text) && depth === 0 && i - 1 >= start) {
      // "Исполнители: руководители ОО", "Ответственный – начальник отдела": a label, then what it labels.
      if (LABEL_RE.test(cleanUnit(sliceText(s, tokens, start, i - 1)))) {
        start = -1;
        continue;
      }
      // Otherwise a colon keeps its enumeration together ("Профильные направления: …, …").
      if (t.text === ":") afterColon = true;
    }
  }
  close(to);
  return units;
}

function boundaryBefore(tokens: Token[], i: number, unitStart: number, afterColon: boolean): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  // A line break ends a unit, unless a phrase plainly goes on (hyphen, lower case on both sides).
  if (t.newlineBefore) {
    const prevWord = prev.kind === "word" ? prev.text : "";
    const joins =
      /[-‐‑]$/.test(prevWord) ||
      (t.kind === "word" && /^[а-яё]/.test(t.text) && /^[а-яё]/.test(prevWord) && !afterColon);
    if (!joins) return true;
  }
  // "ОО. Педагоги" — a full stop after a word, then a capital.
  if (
    prev.kind === "punct" &&
    prev.text === "." &&
    i - 2 >= unitStart &&
    tokens[i - 2].kind === "word" &&
    (tokens[i - 2].text.length >= 3 || isAllCaps(tokens[i - 2].text)) &&
    !DOTTED_ROLE_ABBREVIATIONS.has(foldWord(tokens[i - 2].text)) &&
    /^[А-ЯЁA-Z«"]/.test(t.text)
  )
    return true;
  if (t.kind !== "word" || i === unitStart) return false;
  const prevFolded = prev.kind === "word" ? foldWord(prev.text) : "";
  if (PREPOSITIONS.has(prevFolded)) return false;
  // A capitalised nominative head mid-phrase starts a new unit ("Рабочая группа Руководитель ОО").
  if (isTitleCase(t.text) && UNIT_HEADS.has(foldWord(t.text))) return true;
  // A legal form after an abbreviation or a quoted name starts a new organisation ("МИМС МКОУ «…»").
  if (
    isLegalForm(t.text) &&
    (prev.kind === "quote" || (prev.kind === "word" && isAllCaps(prev.text)) || prev.kind === "other")
  )
    return true;
  return false;
}

/** Is there a comma, semicolon, colon or line break between token a and token b (a < b)? */
function gapHasSeparator(tokens: Token[], a: number, b: number): boolean {
  for (let i = a + 1; i <= b; i++) {
    if (tokens[i].newlineBefore) return true;
    if (i < b && tokens[i].kind === "punct" && /[,;:]/.test(tokens[i].text)) return true;
  }
  return false;
}

function gapHasComma(tokens: Token[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (tokens[i].kind === "punct" && /[,;]/.test(tokens[i].text)) return true;
  return false;
}

function attachable(text: string): boolean {
  const firstWord = text.split(/[\s,]+/)[0] ?? "";
  if (!firstWord || isLegalForm(firstWord)) return false;
  if (isAllCaps(firstWord) && !isRoleWord(foldWord(firstWord))) return false; // "МИМС", not "ДИРЕКТОР"
  return !GROUP_FIRST_WORDS.has(foldWord(firstWord.split(/[-‐‑]/)[0])) && !/^[«"(]/.test(firstWord);
}

/**
 * A unit right after a person is that person's position ("Гокова В.Я., руководитель рабочей группы"); a unit
 * right before a person is, when the person has none after ("зам. директора по УВР Петрова А.А."). Between two
 * people, the side without a separator wins.
 */
export function attachPositions(
  tokens: Token[],
  found: Found[],
  units: Unit[],
  mentions: PersonMention[],
): void {
  const taken = new Set<Unit>();
  found.forEach((f, k) => {
    const next = found[k + 1];
    const u = units.find((x) => x.first > f.last && (!next || x.last < next.first));
    if (!u || !attachable(u.text)) return;
    const sepBefore = gapHasSeparator(tokens, f.last, u.first);
    const sepAfter = next ? gapHasSeparator(tokens, u.last, next.first) : true;
    if (sepBefore && next && !sepAfter) return; // belongs to the next person
    mentions[k].position = u.text;
    taken.add(u);
  });
  found.forEach((f, k) => {
    if (mentions[k].position) return;
    const prev = found[k - 1];
    const candidates = units.filter((x) => x.last < f.first && (!prev || x.first > prev.last));
    const u = candidates[candidates.length - 1];
    if (!u || taken.has(u) || !attachable(u.text)) return;
    // "Председатель КО, Иванов И.И." — a separate responsible, not Иванов's position.
    if (gapHasComma(tokens, u.last, f.first)) return;
    mentions[k].position = u.text;
    taken.add(u);
  });
}
