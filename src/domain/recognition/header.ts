/**
 * Finding a table header: one row, or two when a top cell is merged over sub-columns («Ответственные
 * исполнители» over «муниципальный уровень» | «институциональный уровень»), optionally followed by a row of
 * column numbers (1 2 3 4 5) as Word tables often have.
 */
import type { ColumnRole } from "../model";
import { roleOfHeader } from "./header-roles";
import type { SheetView } from "./sheet-view";
import { MONTH_PATTERN, normalizeForMatch } from "../ru";
import { isNumbering, looksLikeDeadline, looksLikePerson } from "./text";

export interface ColumnAssignment {
  number: number | null;
  activity: number | null;
  form: number | null;
  deadline: number | null;
  /**
   * «Сроки» split into «начало» | «окончание» (or «срок начала» | «срок окончания»): the end column. The deadline
   * column is the start one; the reader gets both texts joined «начало – окончание». Internal: the contract has
   * one deadline column.
   */
  deadlineEnd: number | null;
  responsible: number[];
  /**
   * A «План-график» with one column per month or quarter (Сентябрь | Октябрь | …, I квартал | II квартал | …,
   * marked «+»): those columns, in order, with their header text. The deadline column is the first; the reader
   * gets the marked ones («Декабрь, Март», «I квартал – II квартал»). Internal, like deadlineEnd.
   */
  timeline: { c: number; label: string }[];
  result: number | null;
  evidence: number | null;
  status: number | null;
  doneDate: number | null;
  evidenceLink: number | null;
  comment: number | null;
  /** «Контрольный срок»: the due date as a real date, beside the free-text deadline (control columns). */
  dueDate: number | null;
}

export interface HeaderInfo {
  /** 0-based header rows (the first is the main header row). */
  rows: number[];
  left: number;
  right: number;
  columns: ColumnAssignment;
  /** Header text of each column in [left, right] (for notices). */
  labels: string[];
}

export function emptyAssignment(): ColumnAssignment {
  return {
    number: null,
    activity: null,
    form: null,
    deadline: null,
    deadlineEnd: null,
    responsible: [],
    timeline: [],
    result: null,
    evidence: null,
    status: null,
    doneDate: null,
    evidenceLink: null,
    comment: null,
    dueDate: null,
  };
}

/** A cell that could be a header cell: short text, not a number, not a date. */
function headerish(text: string): boolean {
  if (!text || text.length > 160) return false;
  if (isNumbering(text)) return false;
  if (/^\d/.test(text) && looksLikeDeadline(text)) return false;
  return /[А-Яа-яЁёA-Za-z№]/.test(text);
}

const MONTH_HEADER = new RegExp(`^${MONTH_PATTERN}( \\d{4}( г| года?)?)?$`);

const QUARTER_HEADER = /^(i{1,3}|iv|[1-4])( й)? (квартал|кв)( \d{4}( г| года?)?)?$/;
const HALF_HEADER = /^(i{1,2}|[12])( е)? полугоди[ея]( \d{4}( г| года?)?)?$/;

/**
 * A header cell naming one month («Сентябрь», «окт.», «Январь 2026»), quarter («I квартал», «2 кв.») or half-year
 * («II полугодие»): a column of a month grid.
 */
export function isTimelineHeader(text: string): boolean {
  const t = normalizeForMatch(text);
  return MONTH_HEADER.test(t) || QUARTER_HEADER.test(t) || HALF_HEADER.test(t);
}

/**
 * A bare numeral under a parent that names the unit («Срок исполнения (квартал)» over «I | II | III | IV»): the
 * sub-header names that quarter or half-year. Returns the label as a user would write it («II квартал»), or null.
 */
export function unitNumeral(parent: string, sub: string): string | null {
  const s = sub.trim().replace(/\.$/, "");
  const p = normalizeForMatch(parent);
  if (/квартал/.test(p) && /^(I{1,3}|IV|[1-4])$/.test(s)) return `${s} квартал`;
  if (/полугоди/.test(p) && /^(I{1,2}|[12])$/.test(s)) return `${s} полугодие`;
  return null;
}

/** A sub-column named by a calendar year: «2025», «2026 г.», «2027 год». */
const YEAR_LABEL = /^((?:19|20)\d\d)(\s*(г\.?|год))?$/;

/**
 * Three or more such columns make a grid; fewer are more likely data — unless a deadline parent cell stands over
 * them («Сроки (2026 год)» over «I полугодие | II полугодие»), or they are the two halves of a year (`halfYearPair`).
 */
const MIN_TIMELINE = 3;
const MIN_TIMELINE_UNDER_PARENT = 2;

