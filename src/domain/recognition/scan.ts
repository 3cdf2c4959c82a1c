/** The sheet scan: every header of a roadmap on a sheet, its body, and headerless parts after it. */
import { parseA1, rangeA1 } from "../grid";
import type { RoadmapTable } from "../model";
import { headerRoleCount, readHeader, type ColumnAssignment, type HeaderInfo } from "./header";
import { SheetView } from "./sheet-view";
import { isNumbering, looksLikeDeadline } from "./text";
import { notice } from "./notice-text";
import { makeShape, type GivenContext, type Notice, type TableShape } from "./types";
import { numberText, roleText } from "./cells";
import { readBody } from "./body";
import { inferFromContent } from "./content-roles";
import { readContext, type Context } from "./context";
import { buildTable } from "./build-table";

/** The first header texts of a table that is not a roadmap, cut short, to name it in a notice. */
export function foreignLabels(h: HeaderInfo): string[] {
  const labels = h.labels.filter((l) => l).slice(0, 4);
  return labels.map((l) => (l.length > 40 ? `${l.slice(0, 40)}…` : l));
}

export function isRoadmap(a: ColumnAssignment): boolean {
  return a.activity !== null && (a.deadline !== null || a.responsible.length > 0);
}

/** A numbered row that fits an earlier roadmap's columns: the start of a headerless continuation of that table. */
export function startsHeaderlessPart(view: SheetView, r: number, shape: TableShape): boolean {
  const a = shape.columns;
  if (a.number === null || a.activity === null) return false;
  if (!isNumbering(numberText(view, r, a.number))) return false;
  const act = view.text(r, a.activity);
  if (act.length < 10 || !/[А-Яа-яЁё]/.test(act)) return false;
  const dl = roleText(view, r, a.deadline);
  // A responsible names someone in words: «100%» under an indicator table's target column does not.
  const resp = a.responsible.some((c) => /[А-Яа-яЁё]{2}/.test(view.text(r, c)));
  if (!(looksLikeDeadline(dl) || resp)) return false;
  // Nothing outside the table's columns.
  const outside = view.nonEmpty(r).filter((c) => c < shape.left || c > shape.right);
  return outside.length === 0;
}

export interface Found {
  table: RoadmapTable;
  top: number;
  bottom: number;
  continuationRows: number;
  /** A headerless part: the top row (0-based) of the roadmap it continues. */
  partOf?: number;
}

/**
 * The tables of a sheet, each headerless part joined to the roadmap it continues: one roadmap to the user
 * (seed 003: items 1–6, 16–19 and, after the indicator table, 7–15). Its `range` spans the parts, `parts` lists
 * them; rows between them are not the table's.
 */
export function joinParts(found: Found[]): RoadmapTable[] {
  const out: RoadmapTable[] = [];
  const byTop = new Map<number, RoadmapTable>();
  for (const f of found) {
    const root = f.partOf !== undefined ? byTop.get(f.partOf) : undefined;
    if (!root) {
      const t = { ...f.table };
      out.push(t);
      byTop.set(f.top, t);
      continue;
    }
    const a = parseA1(root.range)!;
    const b = parseA1(f.table.range)!;
    root.parts = [...(root.parts ?? [root.range]), f.table.range];
    root.range = rangeA1({
      top: Math.min(a.top, b.top),
      left: Math.min(a.left, b.left),
      bottom: Math.max(a.bottom, b.bottom),
      right: Math.max(a.right, b.right),
    });
    root.rows = [...root.rows, ...f.table.rows].sort((x, y) => x.row - y.row);
  }
  return out;
}

export function scanSheet(view: SheetView, notices: Notice[], given: GivenContext): Found[] {
  const found: Found[] = [];
  const name = view.sheet.name;
  let floor = 0;
  let previous: { shape: TableShape; ctx: Context; label: string; top: number } | null = null;
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
          previous = { shape, ctx, label: table.range, top: r };
          floor = body.lastRow + 1;
          r = body.lastRow;
          continue;
        }
      }
      // A table, but not a roadmap: say so once, and skip its rows so they are not read as anything else.
      notices.push(
        isRoadmap(header.columns)
          ? notice(name, "table.no-activities", { row: r + 1 })
          : notice(name, "table.not-a-roadmap", { row: r + 1, labels: foreignLabels(header) }),
      );
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
        found.push({
          table,
          top: r,
          bottom: body.lastRow,
          continuationRows: countContinuations(table),
          partOf: previous.top,
        });
        notices.push(
          notice(name, "table.headerless-part", {
            from: r + 1,
            to: body.lastRow + 1,
            range: previous.label,
          }),
        );
        floor = body.lastRow + 1;
        r = body.lastRow;
      }
    }
  }
  return found;
}

export function countContinuations(t: RoadmapTable): number {
  return t.rows.filter((x) => x.kind === "continuation").length;
}
