/**
 * Roadmap table recognition: find every roadmap table in a sheet (anywhere, several per sheet), map its
 * columns to roles, classify its rows (header, section, activity, continuation), fold continuation rows into
 * their activity, and read the title, period and approval date above it.
 */
import { columnIndex, columnLetter, parseA1, rangeA1, type SheetGrid, type WorkbookGrid } from "../grid";
import { readDeadline } from "../deadline";
import type {
  ActivityRow,
  Deadline,
  ColumnRole,
  IsoDate,
  Period,
  Responsible,
  RoadmapTable,
  TableColumns,
  TableRow,
} from "../model";
import { DIRECTORY_SHEET } from "../people-directory";
import { inferNameOrder, readResponsible } from "../responsible";
import {
  assignedColumns,
  emptyAssignment,
  headerRoleCount,
  headerSignature,
  isColumnNumberRow,
  readHeader,
  type ColumnAssignment,
  type HeaderInfo,
} from "./header";
import { parseRuDate } from "../russian-dates";
import { approvalFromLine, isHeadingLine, readPeriod } from "./period";
import { SheetView } from "./sheet-view";
import {
  collapseSpaces,
  endsFinished,
  endsMidPhrase,
  isNumbering,
  isRomanNumbering,
  joinFragments,
  cleanCellText,
  stripListMarker,
  looksLikeDeadline,
  looksLikePerson,
  serialToDateText,
  startsLowercase,
  startsUppercase,
} from "./text";

export interface TableOverride {
  sheet: string;
  /** A1, e.g. "A6:F58": the table, header included. */
  range?: string;
  /** Column letters per role; null = the table has no such column. */
  columns?: Partial<Record<ColumnRole, string | string[] | null>>;
  /** The roadmap's period, when the title does not state it (the user is asked rather than guessed for). */
  period?: Period | null;
  /** The approval date, likewise. */
  approved?: IsoDate | null;
}

/** The user's period and approval date for a sheet; they win over what the text above the table says. */
type GivenContext = Pick<TableOverride, "period" | "approved"> | null;

export interface Notice {
  sheet: string;
  /** Russian, for the user. */
  message: string;
}

export interface Recognition {
  tables: RoadmapTable[];
  notices: Notice[];
}

export interface RecognizeOptions {
  overrides?: TableOverride[];
}

/** One row of the body as the classifier left it (0-based rows). */
interface BodyItem {
  kind: "header" | "section" | "activity";
  row: number;
  text?: string;
  /** activity: its continuation rows (0-based), in order; empty rows sandwiched between included. */
  continuation?: number[];
}

interface Body {
  items: BodyItem[];
  lastRow: number;
}

interface TableShape {
  left: number;
  right: number;
  columns: ColumnAssignment;
  /** Hidden columns with no role (helper formulas): not read when classifying rows. */
  ignored: Set<number>;
  /**
   * A role column whose header cell is merged over columns with no role of their own («Мероприятие» over B:C):
   * rows of a Word table with uneven cell borders put their text in any of them.
   */
  spill: Map<number, number[]>;
}

function makeShape(
  view: SheetView,
  left: number,
  right: number,
  columns: ColumnAssignment,
  headerRow: number | null,
): TableShape {
  const roles = assignedColumns(columns);
  const ignored = new Set<number>();
  for (const c of view.sheet.hiddenColumns ?? [])
    if (c >= left && c <= right && !roles.has(c)) ignored.add(c);
  const spill = new Map<number, number[]>();
  if (headerRow !== null) {
    for (const c of roles) {
      const m = view.mergeAt(headerRow, c);
      if (!m || m.right <= c) continue;
      const extra: number[] = [];
      for (let x = c + 1; x <= Math.min(m.right, right) && !roles.has(x); x++) extra.push(x);
      if (extra.length > 0) spill.set(c, extra);
    }
  }
  return { left, right, columns, ignored, spill };
}

const MAX_GAP = 3;
const MAX_PENDING_PROSE = 3;
const TITLE_WINDOW = 15;
const CONTEXT_WINDOW = 200;

// ---------------------------------------------------------------------------------------------------------
// Row classification

function rowCells(view: SheetView, r: number, shape: TableShape): number[] {
  const cells = view.nonEmpty(r, shape.left, shape.right);
  return shape.ignored.size === 0 ? cells : cells.filter((c) => !shape.ignored.has(c));
}

/** «Итого», «Всего:» — a totals row closes the table. */
const TOTALS = /^(итого|всего)(?![а-яё])/i;
/** «Исполнитель: Иванова И.И., тел. …», «Подготовила: …». */
const SIGNED_BY = /^(исп\.|исполнител[ьи]|подготовил[аи]?|составил[аи]?)\s*:/i;
/** «Начальник управления образования … А.В. Смирнов», «Директор ______ Т.Г. Никитина». */
const SIGNER_POSITION =
  /^(начальник|директор|заместитель|руководитель|председатель|заведующ|глава|и\.\s?о\.)/i;
const NAME_INITIALS_FIRST = /(^|[^А-ЯЁа-яё])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+/;

/** A signature or a totals row under the table (its first cell in the «№» or activity column): the table ends. */
function closesTable(view: SheetView, r: number, cells: number[], shape: TableShape): boolean {
  const first = view.text(r, cells[0]);
  if (TOTALS.test(first) || SIGNED_BY.test(first) || /^м\.\s?п\.?$/i.test(first)) return true;
  if (!SIGNER_POSITION.test(first)) return false;
  const act = shape.columns.activity;
  if (act !== null && cells[0] > act) return false;
  return cells.some((c) => {
    const t = view.text(r, c);
    return /_{3,}/.test(t) || NAME_INITIALS_FIRST.test(t);
  });
}

/**
 * Excel with Russian settings turns a pasted «1.1» into the date 01.01 of the current year (shown «01.янв»), and
 * the adapter hands it over as «01.01.2025». In the «№» column no real date is expected: read it back as «1.1».
 */
