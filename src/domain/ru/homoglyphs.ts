/**
 * Latin letters that look like Cyrillic ones. Text pasted from Word or typed on the wrong keyboard layout
 * carries them inside Cyrillic words («Ceнтябрь» with a Latin C, «Ивaнова T.H.»): readers fold them back.
 */

/** Every Latin letter with a Cyrillic twin, both cases. */
export const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};

const HOMOGLYPH = /[ABCEHKMOPTXYabcehkmoptxy]/g;

/** A Latin look-alike → its Cyrillic twin; any other character unchanged. */
export function toCyrillicLetter(ch: string): string {
  return LATIN_TO_CYRILLIC[ch] ?? ch;
}

/** Is the character Cyrillic upper case, or a Latin letter that passes for one? */
export function isCyrillicUpperOrTwin(ch: string): boolean {
  return /[А-ЯЁ]/.test(ch) || (ch in LATIN_TO_CYRILLIC && ch === ch.toUpperCase());
}

/**
 * A word mixing Cyrillic and Latin letters gets its Latin look-alikes replaced, case kept. A wholly Latin word
 * («online», «II») is left alone: it is not a mistyped Russian word.
 */
export function foldHomoglyphs(word: string): string {
  if (!/[а-яёА-ЯЁ]/.test(word) || !/[A-Za-z]/.test(word)) return word;
  return word.replace(HOMOGLYPH, (ch) => LATIN_TO_CYRILLIC[ch]);
}
