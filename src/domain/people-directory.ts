/**
 * The people directory: every person named in the responsible columns, one entry per person even when the
 * document writes them two ways ("Грицина Н.В." / "Грицина Н. В." / "Н.В. Грицина" / "Грицына Н.В."), with the
 * positions, the activities (with their deadlines and sheets: who does what, and by when) and sections seen. It is written to the sheet «Ответственные», which the user
 * may then edit; the sheet is read back and used by validation. Writing never overwrites the user's cells.
 */
import { z } from "zod";
import type { EditOp, EditPlan } from "./edit-plan";
import { cellText, type CellValue, type SheetGrid } from "./grid";
import type { ActivityRow, Person, RoadmapTable } from "./model";
import { inferNameOrder, personName, readResponsibleDetails } from "./responsible";
import { foldWord } from "./ru";
import { editDistance } from "./edit-distance";

export { editDistance };

export const DIRECTORY_SHEET = "Ответственные";
export const DIRECTORY_HEADER = [
  "Ответственный",
  "Должности",
  "Число мероприятий",
  "Разделы",
  "Варианты написания",
  "Мероприятия (лист, строка, срок)",
] as const;

/** One activity a person is responsible for, as the contract's `people` lists it. */
export const AssignedActivity = z.object({
  sheet: z.string(),
  /** The activity's first sheet row, 1-based. */
  row: z.number().int().positive(),
  activity: z.string(),
  /** The «Сроки» cell as written ("" when empty). */
  deadline: z.string(),
});
export type AssignedActivity = z.infer<typeof AssignedActivity>;

export const DirectoryPerson = z.object({
  /** Canonical "Фамилия И.О." (or the text as the user wrote it when it is not a name). */
  name: z.string(),
  surname: z.string(),
  /** "Н.В."; empty when the entry is not a named person. */
  initials: z.string(),
  positions: z.array(z.string()),
  activities: z.number().int().nonnegative(),
  sections: z.array(z.string()),
  /** Every spelling seen, as written. */
  variants: z.array(z.string()),
  /** The activities, in the order of the document (tables, then rows). */
  assigned: z.array(AssignedActivity),
});
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;

export const PeopleDirectory = z.object({ people: z.array(DirectoryPerson) });
export type PeopleDirectory = z.infer<typeof PeopleDirectory>;

/** One mention of a person in one activity's responsible cell. */
export interface PersonOccurrence {
  sheet: string;
  /** Responsible column letter + the activity's first row ("E8"). */
  cell: string;
  table: number;
  activityRow: number;
  section: string | null;
  surname: string;
  initials: string;
  written: string;
  position: string | null;
  /** The activity's text and its «Сроки» cell as written. */
  activity: string;
  deadline: string;
}

/** Occurrences of one person, possibly under several spellings. */
export interface PersonCluster {
  /** The most frequent spelling's person. */
  canonical: Person;
  occurrences: PersonOccurrence[];
}

// ---------------------------------------------------------------- identity of persons

export function personKey(p: Person): string {
  return `${foldWord(p.surname)}|${p.initials.toUpperCase()}`;
}

/** "Иванов" / "Иванова": a man and a woman, not a typo. */
function genderPair(a: string, b: string): boolean {
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  return l === `${s}а` && /(ов|ев|ёв|ин|ын)$/.test(s);
}

/** A typo in the surname (one edit) with the same initials. */
export function likelyTypo(a: Person, b: Person): boolean {
  if (a.initials !== b.initials || !a.initials) return false;
  const x = foldWord(a.surname);
  const y = foldWord(b.surname);
  if (x === y || Math.min(x.length, y.length) < 4 || genderPair(x, y)) return false;
  return editDistance(x, y, 1) === 1;
}

/** One initial missing: "Грицина Н." vs "Грицина Н.В.". */
function initialsExtend(short: Person, full: Person): boolean {
  return (
    foldWord(short.surname) === foldWord(full.surname) &&
    short.initials.length < full.initials.length &&
    short.initials.length > 0 &&
    full.initials.startsWith(short.initials)
  );
}

