/** Russian text primitives shared by every reader: the normaliser, Latin look-alikes, month names. */
export { hasMarkup, markupToText, withoutMarkdownMarks } from "./markup";
export { foldWord, normalizeForMatch, normalizeRuText, plainText } from "./normalize";
export { plural, pluralWord } from "./plural";
export { LATIN_TO_CYRILLIC, foldHomoglyphs, isCyrillicUpperOrTwin, toCyrillicLetter } from "./homoglyphs";
export {
  MONTHS_GENITIVE,
  MONTHS_NOMINATIVE,
  MONTH_PATTERN,
  MONTH_STEMS,
  MONTH_STEM_PATTERN,
  genitiveMonth,
  isMonthWord,
  monthNumber,
  monthTitle,
} from "./months";
