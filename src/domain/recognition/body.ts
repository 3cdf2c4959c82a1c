/**
 * The body state machine: the rows under a header read one by one into activities, sections and their
 * continuations, up to the table's end.
 */
import { headerRoleCount, headerSignature, isColumnNumberRow, type HeaderInfo } from "./header";
import { roleOfHeader } from "./header-roles";
import { SheetView } from "./sheet-view";
import { collapseSpaces, isNumbering, startsLowercase } from "./text";
import type { BodyItem, Body, TableShape } from "./types";
import { numberText, roleText, rowCells } from "./cells";
import {
  rawKind,
  isContinuation,
  mergedFromActivity,
  SECTION_MARK,
  givenSingleKind,
  singleCellKind,
  type LastActivity,
} from "./row-kinds";

export const MAX_GAP = 3;
export const MAX_PENDING_PROSE = 3;

/**
 * Is the header repeated at row `r` the start of the same table pasted again? Its first row (after a row of column
 * numbers) is the table's first activity again: the same number, and the same text or a blank row before the
 * header. A header repeated after a page break continues the numbering instead, and a section numbered anew
 * («Раздел 2» then «1.») opens with its section row.
 */
export function pastedAgain(
  view: SheetView,
  r: number,
  shape: TableShape,
  items: BodyItem[],
  afterGap: number,
  block: number[] = [r],
): boolean {
  const first = items.find((it) => it.kind === "activity");
  if (!first || shape.columns.number === null) return false;
  const firstNumber = numberText(view, first.row, shape.columns.number);
  if (!isNumbering(firstNumber)) return false;
  let q = block[block.length - 1] + 1;
  if (isColumnNumberRow(view, q, shape.left, shape.right)) q++;
  if (numberText(view, q, shape.columns.number) !== firstNumber) return false;
  const text = (row: number) => collapseSpaces(roleText(view, row, shape.columns.activity, shape));
  return afterGap > 0 || text(q) === text(first.row);
}

/**
 * The rows of a header repeated at row r (Word repeats the header block on each page): the first row, then each
 * row that repeats the original header's next row (a sub-header row), and a row of column numbers.
 */
export function repeatedHeaderRows(
  view: SheetView,
  r: number,
  header: HeaderInfo,
  shape: TableShape,
): number[] {
  const rows = [r];
  for (const original of header.rows.slice(1)) {
    const next = rows[rows.length - 1] + 1;
    const same =
      headerSignature(view, next) === headerSignature(view, original) && view.nonEmpty(next).length > 0;
    if (same || isColumnNumberRow(view, next, shape.left, shape.right)) rows.push(next);
    else break;
  }
  const next = rows[rows.length - 1] + 1;
  if (isColumnNumberRow(view, next, shape.left, shape.right)) rows.push(next);
  return rows;
}

export function readBody(
  view: SheetView,
  header: HeaderInfo | null,
  start: number,
  shape: TableShape,
  forcedEnd: number | null,
  /** The user gave the range and its only role column, the activity: a lone cell there is an activity. */
  givenActivities = false,
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
  let sectionsElsewhere = false;
  let lowercasePlan: boolean | null = null;
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
        const block = repeatedHeaderRows(view, r, header!, shape);
        if (pastedAgain(view, r, shape, items, afterGap, block)) break;
        for (const hr of block) items.push({ kind: "header", row: hr });
        lastRow = block[block.length - 1];
        r = lastRow;
        continue;
      }
      break;
    }
    // «№ | Показатель | 2024 | 2025»: the header of another table (indicators under the roadmap) that the test above
    // misses for its year cells. A «№» cell reading as a header word never numbers an activity of this table.
    if (forcedEnd === null && roleOfHeader(numberText(view, r, shape.columns.number))?.role === "number")
      break;
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
    // A Word cell of paragraphs (the row merged down from the activity) continues it, given by hand or not.
    const given =
      kind === "single" && givenActivities && cells[0] === shape.columns.activity
        ? last && pending.length === 0 && mergedFromActivity(view, r, shape, last.row)
          ? "continuation"
          : givenSingleKind(view, r, cells[0], shape, pending.length === 0 ? last : null)
        : null;
    if (kind === "single" && given !== "activity") {
      const c = cells[0];
      const text = collapseSpaces(view.text(r, c));
      const sk =
        last && pending.length === 0 && mergedFromActivity(view, r, shape, last.row)
          ? "continuation"
          : (given ??
            singleCellKind(
              view,
              r,
              c,
              shape,
              pending.length === 0 ? last : null,
              numberedCount > 0,
              // Text after a blank row is a note under the table more likely than a cut sentence.
              sectionsElsewhere && afterGap === 0,
            ));
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
    let isActivity = kind === "activity" || given === "activity";
    if (kind === "continuation-or-activity") {
      const numbered = numberedCount > 0;
      isActivity = !(
        last &&
        pending.length === 0 &&
        (mergedFromActivity(view, r, shape, last.row) ||
          isContinuation(view, r, shape, last, numbered, lowercasePlan === true))
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
      for (const p of pending) {
        items.push(p);
        if (p.kind === "section" && writtenElsewhere(view, p.row, shape)) sectionsElsewhere = true;
      }
      if (pending.length > 0) last = null;
      pending = [];
      lowercasePlan ??= startsLowercase(roleText(view, r, shape.columns.activity, shape));
      const item: BodyItem = { kind: "activity", row: r, continuation: [] };
      items.push(item);
      lastItem = item;
      if (isNumbering(numberText(view, r, shape.columns.number))) {
        numberedCount++;
        // A numbered row with only its text: a section numbered in the «№» column («I.», «1.» over «1.1.»).
        if (cells.length === 2 && cells[0] === shape.columns.number) sectionsElsewhere = true;
      }
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

/** A section row not typed as a plain line in the activity column: merged across, in another column, or marked. */
function writtenElsewhere(view: SheetView, r: number, shape: TableShape): boolean {
  const cells = rowCells(view, r, shape);
  if (cells.length !== 1 || cells[0] !== shape.columns.activity) return true;
  const m = view.mergeAt(r, cells[0]);
  return (m !== null && m.right > m.left) || SECTION_MARK.test(view.text(r, cells[0]));
}

export function lastRowOf(it: BodyItem): number {
  const c = it.continuation;
  return c && c.length > 0 ? c[c.length - 1] : it.row;
}
