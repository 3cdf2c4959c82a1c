/**
 * Hidden rows and columns of sheets being read, in a constant number of round trips (see readHiddenFlags).
 */
import { columnLetter } from "../domain/grid";
import type { PendingSheet, SheetShape } from "./shapes";

/** Hidden-flag loads in one round trip at most (~300 bytes of request each: 1.5 MB). */
const FLAGS_PER_SYNC = 5000;
/** Rows (or columns) whose hidden summary is read together before looking at single rows. */
const SEGMENT = 100;

interface HiddenAxis {
  ws: Excel.Worksheet;
  rows: boolean;
  out: number[];
  from: number;
  count: number;
}

interface HiddenSpan {
  axis: HiddenAxis;
  from: number;
  count: number;
}

export function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/**
 * Hidden rows/columns where the used range's summary is mixed (null): first the summary of each segment of
 * SEGMENT rows, then single rows only inside mixed segments. So 2 more syncs, the same for 10 rows as for 10,000
 * (more only past FLAGS_PER_SYNC loads per sync), and few loads: hidden rows are usually a handful.
 */
export async function readHiddenFlags(
  context: Excel.RequestContext,
  pending: PendingSheet[],
  shapes: SheetShape[],
): Promise<{ rows: number[]; columns: number[] }[]> {
  const out = shapes.map((s) => ({
    rows: s.rowHidden === true ? range(s.top, s.rows) : [],
    columns: s.columnHidden === true ? range(s.left, s.cols) : [],
  }));
  const axes: HiddenAxis[] = [];
  shapes.forEach((s, i) => {
    const ws = pending[i].ws;
    if (s.rowHidden === null) axes.push({ ws, rows: true, out: out[i].rows, from: s.top, count: s.rows });
    if (s.columnHidden === null)
      axes.push({ ws, rows: false, out: out[i].columns, from: s.left, count: s.cols });
  });
  const segments: HiddenSpan[] = axes.flatMap((axis) =>
    range(0, Math.ceil(axis.count / SEGMENT)).map((k) => ({
      axis,
      from: axis.from + k * SEGMENT,
      count: Math.min(SEGMENT, axis.count - k * SEGMENT),
    })),
  );
  const mixed: HiddenSpan[] = [];
  await loadHidden(context, segments, (span, hidden) => {
    if (hidden === true) span.axis.out.push(...range(span.from, span.count));
    else if (hidden === null) mixed.push(span);
  });
  const singles = mixed.flatMap((span) =>
    range(span.from, span.count).map((from) => ({ axis: span.axis, from, count: 1 })),
  );
  await loadHidden(context, singles, (span, hidden) => {
    if (hidden === true) span.axis.out.push(span.from);
  });
  for (const o of out) {
    o.rows.sort((a, b) => a - b);
    o.columns.sort((a, b) => a - b);
  }
  return out;
}

async function loadHidden(
  context: Excel.RequestContext,
  spans: HiddenSpan[],
  onResult: (span: HiddenSpan, hidden: boolean | null) => void,
): Promise<void> {
  for (let start = 0; start < spans.length; start += FLAGS_PER_SYNC) {
    const group = spans.slice(start, start + FLAGS_PER_SYNC);
    const ranges = group.map(({ axis, from, count }) =>
      axis.rows
        ? axis.ws.getRange(`${from + 1}:${from + count}`).load("rowHidden")
        : axis.ws.getRange(`${columnLetter(from)}:${columnLetter(from + count - 1)}`).load("columnHidden"),
    );
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per FLAGS_PER_SYNC loads, by design
    await context.sync();
    group.forEach((span, k) => onResult(span, span.axis.rows ? ranges[k].rowHidden : ranges[k].columnHidden));
  }
}