function numberFromDate(text: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(19|20)\d\d$/.exec(text);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  return d >= 1 && mo >= 1 && mo <= 12 ? `${d}.${mo}` : null;
}

/** The «№» cell's text, a numbering Excel made a date read back as the numbering. */
function numberText(view: SheetView, r: number, c: number | null): string {
  const t = roleText(view, r, c);
  return (t.length === 10 && numberFromDate(t)) || t;
}

/** Text of a cell in a column of the table, or "" when the role is absent. */
function roleText(view: SheetView, r: number, c: number | null, shape?: TableShape): string {
  if (c === null) return "";
  const t = view.text(r, c);
  if (t || !shape) return t;
  for (const x of shape.spill.get(c) ?? []) {
    const u = view.text(r, x);
    if (u) return u;
  }
  return "";
}

type RawKind = "empty" | "activity" | "continuation-or-activity" | "single" | "foreign";

function rawKind(view: SheetView, r: number, shape: TableShape): { kind: RawKind; cells: number[] } {
  const cells = rowCells(view, r, shape);
  if (cells.length === 0) return { kind: "empty", cells };
  const numCol = shape.columns.number;
  const numText = numberText(view, r, numCol);
  if (!isNumbering(numText) && closesTable(view, r, cells, shape)) return { kind: "foreign", cells };
  if (cells.length === 1) {
    if (numCol !== null && cells[0] === numCol && isNumbering(numText)) return { kind: "activity", cells };
    return { kind: "single", cells };
  }
  if (numCol !== null && numText) {
    if (isNumbering(numText)) return { kind: "activity", cells };
    // Long text in the «№» column next to other cells: a signature, a note — not a table row.
    if (numText.length > 6) return { kind: "foreign", cells };
  }
  if (numCol === null && cells.length >= 2) {
    // No «№» column: a numbering typed in the first column still marks an activity.
    if (isNumbering(view.text(r, shape.left)) && cells[0] === shape.left) return { kind: "activity", cells };
  }
  return { kind: "continuation-or-activity", cells };
}

interface LastActivity {
  row: number;
  /** Last non-empty fragment of the activity column, and of the deadline column. */
  activityTail: string;
  deadlineTail: string;
}

/** An unnumbered row after an activity: does it continue that activity's cells (a page break) or start a new one? */
function isContinuation(
  view: SheetView,
  r: number,
  shape: TableShape,
  last: LastActivity,
  numbered: boolean,
): boolean {
  const act = roleText(view, r, shape.columns.activity, shape);
  if (!act) return true;
  const dl = roleText(view, r, shape.columns.deadline, shape);
  // «– анализ результатов» with a deadline of its own: a list item of its own row (Word's numbering lost on
  // paste left the bullet), not the previous activity's next line.
  if (stripListMarker(act) !== act && dl && looksLikeDeadline(dl)) return false;
  let score = 0;
  if (startsLowercase(act)) score += 3;
  else if (startsUppercase(act)) score -= 2;
  if (endsMidPhrase(last.activityTail)) score += 2;
  else if (endsFinished(last.activityTail)) score -= 1;
  else score += 0.5;
  if (shape.columns.deadline !== null) {
    if (!dl) score += 1;
    else if (looksLikeDeadline(dl) && last.deadlineTail) score -= 1;
  }
  if (numbered) score += 1.5;
  return score > 0;
}

/**
 * Excel pastes a Word cell of several paragraphs as several rows, merging the row's other cells down over them:
 * a row whose cells are covered by merges that start at the current activity belongs to that activity.
 */
function mergedFromActivity(view: SheetView, r: number, shape: TableShape, activityRow: number): boolean {
  const num = shape.columns.number;
  if (num !== null) {
    const m = view.mergeFromAbove(r, num);
    if (m && m.top >= activityRow) return true;
  }
  let merged = false;
  for (let c = shape.left; c <= shape.right && !merged; c++) {
    const m = view.mergeFromAbove(r, c);
    if (m && m.top >= activityRow) merged = true;
  }
  if (!merged) return false;
  // «Ответственный» merged down over several activities, each with its own deadline: separate activities that
  // share a cell, not one Word cell of several paragraphs.
  const dl = shape.columns.deadline;
  return !(dl !== null && view.text(r, dl) && !view.mergeFromAbove(r, dl));
}

/** A single non-empty cell in a row: a section title, a continuation, or prose after the table. */
function singleCellKind(
  view: SheetView,
  r: number,
  c: number,
  shape: TableShape,
  last: LastActivity | null,
  numbered: boolean,
): "section" | "continuation" {
  const text = view.text(r, c);
  const merge = view.mergeAt(r, c);
  const spans = merge !== null && merge.right > merge.left;
  if (spans || c === shape.columns.number) return "section";
  // In the first column a lone cell is a section title — unless that column is the activity text itself (a plan
  // without «№»), where a fragment cut at a page break lands too.
  if (c === shape.left && c !== shape.columns.activity) return "section";
  if (c !== shape.columns.activity) return last ? "continuation" : "section";
  if (!last) return "section";
  if (startsLowercase(text) || endsMidPhrase(last.activityTail)) return "continuation";
  // «ШНОР и ШССУ» under a numbered activity: a sentence cut before an abbreviation, not a section title.
  const firstWord = /^[«"(]?([А-ЯЁA-Z]{2,})(?=[\s,.;:»")]|$)/.exec(text);
  if (numbered && firstWord) return "continuation";
  return "section";
}

/**
 * A month grid's deadline, as a user would write it: the marked months (or quarters), a run of adjacent ones as a
 * range — «Сентябрь – Май», «Декабрь, Март». Any mark counts («+», «х», «V», a day).
 */
