/**
 * The «Сроки» cell → Deadline. Free Russian text in, the contract's structured reading out.
 *
 * How a cell is read, in order:
 * 1. empty → missing; a bare Excel serial (32874..73415, years 1990–2099) → that date.
 * 2. a repetition word (ежемесячно, 1 раз в четверть, после каждой четверти…) → recurring, over the
 *    period (or the years the text names).
 * 3. date pieces (days, months, quarters, half-years) → date, by_date, range, month, month_range,
 *    quarter or multiple. Words between pieces decide: "-"/"по" make a range, two day dates with
 *    only a space between them ("01.09. 31.10") make a range, anything else (",", ";", a space
 *    between months) makes separate points. "до/не позднее/к/по" before a piece → by_date;
 *    "с/не ранее/после" before a single piece → range from it to the period's end (null without
 *    a period). "до декабря" is due by the end of December (the lenient reading: no false overdue).
 *    Seasons ("летний период", "зима 2024") are their three months. School terms (четверти) are not
 *    dated: terms differ between schools, so "до 4 четверти" is event_based.
 * 4. whole period ("в течение года", "весь период", "постоянно") → whole_period; someone else's
 *    schedule or a request ("по графику ИРО", "по запросу") → unspecified; an event ("после
 *    проведения…", "в конце четверти") → event_based; a bare year ("2023 год") → whole_period.
 * 5. anything else → unparsed. Never throws.
 *
 * A missing year: first from the other pieces of the same cell ("Апрель, ноябрь 2023" — the year
 * applies to both, stepping back a year when the order demands it: "декабрь – февраль 2024"), then
 * from the frame: a calendar-year period gives its year; a school-year period puts Aug–Dec in its
 * first year and Jan–Jul in the second; without a period the approval date decides (approved
 * June–December: the school year starting that year; January–May: that calendar year). Without a
 * period and an approval date the type is kept and start/end are null.
 */
import type { Deadline, DeadlinePoint, DeadlineType, IsoDate, Period, Recurrence } from "./model";
import { type Atom, type PointAtom, isPoint, scanAtoms } from "./deadline/atoms";
import { type Frame, frameOfApproval, frameOfPeriod, inferYear, yearEndOf } from "./deadline/frame";
import {
  BY_PREFIX,
  FROM_PREFIX,
  findRecurrence,
  isEventPhrase,
  isUnspecifiedPhrase,
  isWholePeriodPhrase,
  isYearFiller,
  timesPerYear,
} from "./deadline/phrases";
import {
  calendarYearBounds,
  daysInMonth,
  excelSerialToIso,
  halfYearBounds,
  isoToDayNumber,
  minIso,
  maxIso,
  monthEnd,
  monthStart,
  overlapDays,
  quarterBounds,
  schoolYearBounds,
  toIso,
} from "./russian-dates";
import { normalizeRuText } from "./ru";

export interface DeadlineContext {
  period: Period | null;
  approved: IsoDate | null;
}

/** Fill-in blanks of a form: underscores, «хх.хх», «00.00» where a day and month belong. */
const BLANK_TEMPLATE = /_{2,}|(?:^|[^а-яa-z])[хx]{1,2}\s*\.\s*[хx]{1,2}\s*\.|(?:^|[^\d.])00\s*\.\s*00\s*\./;

/** Raw text longer than this is not a deadline; it is read as far as this many characters. */
const MAX_TEXT = 2000;

export function readDeadline(raw: string | null | undefined, ctx: DeadlineContext): Deadline {
  const rawText = typeof raw === "string" ? raw.trim() : "";
  try {
    return readDeadlineUnguarded(rawText, ctx);
  } catch {
    // A reader bug must not take the whole check down: the cell is reported as unread.
    return result(rawText, rawText ? "unparsed" : "missing", null, null);
  }
}

/** Years written literally in the cell (not inferred): "Сентябрь 2024" → [2024], "15.09.23" → [2023]. */
export function mentionedYears(raw: string | null | undefined): number[] {
  if (typeof raw !== "string") return [];
  const years = new Set<number>();
  for (const a of scanAtoms(normalizeRuText(raw.slice(0, MAX_TEXT)))) {
    if (a.kind === "year") years.add(a.year);
    else if (a.kind === "yearSpan") {
      years.add(a.first);
      years.add(a.last);
    } else if (a.yearExplicit && a.year !== null) years.add(a.year);
  }
  return [...years].sort((x, y) => x - y);
}