/** Empty, unmerged columns that set a side note apart from the header («Ответственный | | | 100»). */
const SIDE_GAP = 2;

/**
 * The header row's cells of one table: the row split where SIDE_GAP or more empty, unmerged columns lie between two
 * cells, and the block naming the most roles kept. A figure or a note beside the table (users keep them there)
 * must not make its header read as a data row.
 */
export function headerCells(view: SheetView, r: number): number[] {
  const cols = view.nonEmpty(r);
  const blocks: number[][] = [];
  for (const c of cols) {
    const block = blocks[blocks.length - 1];
    let gap = 0;
    if (block) for (let x = block[block.length - 1] + 1; x < c; x++) if (!view.coveringMerge(r, x)) gap++;
    if (block && gap < SIDE_GAP) block.push(c);
    else blocks.push([c]);
  }
  if (blocks.length <= 1) return cols;
  const named = (b: number[]) => b.filter((c) => roleOfHeader(view.text(r, c))).length;
  return blocks.reduce((best, b) => (named(b) > named(best) ? b : best));
}

/** «I полугодие», «2-е полугодие 2026»: 1 or 2, else null. */
function halfOf(text: string): 1 | 2 | null {
  const m = HALF_HEADER.exec(normalizeForMatch(text));
  return m ? (m[1] === "i" || m[1] === "1" ? 1 : 2) : null;
}

/**
 * The two halves of a year side by side («I полугодие» | «II полугодие»), with no parent over them: together they
 * span the year, as a deadline grid does, so two are enough (two quarters or months alone are more likely data).
 */
function halfYearPair(cols: readonly { c: number; label: string }[]): boolean {
  return (
    cols.length === 2 &&
    cols[1].c === cols[0].c + 1 &&
    halfOf(cols[0].label) === 1 &&
    halfOf(cols[1].label) === 2
  );
}

/** Quick test on one row: at least two cells name distinct roles, and most text cells are header-like. */
export function headerRoleCount(view: SheetView, r: number): number {
  const cols = headerCells(view, r);
  if (cols.length < 2 || cols.length > 40) return 0;
  const roles = new Set<ColumnRole>();
  let headerLike = 0;
  // Months or quarters as column headers (a «План-график»): they name the deadline, they are not data.
  const periods = cols.filter((c) => isTimelineHeader(view.text(r, c)));
  const timeline =
    periods.length >= MIN_TIMELINE || halfYearPair(periods.map((c) => ({ c, label: view.text(r, c) })));
  for (const c of cols) {
    const t = view.text(r, c);
    if (timeline && isTimelineHeader(t)) {
      headerLike++;
      roles.add("deadline");
      continue;
    }
    // A numbered cell, a date or a person's name: a data row, not a header («Ответственный Ф.И.О.» names a role).
    if (isNumbering(t) || ((looksLikeDeadline(t) || looksLikePerson(t)) && !roleOfHeader(t))) return 0;
    if (!headerish(t)) continue;
    headerLike++;
    const m = roleOfHeader(t);
    if (m) roles.add(m.role);
  }
  if (headerLike < Math.ceil(cols.length * 0.6)) return 0;
  return roles.size;
}

/** Is row r a row of column numbers «1 | 2 | 3 | 4 | 5»? */
export function isColumnNumberRow(view: SheetView, r: number, left: number, right: number): boolean {
  const cols = view.nonEmpty(r, left, right);
  if (cols.length < 3) return false;
  let expect = Number(view.text(r, cols[0]).replace(/\.$/, ""));
  if (!Number.isInteger(expect) || expect > 2) return false;
  for (const c of cols) {
    if (Number(view.text(r, c).replace(/\.$/, "")) !== expect) return false;
    expect++;
  }
  return true;
}

function textWithParent(view: SheetView, r: number, c: number): string {
  const t = view.text(r, c);
  if (t) return t;
  const m = view.coveringMerge(r, c);
  return m ? view.text(m.top, m.left) : "";
}

/**
 * Read the header starting at row r (which must pass headerRoleCount ≥ 2). Returns the header rows, the table's
 * column span and the role of each column.
 */
