import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
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

/** Every .ts/.tsx file under src but the dictionaries themselves. */
function sourceText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return p.endsWith(path.join("taskpane", "i18n")) ? "" : sourceText(p);
      return /\.tsx?$/.test(e.name) ? readFileSync(p, "utf8") : "";
    })
    .join("\n");
}

describe("i18n keys in use", () => {
  const src = sourceText(path.join(__dirname, "../../src"));
  // A key built at run time: t(`severity_${g.severity}`) refers to every key «severity_…».
  const prefixes = [...src.matchAll(/`([A-Za-z]\w*_)\$\{/g)].map((m) => m[1]);
  const referenced = (key: string) =>
    src.includes(`"${key}"`) || src.includes(`'${key}'`) || prefixes.some((p) => key.startsWith(p));

  it("finds the run-time prefixes it relies on (the check below would pass vacuously otherwise)", () => {
    expect([...new Set(prefixes)].sort()).toEqual(
      expect.arrayContaining(["family_", "role_", "roleSeverity_", "severity_"]),
    );
  });

  it("has every dictionary key referenced somewhere in src", () => {
    expect(Object.keys(ru).filter((k) => !referenced(k))).toEqual([]);
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

describe("plural forms (Intl.PluralRules)", () => {
  const ru = translator("ru");
  const en = translator("en");

  it("agree the Russian noun with the number, as a reader expects", () => {
    // One, few (2–4, 22–24…), many (5–20, 25…, 11–14).
    const rows = (count: number) => ru("gridCapped", { shown: 500, count });
    expect(rows(2703)).toContain("ещё 2703 строки не показаны");
    expect(rows(1)).toContain("ещё 1 строка не показана");
    expect(rows(21)).toContain("ещё 21 строка не показана");
    expect(rows(11)).toContain("ещё 11 строк не показаны");
    expect(rows(25)).toContain("ещё 25 строк не показаны");
    expect(ru("previewOpened", { name: "к.xlsx", count: 3 })).toBe("Открыта книга «к.xlsx»: 3 листа.");
    expect(ru("previewOpened", { name: "к.xlsx", count: 5 })).toBe("Открыта книга «к.xlsx»: 5 листов.");
    expect(ru("findingsCount", { count: 1 })).toBe("1 замечание");
  });

  it("use English singular and plural", () => {
    expect(en("previewOpened", { name: "a.xlsx", count: 1 })).toBe("Opened «a.xlsx»: 1 sheet.");
    expect(en("previewOpened", { name: "a.xlsx", count: 2 })).toBe("Opened «a.xlsx»: 2 sheets.");
  });

  it("say which header rows, not how many", () => {
    expect(ru("headerRowsValue", { count: 1, rows: "46" })).toBe("строка 46");
    expect(ru("headerRowsValue", { count: 2, rows: "5, 6" })).toBe("строки 5, 6");
  });

  it("leave a plural visible when its number is missing", () => {
    expect(format("{n, plural, one {# строка} other {# строки}}", {})).toBe(
      "{n, plural, one {# строка} other {# строки}}",
    );
  });
});
