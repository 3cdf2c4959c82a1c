/**
 * Rules over the document's text as a whole (every cell of every sheet, not only the roadmap table):
 * placeholders left in ("№ хх", "___"), and one school or organisation spelled two ways.
 */
import { a1, cellText, type WorkbookGrid } from "../grid";
import { editDistance } from "../edit-distance";
import { foldWord } from "../ru";
import type { Finding } from "../model";
import { markupToText } from "../ru";

export { editDistance };

interface Located {
  sheet: string;
  cell: string;
  text: string;
}

function* cells(wb: WorkbookGrid): Generator<Located> {
  for (const sheet of wb.sheets)
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string") continue;
        const text = markupToText(cellText(v));
        if (text) yield { sheet: sheet.name, cell: a1(r, c), text };
      }
    }
}

/** Placeholders a drafter meant to fill in. Each pattern says what it is, for the message. */
const PLACEHOLDERS: { re: RegExp; what: string; severity: Finding["severity"] }[] = [
  { re: /№\s*[хxХX]{1,4}(?![а-яёa-z])/u, what: "номер «№ хх»", severity: "warning" },
  { re: /\b[хxХX]{2}\.[хxХX]{2}\.(?:[хxХX]{2,4}|\d{4})/u, what: "дата «хх.хх.хххх»", severity: "warning" },
  { re: /\b00\.00\.(?:00|0000)\b/u, what: "дата «00.00.0000»", severity: "warning" },
  {
    re: /\[(?:указать|вписать|дата|ФИО|номер)[^\]]*\]/iu,
    what: "пометка в квадратных скобках",
    severity: "warning",
  },
  // A date of a form left blank: «"__" ________ 2025 г.», «__.__.2025».
  {
    re: /[«"“„]\s*_{1,3}\s*[»"”“]\s*_{2,}|_{2}\s*\.\s*_{2}\s*\.\s*(?:\d{2,4}|_{2,4})/u,
    what: 'незаполненная дата «"__" ______ 20__ г.»',
    severity: "warning",
  },
  // Underscores are also fill-in lines of forms, so they only inform.
  { re: /_{3,}/u, what: "прочерк для заполнения «___»", severity: "info" },
];

/** "____________ И.И. Петров", "_______ (подпись)": a line to sign on, not a blank left unfilled. */
const PERSON = String.raw`(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)`;
const SIGNATURE_LINE = new RegExp(
  String.raw`^_{3,}\s*(?:\(?подпись\)?|${PERSON})\s*$|^${PERSON}\s*_{3,}$|(?:^|\s)(?:подпись|М\.П\.)`,
  "u",
);

export function placeholderFindings(wb: WorkbookGrid): Finding[] {
  const findings: Finding[] = [];
  for (const { sheet, cell, text } of cells(wb)) {
    for (const { re, what, severity } of PLACEHOLDERS) {
      const m = re.exec(text);
      if (!m) continue;
      if (m[0].startsWith("_") && SIGNATURE_LINE.test(text)) continue;
      findings.push({
        rule: "text.placeholder",
        severity,
        sheet,
        cell,
        message: `Текст не дописан: ${what} в «${context(text, m.index, m[0].length)}»`,
        suggestion: "Впишите настоящее значение",
      });
      break;
    }
  }
  return findings;
}

function context(text: string, at: number, len: number): string {
  const from = Math.max(0, at - 25);
  const to = Math.min(text.length, at + len + 10);
  return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
}

/** School types: a name written with two different types ("Суховская ООШ" / "Суховская СОШ") is suspicious. */
const SCHOOL_TYPE = "СОШ|ООШ|НОШ|ОСШ|СШ|гимназия|лицей|школа|ЦО";
/** "Суклакская СОШ", "«Шумская СОШ»", "Кировская гимназия": a place adjective before a school type. */
const ORG_NAME = new RegExp(
  `(?<![А-Яа-яЁё])([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?:ская|ской|ский|цкая|цкой|ная|ной|ое|ая))\\s+(${SCHOOL_TYPE})(?![А-Яа-яЁё])`,
  "gu",
);

interface OrgMention extends Located {
  name: string;
  type: string;
}

function orgMentions(wb: WorkbookGrid): OrgMention[] {
  const out: OrgMention[] = [];
  for (const loc of cells(wb)) {
    ORG_NAME.lastIndex = 0;
    for (let m = ORG_NAME.exec(loc.text); m; m = ORG_NAME.exec(loc.text)) {
      out.push({ ...loc, name: m[1], type: m[2].toUpperCase() });
    }
  }
  return out;
}

/** Case endings vary legitimately ("Шумской СОШ"), so names are compared by their stem. */
function stem(name: string): string {
  return foldWord(name).replace(/(ская|ской|ский|цкая|цкой|ная|ной|ое|ая)$/u, "");
}

export function organisationFindings(wb: WorkbookGrid): Finding[] {
  const mentions = orgMentions(wb);
  const firstByName = new Map<string, OrgMention>();
  const typesByStem = new Map<string, Map<string, OrgMention>>();
  for (const m of mentions) {
    const s = stem(m.name);
    if (!firstByName.has(s)) firstByName.set(s, m);
    const types = typesByStem.get(s) ?? new Map<string, OrgMention>();
    if (!types.has(m.type)) types.set(m.type, m);
    typesByStem.set(s, types);
  }
  const findings: Finding[] = [];

  // One name, two spellings: stems one edit apart (long enough that this is not chance).
  const stems = [...firstByName.keys()];
  for (let i = 0; i < stems.length; i++)
    for (let j = i + 1; j < stems.length; j++) {
      const a = stems[i];
      const b = stems[j];
      if (Math.min(a.length, b.length) < 5) continue;
      if (editDistance(a, b, 1) !== 1) continue;
      const first = firstByName.get(a)!;
      const second = firstByName.get(b)!;
      findings.push({
        rule: "organisation.spelling-variants",
        severity: "warning",
        sheet: second.sheet,
        cell: second.cell,
        message: `Похоже, одна организация написана по-разному: «${first.name} ${first.type}» (${first.sheet}!${first.cell}) и «${second.name} ${second.type}»`,
        suggestion: "Проверьте название по официальному списку организаций и исправьте написание",
      });
    }

  // One name, two school types: "Суховская ООШ" and "Суховская СОШ".
  for (const [, types] of typesByStem) {
    const list = [...types.values()].filter((m) => /^(СОШ|ООШ|НОШ|ОСШ|СШ)$/.test(m.type));
    if (list.length < 2) continue;
    const [first, second] = list;
    findings.push({
      rule: "organisation.type-variants",
      severity: "warning",
      sheet: second.sheet,
      cell: second.cell,
      message: `Школа названа по-разному: «${first.name} ${first.type}» (${first.sheet}!${first.cell}) и «${second.name} ${second.type}»`,
      suggestion: "Уточните тип школы (СОШ, ООШ…) и исправьте название",
    });
  }
  return findings;
}
