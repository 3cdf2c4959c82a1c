/** Building the contract's RoadmapTable from a classified body. */
import { columnLetter, rangeA1 } from "../grid";
import { readDeadline } from "../deadline";
import type { ActivityRow, Deadline, Responsible, RoadmapTable, TableColumns, TableRow } from "../model";
import { inferNameOrder, readResponsible } from "../responsible";
import type { ColumnAssignment, HeaderInfo } from "./header";
import { SheetView } from "./sheet-view";
import { collapseSpaces, isRomanNumbering, cleanCellText, stripListMarker, serialToDateText } from "./text";
import type { BodyItem, Body, TableShape } from "./types";
import {
  rowCells,
  numberText,
  roleText,
  markedPeriods,
  spreadDeadlineRaw,
  foldedCell,
  numberAsWritten,
  joinDeadlineParts,
  calendarYearsText,
  mergeResponsible,
} from "./cells";
import type { Context } from "./context";

const NO_CONTROL = {
  status: null,
  doneDate: null,
  evidenceLink: null,
  comment: null,
  dueDate: null,
  signal: null,
} as const;

export function letters(c: number | null): string | null {
  return c === null ? null : columnLetter(c);
}

export function toTableColumns(a: ColumnAssignment): TableColumns {
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

/** Sections numbered like activities («1. Нормативное обеспечение» over «1.1», «1.2»): only number and text. */
export function promoteNumberedSections(view: SheetView, items: BodyItem[], shape: TableShape): void {
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

export function buildTable(
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
    const dlStart = a.timeline.length > 0 ? "" : deadlineText(a.deadline);
    const dlEnd = a.timeline.length > 0 ? "" : deadlineText(a.deadlineEnd);
    // What the deadline reader is given («янв. – март», «01.02 – 15.03»), and the cells as the contract's `raw`.
    const readText =
      a.timeline.length > 0 ? markedPeriods(view, all, a.timeline) : joinDeadlineParts(dlStart, dlEnd);
    const deadlineRaw =
      a.timeline.length > 0
        ? spreadDeadlineRaw(view, all, a.timeline)
        : [dlStart, dlEnd].filter((t) => t !== "").join(" | ");
    const years = a.deadlineEnd !== null ? calendarYearsText(dlStart, dlEnd) : null;
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
      deadline: { ...readDeadlineOnce(years ?? readText), raw: deadlineRaw },
      responsible: a.responsible.length > 0 ? responsible : readResponsibleOnce(""),
      result: cell(a.result),
      evidence: cell(a.evidence),
      // The control columns are read by src/domain/control/read.ts (index.ts applies it).
      ...NO_CONTROL,
    };
    rows.push(activity);
    // Continuation rows are the rows the user sees broken; a blank spacer row between them is in the activity's
    // `rows` (the fold deletes it) but is no continuation of anything.
    for (const r of it.continuation ?? [])
      if (view.nonEmpty(r, shape.left, shape.right).length > 0)
        rows.push({ row: r + 1, kind: "continuation" });
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