function result(
  raw: string,
  type: DeadlineType,
  start: IsoDate | null,
  end: IsoDate | null,
  recurrence: Recurrence | null = null,
  points?: DeadlinePoint[],
): Deadline {
  const d: Deadline = { raw, type, start, end, recurrence };
  if (points) d.points = points;
  return d;
}

/** readDeadline without its safety net, so tests see a reader bug instead of an "unparsed". */
export function readDeadlineUnguarded(rawText: string, ctx: DeadlineContext): Deadline {
  const raw = rawText.trim();
  if (!raw) return result(raw, "missing", null, null);
  const serial = /^\d{5}(?:[.,]\d+)?$/.test(raw) ? excelSerialToIso(Number(raw.replace(",", "."))) : null;
  if (serial) return result(raw, "date", serial, serial);

  const text = normalizeRuText(raw.slice(0, MAX_TEXT));
  // Only dashes, dots or other marks ("-", "—", "…") mean nothing was written.
  if (!/[0-9a-zа-я]/.test(text)) return result(raw, "missing", null, null);
  // A template's blank left unfilled («"__" ________ 2025 г.», «хх.хх.2025», «00.00.2025»): the year alone
  // must not pass for the whole period; the placeholder rule tells the user to fill it in.
  if (BLANK_TEMPLATE.test(text)) return result(raw, "unparsed", null, null);
  const atoms = scanAtoms(text);
  const { pieces, freeYears } = attachYears(atoms);
  const frame = frameOf(atoms, freeYears, ctx);
  const localSpan = spanFromText(atoms);

  const rec = findRecurrence(text);
  if (rec) {
    const points = buildPoints(text, atoms, pieces, frame, ctx);
    // "2 раза в год (декабрь, май)" in a one-year plan names its control points: they are the deadline.
    const times = timesPerYear(text);
    if (times !== null && times === points.length && times > 1 && spansOneYear(ctx.period)) {
      if (points.every((p) => p.window !== null && p.prefix === null)) return fromPoints(raw, points, ctx);
    }
    const stated = points.length === 1 && points[0].atoms.length > 1 ? points[0] : null;
    const bounds = stated?.window ?? localSpan ?? ctx.period;
    return result(raw, "recurring", bounds?.start ?? null, bounds?.end ?? null, rec.recurrence);
  }

  const points = buildPoints(text, atoms, pieces, frame, ctx);
  // "по итогам I полугодия", "после II квартала": due when that part ends and is reported on — an event.
  if (points.length === 1 && afterPartOfYear(text, points[0])) return result(raw, "event_based", null, null);
  if (points.length > 0) return fromPoints(raw, points, ctx);

  if (isWholePeriodPhrase(text)) {
    const bounds = localSpan ?? ctx.period;
    return result(raw, "whole_period", bounds?.start ?? null, bounds?.end ?? null);
  }
  if (isUnspecifiedPhrase(text)) return result(raw, "unspecified", null, null);
  if (isEventPhrase(text)) return result(raw, "event_based", null, null);

  const yearish = atoms.filter((a) => !isPoint(a));
  if (yearish.length > 0 && isYearFiller(withoutAtoms(text, atoms))) {
    const span = localSpan as Period;
    if (BY_PREFIX.test(text.slice(0, yearish[0].from))) return result(raw, "by_date", null, span.end);
    return result(raw, "whole_period", span.start, span.end);
  }
  return result(raw, "unparsed", null, null);
}

const AFTER_EVENT =
  /(?:^|[^а-я])(?:по\s+итогам|по\s+результатам|по\s+окончании|по\s+завершении|после|в\s+конце|в\s+начале)\s*$/;

function afterPartOfYear(text: string, p: Point): boolean {
  if (!p.atoms.every((a) => a.kind === "quarter" || a.kind === "half")) return false;
  return AFTER_EVENT.test(text.slice(0, p.atoms[0].from));
}

/** A calendar or school year, not a plan of several years. */
function spansOneYear(period: Period | null): boolean {
  if (!period) return true;
  return isoToDayNumber(period.end) - isoToDayNumber(period.start) <= 366;
}

