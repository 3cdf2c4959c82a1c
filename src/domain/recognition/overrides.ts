/** The user's corrections: a table range, column roles, a period and approval date given by hand. */
import { columnIndex, parseA1, rangeA1, type CellRange } from "../grid";
import type { ColumnRole } from "../model";
import {
  assignedColumns,
  emptyAssignment,
  headerRoleCount,
  readHeader,
  type ColumnAssignment,
  type HeaderInfo,
} from "./header";
import { roleOfHeader } from "./header-roles";
import { SheetView } from "./sheet-view";
import { notice } from "./notice-text";
import { makeShape, type TableOverride, type GivenContext, type Notice } from "./types";
import { readBody } from "./body";
import { readContext } from "./context";
import { buildTable } from "./build-table";
import { countContinuations, type Found } from "./scan";

export function applyColumnOverride(a: ColumnAssignment, cols: TableOverride["columns"]): ColumnAssignment {
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

/**
 * The first row of a range given by hand when each of its cells names a role («Мероприятие» over a one-column
 * list): the header, too narrow for `headerRoleCount`, which wants two cells.
 */
function namingRow(view: SheetView, range: CellRange): HeaderInfo | null {
  const r = range.top;
  const cols = view.nonEmpty(r, range.left, range.right);
  // Short labels only: «Проведение мероприятий по …» names no column, though it holds the stem «мероприяти».
  const roles = cols.map((c) => {
    const t = view.text(r, c);
    return t.length <= 60 && t.split(/\s+/).length <= 5 && !/[.;]$/.test(t) ? roleOfHeader(t) : null;
  });
  if (cols.length === 0 || roles.some((m) => m === null) || range.bottom === r) return null;
  const columns = emptyAssignment();
  roles.forEach((m, i) => {
    if (m!.role === "responsible") columns.responsible.push(cols[i]);
    else (columns as unknown as Record<string, number | null>)[m!.role] ??= cols[i];
  });
  const labels: string[] = [];
  for (let c = range.left; c <= range.right; c++) labels.push(view.text(r, c));
  return { rows: [r], left: range.left, right: range.right, columns, labels };
}

export function tableFromOverride(
  view: SheetView,
  o: TableOverride,
  notices: Notice[],
  given: GivenContext,
): Found | null {
  const name = view.sheet.name;
  const range = o.range ? parseA1(o.range) : null;
  if (!range) {
    notices.push(notice(name, "override.bad-range", { range: o.range ?? "" }));
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
  header ??= namingRow(view, range);
  const base = header ? header.columns : emptyAssignment();
  const columns = applyColumnOverride(base, o.columns);
  if (header) header.columns = columns;
  const shape = makeShape(view, range.left, range.right, columns, header ? header.rows[0] : null);
  const start = header ? header.rows[header.rows.length - 1] + 1 : range.top;
  // The activity the only column with a role: no deadline or responsible tells a section from an activity, and the
  // user said these rows are the table's, so each row is an activity unless clearly not (`givenSingleKind`).
  const onlyActivity = columns.activity !== null && assignedColumns(columns).size === 1;
  const body = readBody(view, header, start, shape, range.bottom, onlyActivity);
  const ctx = readContext(view, header ? header.rows[0] : range.top, 0, given);
  const table = buildTable(view, header, shape, body, ctx);
  table.range = rangeA1(range);
  notices.push(notice(name, "override.columns", {}));
  return { table, top: range.top, bottom: range.bottom, continuationRows: countContinuations(table) };
}