function markedPeriods(view: SheetView, rows: number[], timeline: { c: number; label: string }[]): string {
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
 * Is the header repeated at row `r` the start of the same table pasted again? Its first row (after a row of column
 * numbers) is the table's first activity again: the same number, and the same text or a blank row before the
 * header. A header repeated after a page break continues the numbering instead, and a section numbered anew
 * («Раздел 2» then «1.») opens with its section row.
 */
function pastedAgain(
  view: SheetView,
  r: number,
  shape: TableShape,
  items: BodyItem[],
  afterGap: number,
): boolean {
  const first = items.find((it) => it.kind === "activity");
  if (!first || shape.columns.number === null) return false;
  const firstNumber = numberText(view, first.row, shape.columns.number);
  if (!isNumbering(firstNumber)) return false;
  let q = r + 1;
  if (isColumnNumberRow(view, q, shape.left, shape.right)) q++;
  if (numberText(view, q, shape.columns.number) !== firstNumber) return false;
  const text = (row: number) => collapseSpaces(roleText(view, row, shape.columns.activity, shape));
  return afterGap > 0 || text(q) === text(first.row);
}

function readBody(
  view: SheetView,
  header: HeaderInfo | null,
  start: number,
  shape: TableShape,
  forcedEnd: number | null,
): Body {
  const items: BodyItem[] = [];
  const signature = header ? headerSignature(view, header.rows[0]) : null;
  let pending: BodyItem[] = [];
  let last: LastActivity | null = null;
  let lastItem: BodyItem | null = null;
  let lastRow = header ? header.rows[header.rows.length - 1] : start - 1;
  let gap = 0;
  let emptySince: number[] = [];
  let numberedCount = 0;
  const limit = forcedEnd ?? view.height - 1;

  const tailOf = (r: number, c: number | null, prev: string) => {
    const t = roleText(view, r, c);
    return t || prev;
  };

  for (let r = start; r <= limit; r++) {
    const { kind, cells } = rawKind(view, r, shape);
    if (kind === "empty") {
      gap++;
      emptySince.push(r);
      if (forcedEnd === null && gap > MAX_GAP) break;
      continue;
    }
    const afterGap = gap;
    gap = 0;
    const blanks = emptySince;
    emptySince = [];

    // A header inside the table: the same header repeated after a page break, or a new table.
    if (kind !== "activity" && forcedEnd === null && headerRoleCount(view, r) >= 2) {
      if (signature !== null && headerSignature(view, r) === signature) {
        // The same table pasted again (its numbering starts over under the repeated header): a second table.
        if (pastedAgain(view, r, shape, items, afterGap)) break;
        items.push({ kind: "header", row: r });
        lastRow = r;
        if (isColumnNumberRow(view, r + 1, shape.left, shape.right)) {
          items.push({ kind: "header", row: r + 1 });
          lastRow = r + 1;
          r++;
        }
        continue;
      }
      break;
    }
    // «1 | 2 | 3 | 4 | 5» under the header, or repeated after a page break: part of the header, never an activity.
    if (isColumnNumberRow(view, r, shape.left, shape.right)) {
      items.push({ kind: "header", row: r });
      lastRow = r;
      continue;
    }
    if (kind === "foreign") {
      if (forcedEnd === null) break;
      continue;
    }
    if (kind === "single") {
      const c = cells[0];
      const text = collapseSpaces(view.text(r, c));
      const sk =
        last && pending.length === 0 && mergedFromActivity(view, r, shape, last.row)
          ? "continuation"
          : singleCellKind(view, r, c, shape, pending.length === 0 ? last : null, numberedCount > 0);
      if (sk === "continuation" && last && lastItem && pending.length === 0) {
        lastItem.continuation!.push(...blanks, r);
        last.activityTail = tailOf(r, shape.columns.activity, last.activityTail);
        lastRow = r;
        continue;
      }
      // Prose after a gap of two or more rows ends the table; so do more than a few lines of it in a row.
      if (forcedEnd === null && (afterGap >= 2 || text.length > 500)) break;
      pending.push({ kind: "section", row: r, text });
      if (forcedEnd === null && pending.length > MAX_PENDING_PROSE) break;
      continue;
    }
    if (forcedEnd === null && afterGap >= 2 && items.length > 0 && kind !== "activity") {
      // After a wide gap only a numbered row keeps the table going.
      break;
    }
    let isActivity = kind === "activity";
    if (kind === "continuation-or-activity") {
      const numbered = numberedCount > 0;
      isActivity = !(
        last &&
        pending.length === 0 &&
        (mergedFromActivity(view, r, shape, last.row) || isContinuation(view, r, shape, last, numbered))
      );
      if (
        isActivity &&
        !roleText(view, r, shape.columns.activity, shape) &&
        shape.columns.activity !== null
      ) {
        // Cells without an activity text and nothing to continue: not a row of this table.
        if (forcedEnd === null) break;
      }
    }
    if (isActivity) {
      for (const p of pending) items.push(p);
      if (pending.length > 0) last = null;
      pending = [];
      const item: BodyItem = { kind: "activity", row: r, continuation: [] };
      items.push(item);
      lastItem = item;
      if (isNumbering(numberText(view, r, shape.columns.number))) numberedCount++;
      last = {
        row: r,
        activityTail: roleText(view, r, shape.columns.activity, shape),
        deadlineTail: roleText(view, r, shape.columns.deadline, shape),
      };
    } else if (last && lastItem) {
      lastItem.continuation!.push(...blanks, r);
      last.activityTail = tailOf(r, shape.columns.activity, last.activityTail);
      last.deadlineTail = tailOf(r, shape.columns.deadline, last.deadlineTail);
    }
    lastRow = r;
  }
  if (forcedEnd !== null) {
    for (const p of pending) items.push(p);
    lastRow = Math.max(lastRow, forcedEnd);
  }
  // Sections are ordered by row already; pending prose after the last activity is not part of the table.
  items.sort((a, b) => a.row - b.row);
  if (forcedEnd === null) {
    const lastActivityRow = items.reduce(
      (m, it) => Math.max(m, it.kind === "activity" ? lastRowOf(it) : it.row),
      -1,
    );
    if (lastActivityRow >= 0) lastRow = Math.min(lastRow, lastActivityRow);
  }
  return { items, lastRow };
}

function lastRowOf(it: BodyItem): number {
  const c = it.continuation;
  return c && c.length > 0 ? c[c.length - 1] : it.row;
}

// ---------------------------------------------------------------------------------------------------------
// Content-based column roles

/** Fill roles the header did not name (or named slightly off) from what the columns hold. */
function inferFromContent(view: SheetView, header: HeaderInfo): void {
  const a = header.columns;
  const first = header.rows[header.rows.length - 1] + 1;
  const sample: number[] = [];
  let blank = 0;
  for (let r = first; r < view.height && sample.length < 40 && r < first + 120 && blank < 2; r++) {
    const n = view.nonEmpty(r, header.left, header.right).length;
    blank = n === 0 ? blank + 1 : 0;
    if (n >= 2) sample.push(r);
  }
  if (sample.length === 0) return;
  // A «№» column whose header cell was left empty sits just left of the header's first text.
  const before = header.left - 1;
  if (a.number === null && before >= 0 && !view.text(header.rows[0], before)) {
    const numbered = sample.filter((r) => isNumbering(view.text(r, before))).length;
    if (numbered >= Math.max(2, sample.length * 0.6)) {
      header.left = before;
      header.labels.unshift("");
      a.number = before;
    }
  }
  const taken = assignedColumns(a);
  const stats = (c: number) => {
    let n = 0;
    let numbering = 0;
    let deadline = 0;
    let person = 0;
    let len = 0;
    for (const r of sample) {
      const v = view.value(r, c);
      const t = view.text(r, c);
      if (!t) continue;
      n++;
      len += t.length;
      if (isNumbering(t)) numbering++;
      if (looksLikeDeadline(t) || (typeof v === "number" && serialToDateText(v))) deadline++;
      if (looksLikePerson(t)) person++;
    }
    return { n, numbering, deadline, person, avgLen: n ? len / n : 0 };
  };
  const free: number[] = [];
  for (let c = header.left; c <= header.right; c++) if (!taken.has(c)) free.push(c);
  const byCol = new Map(free.map((c) => [c, stats(c)]));
  const pick = (test: (s: ReturnType<typeof stats>) => boolean): number | null => {
    for (const c of free) {
      const s = byCol.get(c)!;
      if (!taken.has(c) && s.n >= Math.min(3, sample.length) && test(s)) {
        taken.add(c);
        return c;
      }
    }
    return null;
  };
  // One role named by the header lets content name the others; content alone never makes a roadmap.
  const namedActivity = a.activity !== null;
  const namedOther = a.deadline !== null || a.responsible.length > 0;
  if (a.number === null) a.number = pick((s) => s.numbering / s.n >= 0.6);
  if (a.deadline === null && namedActivity)
    a.deadline = pick((s) => s.deadline / s.n >= 0.6 && s.avgLen < 80);
  if (a.responsible.length === 0 && namedActivity) {
    const c = pick((s) => s.person / s.n >= 0.5 && s.avgLen < 150);
    if (c !== null) a.responsible.push(c);
  }
  if (a.activity === null && namedOther) {
    a.activity = pick((s) => s.avgLen >= 40 && s.numbering === 0 && s.deadline / s.n < 0.3);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Title, period, approval

interface Context {
  title: string | null;
  period: Period | null;
  approved: IsoDate | null;
}

function linesAbove(view: SheetView, top: number, floor: number): { row: number; line: string }[] {
  const out: { row: number; line: string }[] = [];
  for (let r = top - 1; r >= Math.max(floor, top - CONTEXT_WINDOW); r--) {
    const cols = view.nonEmpty(r);
    if (cols.length === 0) continue;
    const text = cols.map((c) => view.text(r, c)).join(" ");
    const parts = text
      .split(/\r?\n/)
      .map((s) => collapseSpaces(s))
      .filter((s) => s.length > 0);
    for (let i = parts.length - 1; i >= 0; i--) out.push({ row: r, line: parts[i] });
  }
  return out; // nearest first
}

function rightmostApproval(view: SheetView, r: number): IsoDate | null {
  const cols = view.nonEmpty(r);
  if (cols.length < 2) return null;
  for (let i = cols.length - 1; i >= 0; i--) {
    const d = approvalFromLine(collapseSpaces(view.text(r, cols[i])));
    if (d) return d;
  }
  return null;
}

function readContext(view: SheetView, top: number, floor: number, given: GivenContext): Context {
  const found = readContextFromText(view, top, floor);
  return given
    ? { ...found, period: given.period ?? found.period, approved: given.approved ?? found.approved }
    : found;
}

function oneLine(text: string): string {
  return collapseSpaces(text.replace(/\r?\n/g, " "));
}

/** In a row of several cells, the one cell that is a heading («Дорожная карта … на 2025 год»), if any. */
function headingCell(view: SheetView, r: number): { col: number; text: string } | null {
  const cols = view.nonEmpty(r);
  if (cols.length < 2) return null;
  for (const c of cols) {
    const text = oneLine(view.text(r, c));
    if (isHeadingLine(text)) return { col: c, text };
  }
  return null;
}

function readContextFromText(view: SheetView, top: number, floor: number): Context {
  const lines = linesAbove(view, top, floor);
  // Title: the nearest heading line within the window, then the lines after it that continue the heading.
  let title: string | null = null;
  const near = lines.filter((l) => l.row >= top - TITLE_WINDOW);
  let hi = near.findIndex((l) => isHeadingLine(l.line));
  // «ПЛАН» over «мероприятий по … на 2025 год»: a heading found mid-phrase starts on the line above.
  while (
    hi >= 0 &&
    hi + 1 < near.length &&
    startsLowercase(near[hi].line) &&
    near[hi + 1].row >= near[hi].row - 1 &&
    !/[.!?:;]$/.test(near[hi + 1].line)
  )
    hi++;
  if (hi >= 0) {
    // A row holding the title and a stamp («УТВЕРЖДЕНО приказом …» top right): the title is its own cell.
    const head = headingCell(view, near[hi].row);
    const parts = [head ? head.text : near[hi].line];
    const read = new Set<number>([near[hi].row]);
    for (let i = hi - 1; i >= 0; i--) {
      let l = near[i].line;
      if (head) {
        const row = near[i].row;
        if (read.has(row)) continue;
        if (view.nonEmpty(row).length > 1) {
          read.add(row);
          l = oneLine(view.text(row, head.col));
          if (!l) break;
        }
      }
      const allCaps = l === l.toUpperCase() && /[А-ЯЁ]/.test(l);
      // «… в 512 общеобразовательных организациях» + «Томской области на 2025-2026 учебный год»: the line that
      // gives a heading without a period its period continues it, whatever its first letter.
      const givesPeriod = () =>
        !/[.!?:]$/.test(parts[parts.length - 1]) && !readPeriod(parts.join(" ")) && !!readPeriod(l);
      if (startsLowercase(l) || allCaps || /^[(«"„“]/.test(l) || givesPeriod()) parts.push(l);
      else break;
    }
    title = parts.join(" ");
  }
  let period = title ? readPeriod(title) : null;
  if (!period) {
    for (const l of lines) {
      if (/дорожн\S* карт|план\S* (мероприят|работ|действ)|комплекс\S* мер/i.test(l.line)) {
        period = readPeriod(l.line);
        if (period) break;
      }
    }
  }
  if (!period) {
    for (const l of near) {
      period = readPeriod(l.line);
      if (period) break;
    }
  }
  // A table pasted without its title: a sheet named «ДК на 2025-2026 уч. год» still says the period.
  if (!period) period = readPeriod(view.sheet.name);
  let approved: IsoDate | null = null;
  let checkedRow = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // «УТВЕРЖДАЮ» / «Директор ______ Т.Г. Никитина 01.09.2025»: a bare date in the lines under the stamp.
    const bare = /(^|[^\d.])(\d{1,2}\.\d{1,2}\.\d{4})(?![\d.])/.exec(l.line);
    if (bare && lines.slice(i + 1, i + 5).some((x) => /^утвержд/i.test(x.line))) {
      approved = parseRuDate(bare[2]);
      if (approved) break;
    }
    if (l.row !== checkedRow) {
      // «СОГЛАСОВАНО … протокол от 28.08.2025» on the left, «УТВЕРЖДАЮ … приказ от 01.09.2025» on the right of
      // the same rows: cell by cell, the rightmost date is the approval (the approval stamp stands top right).
      checkedRow = l.row;
      approved = rightmostApproval(view, l.row);
      if (approved) break;
    }
    approved = approvalFromLine(l.line);
    if (approved) break;
  }
  return { title, period, approved };
}

// ---------------------------------------------------------------------------------------------------------
// Building the RoadmapTable

const NO_CONTROL = {
  status: null,
  doneDate: null,
  evidenceLink: null,
  comment: null,
  dueDate: null,
  signal: null,
} as const;

function letters(c: number | null): string | null {
  return c === null ? null : columnLetter(c);
}

function toTableColumns(a: ColumnAssignment): TableColumns {
  return {
    number: letters(a.number),
    activity: letters(a.activity),
    form: letters(a.form),
    deadline: letters(a.deadline),
    responsible: a.responsible.map((c) => columnLetter(c)),
    result: letters(a.result),
    evidence: letters(a.evidence),
    status: letters(a.status),
    doneDate: letters(a.doneDate),
    evidenceLink: letters(a.evidenceLink),
    comment: letters(a.comment),
    dueDate: letters(a.dueDate),
  };
}

/** The folded text of one column of an activity: its first row and every continuation row, cell by cell. */
export function foldedCell(view: SheetView, rows: number[], c: number): string {
  let out = "";
  for (const r of rows) out = joinFragments(out, view.text(r, c));
  return out;
}

function numberAsWritten(view: SheetView, r: number, c: number | null): string | null {
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
function joinDeadlineParts(start: string, end: string): string {
  if (!end || end === start) return start;
  if (!start) return end;
  return `${start} – ${end}`;
}

function mergeResponsible(parts: Responsible[]): Responsible {
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

/** Sections numbered like activities («1. Нормативное обеспечение» over «1.1», «1.2»): only number and text. */
function promoteNumberedSections(view: SheetView, items: BodyItem[], shape: TableShape): void {
  const a = shape.columns;
  const activities = items.filter((it) => it.kind === "activity");
  for (let i = 0; i < activities.length; i++) {
    const it = activities[i];
    if ((it.continuation?.length ?? 0) > 0) continue;
    const num = numberText(view, it.row, a.number);
    if (!num) continue;
    const actCols = [a.activity, ...(a.activity !== null ? (shape.spill.get(a.activity) ?? []) : [])];
    const others = rowCells(view, it.row, shape).filter((c) => c !== a.number && !actCols.includes(c));
    if (others.length > 0) continue;
    const next = activities[i + 1];
    const nextNum = next ? numberText(view, next.row, a.number) : "";
    const stem = num.replace(/[.)]$/, "");
    const parent = nextNum.startsWith(`${stem}.`) && nextNum.length > stem.length + 1;
    if (parent || isRomanNumbering(num)) {
      it.kind = "section";
      it.text = collapseSpaces(`${num} ${roleText(view, it.row, a.activity, shape)}`);
      delete it.continuation;
    }
  }
}

function buildTable(
  view: SheetView,
  header: HeaderInfo | null,
  shape: TableShape,
  body: Body,
  ctx: Context,
): RoadmapTable {
  const a = shape.columns;
  promoteNumberedSections(view, body.items, shape);
  const respTexts: string[] = [];
  for (const it of body.items) {
    if (it.kind !== "activity") continue;
    const rows = [it.row, ...(it.continuation ?? [])];
    for (const c of a.responsible) respTexts.push(foldedCell(view, rows, c));
  }
  // Distinct texts are enough to decide the name order, and keep 20,000-row sheets fast.
  const nameOrder = inferNameOrder([...new Set(respTexts.filter((t) => t))]);
  // Roadmaps repeat the same «Сроки» and «Ответственные» texts a lot: read each distinct text once per table.
  const deadlines = new Map<string, Deadline>();
  const readDeadlineOnce = (raw: string): Deadline => {
    let d = deadlines.get(raw);
    if (!d) deadlines.set(raw, (d = readDeadline(raw, { period: ctx.period, approved: ctx.approved })));
    return { ...d, ...(d.points ? { points: d.points.map((p) => ({ ...p })) } : {}) };
  };
  const responsibles = new Map<string, Responsible>();
  const readResponsibleOnce = (raw: string): Responsible => {
    let r = responsibles.get(raw);
    if (!r) responsibles.set(raw, (r = readResponsible(raw, { nameOrder })));
    return { ...r, persons: r.persons.map((p) => ({ ...p })), roles: [...r.roles] };
  };
  const rows: TableRow[] = [];
  if (header) for (const r of header.rows) rows.push({ row: r + 1, kind: "header" });
  let section: string | null = null;
  for (const it of body.items) {
    if (it.kind === "header") {
      rows.push({ row: it.row + 1, kind: "header" });
      continue;
    }
    if (it.kind === "section") {
      section = cleanCellText(it.text ?? "");
      rows.push({ row: it.row + 1, kind: "section", text: section });
      continue;
    }
    const all = [it.row, ...(it.continuation ?? [])];
    const cell = (c: number | null): string | null => {
      if (c === null) return null;
      const t = cleanCellText(foldedCell(view, all, c));
      if (t) return t;
      for (const x of shape.spill.get(c) ?? []) {
        const u = cleanCellText(foldedCell(view, all, x));
        if (u) return u;
      }
      // A cell merged down over several activities (one deadline for two rows) belongs to each of them.
      const m = view.mergeFromAbove(it.row, c);
      const shared =
        m && m.top >= (header ? header.rows[header.rows.length - 1] + 1 : 0) ? view.text(m.top, m.left) : "";
      return shared ? cleanCellText(shared) : null;
    };
    const deadlineText = (c: number | null): string => {
      if (c === null) return "";
      const v = view.value(it.row, c);
      if (typeof v === "number" && all.every((r) => r === it.row || !view.text(r, c))) {
        const date = serialToDateText(v);
        if (date) return date;
      }
      return cell(c) ?? "";
    };
    const deadlineRaw =
      a.timeline.length > 0
        ? markedPeriods(view, all, a.timeline)
        : joinDeadlineParts(deadlineText(a.deadline), deadlineText(a.deadlineEnd));
    const responsible = mergeResponsible(
      a.responsible
        .map((c) => cell(c))
        .filter((t): t is string => t !== null)
        .map((t) => readResponsibleOnce(t)),
    );
    const activity: ActivityRow = {
      row: it.row + 1,
      kind: "activity",
      number: numberAsWritten(view, it.row, a.number),
      section,
      rows: all.map((r) => r + 1),
      activity: stripListMarker(cell(a.activity) ?? ""),
      deadline: readDeadlineOnce(deadlineRaw),
      responsible: a.responsible.length > 0 ? responsible : readResponsibleOnce(""),
      result: cell(a.result),
      evidence: cell(a.evidence),
      // The control columns are read by src/domain/control/read.ts (index.ts applies it).
      ...NO_CONTROL,
    };
    rows.push(activity);
    for (const r of it.continuation ?? []) rows.push({ row: r + 1, kind: "continuation" });
  }
  rows.sort((x, y) => x.row - y.row);
  const top = header ? header.rows[0] : (body.items[0]?.row ?? body.lastRow);
  return {
    sheet: view.sheet.name,
    range: rangeA1({ top, left: shape.left, bottom: Math.max(top, body.lastRow), right: shape.right }),
    headerRows: header ? header.rows.map((r) => r + 1) : [],
    title: ctx.title,
    period: ctx.period,
    approved: ctx.approved,
    columns: toTableColumns(a),
    rows,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Overrides

function applyColumnOverride(a: ColumnAssignment, cols: TableOverride["columns"]): ColumnAssignment {
  if (!cols) return a;
  const out: ColumnAssignment = { ...a, responsible: [...a.responsible] };
  for (const [role, v] of Object.entries(cols) as [ColumnRole, string | string[] | null | undefined][]) {
    if (v === undefined) continue;
    const list = v === null ? [] : Array.isArray(v) ? v : [v];
    const idx = list.filter((s) => /^[A-Za-z]{1,3}$/.test(s.trim())).map((s) => columnIndex(s.trim()));
    if (role === "responsible") out.responsible = idx;
    else (out as unknown as Record<string, number | null>)[role] = idx.length > 0 ? idx[0] : null;
    // The user named the deadline column: a split «окончание» column recognised before no longer applies.
    if (role === "deadline") {
      out.deadlineEnd = null;
      out.timeline = [];
    }
  }
  return out;
}

function overrideMessage(sheet: string): string {
  return `На листе «${sheet}» столбцы таблицы заданы вручную (ваши исправления сохранены в книге).`;
}

// ---------------------------------------------------------------------------------------------------------
// The sheet scan

function describeForeign(view: SheetView, h: HeaderInfo): string {
  const labels = h.labels.filter((l) => l).slice(0, 4);
  return labels.map((l) => (l.length > 40 ? `${l.slice(0, 40)}…` : l)).join(" | ");
}

function isRoadmap(a: ColumnAssignment): boolean {
  return a.activity !== null && (a.deadline !== null || a.responsible.length > 0);
}

/** A numbered row that fits an earlier roadmap's columns: the start of a headerless continuation of that table. */
function startsHeaderlessPart(view: SheetView, r: number, shape: TableShape): boolean {
  const a = shape.columns;
  if (a.number === null || a.activity === null) return false;
  if (!isNumbering(numberText(view, r, a.number))) return false;
  const act = view.text(r, a.activity);
  if (act.length < 10 || !/[А-Яа-яЁё]/.test(act)) return false;
  const dl = roleText(view, r, a.deadline);
  const resp = a.responsible.some((c) => view.text(r, c));
  if (!(looksLikeDeadline(dl) || resp)) return false;
  // Nothing outside the table's columns.
  const outside = view.nonEmpty(r).filter((c) => c < shape.left || c > shape.right);
  return outside.length === 0;
}

interface Found {
  table: RoadmapTable;
  top: number;
  bottom: number;
  continuationRows: number;
}

function scanSheet(view: SheetView, notices: Notice[], given: GivenContext): Found[] {
  const found: Found[] = [];
  const name = view.sheet.name;
  let floor = 0;
  let previous: { shape: TableShape; ctx: Context; label: string } | null = null;
  for (let r = 0; r < view.height; r++) {
    if (headerRoleCount(view, r) >= 2) {
      const header = readHeader(view, r);
      inferFromContent(view, header);
      const shape = makeShape(view, header.left, header.right, header.columns, header.rows[0]);
      const start = header.rows[header.rows.length - 1] + 1;
      if (isRoadmap(header.columns)) {
        const body = readBody(view, header, start, shape, null);
        const activities = body.items.filter((it) => it.kind === "activity").length;
        if (activities > 0) {
          let ctx = readContext(view, r, floor, given);
          // A second table with nothing of its own above it (a repeat, a part after a gap) belongs to the same plan.
          if (previous && ctx.title === null && ctx.period === null && ctx.approved === null)
            ctx = previous.ctx;
          const table = buildTable(view, header, shape, body, ctx);
          found.push({ table, top: r, bottom: body.lastRow, continuationRows: countContinuations(table) });
          previous = { shape, ctx, label: table.range };
          floor = body.lastRow + 1;
          r = body.lastRow;
          continue;
        }
      }
      // A table, but not a roadmap: say so once, and skip its rows so they are not read as anything else.
      notices.push({
        sheet: name,
        message: isRoadmap(header.columns)
          ? `На листе «${name}» под шапкой дорожной карты в строке ${r + 1} нет ни одного мероприятия.`
          : `На листе «${name}» таблица в строке ${r + 1} («${describeForeign(view, header)}») не похожа на дорожную карту: в ней нет столбца мероприятий вместе со столбцом сроков или ответственных. Она пропущена.`,
      });
      let end = start;
      while (end < view.height && view.nonEmpty(end).length > 0) {
        if (previous && startsHeaderlessPart(view, end, previous.shape)) break;
        end++;
      }
      floor = end;
      r = end - 1;
      continue;
    }
    if (previous && startsHeaderlessPart(view, r, previous.shape)) {
      const body = readBody(view, null, r, previous.shape, null);
      const activities = body.items.filter((it) => it.kind === "activity").length;
      if (activities >= 2) {
        const table = buildTable(view, null, previous.shape, body, previous.ctx);
        found.push({ table, top: r, bottom: body.lastRow, continuationRows: countContinuations(table) });
        notices.push({
          sheet: name,
          message: `На листе «${name}» строки ${r + 1}–${body.lastRow + 1} без шапки прочитаны как продолжение дорожной карты ${previous.label}: у них те же столбцы.`,
        });
        floor = body.lastRow + 1;
        r = body.lastRow;
      }
    }
  }
  return found;
}

function countContinuations(t: RoadmapTable): number {
  return t.rows.filter((x) => x.kind === "continuation").length;
}

function tableFromOverride(
  view: SheetView,
  o: TableOverride,
  notices: Notice[],
  given: GivenContext,
): Found | null {
  const name = view.sheet.name;
  const range = o.range ? parseA1(o.range) : null;
  if (!range) {
    notices.push({
      sheet: name,
      message: `Диапазон «${o.range}» для листа «${name}» не распознан: укажите его как A6:F58.`,
    });
    return null;
  }
  let header: HeaderInfo | null = null;
  for (let r = range.top; r <= Math.min(range.bottom, range.top + 2); r++) {
    if (headerRoleCount(view, r) >= 1 && view.nonEmpty(r, range.left, range.right).length >= 2) {
      const h = readHeader(view, r);
      h.left = range.left;
      h.right = range.right;
      header = h;
      break;
    }
  }
  const base = header ? header.columns : emptyAssignment();
  const columns = applyColumnOverride(base, o.columns);
  if (header) header.columns = columns;
  const shape = makeShape(view, range.left, range.right, columns, header ? header.rows[0] : null);
  const start = header ? header.rows[header.rows.length - 1] + 1 : range.top;
  const body = readBody(view, header, start, shape, range.bottom);
  const ctx = readContext(view, header ? header.rows[0] : range.top, 0, given);
  const table = buildTable(view, header, shape, body, ctx);
  table.range = rangeA1(range);
  notices.push({ sheet: name, message: overrideMessage(name) });
  return { table, top: range.top, bottom: range.bottom, continuationRows: countContinuations(table) };
}

export function recognizeSheet(sheet: SheetGrid, opts: RecognizeOptions = {}): Recognition {
  const notices: Notice[] = [];
  const name = sheet.name;
  const view = new SheetView(sheet);
  const overrides = (opts.overrides ?? []).filter((o) => o.sheet === name);
  const dated = overrides.filter((o) => o.period || o.approved);
  const given: GivenContext = dated.length > 0 ? dated[dated.length - 1] : null;
  let found = scanSheet(view, notices, given);

  const ranged = overrides.filter((o) => o.range);
  for (const o of ranged) {
    const f = tableFromOverride(view, o, notices, given);
    if (!f) continue;
    found = found.filter((x) => x.bottom < f.top || x.top > f.bottom);
    found.push(f);
  }
  const columnOnly = overrides.filter((o) => !o.range && o.columns);
  if (columnOnly.length > 0 && found.length > 0) {
    const o = columnOnly[columnOnly.length - 1];
    found = found.map((f) => {
      if (ranged.some((x) => x.range && parseA1(x.range)?.top === f.top)) return f;
      const range = parseA1(f.table.range)!;
      const redo = tableFromOverride(
        view,
        { sheet: name, range: rangeA1(range), columns: o.columns },
        [],
        given,
      );
      return redo ?? f;
    });
    notices.push({ sheet: name, message: overrideMessage(name) });
  }
  found.sort((x, y) => x.top - y.top);
  const tables = found.map((f) => f.table);

  if (view.height === 0 || view.sheet.rows.every((row) => !row || row.every((v) => v === null || v === ""))) {
    notices.push({ sheet: name, message: `Лист «${name}» пуст.` });
  } else if (tables.length === 0) {
    notices.push({
      sheet: name,
      message: `На листе «${name}» не найдена таблица дорожной карты. Нужна шапка со столбцом мероприятий и столбцом сроков или ответственных (например, «Наименование мероприятия», «Сроки», «Ответственные»). Если таблица есть, укажите её диапазон и столбцы вручную.`,
    });
  }
  for (const f of found) {
    if (f.continuationRows > 0) {
      const cont = f.table.rows
        .filter((x) => x.kind === "continuation" && view.nonEmpty(x.row - 1).length > 0)
        .map((x) => x.row);
      const shown = cont.slice(0, 8).join(", ") + (cont.length > 8 ? " …" : "");
      notices.push({
        sheet: name,
        message:
          cont.length === 1
            ? `На листе «${name}» строка ${shown} — продолжение ячейки, разорванной при переносе из Word; её текст присоединён к мероприятию выше. Команда «Исправить вставку из Word» соединит её в самой таблице.`
            : `На листе «${name}» строки ${shown} — продолжения ячеек, разорванных при переносе из Word; их текст присоединён к мероприятию выше. Команда «Исправить вставку из Word» соединит их в самой таблице.`,
      });
    }
  }
  if (tables.length > 0) {
    if (sheet.protected) {
      notices.push({
        sheet: name,
        message: `Лист «${name}» защищён. Таблица прочитана, но чтобы вносить изменения (исправлять вставку, добавлять столбцы), снимите защиту листа: Рецензирование → Снять защиту листа.`,
      });
    }
    const hidden = new Set(sheet.hiddenRows ?? []);
    const hiddenInTables = found.reduce((n, f) => {
      let k = 0;
      for (const h of hidden) if (h >= f.top && h <= f.bottom) k++;
      return n + k;
    }, 0);
    if (hiddenInTables > 0) {
      notices.push({
        sheet: name,
        message: `На листе «${name}» в таблице есть скрытые строки (${hiddenInTables}): они прочитаны наравне с видимыми.`,
      });
    }
    const hiddenCols = new Set(sheet.hiddenColumns ?? []);
    const hiddenLetters: string[] = [];
    const helperLetters: string[] = [];
    for (const f of found) {
      const range = parseA1(f.table.range)!;
      const c0 = f.table.columns;
      const roles = new Set(
        [c0.number, c0.activity, c0.form, c0.deadline, c0.result, c0.evidence, c0.status, c0.doneDate]
          .concat([c0.evidenceLink, c0.comment, c0.dueDate], c0.responsible)
          .filter((x): x is string => x !== null),
      );
      for (let c = range.left; c <= range.right; c++) {
        if (!hiddenCols.has(c)) continue;
        const letter = columnLetter(c);
        (roles.has(letter) ? hiddenLetters : helperLetters).push(letter);
      }
    }
    if (hiddenLetters.length > 0) {
      notices.push({
        sheet: name,
        message: `На листе «${name}» в таблице есть скрытые столбцы (${[...new Set(hiddenLetters)].join(", ")}): они прочитаны наравне с видимыми.`,
      });
    }
    if (helperLetters.length > 0) {
      notices.push({
        sheet: name,
        message: `На листе «${name}» скрытые столбцы без роли в таблице (${[...new Set(helperLetters)].join(", ")}) — видимо, служебные: их значения не читаются.`,
      });
    }
    const errors: string[] = [];
    for (const f of found) {
      const range = parseA1(f.table.range)!;
      for (let r = range.top; r <= range.bottom && errors.length < 6; r++) {
        const row = sheet.rows[r];
        if (!row) continue;
        for (let c = range.left; c <= Math.min(range.right, row.length - 1); c++) {
          if (view.isError(r, c)) errors.push(`${columnLetter(c)}${r + 1}`);
        }
      }
    }
    if (errors.length > 0) {
      notices.push({
        sheet: name,
        message: `На листе «${name}» в таблице есть ячейки с ошибками (например, #ССЫЛКА!): ${errors.slice(0, 5).join(", ")}${errors.length > 5 ? " …" : ""}. Они прочитаны как пустые.`,
      });
    }
  }
  return { tables, notices };
}

/** «Лист1 (исходный)», «Лист1 (исходный 2)»: backups made by planFoldContinuations. */
export function isBackupSheet(name: string): boolean {
  return /\(исходный( \d+)?\)$/.test(name);
}

export function recognizeWorkbook(wb: WorkbookGrid, opts: RecognizeOptions = {}): Recognition {
  const sheets = wb?.sheets ?? [];
  if (sheets.length === 0) {
    return {
      tables: [],
      notices: [{ sheet: "", message: "Книга пуста: в ней нет ни одного листа с данными." }],
    };
  }
  const tables: RoadmapTable[] = [];
  const notices: Notice[] = [];
  for (const s of sheets) {
    if (isBackupSheet(s.name)) {
      // The copy «Исправить вставку из Word» keeps: reading it would show every activity twice.
      notices.push({
        sheet: s.name,
        message: `Лист «${s.name}» — резервная копия, сделанная перед исправлением вставки из Word; он не проверяется.`,
      });
      continue;
    }
    const r = recognizeSheet(s, opts);
    tables.push(...r.tables);
    // The people directory is the add-in's own sheet: no «no roadmap here» notice for it.
    notices.push(...(s.name === DIRECTORY_SHEET && r.tables.length === 0 ? [] : r.notices));
  }
  if (tables.length === 0 && sheets.length > 1) {
    notices.push({
      sheet: "",
      message:
        "В книге не найдено ни одной таблицы дорожной карты. Проверьте, что таблица вставлена вместе с шапкой.",
    });
  }
  return { tables, notices };
}
