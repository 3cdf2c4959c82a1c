import { en } from "../../src/taskpane/i18n/en";
import { ru } from "../../src/taskpane/i18n/ru";
import { defaultLanguage, format, translator } from "../../src/taskpane/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n dictionaries", () => {
  it("have exactly the same keys in Russian and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it("have no empty message in either language", () => {
    for (const dict of [ru, en])
      for (const [k, v] of Object.entries(dict)) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(ru[key])]);
    }
  });

  it("keep Russian texts in Russian (Cyrillic in every Russian message)", () => {
    const latinOnly = Object.entries(ru).filter(([, v]) => !/[А-Яа-яЁё]/.test(v));
    expect(latinOnly).toEqual([]);
  });
});

describe("defaultLanguage", () => {
  it("is Russian unless Office speaks English", () => {
    expect(defaultLanguage("ru-RU", null)).toBe("ru");
    expect(defaultLanguage("en-US", null)).toBe("en");
    expect(defaultLanguage("EN-gb", null)).toBe("en");
    expect(defaultLanguage("de-DE", null)).toBe("ru");
    expect(defaultLanguage(null, null)).toBe("ru");
  });

  it("prefers the remembered choice, ignoring junk in storage", () => {
    expect(defaultLanguage("en-US", "ru")).toBe("ru");
    expect(defaultLanguage("ru-RU", "en")).toBe("en");
    expect(defaultLanguage("en-US", "fr")).toBe("en");
  });
});

describe("format / translator", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Найдено таблиц: {count}", { count: 2 })).toBe("Найдено таблиц: 2");
    expect(format("{a} и {b}", { a: "x" })).toBe("x и {b}");
  });

  it("translates with parameters", () => {
    expect(translator("ru")("tablesFound", { count: 3 })).toBe("Найдено таблиц: 3");
    expect(translator("en")("tablesFound", { count: 3 })).toBe("Tables found: 3");
  });
});
