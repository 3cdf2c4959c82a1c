/**
 * What «Исправить вставку из Word» proposes for one table: each join (the continuation rows folded into an
 * activity, and every cell's text before and after), and the rows it will not join without asking — a row that
 * may be an activity of its own (its own number, or a text of its own with its own deadline or responsible), or
 * a join across a numbering jump («6» followed by «16»: the row may belong to an activity printed elsewhere).
 * The pane shows the proposal and lets the user exclude joins and include rows; the CLI takes it as it is.
 */
import { columnIndex, columnLetter, parseA1, type SheetGrid } from "../grid";
import type { ActivityRow, RoadmapTable } from "../model";
import { foldedCell } from "./cells";
import { SheetView } from "./sheet-view";
import {
  endsMidPhrase,
  isNumbering,
  joinFragments,
  looksLikeDeadline,
  looksLikePerson,
  startsLowercase,
} from "./text";

export interface FoldCellChange {
  /** Column letter. */
  column: string;
  /** The cell's text as read now (HTML markup read as text). */
  before: string;
  /** The text the fold writes. */
  after: string;
}

export interface FoldJoin {
  sheet: string;
  /** The activity's first row (1-based), which receives the text. */
  into: number;
  /** The non-empty rows joined into it (1-based), in order. */
  rows: number[];
  /** Empty rows between them, deleted with them (1-based). */
  blank: number[];
  cells: FoldCellChange[];
}

export interface FoldLeft {
  sheet: string;
  /** The row left as it is (1-based). */
  row: number;
  /** The activity it would be joined into (1-based). */
  into: number;
  /** Why it is not joined without asking, Russian. */
  reason: string;
}

export interface FoldProposal {
  joins: FoldJoin[];
  leftForUser: FoldLeft[];
}

/** The user's answers: joins left out (by `into`), rows left for the user that are joined after all (by `row`). */
export interface FoldChoice {
  exclude?: readonly number[];
  include?: readonly number[];
}

interface Columns {
  left: number;
  right: number;
  number: number | null;
  activity: number | null;
  deadline: number | null;
  responsible: number[];
}

function columnsOf(table: RoadmapTable): Columns | null {
  const range = parseA1(table.range);
  if (!range) return null;
  const at = (l: string | null) => (l ? columnIndex(l) : null);
  const c = table.columns;
  return {
    left: range.left,
    right: range.right,
    number: at(c.number),
    activity: at(c.activity),
    deadline: at(c.deadline),
    responsible: c.responsible.map((l) => columnIndex(l)),
  };
}

function numberParts(n: string | null): number[] | null {
  const m = n ? /^(\d+(?:\.\d+)*)\.?$/.exec(n.trim()) : null;
  return m ? m[1].split(".").map(Number) : null;
}

/** Does numbering `b` come right after `a`: «6» → «7», «1.2» → «1.3» / «1.2.1» / «2» / «2.1»? */
function follows(a: number[], b: number[]): boolean {
  if (b.length === a.length + 1 && a.every((x, i) => x === b[i]) && b[b.length - 1] === 1) return true;
  for (let k = 1; k <= Math.min(a.length, b.length); k++) {
    const prefix = a.slice(0, k - 1).every((x, i) => x === b[i]);
    if (prefix && b[k - 1] === a[k - 1] + 1 && b.slice(k).every((x) => x === 1)) return true;
  }
  return false;
}

/** Per activity (by first row): the number of the next activity when the numbering jumps there. */
function numberingJumps(table: RoadmapTable): Map<number, string> {
  const jumps = new Map<number, string>();
  let prev: ActivityRow | null = null;
  for (const r of table.rows) {
    if (r.kind === "section" || r.kind === "header") prev = null;
    if (r.kind !== "activity") continue;
    const a = prev ? numberParts(prev.number) : null;
    const b = numberParts(r.number);
    if (prev && a && b && !follows(a, b)) jumps.set(prev.row, `${prev.number} → ${r.number}`);
    prev = r;
  }
  return jumps;
}

