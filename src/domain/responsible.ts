/**
 * The «Ответственные» cell → named persons and the remaining roles, as written.
 *
 * Cells mix people ("Грицина Н.В. Огурцова Т.Н." — no separator), people with positions
 * ("Гокова В.Я., руководитель рабочей группы"), roles before names ("Председатель КО Куприенко Е.В.") and
 * bare roles or units ("Руководители ОУ", "МИМС МКОУ «Синявинская СОШ»"). The reader tokenises the cell,
 * pairs every initials cluster with the surname before or after it (the pairing that names the most people,
 * ties broken by the document's name order), reads full names ("Иванова Мария Петровна"), and splits what is
 * left into roles at separators and at words that plainly start a new unit.
 */
import type { Person, Responsible } from "./model";
import {
  foldHomoglyphs,
  foldWord,
  isCyrillicUpperOrTwin,
  isMonthWord,
  plainText,
  toCyrillicLetter,
} from "./ru";

export type NameOrder = "surname-first" | "initials-first";

export interface ResponsibleContext {
  /** Name order decided from the whole document (see inferNameOrder). */
  nameOrder?: NameOrder;
}

/** A person as found in a cell, with how it was written and the position attached to it, if any. */
export interface PersonMention extends Person {
  /** The span as written, whitespace collapsed ("Грицина Н. В.", "Т.И.Смирнова"). */
  written: string;
  /** The role unit read as this person's position ("руководитель рабочей группы"), or null. */
  position: string | null;
}

export interface ResponsibleDetails {
  raw: string;
  persons: PersonMention[];
  roles: string[];
}

// ---------------------------------------------------------------- tokens

type TokenKind = "init" | "word" | "quote" | "punct" | "other";

interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Whitespace (or a line break) separates it from the previous token. */
  spaceBefore: boolean;
  newlineBefore: boolean;
  /** For init: the letters, Cyrillic, upper case. */
  letters?: string[];
}

const UPPER = "A-ZА-ЯЁ";
const LETTER = "A-Za-zА-Яа-яЁё";
const INIT_RE = new RegExp(
  `([${UPPER}])\\.(?:[ ]{0,2}([${UPPER}])(?:\\.|(?=[\\s,;:)\\-–—]|$)))?(?![${LETTER}]\\.)`,
  "y",
);
const WORD_RE = new RegExp(`[${LETTER}]+(?:[-‐‑][${LETTER}]+)*[-‐‑]?`, "y");
const IO_RE = /[иИ]\.\s?о\./y;
const DIGITS_RE = /[0-9]+/y;
const LETTER_CHAR = new RegExp(`[${LETTER}]`);
const QUOTE_PAIRS: Record<string, string> = { "«": "»", "“": "”", "„": "“", '"': '"' };

/** Index of the quote that closes the one at `i`, or -1 («» nest; straight quotes do not). */
function closingQuote(s: string, i: number): number {
  const open = s[i];
  const close = QUOTE_PAIRS[open];
  if (open === '"') return s.indexOf('"', i + 1);
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === open && open !== close) depth++;
    else if (s[j] === close) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let space = false;
  let newline = false;
  const push = (kind: TokenKind, start: number, end: number, letters?: string[]) => {
    tokens.push({
      kind,
      text: s.slice(start, end),
      start,
      end,
      spaceBefore: space || tokens.length === 0,
      newlineBefore: newline,
      letters,
    });
    space = false;
    newline = false;
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === "\n") {
      space = true;
      newline = true;
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      space = true;
      i++;
      continue;
    }
    const prevIsLetter = i > 0 && LETTER_CHAR.test(s[i - 1]);
    const at = (re: RegExp): RegExpExecArray | null => {
      re.lastIndex = i;
      return re.exec(s);
    };
    // «и.о.» (acting) is a word, not initials.
    const io = prevIsLetter ? null : at(IO_RE);
    if (io) {
      push("word", i, i + io[0].length);
      i += io[0].length;
      continue;
    }
    const m = prevIsLetter ? null : at(INIT_RE);
    if (m && isCyrillicUpperOrTwin(m[1]) && (!m[2] || isCyrillicUpperOrTwin(m[2]))) {
      const letters = [toCyrillicLetter(m[1])];
      if (m[2]) letters.push(toCyrillicLetter(m[2]));
      push("init", i, i + m[0].length, letters);
      i += m[0].length;
      continue;
    }
    const w = at(WORD_RE);
    if (w) {
      push("word", i, i + w[0].length);
      i += w[0].length;
      continue;
    }
    if (ch in QUOTE_PAIRS) {
      const j = closingQuote(s, i);
      if (j > i) {
        push("quote", i, j + 1);
        i = j + 1;
        continue;
      }
    }
    if (/[0-9]/.test(ch)) {
      const d = at(DIGITS_RE);
      const len = d ? d[0].length : 1;
      push("other", i, i + len);
      i += len;
      continue;
    }
    push(/[,;:.()\-–—‐‑/\\•·*]/.test(ch) ? "punct" : "other", i, i + 1);
    i++;
  }
  return tokens;
}