/** The years the text itself names as its span: "2023-2024 уч. год", "в 2023 году". */
function spanFromText(atoms: Atom[]): Period | null {
  let span: Period | null = null;
  // "в течение 2022-2023, 2023-2024 учебных годов": from the first span's start to the last one's end.
  for (const a of atoms) {
    if (a.kind !== "yearSpan") continue;
    const p = a.school
      ? schoolYearBounds(a.first)
      : { start: calendarYearBounds(a.first).start, end: calendarYearBounds(a.last).end };
    span = span ? { start: minIso(span.start, p.start), end: maxIso(span.end, p.end) } : p;
  }
  if (span) return span;
  for (const a of atoms) {
    if (a.kind !== "year") continue;
    const p = calendarYearBounds(a.year);
    span = span ? { start: minIso(span.start, p.start), end: maxIso(span.end, p.end) } : p;
  }
  return span;
}

/** The year frame: a span the text names, a bare year it names ("в 2024 году: март"), the period, the approval. */
function frameOf(atoms: Atom[], freeYears: number[], ctx: DeadlineContext): Frame | null {
  const span = atoms.find((a) => a.kind === "yearSpan");
  if (span && span.kind === "yearSpan") {
    return span.school
      ? { ...schoolYearBounds(span.first), school: true }
      : { start: toIso(span.first, 1, 1), end: toIso(span.last, 12, 31), school: false };
  }
  if (freeYears.length > 0) return { ...calendarYearBounds(freeYears[0]), school: false };
  if (ctx.period) return frameOfPeriod(ctx.period);
  if (ctx.approved) return frameOfApproval(ctx.approved);
  return null;
}

interface Point {
  atoms: PointAtom[];
  prefix: "by" | "from" | null;
  window: Period | null;
}

/** Text with the given atoms cut out and the "г."/"года" words after years dropped. */
function withoutAtoms(text: string, atoms: Atom[], from = 0, to = text.length): string {
  let out = "";
  let at = from;
  for (const a of atoms) {
    if (a.to <= from || a.from >= to) continue;
    out += text.slice(at, Math.max(at, a.from)) + " ";
    at = Math.max(at, a.to);
  }
  out += text.slice(at, to);
  return out.replace(/(?:^|\s)(?:г\.?|гг\.?|года?|год)(?=[\s,;.:-]|$)/g, " ");
}

const RANGE_GAP = /^[\s.]*(?:-|по|до)\s*$/;
// A full stop closing a date written with its year ("15.09.23. 20.10.23.") is part of the date, not a separator.
const SPACE_GAP = /^\.?\s*$/;

function buildPoints(
  text: string,
  atoms: Atom[],
  attached: PointAtom[],
  frame: Frame | null,
  ctx: DeadlineContext,
): Point[] {
  const yearAtoms = atoms.filter((a) => a.kind === "year");
  // Years get inferred in place: work on copies so a second reading starts clean.
  const pieces = attached.map((a) => ({ ...a }));
  if (pieces.length === 0) return [];
  const gapText = (a: PointAtom, b: PointAtom) => withoutAtoms(text, yearAtoms, a.to, b.from);

  // How each piece joins the next: a range, a plain space, or a list.
  const joins: Array<"range" | "space" | "list"> = [];
  for (let i = 0; i + 1 < pieces.length; i++) {
    const a = pieces[i];
    if (a.joinNext) joins.push(a.joinNext);
    else {
      const gap = gapText(a, pieces[i + 1]);
      joins.push(RANGE_GAP.test(gap) ? "range" : SPACE_GAP.test(gap) ? "space" : "list");
    }
  }
  // Exactly two day dates with only a space between them are a range: "01.09. 31.10".
  for (let i = 0; i < joins.length; i++) {
    if (joins[i] !== "space") continue;
    let j = i;
    while (j < joins.length && joins[j] === "space") j++;
    const run = pieces.slice(i, j + 1);
    const pair = run.length === 2 && run.every((p) => p.kind === "day");
    for (let k = i; k < j; k++) joins[k] = pair ? "range" : "list";
    i = j;
  }

  const groups: PointAtom[][] = [[pieces[0]]];
  for (let i = 1; i < pieces.length; i++) {
    if (joins[i - 1] === "range") groups[groups.length - 1].push(pieces[i]);
    else groups.push([pieces[i]]);
  }

  inferMissingYears(groups, frame, ctx.approved);

  const points: Point[] = [];
  let prevEnd = 0;
  for (const group of groups) {
    const first = group[0];
    const last = group[group.length - 1];
    const before = withoutAtoms(text, yearAtoms, prevEnd, first.from);
    prevEnd = last.to;
    const prefix = BY_PREFIX.test(before) ? "by" : FROM_PREFIX.test(before) ? "from" : null;
    // "конца года" is a date only as "до конца года"; "в конце года" is an event.
    if (group.some((a) => a.kind === "yearEnd") && (prefix !== "by" || group.length > 1)) continue;
    const startW = windowOf(first, frame);
    const endW = windowOf(last, frame);
    points.push({
      atoms: group,
      prefix,
      window: startW && endW ? { start: startW.start, end: endW.end } : null,
    });
  }
  return points;
}

