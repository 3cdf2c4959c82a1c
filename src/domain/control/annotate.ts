/**
 * «Добавить столбцы контроля» as an EditPlan: the five control columns beside every recognised roadmap table,
 * their drop-down and date validations on activity rows only, the «Контрольный срок» filled from the deadline's
 * end, and the signal conditional formats. Non-destructive and idempotent:
 * - a column the table already has under a similar header (recognition: «Отметка о выполнении», «Примечание»…)
 *   is used, not duplicated; a filled cell is never written;
 * - new columns go right of the table; where any cell there is not empty, columns are inserted instead;
 * - a roadmap inside an Excel Table (ListObject) whose header row is the roadmap's gets them as table columns
 *   (`extendTable`: the table grows, its banding and filter cover them); elsewhere they are plain cells;
 * - what was done is remembered (ControlSetting, kept in the workbook's settings): a rerun over the same
 *   columns and rows gives an empty plan. The columns themselves are found again by their headers.
 */
import { z } from "zod";
import {
  a1,
  cellAt,
  cellText,
  columnIndex,
  columnLetter,
  parseA1,
  type GridTable,
  type SheetGrid,
  type WorkbookGrid,
} from "../grid";
import type { EditOp, EditPlan } from "../edit-plan";
import { STATUS_LIST, type ActivityRow, type RoadmapTable, type TableColumns } from "../model";
import { isoToDayNumber } from "../russian-dates";
import { removeSignalOps, signalFormatOps } from "./signal-formats";

export type ControlRole = "status" | "doneDate" | "evidenceLink" | "comment" | "dueDate";

/** The control columns in the order they are added, with their headers (the contract's names). */
export const CONTROL_COLUMNS: { role: ControlRole; header: string; width: number }[] = [
  { role: "status", header: "Статус", width: 24 },
  { role: "doneDate", header: "Дата выполнения", width: 14 },
  { role: "evidenceLink", header: "Подтверждающий документ", width: 32 },
  { role: "comment", header: "Комментарий", width: 32 },
  { role: "dueDate", header: "Контрольный срок", width: 14 },
];

export const DATE_FORMAT = "dd.mm.yyyy";

/** What annotate did, per sheet (the workbook setting `control`). */
export const ControlSetting = z.object({
  sheets: z.array(
    z.object({
      sheet: z.string(),
      /** The control columns and activity rows the validations and signal formats were laid on. */
      signature: z.string(),
      tables: z.array(
        z.object({
          range: z.string(),
          /** Letters of the control columns, and which of them the add-in added. */
          columns: z.record(z.string(), z.string()),
          added: z.array(z.string()),
          /** The Excel Table the columns were added to (its name when annotated; found again by range). */
          excelTable: z.string().optional(),
        }),
      ),
    }),
  ),
});
export type ControlSetting = z.infer<typeof ControlSetting>;

export interface AnnotatedTable {
  sheet: string;
  /** The table's range before the change. */
  range: string;
  columns: { role: ControlRole; header: string; letter: string; reused: boolean }[];
  /** Columns inserted (cells to the right were not empty). */
  inserted: boolean;
  /** The Excel Table the roadmap lies in, when the new columns became its columns. */
  excelTable?: string;
}

export interface AnnotatePlan {
  plan: EditPlan;
  tables: AnnotatedTable[];
  setting: ControlSetting;
}

/** 1900-date-system serial of an ISO date (what Excel stores for a date cell). */
export function isoToSerial(iso: string): number {
  return isoToDayNumber(iso) + 25569;
}

/** Runs of consecutive numbers: [3,4,5,9] → [[3,5],[9,9]]. */
function runs(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else if (!last || r > last[1]) out.push([r, r]);
  }
  return out;
}

/** Contiguous spans of columns: [5,6,7,10] → [{5,7},{10,10}]. */
function spans(cols: number[]): { left: number; right: number }[] {
  return runs(cols).map(([left, right]) => ({ left, right }));
}

function activities(t: RoadmapTable): ActivityRow[] {
  return t.rows.filter((r): r is ActivityRow => r.kind === "activity");
}

