/** The title, period and approval date of a table, from the lines above it (or the user's own). */
import type { IsoDate, Period } from "../model";
import { parseRuDate } from "../russian-dates";
import { withoutMarkdownMarks } from "../ru";
import { approvalFromLine, citesAnotherAct, isHeadingLine, readPeriod } from "./period";
import { SheetView } from "./sheet-view";
import { collapseSpaces, startsLowercase } from "./text";
import type { GivenContext } from "./types";

export const TITLE_WINDOW = 15;
export const CONTEXT_WINDOW = 200;

export interface Context {
  title: string | null;
  period: Period | null;
  approved: IsoDate | null;
}

export function linesAbove(view: SheetView, top: number, floor: number): { row: number; line: string }[] {
  const out: { row: number; line: string }[] = [];
  for (let r = top - 1; r >= Math.max(floor, top - CONTEXT_WINDOW); r--) {
    const cols = view.nonEmpty(r);
    if (cols.length === 0) continue;
    const text = cols.map((c) => view.text(r, c)).join(" ");
    const parts = text
      .split(/\r?\n/)
      .map((s) => withoutMarkdownMarks(collapseSpaces(s)))
      .filter((s) => s.length > 0);
    for (let i = parts.length - 1; i >= 0; i--) out.push({ row: r, line: parts[i] });
  }
  return out; // nearest first
}

export function rightmostApproval(view: SheetView, r: number): IsoDate | null {
  const cols = view.nonEmpty(r);
  if (cols.length < 2) return null;
  for (let i = cols.length - 1; i >= 0; i--) {
    const d = approvalFromLine(collapseSpaces(view.text(r, cols[i])));
    if (d) return d;
  }
  return null;
}

export function readContext(view: SheetView, top: number, floor: number, given: GivenContext): Context {
  const found = readContextFromText(view, top, floor);
  return given
    ? { ...found, period: given.period ?? found.period, approved: given.approved ?? found.approved }
    : found;
}

export function oneLine(text: string): string {
  return collapseSpaces(text.replace(/\r?\n/g, " "));
}

/** In a row of several cells, the one cell that is a heading («Дорожная карта … на 2025 год»), if any. */
export function headingCell(view: SheetView, r: number): { col: number; text: string } | null {
  const cols = view.nonEmpty(r);
  if (cols.length < 2) return null;
  for (const c of cols) {
    const text = oneLine(view.text(r, c));
    if (isHeadingLine(text)) return { col: c, text };
  }
  return null;
}

export function readContextFromText(view: SheetView, top: number, floor: number): Context {
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
    if (bare && !citesAnotherAct(l.line) && lines.slice(i + 1, i + 5).some((x) => /^утвержд/i.test(x.line))) {
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