// ---------------------------------------------------------------- word classes

/** Stems of role and function words: such a word is never a surname (unless it ends like one: "Школьников"). */
const ROLE_STEMS = [
  "руковод",
  "методист",
  "специалист",
  "педагог",
  "учител",
  "директор",
  "заместител",
  "председател",
  "начальник",
  "заведующ",
  "главн",
  "ведущ",
  "старш",
  "инспектор",
  "консультант",
  "куратор",
  "координатор",
  "наставник",
  "тьютор",
  "эксперт",
  "секретар",
  "член",
  "советник",
  "психолог",
  "логопед",
  "дефектолог",
  "социальн",
  "классн",
  "ответствен",
  "исполнител",
  "администрац",
  "отдел",
  "управлен",
  "комитет",
  "групп",
  "рабоч",
  "школ",
  "центр",
  "служб",
  "сотрудник",
  "работник",
  "коллектив",
  "команд",
  "представител",
  "муниципальн",
  "образовательн",
  "общеобразовательн",
  "проектн",
  "сетев",
  "заинтересован",
  "участник",
  "родител",
  "обучающ",
  "ученик",
  "студент",
  "кафедр",
  "лаборатор",
  "библиотекар",
  "воспитател",
  "преподавател",
  "мастер",
  "завуч",
  "министр",
  "департамент",
  "институт",
  "университет",
  "организац",
  "учрежден",
  "объединени",
  "совет",
  "методическ",
  "информацион",
  "юрист",
  "бухгалтер",
  "экономист",
  "инженер",
  "администратор",
  "делопроизвод",
  "контрол",
  "согласован",
  "комисси",
  "совещани",
  "собрани",
  "штаб",
  "гимнази",
  "лице",
  "колледж",
  "филиал",
  "региональн",
  "районн",
  "городск",
  "краев",
  "областн",
  "республиканск",
  "федеральн",
  "государствен",
  "ректор",
  "проректор",
  "декан",
  "доцент",
  "профессор",
  "педагогическ",
  "воспитательн",
  "учебн",
  "научн",
  "кадров",
  "медицинск",
  "медработник",
  "фельдшер",
  "врач",
  "медсестр",
  "инструктор",
  "тренер",
  "вожат",
  "лаборант",
  "завхоз",
  "губернатор",
  "депутат",
  "представительств",
  "юрисконсульт",
  "программист",
  "техник",
  "оператор",
  "соцпедагог",
  "замдиректор",
  "замначальник",
  "замглав",
  "исполняющ",
];

