/**
 * Rules over the «Ответственные» cells:
 * - responsible.missing — nobody responsible (empty, "нет", "—");
 * - responsible.vague-role — only roles or units, no named person (severity tunable, info by default);
 * - responsible.same-person-variants — one person written two ways ("Грицина Н.В." / "Грицына Н.В.");
 * - responsible.truncated-word — "руководитель рабочей групп" where the document elsewhere says "…группы";
 * - responsible.not-in-directory — a person the user's «Ответственные» sheet does not list.
 * A finding is pinned to the responsible column and the activity's first row.
 */
import type { ActivityRow, Finding, RoadmapTable, Severity } from "../model";
import {
  DIRECTORY_SHEET,
  clusterOccurrences,
  collectOccurrences,
  findInDirectory,
  personKey,
  type PeopleDirectory,
  type PersonOccurrence,
} from "../people-directory";
import { personName } from "../responsible";
import { foldWord } from "../ru";

export interface ResponsibleRuleOptions {
  /** The user's directory (sheet «Ответственные»), when the workbook has one. */
  directory?: PeopleDirectory | null;
  /** How loud «only a vague role» is. Default "info". */
  vagueRoleSeverity?: Severity;
}

interface Cell {
  table: RoadmapTable;
  row: ActivityRow;
  cell: string;
}

function activityCells(tables: RoadmapTable[]): Cell[] {
  const out: Cell[] = [];
  for (const table of tables) {
    const column = table.columns.responsible[0];
    if (!column) continue;
    for (const row of table.rows) {
      if (row.kind !== "activity") continue;
      out.push({ table, row, cell: `${column}${row.rows[0] ?? row.row}` });
    }
  }
  return out;
}

function activityLabel(row: ActivityRow): string {
  const name = row.activity.replace(/\s+/g, " ").trim();
  const short = name.length > 60 ? `${name.slice(0, 57).trimEnd()}…` : name;
  if (row.number) return `мероприятие ${row.number.replace(/\.$/, "")}`;
  return short ? `мероприятие «${short}»` : "мероприятие";
}

function quoteShort(text: string, max = 70): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

function listCells(cells: string[], max = 5): string {
  const uniq = [...new Set(cells)];
  return uniq.length > max ? `${uniq.slice(0, max).join(", ")}…` : uniq.join(", ");
}

// ---------------------------------------------------------------- missing and vague

function missingAndVague(cells: Cell[], vagueSeverity: Severity): Finding[] {
  const out: Finding[] = [];
  for (const { table, row, cell } of cells) {
    const r = row.responsible;
    if (r.persons.length > 0) continue;
    if (r.roles.length === 0) {
      const raw = r.raw.replace(/\s+/g, " ").trim();
      out.push({
        rule: "responsible.missing",
        severity: "error",
        sheet: table.sheet,
        cell,
        message: raw
          ? `Не указан ответственный за ${activityLabel(row)} (в ячейке «${quoteShort(raw, 20)}»)`
          : `Не указан ответственный за ${activityLabel(row)}`,
        suggestion:
          "Укажите ответственного: фамилию и инициалы (например, «Иванова А.А.») и при необходимости должность",
      });
      continue;
    }
    out.push({
      rule: "responsible.vague-role",
      severity: vagueSeverity,
      sheet: table.sheet,
      cell,
      message: `За ${activityLabel(row)} отвечает только должность или подразделение («${quoteShort(r.roles.join(", "))}») — без фамилии`,
      suggestion: "Назовите конкретного исполнителя: фамилию и инициалы, чтобы было с кого спросить",
    });
  }
  return out;
}

// ---------------------------------------------------------------- the same person written two ways