const formulaCells = new WeakMap<SheetGrid, Set<string>>();

/** A formula reads as empty when it has no value or an empty one; it is content all the same. */
function isFilled(sheet: SheetGrid, r: number, c: number): boolean {
  if (cellText(cellAt(sheet, r, c))) return true;
  let set = formulaCells.get(sheet);
  if (!set)
    formulaCells.set(sheet, (set = new Set([...(sheet.uncalculated ?? []), ...(sheet.emptyFormulas ?? [])])));
  return set.size > 0 && set.has(a1(r, c));
}

function areaHasContent(sheet: SheetGrid, top: number, bottom: number, left: number, right: number): boolean {
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) if (isFilled(sheet, r, c)) return true;
  return sheet.merges.some((m) => m.top <= bottom && top <= m.bottom && m.left <= right && left <= m.right);
}

interface Group {
  left: number;
  right: number;
  tables: RoadmapTable[];
}

/** Tables of one sheet sharing columns (a table and its headerless parts, a repeated table) are annotated as one. */
function groupsOf(tables: RoadmapTable[]): Group[] {
  const groups = new Map<string, Group>();
  for (const t of tables) {
    const r = parseA1(t.range)!;
    const key = `${r.left}:${r.right}`;
    const g = groups.get(key) ?? { left: r.left, right: r.right, tables: [] };
    g.tables.push(t);
    groups.set(key, g);
  }
  // Right to left: a column inserted for one group never shifts the cells another group's ops address.
  return [...groups.values()].sort((a, b) => b.right - a.right);
}

/**
 * The Excel Table that holds every part of the group with the roadmap's header row as its own, and whose column names
 * leave room for the new ones; null when the new columns must be plain cells.
 */
function enclosingExcelTable(
  sheet: SheetGrid,
  g: Group,
  head: RoadmapTable,
  names: string[],
): GridTable | null {
  const headerRow = head.headerRows[0] - 1;
  const taken = (t: GridTable) => new Set(t.columns.map((c) => c.trim().toLowerCase()));
  return (
    (sheet.tables ?? []).find(
      (t) =>
        t.showHeaders &&
        t.range.top === headerRow &&
        g.tables.every((part) => {
          const r = parseA1(part.range)!;
          return (
            r.top >= t.range.top &&
            r.bottom <= t.range.bottom &&
            r.left >= t.range.left &&
            r.right <= t.range.right
          );
        }) &&
        names.every((n) => !taken(t).has(n.toLowerCase())),
    ) ?? null
  );
}