/**
 * Why a continuation row may be an activity of its own, or null when it plainly continues the one above: a
 * number of its own, a text with its own deadline and responsible, or a text that starts anew (capitalised,
 * after a finished fragment) with a deadline or a responsible of its own. A lower-case fragment («модульных программ …») or a row with no activity text
 * («организации, ММС» under the responsible) continues, whatever its other cells hold.
 */
function ownActivity(view: SheetView, r: number, cols: Columns, tail: string, dlTail: string): string | null {
  if (cols.number !== null && isNumbering(view.text(r, cols.number))) return "у строки свой номер";
  const act = cols.activity !== null ? view.text(r, cols.activity) : "";
  const dl = cols.deadline !== null ? view.text(r, cols.deadline) : "";
  const ownDeadline = dl !== "" && looksLikeDeadline(dl);
  const resp = cols.responsible.map((c) => view.text(r, c)).find((t) => t) ?? "";
  // A text with its own deadline and responsible is a whole activity, whatever its first letter (a responsible
  // in lower case, «муниципальной системы образования …», or a deadline after one broken off mid-phrase, is the
  // cell above cut short instead).
  if (act && ownDeadline && resp && !startsLowercase(resp) && !endsMidPhrase(dlTail))
    return `у строки свои срок («${dl}») и ответственный («${resp}»)`;
  if (!act || startsLowercase(act) || endsMidPhrase(tail)) return null;
  if (ownDeadline) return `у строки свой срок («${dl}»)`;
  if (resp && looksLikePerson(resp)) return `у строки свой ответственный («${resp}»)`;
  return null;
}

/** A cell merged down from the activity's first row covers this row: one Word cell of paragraphs, safe to join. */
function mergedFrom(sheet: SheetGrid, into: number, r: number, cols: Columns): boolean {
  return (sheet.merges ?? []).some(
    (m) => m.top === into && m.bottom >= r && m.left <= cols.right && m.right >= cols.left,
  );
}

/**
 * A cell of the row the fold would delete that is not part of the table: a value right or left of it, or a
 * formula valued "" anywhere. Such a row is never deleted — its data would be lost (it stays in the backup only).
 */
function contentOutside(sheet: SheetGrid, view: SheetView, r: number, cols: Columns): string | null {
  const outside = view.nonEmpty(r).find((c) => c < cols.left || c > cols.right);
  if (outside !== undefined) return `${columnLetter(outside)}${r + 1}`;
  return (sheet.emptyFormulas ?? []).find((a) => parseA1(a)?.top === r) ?? null;
}

interface Group {
  into: number;
  rows: number[];
  blank: number[];
  left: FoldLeft[];
}

