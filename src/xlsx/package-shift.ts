/**
 * Moving what ExcelJS does not model when a plan inserts columns or deletes rows: drawing anchors (xdr:from/xdr:to)
 * and chart series references (c:f), as Excel moves them. Pure string work on the parts' XML, used by preserve.ts.
 */
import { columnIndex, columnLetter } from "../domain/grid";
import { MAX_COLUMNS } from "../domain/plan/validate";

/** One structural change of a sheet, in plan order; rows are 0-based. */
export type SheetShift = { kind: "columns"; col: number; count: number } | { kind: "rows"; rows: number[] };

/** Rows before `r` that were deleted; whether `r` itself was. */
function rowsDeletedBefore(sorted: number[], r: number): { before: number; gone: boolean } {
  let before = 0;
  for (const d of sorted) if (d < r) before++;
  return { before, gone: sorted.includes(r) };
}

const MARKER =
  /<xdr:(from|to)>\s*<xdr:col>(\d+)<\/xdr:col>\s*<xdr:colOff>(-?\d+)<\/xdr:colOff>\s*<xdr:row>(\d+)<\/xdr:row>\s*<xdr:rowOff>(-?\d+)<\/xdr:rowOff>\s*<\/xdr:\1>/g;

interface Marker {
  col: number;
  colOff: string;
  row: number;
  rowOff: string;
}

function moveMarker(m: Marker, shift: SheetShift): Marker {
  if (shift.kind === "columns") return m.col >= shift.col ? { ...m, col: m.col + shift.count } : m;
  const sorted = [...new Set(shift.rows)].sort((a, b) => a - b);
  const { before, gone } = rowsDeletedBefore(sorted, m.row);
  // A corner on a deleted row lands at the top of the row that takes its place.
  return { ...m, row: m.row - before, rowOff: gone ? "0" : m.rowOff };
}

const markerXml = (tag: string, m: Marker) =>
  `<xdr:${tag}><xdr:col>${m.col}</xdr:col><xdr:colOff>${m.colOff}</xdr:colOff><xdr:row>${m.row}</xdr:row><xdr:rowOff>${m.rowOff}</xdr:rowOff></xdr:${tag}>`;

/**
 * A drawing's anchors after the sheet's shifts. Two-cell anchors move each corner with its cell (an object over an
 * inserted column grows, as in Excel); editAs="oneCell" keeps its size; editAs="absolute" stays where it is.
 */
export function shiftDrawing(xml: string, shifts: readonly SheetShift[]): string {
  if (shifts.length === 0) return xml;
  return xml.replace(
    /<xdr:(twoCellAnchor|oneCellAnchor)\b([^>]*)>([\s\S]*?)<\/xdr:\1>/g,
    (whole, tag, attrs: string, body: string) => {
      const editAs = /editAs="(\w+)"/.exec(attrs)?.[1] ?? (tag === "oneCellAnchor" ? "oneCell" : "twoCell");
      if (editAs === "absolute") return whole;
      const markers: Record<string, Marker> = {};
      for (const m of body.matchAll(MARKER))
        markers[m[1]] = { col: Number(m[2]), colOff: m[3], row: Number(m[4]), rowOff: m[5] };
      const from = markers.from;
      if (!from) return whole;
      let f = from;
      let t = markers.to;
      for (const s of shifts) {
        const nf = moveMarker(f, s);
        if (t) {
          t =
            editAs === "oneCell"
              ? { ...t, col: t.col + nf.col - f.col, row: t.row + nf.row - f.row }
              : moveMarker(t, s);
          // Rows deleted under the whole object leave it one row high rather than upside down.
          if (t.row < nf.row) t = { ...t, row: nf.row, rowOff: nf.rowOff };
        }
        f = nf;
      }
      const out = body.replace(MARKER, (_m, which: string) =>
        markerXml(which, which === "from" ? f : (t ?? f)),
      );
      return `<xdr:${tag}${attrs}>${out}</xdr:${tag}>`;
    },
  );
}

// A reference in a chart formula: optional sheet, then a cell or a cell range (charts write them absolute).
const REF =
  /(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Z]{1,3})(\$?)(\d{1,7}))?/gu;

const SHEET = `(?:'((?:[^']|'')+)'|([\\p{L}_][\\p{L}\\p{N}_.]*))!`;
const COLUMN_SPAN = new RegExp(`${SHEET}(\\$?)([A-Z]{1,3}):(\\$?)([A-Z]{1,3})(?![\\p{L}\\p{N}_(])`, "gu");
const ROW_SPAN = new RegExp(`${SHEET}(\\$?)(\\d{1,7}):(\\$?)(\\d{1,7})(?![\\p{L}\\p{N}_(])`, "gu");

type Span = [number, number];

