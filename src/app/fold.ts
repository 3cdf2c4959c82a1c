/**
 * «Исправить вставку из Word» / `roadmap fold`: fold continuation rows into their activities, keeping a copy of
 * each changed sheet. `previewFold` only plans (what the user is asked to confirm: every join with its text
 * before and after, and the rows left for the user); `applyFold` runs the plans with the user's answers.
 * Folding shifts the rows of its own sheet, so it goes one table per sheet per pass, recognising afresh between.
 */
import { isEmptyPlan, type EditPlan } from "../domain/edit-plan";
import type { WorkbookHost } from "../domain/host";
import type { RoadmapTable } from "../domain/model";
import {
  planFoldContinuations,
  proposeFold,
  type FoldChoice,
  type FoldProposal,
} from "../domain/recognition";
import { recognise, type Recognised } from "./recognise";

export interface TableFold {
  table: RoadmapTable;
  /** Empty when every join is left out or left for the user (nothing to write for this table). */
  plan: EditPlan;
  /** Every join with each changed cell before and after, and the rows not joined without asking. */
  proposal: FoldProposal;
  /** The backup copy the plan keeps («Лист1 (исходный)»). */
  backup: string | null;
  /** Rows joined (non-empty continuation rows) and the activities they join, after the user's answers. */
  rows: number;
  activities: number;
}

export interface FoldPreview {
  folds: TableFold[];
  /** Why a table with continuation rows cannot be folded (a protected sheet), Russian. */
  blocked: string[];
}

/** The user's answers per sheet: joins left out (by the activity's row), rows left for the user joined after all. */
export type FoldChoices = Readonly<Record<string, FoldChoice>>;

function backupOf(plan: EditPlan): string | null {
  for (const op of plan.ops) if (op.op === "copySheet") return op.newName;
  return null;
}

async function planFolds(
  host: WorkbookHost,
  r: Recognised,
  choices: FoldChoices,
  skip: (table: RoadmapTable) => boolean = () => false,
): Promise<FoldPreview> {
  // Each plan's backup name counts as taken for the next: two long names cut to 31 characters never collide.
  const existing = (await host.listSheets()).map((x) => x.name);
  const folds: TableFold[] = [];
  const blocked: string[] = [];
  for (const table of r.tables) {
    if (skip(table) || !table.rows.some((x) => x.kind === "activity" && x.rows.length > 1)) continue;
    const sheet = r.workbook.sheets.find((x) => x.name === table.sheet);
    if (!sheet) continue;
    const choice = choices[table.sheet] ?? {};
    const proposal = proposeFold(table, sheet, choice);
    if (!proposal.joins.length && !proposal.leftForUser.length) continue;
    const plan = planFoldContinuations(table, sheet, { existingSheetNames: existing, choice });
    if (isEmptyPlan(plan) && sheet.protected) {
      blocked.push(plan.summary);
      continue;
    }
    const excluded = new Set(choice.exclude ?? []);
    const kept = proposal.joins.filter((j) => !excluded.has(j.into));
    const backup = backupOf(plan);
    if (backup) existing.push(backup);
    folds.push({
      table,
      plan,
      proposal,
      backup,
      rows: kept.reduce((n, j) => n + j.rows.length, 0),
      activities: kept.length,
    });
  }
  return { folds, blocked };
}

export async function previewFold(
  host: WorkbookHost,
  recognised?: Recognised,
  choices: FoldChoices = {},
): Promise<FoldPreview> {
  return planFolds(host, recognised ?? (await recognise(host)), choices);
}

export interface FoldOutcome {
  /** Continuation rows folded in all. */
  rows: number;
  backups: string[];
  blocked: string[];
}

/** The answers for a sheet after rows were deleted from it: each row number moved up past the deleted ones. */
export function shiftChoice(choice: FoldChoice, deleted0: readonly number[]): FoldChoice {
  const up = (row: number) => row - deleted0.filter((d) => d < row - 1).length;
  return { exclude: (choice.exclude ?? []).map(up), include: (choice.include ?? []).map(up) };
}

/**
 * `recognised`: the recognition the preview was made from, when the workbook has not changed since (the CLI);
 * the pane recognises afresh, as the user may have edited the sheet while the preview was open.
 */
export async function applyFold(
  host: WorkbookHost,
  choices: FoldChoices = {},
  recognised?: Recognised,
): Promise<FoldOutcome> {
  let r = recognised ?? (await recognise(host));
  const answers: Record<string, FoldChoice> = { ...choices };
  const done = new Set<string>();
  const key = (t: RoadmapTable) => `${t.sheet}|${t.headerRows[0] ?? t.range}`;
  const out: FoldOutcome = { rows: 0, backups: [], blocked: [] };
  for (let pass = 0; pass <= r.tables.length + 2; pass++) {
    const { folds, blocked } = await planFolds(host, r, answers, (t) => done.has(key(t)));
    if (pass === 0) out.blocked = blocked;
    const writing = folds.filter((f) => !isEmptyPlan(f.plan));
    if (!writing.length) break;
    const sheets = new Set<string>();
    for (const fold of writing) {
      if (sheets.has(fold.table.sheet)) continue;
      sheets.add(fold.table.sheet);
      done.add(key(fold.table));
      await host.apply(fold.plan);
      out.rows += fold.rows;
      if (fold.backup) out.backups.push(fold.backup);
      // Later tables of this sheet moved up: their answers move with them.
      const deleted = fold.plan.ops.flatMap((op) => (op.op === "deleteRows" ? op.rows : []));
      if (answers[fold.table.sheet])
        answers[fold.table.sheet] = shiftChoice(answers[fold.table.sheet], deleted);
    }
    // Every fold planned was written (one per sheet): nothing is left that a fresh recognition would find.
    if (writing.every((f) => done.has(key(f.table)))) break;
    r = await recognise(host);
  }
  return out;
}