function variantFindings(occurrences: PersonOccurrence[]): Finding[] {
  const out: Finding[] = [];
  for (const cluster of clusterOccurrences(occurrences)) {
    const byKey = new Map<string, PersonOccurrence[]>();
    for (const o of cluster.occurrences) {
      const k = personKey(o);
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(o);
    }
    if (byKey.size < 2) continue;
    const mainKey = personKey(cluster.canonical);
    const main = byKey.get(mainKey) ?? [];
    const mainName = personName(cluster.canonical);
    for (const [k, occ] of byKey) {
      if (k === mainKey) continue;
      const other = personName(occ[0]);
      out.push({
        rule: "responsible.same-person-variants",
        severity: "warning",
        sheet: occ[0].sheet,
        cell: occ[0].cell,
        message:
          `Похоже, один человек записан по-разному: «${other}» (${listCells(occ.map((o) => o.cell))}) ` +
          `и «${mainName}» (${listCells(main.map((o) => o.cell))})`,
        suggestion: `Запишите везде одинаково: «${mainName}»`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- truncated words

interface WordSeen {
  count: number;
  phrase: string;
  where: { sheet: string; cell: string }[];
}

const WORD_RE = /[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*/g;

/**
 * A word cut short ("групп") is a strict prefix (1–3 letters shorter) of a word ("группы") that the document
 * uses after the same two preceding words, and the fuller form is the usual one there. The shared context keeps
 * legitimate forms apart ("рабочих групп" vs "рабочей группы" differ in the preceding word).
 */
function truncatedWordFindings(cells: Cell[]): Finding[] {
  const contexts = new Map<string, Map<string, WordSeen>>();
  for (const { table, row, cell } of cells) {
    for (const role of row.responsible.roles) {
      const words = role.replace(/([а-яё])-\s+(?=[а-яё])/gi, "$1-").match(WORD_RE) ?? [];
      for (let i = 2; i < words.length; i++) {
        const w = words[i];
        if (/^[A-ZА-ЯЁ-]{2,}$/.test(w)) continue; // abbreviations
        const ctx = `${foldWord(words[i - 2])} ${foldWord(words[i - 1])}`;
        if (!contexts.has(ctx)) contexts.set(ctx, new Map());
        const seen = contexts.get(ctx)!;
        const key = foldWord(w);
        if (!seen.has(key))
          seen.set(key, { count: 0, phrase: `${words[i - 2]} ${words[i - 1]} ${w}`, where: [] });
        const s = seen.get(key)!;
        s.count++;
        s.where.push({ sheet: table.sheet, cell });
      }
    }
  }
  const out: Finding[] = [];
  for (const seen of contexts.values()) {
    for (const [short, s] of seen) {
      if (short.length < 3) continue;
      let best: WordSeen | null = null;
      for (const [long, l] of seen) {
        const extra = long.length - short.length;
        if (extra < 1 || extra > 3 || !long.startsWith(short)) continue;
        if (l.count <= s.count || (s.count > 1 && l.count < 3 * s.count)) continue;
        if (!best || l.count > best.count) best = l;
      }
      if (!best) continue;
      for (const w of s.where) {
        out.push({
          rule: "responsible.truncated-word",
          severity: "warning",
          sheet: w.sheet,
          cell: w.cell,
          message: `Похоже, слово обрезано: «${s.phrase}» — в других строках «${best.phrase}»`,
          suggestion: `Исправьте на «${best.phrase}»`,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- the user's directory

function directoryFindings(occurrences: PersonOccurrence[], dir: PeopleDirectory): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map<string, PersonOccurrence[]>();
  for (const o of occurrences) {
    const k = personKey(o);
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k)!.push(o);
  }
  for (const occ of byKey.values()) {
    const p = occ[0];
    const name = personName(p);
    const m = findInDirectory(dir, p);
    if (m.exact) continue;
    const cells = listCells(occ.map((o) => o.cell));
    if (m.close) {
      out.push({
        rule: "responsible.not-in-directory",
        severity: "warning",
        sheet: p.sheet,
        cell: p.cell,
        message: `«${name}» (${cells}) нет на листе «${DIRECTORY_SHEET}», но там есть «${m.close.name}»`,
        suggestion: `Если это один человек, исправьте на «${m.close.name}» или добавьте «${name}» в варианты написания`,
      });
    } else {
      out.push({
        rule: "responsible.not-in-directory",
        severity: "info",
        sheet: p.sheet,
        cell: p.cell,
        message: `«${name}» (${cells}) нет на листе «${DIRECTORY_SHEET}»`,
        suggestion: `Проверьте написание или добавьте человека на лист «${DIRECTORY_SHEET}»`,
      });
    }
  }
  return out;
}

export function responsibleFindings(tables: RoadmapTable[], opts: ResponsibleRuleOptions = {}): Finding[] {
  const cells = activityCells(tables);
  const occurrences = collectOccurrences(tables);
  const out = [
    ...missingAndVague(cells, opts.vagueRoleSeverity ?? "info"),
    ...variantFindings(occurrences),
    ...truncatedWordFindings(cells),
  ];
  if (opts.directory) out.push(...directoryFindings(occurrences, opts.directory));
  return out;
}