export function readHeader(view: SheetView, r: number): HeaderInfo {
  const first = headerCells(view, r);
  const left = first[0];
  let right = first[first.length - 1];
  const lastMerge = view.mergeAt(r, right);
  if (lastMerge) right = Math.max(right, lastMerge.right);
  for (const c of first) {
    const m = view.mergeAt(r, c);
    if (m) right = Math.max(right, m.right);
  }
  const rows = [r];
  // A sub-header row: every cell sits under a parent merged across sub-columns (or under an empty header cell),
  // at least one under such a parent, and none of it reads like data.
  // Sub-columns may be named by years («Целевое значение» over «2025 | 2026») or by numbered periods («Срок
  // (квартал)» over «1 | 2 | 3 | 4»): such a row, all of it under merged parents, is no row of column numbers.
  const next = r + 1;
  const sub = view.nonEmpty(next, left, right);
  const parentOf = (c: number) => {
    const p = view.coveringMerge(r, c);
    return p !== null && p.right > p.left ? p : null;
  };
  const allUnderParents = sub.every((c) => parentOf(c) !== null);
  let subRow: number | null = null;
  if (sub.length > 0 && (allUnderParents || !isColumnNumberRow(view, next, left, right))) {
    let underParent = 0;
    let ok = true;
    for (const c of sub) {
      const t = view.text(next, c);
      const parent = parentOf(c);
      const merged = parent !== null;
      const numeral = parent !== null && unitNumeral(view.text(parent.top, parent.left), t) !== null;
      const year = merged && YEAR_LABEL.test(t);
      if (
        !(headerish(t) || isTimelineHeader(t) || numeral || year) ||
        t.length > 100 ||
        (view.text(r, c) && !merged)
      ) {
        ok = false;
        break;
      }
      if (merged) underParent++;
    }
    if (ok && underParent > 0) {
      rows.push(next);
      subRow = next;
    }
  }
  const afterHeader = rows[rows.length - 1] + 1;
  if (isColumnNumberRow(view, afterHeader, left, right)) rows.push(afterHeader);

  const labels: string[] = [];
  let found: { c: number; role: ColumnRole; weight: number; label: string }[] = [];
  const periods: { c: number; label: string; underDeadline: boolean; parented: boolean }[] = [];
  for (let c = left; c <= right; c++) {
    const parts: string[] = [];
    for (const hr of rows.slice(0, 2)) {
      if (hr !== r && hr !== subRow && isColumnNumberRow(view, hr, left, right)) continue;
      const t = textWithParent(view, hr, c);
      if (t && !parts.includes(t)) parts.push(t);
    }
    const label = parts.join(" ");
    labels.push(label);
    // The month is the lowest header cell («Сроки» over «Сентябрь | Октябрь | …», or the month alone).
    const own = parts[parts.length - 1];
    const parentRole = parts.length > 1 ? roleOfHeader(parts[0]) : null;
    const underDeadline = parentRole?.role === "deadline";
    const year = underDeadline && own ? YEAR_LABEL.exec(own) : null;
    const period =
      own && parts.length > 1 ? (unitNumeral(parts[0], own) ?? (year ? `${year[1]} г.` : null)) : null;
    const parented = parts.length > 1;
    if (period) periods.push({ c, label: period, underDeadline, parented });
    else if (own && isTimelineHeader(own)) periods.push({ c, label: own, underDeadline, parented });
    // A sub-header refines its parent's column: when it names a role of its own («Мероприятие» over
    // «наименование | форма проведения»), that role is the column's.
    const ownRole = parentRole && own ? roleOfHeader(own) : null;
    const m =
      (ownRole && ownRole.role !== parentRole?.role && ownRole.weight > 1 ? ownRole : null) ??
      roleOfHeader(label) ??
      (parts[0] ? roleOfHeader(parts[0]) : null);
    if (m) found.push({ c, role: m.role, weight: m.weight, label });
  }
  found = columnsWithContent(view, found, rows);
  const grid =
    periods.length >= MIN_TIMELINE ||
    (periods.length >= MIN_TIMELINE_UNDER_PARENT && periods.every((x) => x.underDeadline)) ||
    (halfYearPair(periods) && periods.every((x) => !x.parented));
  const gridCols = new Set(periods.map((x) => x.c));
  // With a month grid, a «Сроки» parent over the months names the grid, not one deadline column per month.
  const kept = grid ? found.filter((f) => !(gridCols.has(f.c) && f.role === "deadline")) : found;
  const columns = assign(weakActivity(kept, labels));
  if (grid && columns.deadline === null) {
    columns.timeline = periods.map(({ c, label }) => ({ c, label }));
    columns.deadline = periods[0].c;
  }
  return { rows, left, right, columns, labels };
}

/** How many body rows under a header are looked at to tell which column of a merged header holds the data. */
const CONTENT_PROBE_ROWS = 40;

/**
 * One header cell merged over several columns with no sub-header («Ответственные лица» over F:H, «Наименование
 * мероприятия» over B:C) names the columns whose body cells hold something — usually the first alone, the body
 * being merged the same way. Every role alike, so the activity and the responsible columns are read the same.
 * With nothing under it yet, the merge's first column.
 */
