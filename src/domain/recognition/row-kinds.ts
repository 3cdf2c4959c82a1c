/** Row kinds: what one row of a table body is — an activity, a continuation, a section, or the end of the table. */
import { SheetView } from "./sheet-view";
import {
  endsFinished,
  endsMidPhrase,
  startsMidPhrase,
  isNumbering,
  stripListMarker,
  looksLikeDeadline,
  startsLowercase,
  startsUppercase,
} from "./text";
import type { TableShape } from "./types";
import { rowCells, numberText, roleText } from "./cells";

/** «Итого», «Всего:» — a totals row closes the table. */
export const TOTALS = /^(итого|всего)(?![а-яё])/i;
/** «Исполнитель: Иванова И.И., тел. …», «Подготовила: …». */
export const SIGNED_BY = /^(исп\.|исполнител[ьи]|подготовил[аи]?|составил[аи]?)\s*:/i;
/** «Начальник управления образования … А.В. Смирнов», «Директор ______ Т.Г. Никитина». */
export const SIGNER_POSITION =
  /^(начальник|директор|заместитель|руководитель|председатель|заведующ|глава|и\.\s?о\.)/i;
export const NAME_INITIALS_FIRST = /(^|[^А-ЯЁа-яё])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+/;

/** A signature or a totals row under the table (its first cell in the «№» or activity column): the table ends. */
export function closesTable(view: SheetView, r: number, cells: number[], shape: TableShape): boolean {
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

export type RawKind = "empty" | "activity" | "continuation-or-activity" | "single" | "foreign";

export function rawKind(view: SheetView, r: number, shape: TableShape): { kind: RawKind; cells: number[] } {
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

export interface LastActivity {
  row: number;
  /** Last non-empty fragment of the activity column, and of the deadline column. */
  activityTail: string;
  deadlineTail: string;
}

/** An unnumbered row after an activity: does it continue that activity's cells (a page break) or start a new one? */
export function isContinuation(
  view: SheetView,
  r: number,
  shape: TableShape,
  last: LastActivity,
  numbered: boolean,
  /** The plan's first activity starts in lower case («проведение …»): lower case is its style, not a sign. */
  lowercasePlan = false,
): boolean {
  const act = roleText(view, r, shape.columns.activity, shape);
  if (!act) return true;
  const dl = ownDeadline(view, r, shape);
  // A date-like deadline, or any mark in a month or quarter grid.
  const dated = dl !== "" && (looksLikeDeadline(dl) || shape.columns.timeline.some((m) => view.text(r, m.c)));
  // «– анализ результатов» with a deadline of its own: a list item of its own row (Word's numbering lost on
  // paste left the bullet), not the previous activity's next line.
  if (stripListMarker(act) !== act && dated) return false;
  // A row with a deadline and a responsible of its own is an activity of its own, even in lower case, unless
  // those cells read as the row above continued: a text broken off mid-phrase (above, or opening with «по», «и»),
  // a deadline broken off mid-phrase, or a responsible in lower case where the plan's activities start with a
  // capital (a page break through every column).
  if (
    dated &&
    !endsMidPhrase(last.deadlineTail) &&
    !endsMidPhrase(last.activityTail) &&
    !startsMidPhrase(act)
  ) {
    const resp = ownResponsible(view, r, shape);
    if (resp && (lowercasePlan || !startsLowercase(resp))) return false;
  }
  let score = 0;
  if (startsLowercase(act)) score += 3;
  else if (startsUppercase(act)) score -= 2;
  if (endsMidPhrase(last.activityTail)) score += 2;
  else if (endsFinished(last.activityTail)) score -= 1;
  else score += 0.5;
  if (shape.columns.deadline !== null) {
    // Where activities are numbered, an unnumbered row with no deadline of its own is the one above continued.
    if (!dl) score += numbered ? 10 : 1;
    else if (looksLikeDeadline(dl) && last.deadlineTail) score -= 1;
  }
  if (numbered) score += 1.5;
  return score > 0;
}

/**
 * The row's own deadline: the deadline cell, else the end of a split deadline, else the marks of a month or
 * quarter grid (a new activity of a grid has its marks, a continuation none).
 */
export function ownDeadline(view: SheetView, r: number, shape: TableShape): string {
  const a = shape.columns;
  const dl = roleText(view, r, a.deadline, shape) || roleText(view, r, a.deadlineEnd);
  if (dl) return dl;
  for (const m of a.timeline) if (view.text(r, m.c)) return view.text(r, m.c);
  return "";
}

/** The row's first responsible cell that names someone in words, or "". */
function ownResponsible(view: SheetView, r: number, shape: TableShape): string {
  for (const c of shape.columns.responsible) {
    const t = view.text(r, c);
    if (/[А-Яа-яЁё]{2}/.test(t)) return t;
  }
  return "";
}

/** «Раздел 2. …», «II. …», «Часть 1»: a section's own mark — neither an abbreviation nor a sentence. */
export const SECTION_MARK =
  /^(раздел|подраздел|часть|блок)\s+([0-9]{1,2}|[IVXLC]{1,5})(?![а-яёa-z0-9])|^[IVX]{1,4}\.\s*[«"А-ЯЁA-Z]/i;

/**
 * Excel pastes a Word cell of several paragraphs as several rows, merging the row's other cells down over them:
 * a row whose cells are covered by merges that start at the current activity belongs to that activity.
 */
export function mergedFromActivity(
  view: SheetView,
  r: number,
  shape: TableShape,
  activityRow: number,
): boolean {
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
export function singleCellKind(
  view: SheetView,
  r: number,
  c: number,
  shape: TableShape,
  last: LastActivity | null,
  numbered: boolean,
  /** The table's sections so far are written another way (merged, in another column, or marked). */
  sectionsElsewhere = false,
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
  if (SECTION_MARK.test(text)) return "section";
  // Sections of one table are written alike: when they stand elsewhere, a plain sentence alone in the activity
  // column of a numbered table is the activity above cut at a page break.
  if (numbered && sectionsElsewhere) return "continuation";
  // «ШНОР и ШССУ» under a numbered activity: a sentence cut before an abbreviation, not a section title.
  const firstWord = /^[«"(]?([А-ЯЁA-Z]{2,})(?=[\s,.;:»")]|$)/.exec(text);
  if (numbered && firstWord) return "continuation";
  return "section";
}

/**
 * A lone cell in the activity column of a table the user gave by hand (its range and its activity column): the
 * user said these rows are activities, so each is one unless it is clearly something else — a section by its mark
 * («Раздел 2.», «II. …») or merged across the table, or a fragment cut at a page break (lower case after a text
 * broken off mid-phrase, with no list marker of its own).
 */
export function givenSingleKind(
  view: SheetView,
  r: number,
  c: number,
  shape: TableShape,
  last: LastActivity | null,
): "activity" | "section" | "continuation" {
  const text = view.text(r, c);
  const m = view.mergeAt(r, c);
  // Merged over two columns of the table or more (a merge reaching past a one-column range says nothing).
  if (m && Math.min(m.right, shape.right) > Math.max(m.left, shape.left)) return "section";
  if (SECTION_MARK.test(text)) return "section";
  const cut = last !== null && startsLowercase(text) && endsMidPhrase(last.activityTail);
  return cut && stripListMarker(text) === text ? "continuation" : "activity";
}
