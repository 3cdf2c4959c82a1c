/**
 * Persons in a tokenised cell: full names («Иванова Мария Петровна», Turkic «… оглы»), and initials paired with
 * the surname before or after them — the pairing that names the most people, ties broken by the name order.
 */
import { type Token, tokenize } from "./tokens";
import type { NameOrder } from "./types";
import { foldHomoglyphs, foldWord, plainText } from "../ru";
import {
  CAPS_SURNAME_ENDING,
  KNOWN_ABBREVIATIONS,
  PATRONYMIC_RE,
  isAllCaps,
  isRoleWord,
  isTitleCase,
  startsWithRoleStem,
} from "./lexicon";

/** A cell wholly in capitals: there a short surname next to initials («КИМ», «ПАК», «ЦОЙ») is a surname. */
export function capsOnly(text: string): boolean {
  return /[А-ЯЁ]{2}/.test(text) && !/[а-яё]/.test(text);
}

/** A short surname in a capitals-only cell: 3–4 letters, a vowel, no known abbreviation or role word. */
function shortCapsSurname(w: string, caps: boolean): boolean {
  if (!caps || !/^[А-ЯЁ]{3,4}$/.test(w) || KNOWN_ABBREVIATIONS.has(w)) return false;
  const lower = foldWord(w);
  return /[аеиоуыэюя]/.test(lower) && !isRoleWord(lower) && !startsWithRoleStem(lower);
}

/** Could this word be a surname? Title case (or capitals with a surname ending), never a role word. */
export function surnameForm(token: Token, caps: boolean): string | null {
  if (token.kind !== "word") return null;
  const w = foldHomoglyphs(token.text);
  if (/[-‐‑]$/.test(w)) return null;
  if (isTitleCase(w)) {
    if (isRoleWord(foldWord(w))) return null;
    return w;
  }
  if (shortCapsSurname(w, caps)) return w[0] + w.slice(1).toLowerCase();
  if (
    isAllCaps(w) &&
    /^[А-ЯЁ-]+$/.test(w) &&
    w.replace(/-/g, "").length >= 5 &&
    !KNOWN_ABBREVIATIONS.has(w)
  ) {
    const lower = foldWord(w);
    // In capitals there is no case to tell "Школьников" from a role word: any role stem rules it out.
    if (!CAPS_SURNAME_ENDING.test(lower) || isRoleWord(lower) || startsWithRoleStem(lower)) return null;
    const vowels = (lower.match(/[аеиоуыэюя]/g) ?? []).length;
    if (vowels < 2) return null;
    return w
      .split("-")
      .map((p) => p[0] + p.slice(1).toLowerCase())
      .join("-");
  }
  return null;
}

function isGivenName(token: Token): boolean {
  return token.kind === "word" && isTitleCase(token.text) && !isRoleWord(foldWord(token.text));
}

// ---------------------------------------------------------------- pairing

export interface Found {
  first: number; // token index
  last: number;
  surname: string;
  initials: string;
}

export function initialsOf(letters: string[]): string {
  return letters.map((l) => `${l}.`).join("");
}

/** "им." / "имени" before a name: the name of a school's namesake, not a person responsible. */
function afterNamesakeWord(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return false;
  if (prev.kind === "word" && foldWord(prev.text) === "имени") return true;
  if (prev.kind === "punct" && prev.text === "." && tokens[i - 2]?.kind === "word")
    return foldWord(tokens[i - 2].text) === "им";
  return false;
}

/** Azerbaijani and Turkic patronymics are written as the father's name and a word: "Ильхам оглы", "… кызы". */
const TURKIC_PATRONYMIC = /^(?:оглы|оглу|огли|кызы|гызы|улы|уулу|кизи)$/i;
const TURKIC_PATRONYMIC_SUFFIX = /^([А-ЯЁ][а-яё]+)[-‐‑](?:оглы|оглу|огли|кызы|гызы|улы|уулу|кизи)$/;

export function findFullNames(tokens: Token[], used: boolean[], caps: boolean): Found[] {
  const out: Found[] = [];
  // "Ахмедова Севиль Гасан-кызы": the patronymic word joined to the father's name.
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    const m = t.kind === "word" ? TURKIC_PATRONYMIC_SUFFIX.exec(t.text) : null;
    if (!m || !t.spaceBefore || used[i] || used[i - 1] || used[i - 2]) continue;
    const [surname, given] = [tokens[i - 2], tokens[i - 1]];
    if (!isGivenName(given) || !given.spaceBefore) continue;
    const form = surnameForm(surname, caps);
    if (!form || afterNamesakeWord(tokens, i - 2)) continue;
    used[i - 2] = used[i - 1] = used[i] = true;
    out.push({ first: i - 2, last: i, surname: form, initials: `${given.text[0]}.${m[1][0]}.` });
  }
  // "Мамедов Эльдар Фикрет оглы": surname, given name, father's name, the patronymic word.
  for (let i = 3; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || !TURKIC_PATRONYMIC.test(t.text) || !t.spaceBefore) continue;
    const [surname, given, father] = [tokens[i - 3], tokens[i - 2], tokens[i - 1]];
    if (used[i - 3] || used[i - 2] || used[i - 1]) continue;
    if (!isGivenName(given) || !isGivenName(father) || !given.spaceBefore || !father.spaceBefore) continue;
    const form = surnameForm(surname, caps);
    if (!form || afterNamesakeWord(tokens, i - 3)) continue;
    used[i - 3] = used[i - 2] = used[i - 1] = used[i] = true;
    out.push({ first: i - 3, last: i, surname: form, initials: `${given.text[0]}.${father.text[0]}.` });
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (used[i] || t.kind !== "word" || !PATRONYMIC_RE.test(t.text)) continue;
    const given = tokens[i - 1];
    if (used[i - 1] || !isGivenName(given) || !t.spaceBefore) continue;
    const before = tokens[i - 2];
    const after = tokens[i + 1];
    const initials = `${given.text[0]}.${t.text[0]}.`;
    if (
      before &&
      !used[i - 2] &&
      given.spaceBefore &&
      surnameForm(before, caps) &&
      !afterNamesakeWord(tokens, i - 2)
    ) {
      used[i - 2] = used[i - 1] = used[i] = true;
      out.push({ first: i - 2, last: i, surname: surnameForm(before, caps)!, initials });
    } else if (after && !used[i + 1] && after.spaceBefore && surnameForm(after, caps)) {
      used[i - 1] = used[i] = used[i + 1] = true;
      out.push({ first: i - 1, last: i + 1, surname: surnameForm(after, caps)!, initials });
    }
  }
  return out;
}