const FUNCTION_WORDS = new Set([
  "и",
  "или",
  "а",
  "но",
  "с",
  "со",
  "в",
  "во",
  "на",
  "по",
  "для",
  "из",
  "от",
  "до",
  "под",
  "над",
  "за",
  "без",
  "об",
  "о",
  "к",
  "у",
  "при",
  "также",
  "совместно",
  "все",
  "весь",
  "вся",
  "всё",
  "каждый",
  "прочие",
  "другие",
  "иные",
  "зам",
  "пред",
  "нач",
  "рук",
  "спец",
  "гл",
  "вед",
  "отв",
  "май",
  "мая",
  "нет",
  "не",
  "итого",
  "всего",
  "им",
  "имени",
  "глава",
  "мэр",
  "врио",
  "г",
  "гор",
  "ул",
  "пос",
  "д",
  "с",
  "п",
  "др",
  "т",
]);

/** Endings that make a capitalised word look like a surname even when it starts like a role word ("Школьников"). */
const SURNAME_ENDING = /(ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|енко|ук|юк|ский|цкий|ская|цкая)$/;
/** Endings a surname written in capitals must have ("ИВАНОВА И.И."), so that abbreviations never pass. */
const CAPS_SURNAME_ENDING =
  /(ов|ова|ев|ева|ин|ина|ын|ына|енко|ко|ук|юк|ский|ская|цкий|цкая|ых|их|ян|дзе|швили|ец|ич|ай|ей|ой|ая)$/;

function startsWithRoleStem(folded: string): boolean {
  const first = folded.split("-")[0];
  return ROLE_STEMS.some((stem) => first.startsWith(stem));
}

function isRoleWord(folded: string): boolean {
  if (FUNCTION_WORDS.has(folded) || isMonthWord(folded)) return true;
  return startsWithRoleStem(folded) && !SURNAME_ENDING.test(folded.split("-")[0]);
}

/** An org's legal form (МБОУ, МКОУ, МОАУ, ГАУ ДПО, МБУДО…): it starts a unit of its own. */
function isLegalForm(w: string): boolean {
  return /^(?:[МГФЧН][А-Я]{0,4}У|[МГ][А-Я]{0,3}УДО|АНО|ФГБОУ)$/.test(w) && w.length >= 3;
}

/** Abbreviations of the domain that a capitals-only surname test could mistake for a name ("ЦОКО", "ВСОКО"). */
const KNOWN_ABBREVIATIONS = new Set(
  (
    "ЦОКО ВСОКО ЛОИРО ТИРО ИРО МИМС ММС ЦРО МКУО ВШК ГМО РМО ШМО МНЦ МТКП ФГОС ИКОП ШНОР ШССУ ШФСОР ШФЗР ШПУН " +
    "ИМЦ РМЦ ЦНППМ ЦНППМПР ППМС ПМПК КДН ОДН ИПК ИППК ПКК ЦДО ДДТ ЦДТ ДЮСШ ГИА ОГЭ ЕГЭ ВПР НИКО РЭШ МЭШ ЦОС " +
    "КОИПО МОАУ МОБУ МБДОУ МАДОУ МКДОУ УМО РУМО СОШ ООШ НОШ КЦСОН ГБУДПО АКИПКРО ИРОКО ЦЕНТР"
  ).split(" "),
);

function isAllCaps(w: string): boolean {
  return /^[A-ZА-ЯЁ][A-ZА-ЯЁ-]*$/.test(w) && /[A-ZА-ЯЁ]{2}/.test(w);
}

function isTitleCase(w: string): boolean {
  return /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*$/.test(w);
}

/**
 * Set while a cell written wholly in capitals is read («ЗАМ. ДИРЕКТОРА ПО УВР КИМ С.А.»): there a short surname
 * next to initials («КИМ», «ПАК», «ЦОЙ») is a surname, not an abbreviation. Reading is synchronous, so a module
 * flag is safe.
 */
let capsCell = false;

/** A short surname in a capitals-only cell: 3–4 letters, a vowel, no known abbreviation or role word. */
function shortCapsSurname(w: string): boolean {
  if (!capsCell || !/^[А-ЯЁ]{3,4}$/.test(w) || KNOWN_ABBREVIATIONS.has(w)) return false;
  const lower = foldWord(w);
  return /[аеиоуыэюя]/.test(lower) && !isRoleWord(lower) && !startsWithRoleStem(lower);
}

