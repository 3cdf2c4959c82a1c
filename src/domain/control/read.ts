/**
 * Reading the control columns of a recognised table: «Статус», «Дата выполнения», «Подтверждающий документ»,
 * «Комментарий», «Контрольный срок». Recognition finds the columns (by header); this reads each activity's
 * cells into the contract's fields, and, given today, its signal.
 */
import { cellAt, cellText, columnIndex, type SheetGrid, type WorkbookGrid } from "../grid";
import type { ActivityRow, IsoDate, RoadmapTable } from "../model";
import { readDateCell, readStatus, signalOf } from "./signal";

/** The activity's text in one column: its own row first, then its continuation rows. */
function firstText(sheet: SheetGrid, rows: number[], c: number): string {
  for (const r of rows) {
    const t = cellText(cellAt(sheet, r - 1, c));
    if (t) return t;
  }
  return "";
}

function firstDate(sheet: SheetGrid, rows: number[], c: number): IsoDate | null {
  for (const r of rows) {
    const v = cellAt(sheet, r - 1, c);
    if (cellText(v)) return readDateCell(v);
  }
  return null;
}

/** The raw text of the activity's status cell ("" when the table has no status column). */
export function statusText(sheet: SheetGrid, table: RoadmapTable, row: ActivityRow): string {
  const col = table.columns.status;
  return col ? firstText(sheet, row.rows, columnIndex(col)) : "";
}

export function readControlRow(sheet: SheetGrid | null, table: RoadmapTable, row: ActivityRow): ActivityRow {
  const cols = table.columns;
  const text = (letter: string | null) =>
    sheet && letter ? firstText(sheet, row.rows, columnIndex(letter)) : "";
  const date = (letter: string | null) =>
    sheet && letter ? firstDate(sheet, row.rows, columnIndex(letter)) : null;
  return {
    ...row,
    status: readStatus(text(cols.status)),
    doneDate: date(cols.doneDate),
    evidenceLink: text(cols.evidenceLink) || null,
    comment: text(cols.comment) || null,
    dueDate: date(cols.dueDate),
    signal: null,
  };
}

/** Every activity of every table with its control fields read from the workbook. */
export function readControl(tables: RoadmapTable[], wb: WorkbookGrid): RoadmapTable[] {
  const byName = new Map(wb.sheets.map((s) => [s.name, s]));
  return tables.map((t) => {
    const c = t.columns;
    // Recognition leaves the fields null: a table without control columns has nothing more to read.
    if (!(c.status || c.doneDate || c.evidenceLink || c.comment || c.dueDate)) return t;
    const sheet = byName.get(t.sheet) ?? null;
    return { ...t, rows: t.rows.map((r) => (r.kind === "activity" ? readControlRow(sheet, t, r) : r)) };
  });
}

/** Each activity's signal for today (null everywhere when today is null). */
export function withSignals(tables: RoadmapTable[], today: IsoDate | null): RoadmapTable[] {
  return tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) =>
      r.kind === "activity" ? { ...r, signal: today ? signalOf(r, today) : null } : r,
    ),
  }));
}
