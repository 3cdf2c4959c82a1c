/** The tokens of a «Ответственные» cell: words, initials («Н.В.», «Н. В.», «Н.»), quotes, punctuation. */
import { isCyrillicUpperOrTwin, toCyrillicLetter } from "../ru";

type TokenKind = "init" | "word" | "quote" | "punct" | "other";

export interface Token {
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
export const LETTER = "A-Za-zА-Яа-яЁё";
const INIT_RE = new RegExp(
  `([${UPPER}])\\.(?:[ ]{0,2}([${UPPER}])(?:\\.|(?=[\\s,;:)\\-–—]|$)))?(?![${LETTER}]\\.)`,
  "y",
);
// An apostrophe inside a word joins it: «О'Нил», «Д’Артаньян», «Оʼ Нил» is not meant (no space).
const WORD_RE = new RegExp(`[${LETTER}]+(?:[-‐‑'’ʼ][${LETTER}]+)*[-‐‑]?`, "y");
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

export function tokenize(s: string): Token[] {
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
