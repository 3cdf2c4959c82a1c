/**
 * «Исправить вставку из Word»: fold the continuation rows of a table (a long cell split at a page break) into
 * their activity, in the sheet itself. First a backup copy of the sheet, then the folded text cell by cell into
 * each activity's first row, then the continuation rows deleted. Applying the plan and planning again gives an
 * empty plan; no character of the table is lost (fragments are only joined).
 */
import { columnIndex, parseA1, type CellRange, type CellValue, type SheetGrid } from "../grid";
import type { EditOp, EditPlan } from "../edit-plan";
import type { RoadmapTable } from "../model";
import { foldedCell } from "./cells";
import { SheetView } from "./sheet-view";
import { joinFragments, looksLikePerson } from "./text";

const EXCEL_SHEET_NAME_MAX = 31;

/** «<sheet> (исходный)», cut to Excel's 31 characters and made unique among the existing names. */
export function backupSheetName(sheet: string, existing: readonly string[] = []): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let i = 1; i < 1000; i++) {
    const suffix = i === 1 ? " (исходный)" : ` (исходный ${i})`;
    const base = sheet.slice(0, Math.max(1, EXCEL_SHEET_NAME_MAX - suffix.length)).trimEnd();
    const name = `${base}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
  return `${sheet.slice(0, 20)} (${Date.now() % 100000})`;
}

function rowList(rows: number[]): string {
  const shown = rows.slice(0, 10).join(", ");
  return rows.length > 10 ? `${shown} и ещё ${rows.length - 10}` : shown;
}

export interface FoldOptions {
  /** Name of the backup copy; by default «<sheet> (исходный)». */
  backupName?: string;
  /** Names of the workbook's sheets, so the backup name is unique. */
  existingSheetNames?: readonly string[];
}

export function planFoldContinuations(
  table: RoadmapTable,
  sheet: SheetGrid,
  opts: FoldOptions = {},
): EditPlan {
  const range = parseA1(table.range);
  const groups: { first: number; rest: number[] }[] = [];
  for (const row of table.rows) {
    if (row.kind !== "activity" || row.rows.length < 2) continue;
    groups.push({ first: row.rows[0] - 1, rest: row.rows.slice(1).map((r) => r - 1) });
  }
  if (!range || groups.length === 0) {
    return { summary: "Разорванных при переносе из Word строк нет — исправлять нечего.", ops: [] };
  }
  if (sheet.protected) {
    return {
      summary: `Лист «${sheet.name}» защищён. Снимите защиту листа (Рецензирование → Снять защиту листа) и повторите «Исправить вставку из Word».`,
      ops: [],
    };
  }
  const view = new SheetView(sheet);
  const ops: EditOp[] = [];
  const backup =
    opts.backupName ?? backupSheetName(sheet.name, [...(opts.existingSheetNames ?? []), sheet.name]);
  ops.push({ op: "copySheet", sheet: sheet.name, newName: backup });

  // Merges that touch a continuation row must go before the rows are deleted (values stay top-left).
  const contRows = new Set(groups.flatMap((g) => g.rest));
  const unmerge: CellRange[] = [];
  for (const m of sheet.merges ?? []) {
    if (m.right < range.left || m.left > range.right) continue;
    let touches = false;
    for (let r = m.top; r <= m.bottom && !touches; r++) touches = contRows.has(r);
    if (touches) unmerge.push(m);
  }
  for (const m of unmerge) ops.push({ op: "unmerge", sheet: sheet.name, range: { ...m } });

  const responsibleCols = new Set(table.columns.responsible.map((l) => columnIndex(l)));
  for (const g of groups) {
    const all = [g.first, ...g.rest];
    // Cells merged down from the first row: Excel's paste of a Word cell of paragraphs (a page-break split has none).
    const paragraphs = (sheet.merges ?? []).some(
      (m) => m.top === g.first && m.bottom > m.top && m.right >= range.left && m.left <= range.right,
    );
    // Only the cells whose text changes are written, in runs of adjacent columns (formulas elsewhere stay).
    const runs: { col: number; values: CellValue[] }[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const folded =
        paragraphs && responsibleCols.has(c) ? foldedPeople(view, all, c) : foldedCell(view, all, c);
      if (folded === view.text(g.first, c)) continue;
      const lastRun = runs[runs.length - 1];
      if (lastRun && lastRun.col + lastRun.values.length === c) lastRun.values.push(folded);
      else runs.push({ col: c, values: [folded] });
    }
    for (const run of runs) {
      ops.push({ op: "setValues", sheet: sheet.name, row: g.first, col: run.col, values: [run.values] });
    }
  }
  const deleted = [...contRows].sort((a, b) => a - b);
  ops.push({ op: "deleteRows", sheet: sheet.name, rows: deleted });
  const activities = groups.length;
  return {
    summary:
      `Будет создана копия листа «${backup}». Затем текст ${deleted.length} строк-продолжений ` +
      `(строки ${rowList(deleted.map((r) => r + 1))}) будет присоединён к ${activities} мероприятиям выше, ` +
      `ячейка к ячейке, а сами эти строки удалены.`,
    ops,
  };
}

/**
 * A responsible cell pasted from a Word cell of paragraphs: people on rows of their own are listed
 * «Кузнецова Т.В., Лебедев С.А.», not run together with a bare space.
 */
function foldedPeople(view: SheetView, rows: number[], c: number): string {
  let out = "";
  for (const r of rows) {
    const t = view.text(r, c);
    if (!t) continue;
    const listed =
      out && looksLikePerson(out) && looksLikePerson(t) && !/[,;-]$/.test(out) && /^[А-ЯЁA-Z]/.test(t);
    out = listed ? `${out}, ${t}` : joinFragments(out, t);
  }
  return out;
}