/** The rows of each activity to join (0-based), after the checks and the user's choice. */
function groupsOf(table: RoadmapTable, sheet: SheetGrid, view: SheetView, choice: FoldChoice): Group[] {
  const cols = columnsOf(table);
  if (!cols) return [];
  const include = new Set(choice.include ?? []);
  const jumps = numberingJumps(table);
  const groups: Group[] = [];
  for (const row of table.rows) {
    if (row.kind !== "activity" || row.rows.length < 2) continue;
    const into = row.rows[0] - 1;
    const g: Group = { into, rows: [], blank: [], left: [] };
    let tail = cols.activity !== null ? view.text(into, cols.activity) : "";
    let dlTail = cols.deadline !== null ? view.text(into, cols.deadline) : "";
    let pendingBlank: number[] = [];
    let stopped: number | null = null;
    const jump = jumps.get(row.row);
    for (const r1 of row.rows.slice(1)) {
      const r = r1 - 1;
      const kept = contentOutside(sheet, view, r, cols);
      if (view.nonEmpty(r, cols.left, cols.right).length === 0) {
        // A blank row between the parts goes with the join, unless it holds something outside the table.
        if (!kept) pendingBlank.push(r);
        continue;
      }
      if (kept) {
        // Not even on the user's say-so: deleting the row would lose the cell.
        g.left.push({
          sheet: table.sheet,
          row: r1,
          into: row.row,
          reason: `В строке есть данные вне таблицы (${kept}): строка не удаляется, склейте её вручную.`,
        });
        if (stopped === null) stopped = r;
        continue;
      }
      let reason: string | null = null;
      if (stopped !== null) reason = `идёт после строки ${stopped + 1}, оставленной без изменений`;
      else if (!mergedFrom(sheet, into, r, cols)) {
        reason = ownActivity(view, r, cols, tail, dlTail);
        if (reason) reason = `Строка может быть отдельным мероприятием: ${reason}.`;
        else if (jump)
          reason = `Нумерация прерывается (${jump}): строка может относиться к мероприятию, напечатанному в другом месте.`;
      }
      if (reason && !include.has(r1)) {
        g.left.push({ sheet: table.sheet, row: r1, into: row.row, reason });
        if (stopped === null) stopped = r;
        continue;
      }
      g.blank.push(...pendingBlank);
      pendingBlank = [];
      g.rows.push(r);
      if (cols.activity !== null) tail = joinFragments(tail, view.text(r, cols.activity));
      if (cols.deadline !== null) dlTail = joinFragments(dlTail, view.text(r, cols.deadline));
    }
    groups.push(g);
  }
  return groups;
}

export interface FoldGroups {
  proposal: FoldProposal;
  /** Joins kept (not excluded): first row and rows to delete, 0-based. */
  kept: { first: number; rest: number[] }[];
}

/** The proposal for a table, and the joins the plan makes after the user's choice. */
export function foldGroups(table: RoadmapTable, sheet: SheetGrid, choice: FoldChoice = {}): FoldGroups {
  const view = new SheetView(sheet);
  const cols = columnsOf(table);
  const exclude = new Set(choice.exclude ?? []);
  const proposal: FoldProposal = { joins: [], leftForUser: [] };
  const kept: FoldGroups["kept"] = [];
  for (const g of groupsOf(table, sheet, view, choice)) {
    proposal.leftForUser.push(...g.left);
    if (g.rows.length === 0 || !cols) continue;
    const all = [g.into, ...g.rows];
    // Cells merged down from the first row: Excel's paste of a Word cell of paragraphs (a page-break split has none).
    const paragraphs = (sheet.merges ?? []).some(
      (m) => m.top === g.into && m.bottom > m.top && m.right >= cols.left && m.left <= cols.right,
    );
    const cells: FoldCellChange[] = [];
    for (let c = cols.left; c <= cols.right; c++) {
      const before = view.text(g.into, c);
      const after =
        paragraphs && cols.responsible.includes(c) ? foldedPeople(view, all, c) : foldedCell(view, all, c);
      if (after !== before) cells.push({ column: columnLetter(c), before, after });
    }
    proposal.joins.push({
      sheet: table.sheet,
      into: g.into + 1,
      rows: g.rows.map((r) => r + 1),
      blank: g.blank.map((r) => r + 1),
      cells,
    });
    if (!exclude.has(g.into + 1))
      kept.push({ first: g.into, rest: [...g.blank, ...g.rows].sort((a, b) => a - b) });
  }
  return { proposal, kept };
}

/**
 * A responsible cell pasted from a Word cell of paragraphs: people on rows of their own are listed
 * «Кузнецова Т.В., Лебедев С.А.», not run together with a bare space.
 */
function foldedPeople(view: SheetView, rows: number[], c: number): string {
  let out = "";
  for (const r of rows) {
    const t = view.text(r, c);
    if (!t) continue;
    const listed =
      out && looksLikePerson(out) && looksLikePerson(t) && !/[,;-]$/.test(out) && /^[А-ЯЁA-Z]/.test(t);
    out = listed ? `${out}, ${t}` : joinFragments(out, t);
  }
  return out;
}