function planGroup(
  sheet: SheetGrid,
  g: Group,
  ops: EditOp[],
  late: EditOp[],
): { annotated: AnnotatedTable[]; columns: Record<ControlRole, number>; added: ControlRole[] } | null {
  const head = g.tables.find((t) => t.headerRows.length > 0);
  if (!head) return null;
  const cols: TableColumns = head.columns;
  const missing = CONTROL_COLUMNS.filter((c) => cols[c.role] === null);
  const excel =
    missing.length > 0
      ? enclosingExcelTable(
          sheet,
          g,
          head,
          missing.map((c) => c.header),
        )
      : null;
  const top = Math.min(...g.tables.map((t) => parseA1(t.range)!.top), excel?.range.top ?? Infinity);
  const bottom = Math.max(...g.tables.map((t) => parseA1(t.range)!.bottom), excel?.range.bottom ?? -1);
  // Table columns go right of the whole Excel Table, which may be wider than the recognised roadmap.
  const x = Math.max(g.right, excel?.range.right ?? -1) + 1;
  const inserted = missing.length > 0 && areaHasContent(sheet, top, bottom, x, x + missing.length - 1);
  if (inserted) ops.push({ op: "insertColumns", sheet: sheet.name, col: x, count: missing.length });
  if (excel)
    ops.push({
      op: "extendTable",
      sheet: sheet.name,
      table: excel.name,
      columns: missing.map((c) => c.header),
    });
  const columns = {} as Record<ControlRole, number>;
  for (const c of CONTROL_COLUMNS) {
    const letter = cols[c.role];
    columns[c.role] = letter !== null ? columnIndex(letter) : x + missing.indexOf(c);
  }
  if (missing.length > 0) {
    for (const t of g.tables) {
      if (t.headerRows.length === 0) continue;
      const hr = t.headerRows[0] - 1;
      ops.push({
        op: "setValues",
        sheet: sheet.name,
        row: hr,
        col: x,
        values: [missing.map((c) => c.header)],
      });
      // A table's header row takes the table style's look.
      if (excel && hr === excel.range.top) continue;
      late.push({
        op: "setStyle",
        sheet: sheet.name,
        range: { top: hr, bottom: hr, left: x, right: x + missing.length - 1 },
        bold: true,
        wrap: true,
        border: true,
      });
    }
    ops.push({
      op: "setColumnWidths",
      sheet: sheet.name,
      widths: missing.map((c, i) => ({ col: x + i, width: c.width })),
    });
  }
  // «Контрольный срок»: the deadline's end as a real date, only into empty cells.
  const dueNew = cols.dueDate === null;
  const dueWrites: { r: number; v: number | null }[] = [];
  for (const t of g.tables) {
    for (const a of activities(t)) {
      const r = a.rows[0] - 1;
      const end = a.deadline.end;
      if (dueNew) dueWrites.push({ r, v: end ? isoToSerial(end) : null });
      else if (end && !isFilled(sheet, r, columns.dueDate)) dueWrites.push({ r, v: isoToSerial(end) });
    }
  }
  const byRow = new Map(dueWrites.map((w) => [w.r, w.v]));
  for (const [a, b] of runs(dueWrites.map((w) => w.r))) {
    const values = [];
    for (let r = a; r <= b; r++) values.push([byRow.get(r) ?? null]);
    if (values.every((v) => v[0] === null) && !dueNew) continue;
    ops.push({
      op: "setValues",
      sheet: sheet.name,
      row: a,
      col: columns.dueDate,
      values,
      numberFormat: DATE_FORMAT,
    });
  }
  // «Дата выполнения» added by us: its empty cells get the date format, so a typed date shows as dd.mm.yyyy.
  if (cols.doneDate === null) {
    const rows = g.tables.flatMap((t) => activities(t).map((a) => a.rows[0] - 1));
    for (const [a, b] of runs(rows)) {
      const values = Array.from({ length: b - a + 1 }, () => [null]);
      ops.push({
        op: "setValues",
        sheet: sheet.name,
        row: a,
        col: columns.doneDate,
        values,
        numberFormat: DATE_FORMAT,
      });
    }
  }
  const annotated = g.tables.map((t) => ({
    sheet: sheet.name,
    range: t.range,
    columns: CONTROL_COLUMNS.map((c) => ({
      role: c.role,
      header: c.header,
      letter: columnLetter(columns[c.role]),
      reused: cols[c.role] !== null,
    })),
    inserted,
    ...(excel ? { excelTable: excel.name } : {}),
  }));
  return { annotated, columns, added: missing.map((c) => c.role) };
}

/** Validations on activity rows and the signal formats on each table body. */
function formatOps(sheet: string, g: Group, columns: Record<ControlRole, number>): EditOp[] {
  const ops: EditOp[] = [];
  const rows = g.tables.flatMap((t) => activities(t).map((a) => a.rows[0] - 1));
  for (const [top, bottom] of runs(rows)) {
    const at = (c: number) => ({ top, bottom, left: c, right: c });
    ops.push({
      op: "setValidation",
      sheet,
      range: at(columns.status),
      rule: { kind: "list", list: [...STATUS_LIST] },
      message: "Выберите статус из списка.",
    });
    for (const c of [columns.doneDate, columns.dueDate]) {
      ops.push({
        op: "setValidation",
        sheet,
        range: at(c),
        rule: { kind: "date" },
        message: "Введите дату в формате ДД.ММ.ГГГГ.",
      });
    }
  }
  const controlSpans = spans(CONTROL_COLUMNS.map((c) => columns[c.role]));
  for (const t of g.tables) {
    const r = parseA1(t.range)!;
    const bodyTop = t.headerRows.length > 0 ? Math.max(...t.headerRows) : r.top;
    if (bodyTop > r.bottom) continue;
    ops.push(...signalFormatOps(sheet, bodyTop, r.bottom, controlSpans, columns.status, columns.dueDate));
  }
  return ops;
}