interface InitSlot {
  idx: number;
  left: number; // token index of a surname candidate just before, or -1
  right: number; // just after, or -1
  glued: boolean; // the right candidate touches the initials ("Т.И.Смирнова")
}

export function initSlots(tokens: Token[], used: boolean[], caps: boolean): InitSlot[] {
  const slots: InitSlot[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "init" || used[i]) return;
    const namesake = afterNamesakeWord(tokens, i);
    let left = -1;
    let right = -1;
    const p = tokens[i - 1];
    if (p && !used[i - 1] && t.spaceBefore && surnameForm(p, caps) && !afterNamesakeWord(tokens, i - 1))
      left = i - 1;
    const n = tokens[i + 1];
    if (n && !used[i + 1] && !namesake && surnameForm(n, caps)) right = i + 1;
    slots.push({ idx: i, left, right, glued: right >= 0 && !n.spaceBefore });
  });
  return slots;
}

type Choice = "none" | "left" | "right";

/**
 * Pair initials with surnames: the most people named wins; among equals, the preferred order; a surname glued
 * to initials ("Т.И.Смирнова") counts extra. Only neighbouring initials can compete for the same surname.
 */
export function pairInitials(slots: InitSlot[], prefer: NameOrder): Choice[] {
  const n = slots.length;
  if (n === 0) return [];
  const choices: Choice[] = ["none", "left", "right"];
  const score = (s: InitSlot, c: Choice): number => {
    if (c === "none") return 0;
    if (c === "left" && s.left < 0) return -Infinity;
    if (c === "right" && s.right < 0) return -Infinity;
    let v = 100;
    if ((c === "left") === (prefer === "surname-first")) v += 1;
    if (c === "right" && s.glued) v += 5;
    return v;
  };
  // best[k][c]: best total for slots 0..k with slot k choosing c.
  const best: number[][] = [];
  const from: number[][] = [];
  for (let k = 0; k < n; k++) {
    best.push([]);
    from.push([]);
    for (let ci = 0; ci < 3; ci++) {
      const own = score(slots[k], choices[ci]);
      if (k === 0) {
        best[k][ci] = own;
        from[k][ci] = -1;
        continue;
      }
      let bestPrev = -Infinity;
      let arg = 0;
      for (let pi = 0; pi < 3; pi++) {
        const clash =
          choices[pi] === "right" && choices[ci] === "left" && slots[k - 1].right === slots[k].left;
        const v = clash ? -Infinity : best[k - 1][pi];
        if (v > bestPrev) {
          bestPrev = v;
          arg = pi;
        }
      }
      best[k][ci] = own + bestPrev;
      from[k][ci] = arg;
    }
  }
  let ci = 0;
  for (let c = 1; c < 3; c++) if (best[n - 1][c] > best[n - 1][ci]) ci = c;
  const out: Choice[] = new Array(n);
  for (let k = n - 1; k >= 0; k--) {
    out[k] = choices[ci];
    ci = from[k][ci];
  }
  return out;
}

/** Evidence for the name order in one cell: initials that can only pair one way. */
export function orderEvidence(tokens: Token[], caps: boolean): { sf: number; inf: number } {
  const used = new Array<boolean>(tokens.length).fill(false);
  findFullNames(tokens, used, caps);
  let sf = 0;
  let inf = 0;
  for (const s of initSlots(tokens, used, caps)) {
    if (s.glued) inf += 2;
    else if (s.left >= 0 && s.right < 0) sf++;
    else if (s.right >= 0 && s.left < 0) inf++;
  }
  // "A И. B И." names two people surname-first and one initials-first: count the better reading.
  const slots = initSlots(tokens, used, caps);
  const named = (o: NameOrder) => pairInitials(slots, o).filter((c) => c !== "none").length;
  const bySf = pairInitials(slots, "surname-first").filter((c) => c === "left").length;
  const byIf = pairInitials(slots, "initials-first").filter((c) => c === "right").length;
  if (named("surname-first") === named("initials-first")) {
    if (bySf > byIf) sf += bySf - byIf;
    else inf += byIf - bySf;
  }
  return { sf, inf };
}

/** The name order of a document, from all its responsible cells. Ties → surname first (the usual order). */
export function inferNameOrder(cells: string[]): NameOrder {
  // Roadmaps repeat the same cells a lot: weigh each distinct text by how often it occurs.
  const counts = new Map<string, number>();
  for (const c of cells) if (typeof c === "string" && c) counts.set(c, (counts.get(c) ?? 0) + 1);
  let sf = 0;
  let inf = 0;
  for (const [c, n] of counts) {
    const e = orderEvidence(tokenize(plainText(c)), capsOnly(c));
    sf += e.sf * n;
    inf += e.inf * n;
  }
  return inf > sf ? "initials-first" : "surname-first";
}