/** Bare years after dates ("01.11 2023 года") become those dates' years; the others are free years. */
function attachYears(atoms: Atom[]): { pieces: PointAtom[]; freeYears: number[] } {
  const pieces: PointAtom[] = [];
  const freeYears: number[] = [];
  for (const a of atoms) {
    if (isPoint(a)) pieces.push({ ...a });
    else if (a.kind === "year") {
      const prev = pieces[pieces.length - 1];
      if (prev && prev.year === null && prev.kind !== "yearEnd") {
        prev.year = a.year;
        prev.yearExplicit = true;
      } else freeYears.push(a.year);
    }
  }
  return { pieces, freeYears };
}

/** Month and day of a piece's start, for ordering pieces of one cell within a year. */
function order(a: PointAtom): number {
  if (a.kind === "quarter") return ((a.part ?? 1) - 1) * 300 + 100;
  if (a.kind === "half") return (a.part === 2 ? 7 : 1) * 100;
  if (a.kind === "yearEnd") return 1231;
  return (a.month ?? 1) * 100 + (a.day ?? a.days?.[0] ?? 1);
}

function startMonth(a: PointAtom): number {
  return Math.floor(order(a) / 100);
}

function inferMissingYears(groups: PointAtom[][], frame: Frame | null, approved: IsoDate | null): void {
  const flat = groups.flat();
  // From the pieces written with a year: backwards from the next one, else forwards from the last one.
  for (let i = flat.length - 1; i >= 0; i--) {
    const a = flat[i];
    if (a.year !== null || a.kind === "yearEnd") continue;
    const following = flat[i + 1];
    if (following && following.year !== null && following.kind !== "yearEnd") {
      a.year = order(a) > order(following) ? following.year - 1 : following.year;
    }
  }
  for (let i = 0; i < flat.length; i++) {
    const a = flat[i];
    if (a.year !== null || a.kind === "yearEnd") continue;
    const prev = i > 0 ? flat[i - 1] : null;
    if (prev && prev.year !== null && prev.kind !== "yearEnd") {
      a.year = order(a) < order(prev) ? prev.year + 1 : prev.year;
    }
  }
  if (!frame) return;
  // From the frame, a range as a whole so that it does not come out inverted ("01.07. 30.11.").
  for (const group of groups) {
    const open = group.filter((a) => a.year === null && a.kind !== "yearEnd");
    for (const a of open) a.year = inferYear(startMonth(a), (y) => windowAt(a, y, frame), frame, approved);
    if (open.length === 0 || group.length < 2) continue;
    const first = group[0];
    const last = group[group.length - 1];
    if (first.year === null || last.year === null || first.kind === "yearEnd" || last.kind === "yearEnd")
      continue;
    if (windowAt(first, first.year, frame).start <= windowAt(last, last.year, frame).end) continue;
    const candidates: Array<[number, number]> = [];
    if (!first.yearExplicit) candidates.push([first.year - 1, last.year]);
    if (!last.yearExplicit) candidates.push([first.year, last.year + 1]);
    let best: [number, number] | null = null;
    let bestOverlap = -1;
    for (const [ys, ye] of candidates) {
      const s = windowAt(first, ys, frame).start;
      const e = windowAt(last, ye, frame).end;
      const ov = overlapDays(s, e, frame.start, frame.end);
      if (ov > bestOverlap) {
        bestOverlap = ov;
        best = [ys, ye];
      }
    }
    if (best) {
      first.year = best[0];
      last.year = best[1];
    }
  }
}

