import { en } from "./en";
import { ru, type Dictionary, type MessageKey } from "./ru";

export type Language = "ru" | "en";
export type { Dictionary, MessageKey };

export const dictionaries: Record<Language, Dictionary> = { ru, en };

const STORAGE_KEY = "roadmap-monitor.language";

/** Russian unless Office (or the remembered choice) says English. */
export function defaultLanguage(
  displayLanguage: string | null | undefined,
  remembered: string | null,
): Language {
  if (remembered === "ru" || remembered === "en") return remembered;
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "ru";
}

// «{count, plural, one {# строка} few {# строки} many {# строк} other {# строки}}»: the ICU message syntax
// translators know, reduced to what the dictionaries use; the form is chosen by Intl.PluralRules.
const PLURAL = /\{(\w+),\s*plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(\w+)\s*\{([^{}]*)\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralForm(lang: Language, n: number, forms: string): string | null {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const wanted = rules.select(n);
  let other: string | null = null;
  for (const [, category, text] of forms.matchAll(PLURAL_FORM)) {
    if (category === wanted) return text.replace(/#/g, String(n));
    if (category === "other") other = text.replace(/#/g, String(n));
  }
  return other;
}

/**
 * Fills "{name}" placeholders and plural selections; unknown placeholders stay visible so a missing value
 * is noticed.
 */
export function format(
  template: string,
  params?: Record<string, string | number>,
  lang: Language = "ru",
): string {
  if (!params) return template;
  // Plain placeholders first, so a plural form may hold one («строки {rows}»).
  return template
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
    .replace(PLURAL, (m, name: string, forms: string) => {
      const n = Number(params[name]);
      return name in params && Number.isFinite(n) ? (pluralForm(lang, n, forms) ?? m) : m;
    });
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const dict = dictionaries[lang];
  return (key, params) => format(dict[key] ?? ru[key] ?? key, params, lang);
}

export function rememberedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage blocked (private mode, sandboxed iframe)
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered: the choice still holds for this session.
  }
}

/** Office's UI language when running in Office; null in the preview. */
export function officeDisplayLanguage(): string | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null;
  } catch {
    return null;
  }
}