/** Every reference of `formula` to `sheet` as a row span and a column span (1-based rows, 0-based columns). */
function mapRefs(
  formula: string,
  sheet: string,
  f: (rows: Span, cols: Span) => { rows: Span; cols: Span } | null,
): string {
  return formula.replace(REF, (whole, q, p, d1, c1, d2, r1, d3, c2, d4, r2) => {
    const name = q !== undefined ? (q as string).replace(/''/g, "'") : (p as string);
    if (name.toLowerCase() !== sheet.toLowerCase()) return whole;
    const prefix = whole.slice(0, whole.indexOf("!") + 1);
    const range = r2 !== undefined;
    const moved = f([Number(r1), Number(range ? r2 : r1)], [columnIndex(c1), columnIndex(range ? c2 : c1)]);
    if (!moved) return `${prefix}#REF!`;
    const a = `${d1}${columnLetter(moved.cols[0])}${d2}${moved.rows[0]}`;
    return range ? `${prefix}${a}:${d3}${columnLetter(moved.cols[1])}${d4}${moved.rows[1]}` : `${prefix}${a}`;
  });
}

/** Rows of a formula's references to `sheet` after rows were deleted; a range whose rows are all gone is #REF!. */
export function shiftFormulaRows(formula: string, sheet: string, rows0: readonly number[]): string {
  const sorted = [...new Set(rows0.map((r) => r + 1))].sort((a, b) => a - b);
  return mapRefs(formula, sheet, ([top, bottom], cols) => {
    // The span keeps the rows that survive: its first and last surviving rows, renumbered.
    let t: number | null = null;
    let b: number | null = null;
    for (let r = top; r <= bottom; r++) {
      const m = rowsDeletedBefore(sorted, r);
      if (m.gone) continue;
      t ??= r - m.before;
      b = r - m.before;
    }
    return t === null || b === null ? null : { rows: [t, b], cols };
  });
}

/** A chart formula after one sheet's shift (columns at or right of the insertion move; a spanning range grows). */
export function shiftChartFormula(formula: string, sheet: string, shift: SheetShift): string {
  const same = (q: string | undefined, p: string | undefined) =>
    (q !== undefined ? q.replace(/''/g, "'") : (p as string)).toLowerCase() === sheet.toLowerCase();
  if (shift.kind === "rows") {
    const sorted = [...new Set(shift.rows.map((r) => r + 1))].sort((a, b) => a - b);
    // Whole rows (Лист1!$3:$5, print titles, dynamic names) shrink the same way.
    const spans = formula.replace(ROW_SPAN, (whole, q, p, d1, r1, d2, r2) => {
      if (!same(q, p)) return whole;
      const kept = [];
      for (let r = Number(r1); r <= Number(r2); r++) {
        const m = rowsDeletedBefore(sorted, r);
        if (!m.gone) kept.push(r - m.before);
      }
      const prefix = whole.slice(0, whole.indexOf("!") + 1);
      return kept.length ? `${prefix}${d1}${kept[0]}:${d2}${kept[kept.length - 1]}` : `${prefix}#REF!`;
    });
    return shiftFormulaRows(spans, sheet, shift.rows);
  }
  const move = (c: number) => (c >= shift.col ? Math.min(c + shift.count, MAX_COLUMNS - 1) : c);
  // Whole columns (Лист1!$G:$G, as dynamic names count them) move too.
  const spans = formula.replace(COLUMN_SPAN, (whole, q, p, d1, c1, d2, c2) => {
    if (!same(q, p)) return whole;
    const prefix = whole.slice(0, whole.indexOf("!") + 1);
    return `${prefix}${d1}${columnLetter(move(columnIndex(c1)))}:${d2}${columnLetter(move(columnIndex(c2)))}`;
  });
  return mapRefs(spans, sheet, (rows, [l, r]) => ({ rows, cols: [move(l), move(r)] }));
}

const XML_ESC: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
};
export const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ESC[e]);
export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Every series/label formula of a chart part (c:f, cx:f, xm:f) moved by the workbook's shifts, in order. */
export function shiftChart(xml: string, shifts: readonly { sheet: string; shift: SheetShift }[]): string {
  if (shifts.length === 0) return xml;
  return xml.replace(
    /<((?:\w+:)?f)(\s[^>]*)?>([^<]*)<\/\1>/g,
    (_w, tag: string, attrs: string | undefined, text: string) => {
      let f = unescapeXml(text);
      for (const s of shifts) f = shiftChartFormula(f, s.sheet, s.shift);
      return `<${tag}${attrs ?? ""}>${escapeXml(f)}</${tag}>`;
    },
  );
}

/** An unqualified sqref ("G7 H2:H9") of `sheet` after a shift (sparkline places). */
export function shiftSqref(sqref: string, sheet: string, shift: SheetShift): string {
  const q = `'${sheet.replace(/'/g, "''")}'!`;
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => shiftChartFormula(q + part, sheet, shift).slice(q.length))
    .filter((part) => !part.includes("#REF!"))
    .join(" ");
}