/** Is this the same person written another way? */
export function samePerson(a: Person, b: Person): boolean {
  return personKey(a) === personKey(b) || likelyTypo(a, b) || initialsExtend(a, b) || initialsExtend(b, a);
}

// ---------------------------------------------------------------- occurrences and clusters

/** Every person mention in the responsible columns of every table, in reading order. */
export function collectOccurrences(tables: RoadmapTable[]): PersonOccurrence[] {
  const out: PersonOccurrence[] = [];
  tables.forEach((table, ti) => {
    const activities = table.rows.filter((r): r is ActivityRow => r.kind === "activity");
    const order = inferNameOrder(activities.map((a) => a.responsible.raw));
    const column = table.columns.responsible[0];
    if (!column) return;
    const cache = new Map<string, ReturnType<typeof readResponsibleDetails>>();
    for (const a of activities) {
      const first = a.rows[0] ?? a.row;
      let details = cache.get(a.responsible.raw);
      if (!details)
        cache.set(
          a.responsible.raw,
          (details = readResponsibleDetails(a.responsible.raw, { nameOrder: order })),
        );
      for (const p of details.persons) {
        out.push({
          sheet: table.sheet,
          cell: `${column}${first}`,
          table: ti,
          activityRow: first,
          section: a.section,
          surname: p.surname,
          initials: p.initials,
          written: p.written,
          position: p.position,
          activity: a.activity,
          deadline: a.deadline.raw,
        });
      }
    }
  });
  return out;
}

/**
 * Group occurrences by person: the same key, a typo in the surname with the same initials, or one initial
 * missing when only one fuller spelling fits.
 */
export function clusterOccurrences(occurrences: PersonOccurrence[]): PersonCluster[] {
  const keys: string[] = [];
  const byKey = new Map<string, PersonOccurrence[]>();
  for (const o of occurrences) {
    const k = personKey(o);
    if (!byKey.has(k)) {
      byKey.set(k, []);
      keys.push(k);
    }
    byKey.get(k)!.push(o);
  }
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const person = (k: string): Person => byKey.get(k)![0];

  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      if (likelyTypo(person(keys[i]), person(keys[j]))) union(keys[i], keys[j]);
    }
  }
  for (const k of keys) {
    const fuller = keys.filter((f) => initialsExtend(person(k), person(f)));
    if (fuller.length === 1) union(k, fuller[0]);
  }

  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const r = find(k);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(k);
  }
  const clusters: PersonCluster[] = [];
  for (const members of groups.values()) {
    const best = [...members].sort((a, b) => {
      const byCount = byKey.get(b)!.length - byKey.get(a)!.length;
      if (byCount) return byCount;
      return person(b).initials.length - person(a).initials.length;
    })[0];
    const occ = members.flatMap((k) => byKey.get(k)!);
    occ.sort((a, b) => a.table - b.table || a.activityRow - b.activityRow);
    clusters.push({
      canonical: { surname: mostCommonSpelling(byKey.get(best)!), initials: person(best).initials },
      occurrences: occ,
    });
  }
  return clusters;
}

/** "Семёнова" and "Семенова" share a key; keep the spelling written most often. */
function mostCommonSpelling(occ: PersonOccurrence[]): string {
  const counts = new Map<string, number>();
  for (const o of occ) counts.set(o.surname, (counts.get(o.surname) ?? 0) + 1);
  let best = occ[0].surname;
  for (const [s, n] of counts) if (n > (counts.get(best) ?? 0)) best = s;
  return best;
}

function distinct(values: (string | null)[], keyOf: (text: string) => string = (t) => t): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = (v ?? "").replace(/\s+/g, " ").trim();
    if (t && !seen.has(keyOf(t))) {
      seen.add(keyOf(t));
      out.push(t);
    }
  }
  return out;
}

/**
 * One position however it is typed: «зам. директора по УВР», «зам.директора по УВР», «Зам.дир. по УВР» and
 * «заместитель директора по УВР» are the same. Case, ё, spacing after abbreviation dots and the usual
 * abbreviations of «заместитель», «директор» do not count; the first spelling seen is the one shown.
 */
