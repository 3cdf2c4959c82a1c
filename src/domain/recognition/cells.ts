/**
 * Reading the cells of a table: a role's text, the «№» as written, a folded cell, the deadline and responsible
 * texts.
 */
import type { Responsible } from "../model";
import { SheetView } from "./sheet-view";
import { joinFragments } from "./text";
import type { TableShape } from "./types";

export function rowCells(view: SheetView, r: number, shape: TableShape): number[] {
  const cells = view.nonEmpty(r, shape.left, shape.right);
  return shape.ignored.size === 0 ? cells : cells.filter((c) => !shape.ignored.has(c));
}

/**
 * Excel with Russian settings turns a pasted «1.1» into the date 01.01 of the current year (shown «01.янв»), and
 * the adapter hands it over as «01.01.2025». In the «№» column no real date is expected: read it back as «1.1».
 */
export function numberFromDate(text: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(19|20)\d\d$/.exec(text);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  return d >= 1 && mo >= 1 && mo <= 12 ? `${d}.${mo}` : null;
}

/** The «№» cell's text, a numbering Excel made a date read back as the numbering. */
export function numberText(view: SheetView, r: number, c: number | null): string {
  const t = roleText(view, r, c);
  return (t.length === 10 && numberFromDate(t)) || t;
}

/** Text of a cell in a column of the table, or "" when the role is absent. */
export function roleText(view: SheetView, r: number, c: number | null, shape?: TableShape): string {
  if (c === null) return "";
  const t = view.text(r, c);
  if (t || !shape) return t;
  for (const x of shape.spill.get(c) ?? []) {
    const u = view.text(r, x);
    if (u) return u;
  }
  return "";
}

/**
 * A month grid's deadline, as a user would write it: the marked months (or quarters), a run of adjacent ones as a
 * range — «Сентябрь – Май», «Декабрь, Март». Any mark counts («+», «х», «V», a day).
 */
export function markedPeriods(
  view: SheetView,
  rows: number[],
  timeline: { c: number; label: string }[],
): string {
  const runs: string[][] = [];
  let prev = -2;
  timeline.forEach((m, i) => {
    if (!rows.some((r) => view.text(r, m.c))) return;
    if (i === prev + 1) runs[runs.length - 1].push(m.label);
    else runs.push([m.label]);
    prev = i;
  });
  return runs.map((run) => (run.length === 1 ? run[0] : `${run[0]} – ${run[run.length - 1]}`)).join(", ");
}

/**
 * The contract's `raw` of a deadline spread over several columns: its cells joined with " | " in column order —
 * for a grid of marked periods, each marked cell given as its column's label («I кв. | III кв.»), since a mark
 * («х», «+») alone says nothing.
 */
export function spreadDeadlineRaw(
  view: SheetView,
  rows: number[],
  timeline: { c: number; label: string }[],
): string {
  return timeline
    .filter((m) => rows.some((r) => view.text(r, m.c)))
    .map((m) => m.label)
    .join(" | ");
}

/** The folded text of one column of an activity: its first row and every continuation row, cell by cell. */
export function foldedCell(view: SheetView, rows: number[], c: number): string {
  let out = "";
  for (const r of rows) out = joinFragments(out, view.text(r, c));
  return out;
}

export function numberAsWritten(view: SheetView, r: number, c: number | null): string | null {
  if (c === null) return null;
  const asDate = numberFromDate(view.text(r, c));
  if (asDate) return asDate;
  const v = view.value(r, c);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  const t = view.text(r, c);
  return t ? t : null;
}

/**
 * «Сроки» split into «начало» | «окончание»: the reader gets «начало – окончание», the form a range is written in
 * (it reads with dates, months and years alike); only one of them filled: that one.
 */
export function joinDeadlineParts(start: string, end: string): string {
  if (!end || end === start) return start;
  if (!start) return end;
  return `${start} – ${end}`;
}

/**
 * Start and end columns holding bare years («Год начала» 2025 | «Год окончания» 2027) name calendar years: the
 * text the deadline reader is given for them («2025 – 2027 гг.», «2025 г.»), since «2025 – 2026» alone reads as a
 * school year. Null when the columns hold anything else.
 */
export function calendarYearsText(start: string, end: string): string | null {
  const year = /^(\d{4})(\s*г\.?)?$/;
  const ys = year.exec(start.trim());
  const ye = year.exec(end.trim());
  if (!ys || (end.trim() && !ye)) return null;
  return !ye || ye[1] === ys[1] ? `${ys[1]} г.` : `${ys[1]} – ${ye[1]} гг.`;
}

export function mergeResponsible(parts: Responsible[]): Responsible {
  const raw = parts
    .map((p) => p.raw)
    .filter((s) => s)
    .join("; ");
  const persons: Responsible["persons"] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    for (const person of p.persons) {
      const key = `${person.surname}|${person.initials}`;
      if (!seen.has(key)) {
        seen.add(key);
        persons.push(person);
      }
    }
  }
  return { raw, persons, roles: parts.flatMap((p) => p.roles) };
}
