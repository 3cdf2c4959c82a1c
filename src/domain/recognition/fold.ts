/**
 * «Исправить вставку из Word»: fold the continuation rows of a table (a long cell split at a page break) into
 * their activity, in the sheet itself. First a backup copy of the sheet, then the folded text cell by cell into
 * each activity's first row, then the continuation rows deleted. Rows that may be activities of their own are
 * left for the user (fold-proposal.ts). Applying the plan and planning again gives an empty plan; no character
 * of the table is lost (fragments are only joined).
 */
import { plural } from "../ru/plural";
import { columnIndex, parseA1, type CellRange, type CellValue, type SheetGrid } from "../grid";
import type { EditOp, EditPlan } from "../edit-plan";
import type { RoadmapTable } from "../model";
import { foldGroups, type FoldChoice, type FoldProposal } from "./fold-proposal";

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
  /** The user's answers to the proposal; none by default (the CLI): rows left for the user stay as they are. */
  choice?: FoldChoice;
}

/** The proposal for one table: every join with its cells before and after, and the rows left for the user. */
export function proposeFold(table: RoadmapTable, sheet: SheetGrid, choice: FoldChoice = {}): FoldProposal {
  return foldGroups(table, sheet, choice).proposal;
}

export function planFoldContinuations(
  table: RoadmapTable,
  sheet: SheetGrid,
  opts: FoldOptions = {},
): EditPlan {
  const range = parseA1(table.range);
  const { proposal, kept } = foldGroups(table, sheet, opts.choice);
  const left = proposal.leftForUser.filter((l) => !kept.some((k) => k.rest.includes(l.row - 1)));
  if (!range || kept.length === 0) {
    return {
      summary:
        left.length > 0
          ? `Строки ${rowList(left.map((l) => l.row))} могут быть отдельными мероприятиями — без вашего решения они не присоединяются; других разорванных строк нет.`
          : "Разорванных при переносе из Word строк нет — исправлять нечего.",
      ops: [],
    };
  }
  if (sheet.protected) {
    return {
      summary: `Лист «${sheet.name}» защищён. Снимите защиту листа (Рецензирование → Снять защиту листа) и повторите «Исправить вставку из Word».`,
      ops: [],
    };
  }
  const ops: EditOp[] = [];
  const backup =
    opts.backupName ?? backupSheetName(sheet.name, [...(opts.existingSheetNames ?? []), sheet.name]);
  ops.push({ op: "copySheet", sheet: sheet.name, newName: backup });

  // Merges that touch a deleted row must go before the rows are deleted (values stay top-left).
  const contRows = new Set(kept.flatMap((g) => g.rest));
  const unmerge: CellRange[] = [];
  for (const m of sheet.merges ?? []) {
    if (m.right < range.left || m.left > range.right) continue;
    let touches = false;
    for (let r = m.top; r <= m.bottom && !touches; r++) touches = contRows.has(r);
    if (touches) unmerge.push(m);
  }
  for (const m of unmerge) ops.push({ op: "unmerge", sheet: sheet.name, range: { ...m } });

  const keptFirst = new Set(kept.map((g) => g.first + 1));
  for (const join of proposal.joins) {
    if (!keptFirst.has(join.into)) continue;
    // Only the cells whose text changes are written, in runs of adjacent columns (formulas elsewhere stay).
    const runs: { col: number; values: CellValue[] }[] = [];
    for (const cell of join.cells) {
      const c = columnIndex(cell.column);
      const lastRun = runs[runs.length - 1];
      if (lastRun && lastRun.col + lastRun.values.length === c) lastRun.values.push(cell.after);
      else runs.push({ col: c, values: [cell.after] });
    }
    for (const run of runs) {
      ops.push({
        op: "setValues",
        sheet: sheet.name,
        row: join.into - 1,
        col: run.col,
        values: [run.values],
      });
    }
  }
  const deleted = [...contRows].sort((a, b) => a - b);
  ops.push({ op: "deleteRows", sheet: sheet.name, rows: deleted });
  const leftNote =
    left.length > 0
      ? ` Строки ${rowList(left.map((l) => l.row))} могут быть отдельными мероприятиями и оставлены как есть.`
      : "";
  return {
    summary:
      `Будет создана копия листа «${backup}». Затем текст ${plural(deleted.length, "строки-продолжения", "строк-продолжений", "строк-продолжений")} ` +
      `(строки ${rowList(deleted.map((r) => r + 1))}) будет присоединён к ${plural(kept.length, "мероприятию", "мероприятиям", "мероприятиям")} выше, ` +
      `ячейка к ячейке, а сами эти строки удалены.${leftNote}`,
    ops,
  };
}