export function positionKey(position: string): string {
  return position
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[–—−‑]/g, "-")
    .replace(/\.\s*/g, ". ")
    .replace(/(?<![а-я])(?:заместител[а-я]*|зам\.)/g, "зам")
    .replace(/(?<![а-я])(?:директор[а-я]*|дир\.)/g, "дир")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A position written with its last word cut short («руководитель рабочей групп») → the full spelling the
 * document uses more often («руководитель рабочей группы»), so the cut one is not copied into the directory.
 * The same test as the truncated-word finding: 1–3 letters missing, the fuller form the usual one.
 */
function fullPositions(occurrences: PersonOccurrence[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const o of occurrences) {
    const t = (o.position ?? "").replace(/\s+/g, " ").trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const full = new Map<string, string>();
  for (const [short, n] of counts) {
    if (short.split(" ").length < 2 || !/[а-яё]$/i.test(short)) continue;
    let best: [string, number] | null = null;
    for (const [long, m] of counts) {
      const extra = long.length - short.length;
      if (extra < 1 || extra > 3 || !long.startsWith(short) || !/^[а-яё]+$/i.test(long.slice(short.length)))
        continue;
      if (m <= n || (n > 1 && m < 3 * n)) continue;
      if (!best || m > best[1]) best = [long, m];
    }
    if (best) full.set(short, best[0]);
  }
  return full;
}

function assignedActivities(occurrences: PersonOccurrence[]): AssignedActivity[] {
  const seen = new Set<string>();
  const out: AssignedActivity[] = [];
  for (const o of occurrences) {
    const key = `${o.table}:${o.activityRow}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ sheet: o.sheet, row: o.activityRow, activity: o.activity, deadline: o.deadline });
  }
  return out;
}

/** The people directory of a workbook's roadmaps, sorted by name. */
export function buildPeopleDirectory(tables: RoadmapTable[]): PeopleDirectory {
  const occurrences = collectOccurrences(tables);
  const full = fullPositions(occurrences);
  const people = clusterOccurrences(occurrences).map((c): DirectoryPerson => {
    const assigned = assignedActivities(c.occurrences);
    return {
      name: personName(c.canonical),
      surname: c.canonical.surname,
      initials: c.canonical.initials,
      positions: distinct(
        c.occurrences.map((o) => (o.position ? (full.get(o.position) ?? o.position) : null)),
        positionKey,
      ),
      activities: assigned.length,
      sections: distinct(c.occurrences.map((o) => o.section)),
      variants: distinct(c.occurrences.map((o) => o.written)),
      assigned,
    };
  });
  people.sort((a, b) => a.name.localeCompare(b.name, "ru"));
  return { people };
}

/** One person of the contract's `roadmap people --json`. */
export const ContractPerson = z.object({
  person: z.string(),
  positions: z.array(z.string()),
  activities: z.array(AssignedActivity),
});
export type ContractPerson = z.infer<typeof ContractPerson>;

/** The contract's `people` array: person, positions seen, activities with their deadlines and sheets. */
export function contractPeople(dir: PeopleDirectory): ContractPerson[] {
  return dir.people.map((p) => ({
    person: p.name,
    positions: [...p.positions],
    activities: p.assigned.map((a) => ({
      sheet: a.sheet,
      row: a.row,
      activity: a.activity,
      deadline: a.deadline,
    })),
  }));
}

// ---------------------------------------------------------------- lookup

export interface DirectoryMatch {
  /** The entry listing this person under this spelling (name or a listed variant). */
  exact: DirectoryPerson | null;
  /** An entry that is probably the same person written differently (typo, missing initial). */
  close: DirectoryPerson | null;
}

const entryPersonsCache = new WeakMap<DirectoryPerson, Person[]>();

/** The persons an entry stands for: its name and every listed spelling (read once per entry). */
function entryPersons(e: DirectoryPerson): Person[] {
  const cached = entryPersonsCache.get(e);
  if (cached) return cached;
  const out: Person[] = [];
  if (e.initials) out.push({ surname: e.surname, initials: e.initials });
  for (const v of e.variants) for (const p of readResponsibleDetails(v).persons) out.push(p);
  entryPersonsCache.set(e, out);
  return out;
}

export function findInDirectory(dir: PeopleDirectory, p: Person): DirectoryMatch {
  const key = personKey(p);
  let close: DirectoryPerson | null = null;
  for (const e of dir.people) {
    const persons = entryPersons(e);
    if (persons.some((q) => personKey(q) === key)) return { exact: e, close: null };
    if (!close && persons.some((q) => samePerson(q, p))) close = e;
  }
  return { exact: null, close };
}

// ---------------------------------------------------------------- the sheet

const HEADER_KEYS = ["ответствен", "должност", "число", "раздел", "вариант", "мероприят"];

interface SheetLayout {
  /** 0-based header row, or -1 when the sheet has none. */
  headerRow: number;
  /** Column of each DIRECTORY_HEADER field, or -1 when the user removed it. */
  cols: number[];
}

function layoutOf(sheet: SheetGrid): SheetLayout {
  const limit = Math.min(sheet.rows.length, 15);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    const texts = row.map((v) => foldWord(cellText(v)));
    const nameCol = texts.findIndex((t) => t.startsWith(HEADER_KEYS[0]));
    if (nameCol < 0) continue;
    const cols = HEADER_KEYS.map((k, i) => (i === 0 ? nameCol : texts.findIndex((t) => t.startsWith(k))));
    return { headerRow: r, cols };
  }
  return { headerRow: -1, cols: [0, 1, 2, 3, 4, 5] };
}

function splitList(v: CellValue | undefined): string[] {
  return cellText(v)
    .split(/[;\n]+/)
    .map((x) => x.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** Read the (possibly user-edited) «Ответственные» sheet back into a directory. */
export function readDirectorySheet(sheet: SheetGrid): PeopleDirectory {
  const { headerRow, cols } = layoutOf(sheet);
  const people: DirectoryPerson[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const at = (i: number): CellValue | undefined => (cols[i] >= 0 ? row[cols[i]] : undefined);
    const nameText = cellText(at(0)).replace(/\s+/g, " ");
    if (!nameText) continue;
    const parsed = readResponsibleDetails(nameText).persons[0];
    const count = Number(cellText(at(2)).replace(",", "."));
    people.push({
      name: parsed ? personName(parsed) : nameText,
      surname: parsed ? parsed.surname : nameText,
      initials: parsed ? parsed.initials : "",
      positions: splitList(at(1)),
      activities: Number.isFinite(count) && count >= 0 ? Math.floor(count) : 0,
      sections: splitList(at(3)),
      variants: distinct([
        ...(parsed && nameText !== personName(parsed) ? [nameText] : []),
        ...splitList(at(4)),
      ]),
      assigned: readActivityLines(at(5)),
    });
  }
  return { people };
}

/**
 * One line per activity, «Лист1, стр. 8: Участие в краевых стажировках — срок: По графику ИРО»: readable in the
 * cell, and read back line by line. A cell holds at most 32,767 characters (Excel); the list stops before that.
 */
const MAX_CELL = 32_000;
const ACTIVITY_LINE = /^(.*?), стр\. (\d+): (.*?)(?: — срок: (.*))?$/;

function oneLine(t: string): string {
  return t.replace(/\s+/g, " ").trim();
}

function activityLines(assigned: AssignedActivity[]): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; i < assigned.length; i++) {
    const a = assigned[i];
    const deadline = oneLine(a.deadline);
    const line = `${oneLine(a.sheet)}, стр. ${a.row}: ${oneLine(a.activity)}${deadline ? ` — срок: ${deadline}` : ""}`;
    if (size + line.length + 1 > MAX_CELL - 40) {
      lines.push(`… и ещё ${assigned.length - i}`);
      break;
    }
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

function readActivityLines(v: CellValue | undefined): AssignedActivity[] {
  const out: AssignedActivity[] = [];
  for (const line of cellText(v).split("\n")) {
    const m = ACTIVITY_LINE.exec(line.trim());
    if (m && Number(m[2]) > 0)
      out.push({ sheet: m[1], row: Number(m[2]), activity: m[3], deadline: m[4] ?? "" });
  }
  return out;
}

function rowValues(p: DirectoryPerson): CellValue[] {
  return [
    p.name,
    p.positions.join("; "),
    p.activities,
    p.sections.join("; "),
    p.variants.join("; "),
    activityLines(p.assigned),
  ];
}

function lastUsedRow(sheet: SheetGrid): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--)
    if ((sheet.rows[r] ?? []).some((v) => cellText(v) !== "")) return r;
  return -1;
}

const WIDTHS = [28, 45, 12, 40, 40, 90];

function peopleWord(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return "человек";
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return "человека";
  return "человек";
}

/**
 * The plan that writes the directory to the sheet «Ответственные». A new sheet gets the header and everyone;
 * an existing one only gets people it does not list yet, appended below its last used row — the user's cells
 * are never touched. Nothing new → an empty plan.
 */
export function planDirectorySheet(dir: PeopleDirectory, existing: SheetGrid | null): EditPlan {
  const sheet = DIRECTORY_SHEET;
  // Nobody named: a header alone on a new or empty sheet is noise (and planning again would differ).
  if (dir.people.length === 0 && (!existing || lastUsedRow(existing) < 0))
    return { summary: "В дорожных картах не найдено ни одного человека с фамилией и инициалами", ops: [] };
  if (!existing) {
    const values: CellValue[][] = [[...DIRECTORY_HEADER], ...dir.people.map(rowValues)];
    return {
      summary: `Создать лист «${sheet}»: ${dir.people.length} ${peopleWord(dir.people.length)}`,
      ops: [
        { op: "addSheet", sheet },
        { op: "setValues", sheet, row: 0, col: 0, values },
        { op: "setColumnWidths", sheet, widths: WIDTHS.map((width, col) => ({ col, width })) },
      ],
    };
  }
  const last = lastUsedRow(existing);
  if (last < 0) {
    if (existing.protected)
      return { summary: `Лист «${sheet}» защищён от изменений — справочник не записан`, ops: [] };
    const values: CellValue[][] = [[...DIRECTORY_HEADER], ...dir.people.map(rowValues)];
    return {
      summary: `Заполнить лист «${sheet}»: ${dir.people.length} ${peopleWord(dir.people.length)}`,
      ops: [
        { op: "setValues", sheet, row: 0, col: 0, values },
        { op: "setColumnWidths", sheet, widths: WIDTHS.map((width, col) => ({ col, width })) },
      ],
    };
  }
  const listed = readDirectorySheet(existing);
  const fresh = dir.people.filter((p) => {
    const asPerson: Person | null = p.initials ? { surname: p.surname, initials: p.initials } : null;
    if (!asPerson) return !listed.people.some((e) => foldWord(e.name) === foldWord(p.name));
    const m = findInDirectory(listed, asPerson);
    return !m.exact && !m.close;
  });
  if (fresh.length === 0) return { summary: `Все ответственные уже есть на листе «${sheet}»`, ops: [] };
  if (existing.protected)
    return { summary: `Лист «${sheet}» защищён от изменений — новые люди не добавлены`, ops: [] };

  const { cols } = layoutOf(existing);
  const used = cols.filter((c) => c >= 0);
  const left = Math.min(...used);
  const right = Math.max(...used);
  const values = fresh.map((p) => {
    const full = rowValues(p);
    const line: CellValue[] = new Array(right - left + 1).fill(null);
    cols.forEach((c, i) => {
      if (c >= 0) line[c - left] = full[i];
    });
    return line;
  });
  const ops: EditOp[] = [{ op: "setValues", sheet, row: last + 1, col: left, values }];
  return {
    summary: `Добавить на лист «${sheet}» ${fresh.length} ${peopleWord(fresh.length)}: ${fresh
      .slice(0, 5)
      .map((p) => p.name)
      .join(", ")}${fresh.length > 5 ? "…" : ""}`,
    ops,
  };
}