/** The window of a piece in a given year. */
function windowAt(a: PointAtom, year: number, frame: Frame | null): Period {
  switch (a.kind) {
    case "day": {
      // 29.02 in a year without it reads as the month's last day.
      const m = a.month ?? 1;
      const d = toIso(year, m, Math.min(a.day ?? 1, daysInMonth(year, m)));
      return { start: d, end: d };
    }
    case "month": {
      const m = a.month ?? 1;
      if (!a.days) return { start: monthStart(year, m), end: monthEnd(year, m) };
      const dim = daysInMonth(year, m);
      const first = a.days[0] < 0 ? dim + a.days[0] + 1 : Math.min(a.days[0], dim);
      return { start: toIso(year, m, first), end: toIso(year, m, Math.min(a.days[1], dim)) };
    }
    case "quarter":
      return quarterBounds(year, a.part ?? 1);
    case "half":
      // A half-year of a school year ("I полугодие" in a 2023-2024 roadmap): Sep–Dec, then Jan–end.
      if (!a.yearExplicit && frame?.school) {
        return a.part === 1
          ? { start: toIso(year, 9, 1), end: toIso(year, 12, 31) }
          : { start: toIso(year, 1, 1), end: maxIso(toIso(year, 5, 31), frame.end) };
      }
      return halfYearBounds(year, a.part ?? 1);
    case "yearEnd": {
      const end = toIso(year, 12, 31);
      return { start: end, end };
    }
  }
}

function windowOf(a: PointAtom, frame: Frame | null): Period | null {
  if (a.kind === "yearEnd") {
    if (a.year !== null) {
      const end = a.school ? schoolYearBounds(a.year - 1).end : toIso(a.year, 12, 31);
      return { start: end, end };
    }
    if (!frame) return null;
    const end = yearEndOf(frame, a.school ?? false);
    return { start: end, end };
  }
  if (a.year === null) return null;
  if (a.kind === "half" && !a.yearExplicit && frame?.school) {
    // The school half-year's year is the frame's, not the calendar's.
    const first = Number(frame.start.slice(0, 4));
    return windowAt(a, a.part === 1 ? first : first + 1, frame);
  }
  return windowAt(a, a.year, frame);
}

function kindOfPoint(p: Point): DeadlineType {
  const first = p.atoms[0];
  const last = p.atoms[p.atoms.length - 1];
  if (p.atoms.length === 1) {
    if (first.kind === "day") return "date";
    if (first.kind === "month") return first.days ? "range" : "month";
    if (first.kind === "quarter" || first.kind === "half") return "quarter";
    return "by_date";
  }
  const whole = (a: PointAtom) => a.kind === "month" && !a.days;
  if (whole(first) && whole(last)) return "month_range";
  const part = (a: PointAtom) => a.kind === "quarter" || a.kind === "half";
  if (part(first) && part(last)) return "quarter";
  return "range";
}

function fromPoints(raw: string, points: Point[], ctx: DeadlineContext): Deadline {
  if (points.length === 1) {
    const p = points[0];
    const w = p.window;
    if (p.prefix === "by") return result(raw, "by_date", null, w?.end ?? null);
    if (p.prefix === "from" && p.atoms.length === 1) {
      const periodEnd = ctx.period && w && ctx.period.end >= w.start ? ctx.period.end : null;
      return result(raw, "range", w?.start ?? null, periodEnd);
    }
    return result(raw, kindOfPoint(p), w?.start ?? null, w?.end ?? null);
  }
  if (points.some((p) => p.window === null)) return result(raw, "multiple", null, null, null, []);
  const list: DeadlinePoint[] = points.map((p) => ({
    start: p.prefix === "by" ? null : (p.window as Period).start,
    end: (p.window as Period).end,
  }));
  let start = list[0].start ?? list[0].end;
  let end = list[0].end;
  for (const p of list) {
    start = minIso(start, p.start ?? p.end);
    end = maxIso(end, p.end);
  }
  return result(raw, "multiple", start, end, null, list);
}