/** Could this word be a surname? Title case (or capitals with a surname ending), never a role word. */
function surnameForm(token: Token): string | null {
  if (token.kind !== "word") return null;
  const w = foldHomoglyphs(token.text);
  if (/[-‐‑]$/.test(w)) return null;
  if (isTitleCase(w)) {
    if (isRoleWord(foldWord(w))) return null;
    return w;
  }
  if (shortCapsSurname(w)) return w[0] + w.slice(1).toLowerCase();
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

const PATRONYMIC_RE = /^[А-ЯЁ][а-яё]+(?:ович|евич|ёвич|ьич|овна|евна|ёвна|ична|инична)$/;

function isGivenName(token: Token): boolean {
  return token.kind === "word" && isTitleCase(token.text) && !isRoleWord(foldWord(token.text));
}

// ---------------------------------------------------------------- pairing

interface Found {
  first: number; // token index
  last: number;
  surname: string;
  initials: string;
}

function initialsOf(letters: string[]): string {
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

function findFullNames(tokens: Token[], used: boolean[]): Found[] {
  const out: Found[] = [];
  // "Ахмедова Севиль Гасан-кызы": the patronymic word joined to the father's name.
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    const m = t.kind === "word" ? TURKIC_PATRONYMIC_SUFFIX.exec(t.text) : null;
    if (!m || !t.spaceBefore || used[i] || used[i - 1] || used[i - 2]) continue;
    const [surname, given] = [tokens[i - 2], tokens[i - 1]];
    if (!isGivenName(given) || !given.spaceBefore) continue;
    const form = surnameForm(surname);
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
    const form = surnameForm(surname);
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
      surnameForm(before) &&
      !afterNamesakeWord(tokens, i - 2)
    ) {
      used[i - 2] = used[i - 1] = used[i] = true;
      out.push({ first: i - 2, last: i, surname: surnameForm(before)!, initials });
    } else if (after && !used[i + 1] && after.spaceBefore && surnameForm(after)) {
      used[i - 1] = used[i] = used[i + 1] = true;
      out.push({ first: i - 1, last: i + 1, surname: surnameForm(after)!, initials });
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

function initSlots(tokens: Token[], used: boolean[]): InitSlot[] {
  const slots: InitSlot[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "init" || used[i]) return;
    const namesake = afterNamesakeWord(tokens, i);
    let left = -1;
    let right = -1;
    const p = tokens[i - 1];
    if (p && !used[i - 1] && t.spaceBefore && surnameForm(p) && !afterNamesakeWord(tokens, i - 1))
      left = i - 1;
    const n = tokens[i + 1];
    if (n && !used[i + 1] && !namesake && surnameForm(n)) right = i + 1;
    slots.push({ idx: i, left, right, glued: right >= 0 && !n.spaceBefore });
  });
  return slots;
}

type Choice = "none" | "left" | "right";

/**
 * Pair initials with surnames: the most people named wins; among equals, the preferred order; a surname glued
 * to initials ("Т.И.Смирнова") counts extra. Only neighbouring initials can compete for the same surname.
 */
function pairInitials(slots: InitSlot[], prefer: NameOrder): Choice[] {
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
function orderEvidence(tokens: Token[]): { sf: number; inf: number } {
  const used = new Array<boolean>(tokens.length).fill(false);
  findFullNames(tokens, used);
  let sf = 0;
  let inf = 0;
  for (const s of initSlots(tokens, used)) {
    if (s.glued) inf += 2;
    else if (s.left >= 0 && s.right < 0) sf++;
    else if (s.right >= 0 && s.left < 0) inf++;
  }
  // "A И. B И." names two people surname-first and one initials-first: count the better reading.
  const slots = initSlots(tokens, used);
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
    const e = orderEvidence(tokenize(plainText(c)));
    sf += e.sf * n;
    inf += e.inf * n;
  }
  return inf > sf ? "initials-first" : "surname-first";
}

// ---------------------------------------------------------------- roles

/** Nominative heads that start a new unit when capitalised mid-phrase ("Отдел образования Руководитель ОО"). */
const UNIT_HEADS = new Set([
  "руководитель",
  "руководители",
  "отдел",
  "управление",
  "комитет",
  "администрация",
  "рабочая",
  "школьный",
  "школьные",
  "школьная",
  "методист",
  "методисты",
  "специалист",
  "специалисты",
  "председатель",
  "заместитель",
  "зам",
  "директор",
  "учитель",
  "учителя",
  "педагог",
  "педагоги",
  "педагогические",
  "члены",
  "проектная",
  "проектные",
  "классные",
  "классный",
  "ответственный",
  "ответственные",
  "куратор",
  "кураторы",
  "наставник",
  "наставники",
  "координатор",
  "начальник",
  "заведующий",
  "заведующая",
  "главный",
  "ведущий",
  "старший",
  "все",
  "психолог",
  "тьютор",
  "тьюторы",
  "эксперт",
  "эксперты",
  "совет",
  "центр",
  "служба",
  "муниципальный",
  "муниципальная",
  "образовательные",
  "общеобразовательные",
  "родители",
  "сотрудники",
  "работники",
  "представители",
  "коллектив",
  "команда",
  "команды",
  "секретарь",
  "инспектор",
  "консультант",
  "советник",
  "социальный",
]);

/** First words of a unit that names a group, not one person's position. */
const GROUP_FIRST_WORDS = new Set([
  "специалисты",
  "руководители",
  "педагоги",
  "педагогические",
  "учителя",
  "методисты",
  "члены",
  "сотрудники",
  "работники",
  "команды",
  "команда",
  "представители",
  "кураторы",
  "наставники",
  "тьюторы",
  "эксперты",
  "все",
  "классные",
  "администрация",
  "отдел",
  "управление",
  "комитет",
  "группа",
  "рабочая",
  "школьный",
  "школьные",
  "образовательные",
  "общеобразовательные",
  "организации",
  "проектные",
  "проектная",
  "родители",
  "коллектив",
  "объединения",
  "методические",
]);

const LABEL_RE =
  /^(?:ответственн(?:ый|ая|ые|ое лицо|ые лица)(?: исполнител(?:ь|и))?|исполнител(?:ь|и)|исп\.?|отв\.?|ответств\.?|контроль)$/i;
const DROP_RE =
  /^(?:и|а также|также|совместно с|при участии|с|и др\.?|\(?по согласованию\)?|\(?по согл\.?\)?)$/i;
const PLACEHOLDER_RE =
  /^(?:[-–—‐‑_?.…x×хХ0]+|нет|не указан[аоы]?|не назначен[аоы]?|отсутству(?:ет|ют)|н\/д|н\/а|—\s*|)$/i;
const PREPOSITIONS = new Set([
  "в",
  "во",
  "на",
  "с",
  "со",
  "по",
  "для",
  "из",
  "от",
  "до",
  "при",
  "к",
  "у",
  "и",
  "за",
]);

interface Unit {
  first: number; // token indexes
  last: number;
  text: string;
}

function sliceText(s: string, tokens: Token[], first: number, last: number): string {
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

function cleanUnit(text: string): string {
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

function hasLetters(t: string): boolean {
  return new RegExp(`[${LETTER}]`).test(t);
}

/** Split a run of non-person tokens into role units. */
function splitUnits(s: string, tokens: Token[], from: number, to: number): Unit[] {
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

/** Cut words of a position, followed by a full stop ("ЗАМ. ДИРЕКТОРА", "Нач. отдела"): the phrase goes on. */
const DOTTED_ROLE_ABBREVIATIONS = new Set([
  "зам",
  "нач",
  "зав",
  "рук",
  "рук-ль",
  "гл",
  "ст",
  "спец",
  "дир",
  "кл",
  "пед",
  "соц",
  "учит",
  "зам-ль",
  "пред",
  "предс",
  "отв",
  "вед",
]);

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

// ---------------------------------------------------------------- reading

function emptyDetails(raw: string): ResponsibleDetails {
  return { raw, persons: [], roles: [] };
}

/** The full reading of a cell: persons with how they were written and their positions, and the roles. */
export function readResponsibleDetails(
  raw: string | null | undefined | unknown,
  ctx: ResponsibleContext = {},
): ResponsibleDetails {
  const rawText = typeof raw === "string" ? raw.trim() : raw == null ? "" : String(raw).trim();
  capsCell = /[А-ЯЁ]{2}/.test(rawText) && !/[а-яё]/.test(rawText);
  try {
    return readInner(rawText, ctx);
  } catch {
    // Never fail a whole check over one odd cell: keep it as one role.
    const t = rawText.replace(/\s+/g, " ").trim();
    return { raw: rawText, persons: [], roles: t ? [t] : [] };
  } finally {
    capsCell = false;
  }
}

function readInner(rawText: string, ctx: ResponsibleContext): ResponsibleDetails {
  const s = plainText(rawText);
  if (PLACEHOLDER_RE.test(s.replace(/\s+/g, " ").trim())) return emptyDetails(rawText);
  const tokens = tokenize(s);
  if (tokens.length === 0) return emptyDetails(rawText);

  const used = new Array<boolean>(tokens.length).fill(false);
  const found: Found[] = findFullNames(tokens, used);
  const slots = initSlots(tokens, used);
  let prefer = ctx.nameOrder;
  if (!prefer) {
    const e = orderEvidence(tokens);
    prefer = e.inf > e.sf ? "initials-first" : "surname-first";
  }
  const choice = pairInitials(slots, prefer);
  slots.forEach((slot, k) => {
    const c = choice[k];
    if (c === "none") return;
    const other = c === "left" ? slot.left : slot.right;
    used[slot.idx] = used[other] = true;
    found.push({
      first: Math.min(slot.idx, other),
      last: Math.max(slot.idx, other),
      surname: surnameForm(tokens[other])!,
      initials: initialsOf(tokens[slot.idx].letters ?? []),
    });
  });
  found.sort((a, b) => a.first - b.first);

  // Units between persons; remember which separators stand between a unit and the persons around it.
  const units: Unit[] = [];
  let cursor = 0;
  for (const f of found) {
    if (f.first > cursor) units.push(...splitUnits(s, tokens, cursor, f.first - 1));
    cursor = f.last + 1;
  }
  if (cursor < tokens.length) units.push(...splitUnits(s, tokens, cursor, tokens.length - 1));

  const kept = units
    .map((u) => ({ ...u, text: cleanUnit(u.text) }))
    .filter((u) => u.text && hasLetters(u.text) && !DROP_RE.test(u.text));
  const roleUnits = kept.filter((u) => !(LABEL_RE.test(u.text) && (found.length > 0 || kept.length > 1)));

  const mentions: PersonMention[] = found.map((f) => ({
    surname: f.surname,
    initials: f.initials,
    written: sliceText(s, tokens, f.first, f.last),
    position: null,
  }));
  attachPositions(tokens, found, roleUnits, mentions);
  return { raw: rawText, persons: mentions, roles: roleUnits.map((u) => u.text) };
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
function attachPositions(tokens: Token[], found: Found[], units: Unit[], mentions: PersonMention[]): void {
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

/** The contract reading of a «Ответственные» cell. Never throws. */
export function readResponsible(raw: string | null | undefined, ctx: ResponsibleContext = {}): Responsible {
  const d = readResponsibleDetails(raw, ctx);
  return {
    raw: d.raw,
    persons: d.persons.map((p) => ({ surname: p.surname, initials: p.initials })),
    roles: d.roles,
  };
}

/** "Грицина Н.В." */
export function personName(p: Person): string {
  return p.initials ? `${p.surname} ${p.initials}` : p.surname;
}
