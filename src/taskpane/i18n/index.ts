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

/** Fills "{name}" placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const dict = dictionaries[lang];
  return (key, params) => format(dict[key] ?? ru[key] ?? key, params);
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
