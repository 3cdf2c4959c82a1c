/** Pure helpers behind the «Распознать таблицу» pane: counts, column choices, overrides, the fold preview. */
import {
  cellText,
  columnIndex,
  columnLetter,
  parseA1,
  rangeA1,
  sheetWidth,
  type SheetGrid,
} from "../../domain/grid";
import { ColumnRole, type Period, type RoadmapTable, type TableColumns } from "../../domain/model";
import { readPeriod, type TableOverride } from "../../domain/recognition";
import { calendarYearBounds, formatRuDate, parseRuDate, schoolYearBounds } from "../../domain/russian-dates";

export const ROLES: readonly ColumnRole[] = ColumnRole.options;

export interface TableCounts {
  sections: number;
  activities: number;
  continuations: number;
}

/**
 * What the card counts. Continuation rows are those the user sees: a row with text in the table; the empty
 * spacer rows a page break leaves are folded away too but are not «broken rows» to a reader.
 */
export function tableCounts(table: RoadmapTable, sheet?: SheetGrid): TableCounts {
  const c: TableCounts = { sections: 0, activities: 0, continuations: 0 };
  const range = parseA1(table.range);
  const hasText = (row: number) => {
    if (!sheet || !range) return true;
    const cells = sheet.rows[row - 1] ?? [];
    for (let col = range.left; col <= range.right; col++) if (cellText(cells[col] ?? null)) return true;
    return false;
  };
  for (const r of table.rows) {
    if (r.kind === "section") c.sections++;
    else if (r.kind === "activity") c.activities++;
    else if (r.kind === "continuation" && hasText(r.row)) c.continuations++;
  }
  return c;
}

export function tableSections(table: RoadmapTable): string[] {
  return table.rows.flatMap((r) => (r.kind === "section" ? [r.text] : []));
}

export interface ColumnOption {
  letter: string;
  /** "B — Наименование мероприятия" */
  label: string;
}

const MAX_LABEL = 48;

/**
 * Every column a role can be pointed at: the sheet's columns (at least the table's), each labelled with
 * its letter and the header text found in the table's header rows.
 */
export function columnOptions(sheet: SheetGrid | undefined, table: RoadmapTable): ColumnOption[] {
  const range = parseA1(table.range);
  const width = Math.max(sheet ? sheetWidth(sheet) : 0, range ? range.right + 1 : 0);
  const headerRows = table.headerRows.map((r) => r - 1);
  const options: ColumnOption[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const r of headerRows) {
      const text = sheet ? cellText(sheet.rows[r]?.[c] ?? null).replace(/\s+/g, " ") : "";
      if (text && !parts.includes(text)) parts.push(text);
    }
    let text = parts.join(" / ");
    if (text.length > MAX_LABEL) text = `${text.slice(0, MAX_LABEL - 1)}…`;
    const letter = columnLetter(c);
    options.push({ letter, label: text ? `${letter} — ${text}` : letter });
  }
  return options;
}

/** The role → column choice the pane edits; responsible may name several columns. */
export type ColumnChoice = Record<ColumnRole, string | string[] | null>;

export function choiceFromColumns(columns: TableColumns): ColumnChoice {
  const out = {} as ColumnChoice;
  for (const role of ROLES) out[role] = role === "responsible" ? [...columns.responsible] : columns[role];
  return out;
}

function sameChoice(a: string | string[] | null, b: string | string[] | null): boolean {
  const norm = (v: string | string[] | null) => (v === null ? [] : Array.isArray(v) ? v : [v]);
  const x = norm(a);
  const y = norm(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** A1 range typed by the user, normalised ("a6 : f58" → "A6:F58"); null when it is not a range. */
export function normaliseRange(input: string): string | null {
  const parsed = parseA1(input.replace(/\s+/g, ""));
  if (!parsed) return null;
  return rangeA1(parsed);
}

/** Does a stored override apply to this recognised table? */
export function overrideMatches(o: TableOverride, table: Pick<RoadmapTable, "sheet" | "range">): boolean {
  if (isPeriodOnly(o)) return false;
  return o.sheet === table.sheet && (o.range === undefined || o.range === table.range);
}

/**
 * The override to store for a table after the user's edits: the previous override's roles kept, the
 * roles the user changed added, the range when it was changed (or pinned before).
 * Returns null when there is nothing to remember.
 */
export function buildOverride(
  table: RoadmapTable,
  choice: ColumnChoice,
  rangeInput: string,
  previous: TableOverride | undefined,
): TableOverride | null {
  const columns: Partial<ColumnChoice> = { ...(previous?.columns ?? {}) };
  const recognised = choiceFromColumns(table.columns);
  for (const role of ROLES) {
    if (!sameChoice(choice[role], recognised[role])) columns[role] = choice[role];
  }
  const range = normaliseRange(rangeInput);
  const pinnedRange = range && range !== table.range ? range : previous?.range;
  const hasColumns = Object.keys(columns).length > 0;
  if (!hasColumns && !pinnedRange) return null;
  const out: TableOverride = { sheet: table.sheet };
  if (pinnedRange) out.range = pinnedRange;
  if (hasColumns) out.columns = columns;
  return out;
}

/** The stored list with this table's override replaced (or removed when `next` is null). */
export function replaceOverride(
  stored: TableOverride[],
  table: Pick<RoadmapTable, "sheet" | "range">,
  next: TableOverride | null,
): TableOverride[] {
  const kept = stored.filter((o) => !overrideMatches(o, table));
  return next ? [...kept, next] : kept;
}

/** «01.09.2024 – 31.08.2025». */
export function periodText(period: Period): string {
  return `${formatRuDate(period.start)} – ${formatRuDate(period.end)}`;
}

/** Sort letters by column order ("AA" after "Z"). */
export function sortLetters(letters: string[]): string[] {
  return [...letters].sort((a, b) => columnIndex(a) - columnIndex(b));
}

/**
 * The period the user types when the title does not state it: «2024-2025 учебный год», «2025 год», «2025»,
 * «2024-2025» (two consecutive years = a school year), «01.09.2024 – 31.05.2025». Null when unreadable.
 */
export function parsePeriodInput(input: string): Period | null {
  const text = input.trim();
  if (!text) return null;
  const titled = readPeriod(text);
  if (titled) return titled;
  const year = /^(\d{4})\s*(?:г\.?|год)?$/u.exec(text);
  if (year) return calendarYearBounds(Number(year[1]));
  const years = /^(\d{4})\s*[-–—/]\s*(\d{4})$/u.exec(text);
  if (years && Number(years[2]) === Number(years[1]) + 1) return schoolYearBounds(Number(years[1]));
  const dates = text.match(/\d{1,2}\.\d{1,2}\.\d{2,4}/g);
  if (dates && dates.length === 2) {
    const start = parseRuDate(dates[0]);
    const end = parseRuDate(dates[1]);
    if (start && end && start <= end) return { start, end };
  }
  return null;
}

/** Overrides that only give a sheet's period live apart from column/range corrections. */
function isPeriodOnly(o: TableOverride): boolean {
  return o.period !== undefined && !o.range && !o.columns;
}

/** The stored list with the sheet's period set (or cleared with null); column and range corrections kept. */
export function withPeriod(stored: TableOverride[], sheet: string, period: Period | null): TableOverride[] {
  const kept = stored.filter((o) => !(o.sheet === sheet && isPeriodOnly(o)));
  return period ? [...kept, { sheet, period }] : kept;
}