function columnsWithContent<T extends { c: number; role: ColumnRole; label: string }>(
  view: SheetView,
  found: T[],
  headerRows: number[],
): T[] {
  const top = headerRows[0];
  const bodyStart = headerRows[headerRows.length - 1] + 1;
  const bodyEnd = Math.min(view.height, bodyStart + CONTENT_PROBE_ROWS);
  const groups = new Map<string, T[]>();
  for (const f of found) {
    const m = view.coveringMerge(top, f.c);
    if (!m || m.right === m.left) continue;
    const key = `${f.role}|${f.label}|${m.top},${m.left}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const dropped = new Set<T>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const filled = group.filter((f) => {
      for (let r = bodyStart; r < bodyEnd; r++) if (view.text(r, f.c)) return true;
      return false;
    });
    const keep = new Set(filled.length ? filled : [group[0]]);
    for (const f of group) if (!keep.has(f)) dropped.add(f);
  }
  return dropped.size ? found.filter((f) => !dropped.has(f)) : found;
}

/** Columns of price lists, registers and forms: a table with one of them is not a plan of activities. */
const NOT_A_PLAN = /цена|стоимост|ед изм|единиц[а-я]* измерени|количеств|кол во|сумма|оценк|балл|фио обучающ/;

/**
 * A bare «Наименование» is the activity column only next to a deadline column and with no column of a price
 * list or a register beside it.
 */
function weakActivity<T extends { role: ColumnRole; weight: number }>(found: T[], labels: string[]): T[] {
  const weak = found.filter((f) => f.role === "activity" && f.weight <= 1);
  if (weak.length === 0) return found;
  const strong = found.some((f) => f.role === "activity" && f.weight > 1);
  const ok =
    !strong &&
    weak.length === 1 &&
    found.some((f) => f.role === "deadline") &&
    !labels.some((l) => NOT_A_PLAN.test(normalizeForMatch(l)));
  return ok ? found : found.filter((f) => !weak.includes(f));
}

/** «Сроки окончание», «Срок завершения», «Сроки по»: the end of a deadline split into two columns. */
const DEADLINE_END = /оконча|заверш|конец|(^|\s)по$/;

function assign(found: { c: number; role: ColumnRole; weight: number; label: string }[]): ColumnAssignment {
  const a = emptyAssignment();
  const deadlines = found.filter((f) => f.role === "deadline");
  if (deadlines.length >= 2) {
    const end = deadlines.find((f, i) => i > 0 && DEADLINE_END.test(normalizeForMatch(f.label)));
    if (end) {
      a.deadlineEnd = end.c;
      found = found.filter((f) => f !== end);
    }
  }
  // «Подтверждающий документ» right of a status column, or the second of two: the document actually produced
  // (a control column), not the planned one (the planning columns come before the control columns).
  const evidences = found.filter((f) => f.role === "evidence");
  const status = found.find((f) => f.role === "status");
  const afterStatus = status ? evidences.filter((f) => f.c > status.c) : [];
  if ((evidences.length >= 2 || afterStatus.length > 0) && !found.some((f) => f.role === "evidenceLink")) {
    const last = evidences[evidences.length - 1];
    found = found.map((f) => (f === last ? { ...f, role: "evidenceLink" as const } : f));
  }
  const best = new Map<ColumnRole, { c: number; weight: number }>();
  for (const f of found) {
    if (f.role === "responsible") {
      a.responsible.push(f.c);
      continue;
    }
    const cur = best.get(f.role);
    if (!cur || f.weight > cur.weight) best.set(f.role, { c: f.c, weight: f.weight });
  }
  for (const [role, v] of best) {
    if (role !== "responsible") (a as unknown as Record<string, number | null>)[role] = v.c;
  }
  // «Контрольные сроки» alone is the roadmap's own deadline column; only beside another one is it the control date.
  if (a.deadline === null && a.dueDate !== null) {
    a.deadline = a.dueDate;
    a.dueDate = null;
  }
  return a;
}

export function assignedColumns(a: ColumnAssignment): Set<number> {
  const s = new Set<number>([...a.responsible, ...a.timeline.map((m) => m.c)]);
  for (const [k, v] of Object.entries(a)) if (k !== "responsible" && typeof v === "number") s.add(v);
  return s;
}

/** Header label normalised, for comparing a repeated header with the first one. */
export function headerSignature(view: SheetView, r: number): string {
  return view
    .nonEmpty(r)
    .map((c) => normalizeForMatch(view.text(r, c)))
    .join("|");
}