/** The plan for the whole workbook. `stored` is what an earlier run remembered (null the first time). */
export function planAnnotate(
  wb: WorkbookGrid,
  tables: RoadmapTable[],
  stored: ControlSetting | null,
): AnnotatePlan {
  const ops: EditOp[] = [];
  const annotated: AnnotatedTable[] = [];
  const setting: ControlSetting = { sheets: [] };
  for (const sheet of wb.sheets) {
    const mine = tables.filter((t) => t.sheet === sheet.name);
    if (mine.length === 0) continue;
    const cellOps: EditOp[] = [];
    const late: EditOp[] = [];
    const formats: EditOp[] = [];
    const signature: unknown[] = [];
    const records: ControlSetting["sheets"][number]["tables"] = [];
    const before = stored?.sheets.find((s) => s.sheet === sheet.name) ?? null;
    for (const g of groupsOf(mine)) {
      const done = planGroup(sheet, g, cellOps, late);
      if (!done) continue;
      annotated.push(...done.annotated);
      formats.push(...formatOps(sheet.name, g, done.columns));
      signature.push([
        CONTROL_COLUMNS.map((c) => done.columns[c.role]),
        // Rows, not ranges: the recognised range grows by the control columns themselves.
        g.tables.map((t) => [
          t.headerRows,
          parseA1(t.range)!.bottom,
          runs(activities(t).map((a) => a.rows[0])),
        ]),
      ]);
      for (const t of done.annotated) {
        const columns = Object.fromEntries(t.columns.map((c) => [c.role, c.letter]));
        // A rerun finds our columns as existing ones: what we added before stays remembered.
        const earlier = before?.tables.find((r) => JSON.stringify(r.columns) === JSON.stringify(columns));
        records.push({
          range: earlier && done.added.length === 0 ? earlier.range : t.range,
          columns,
          added: [...new Set([...(earlier?.added ?? []), ...done.added])],
          ...(t.excelTable ? { excelTable: t.excelTable } : {}),
        });
      }
    }
    if (records.length === 0) continue;
    const sig = JSON.stringify(signature);
    ops.push(...cellOps);
    if (before?.signature !== sig || cellOps.length > 0) {
      // Our own formats are laid again over the current rows: the old ones go first, nobody else's.
      if (before) ops.push(...removeSignalOps([sheet.name]));
      ops.push(...formats);
    }
    ops.push(...late);
    setting.sheets.push({ sheet: sheet.name, signature: sig, tables: records });
  }
  for (const s of stored?.sheets ?? [])
    if (!setting.sheets.some((x) => x.sheet === s.sheet)) setting.sheets.push(s);
  return { plan: { summary: summarise(annotated), ops }, tables: annotated, setting };
}

function summarise(tables: AnnotatedTable[]): string {
  const lines = tables.map((t) => {
    const added = t.columns.filter((c) => !c.reused);
    const reused = t.columns.filter((c) => c.reused);
    const parts: string[] = [];
    if (added.length > 0)
      parts.push(
        `${t.inserted ? "вставить" : "добавить"} столбцы ${added.map((c) => `«${c.header}» (${c.letter})`).join(", ")}${t.excelTable ? ` в таблицу Excel «${t.excelTable}»` : ""}`,
      );
    if (reused.length > 0)
      parts.push(`использовать ${reused.map((c) => `${c.letter} как «${c.header}»`).join(", ")}`);
    return `Лист «${t.sheet}», таблица ${t.range}: ${parts.join("; ")}.`;
  });
  return lines.length > 0 ? lines.join("\n") : "Столбцы контроля уже добавлены: изменений нет.";
}
