/**
 * «Исправить вставку из Word» / `roadmap fold`: fold continuation rows into their activities, keeping a copy of
 * each changed sheet. `previewFold` only plans (what the user is asked to confirm); `applyFold` runs the plans.
 * Folding shifts the rows of its own sheet, so it goes one table per sheet per pass, recognising afresh between.
 */
import { isEmptyPlan, type EditPlan } from "../domain/edit-plan";
import type { WorkbookHost } from "../domain/host";
import type { RoadmapTable } from "../domain/model";
import { planFoldContinuations } from "../domain/recognition";
import { recognise, type Recognised } from "./recognise";

export interface TableFold {
  table: RoadmapTable;
  plan: EditPlan;
  /** The backup copy the plan keeps («Лист1 (исходный)»). */
  backup: string | null;
  /** Continuation rows folded, activities they join. */
  rows: number;
  activities: number;
}

export interface FoldPreview {
  folds: TableFold[];
  /** Why a table with continuation rows cannot be folded (a protected sheet), Russian. */
  blocked: string[];
}

function continuationCounts(table: RoadmapTable): { activities: number; rows: number } {
  let activities = 0;
  let rows = 0;
  for (const r of table.rows) {
    if (r.kind === "activity" && r.rows.length > 1) activities++;
    if (r.kind === "continuation") rows++;
  }
  return { activities, rows };
}

function backupOf(plan: EditPlan): string | null {
  for (const op of plan.ops) if (op.op === "copySheet") return op.newName;
  return null;
}

async function planFolds(
  host: WorkbookHost,
  r: Recognised,
  skip: (table: RoadmapTable) => boolean = () => false,
): Promise<FoldPreview> {
  // Each plan's backup name counts as taken for the next: two long names cut to 31 characters never collide.
  const existing = (await host.listSheets()).map((x) => x.name);
  const folds: TableFold[] = [];
  const blocked: string[] = [];
  for (const table of r.tables) {
    const counts = continuationCounts(table);
    if (counts.rows === 0 || skip(table)) continue;
    const sheet = r.workbook.sheets.find((x) => x.name === table.sheet);
    if (!sheet) continue;
    const plan = planFoldContinuations(table, sheet, { existingSheetNames: existing });
    if (isEmptyPlan(plan)) {
      blocked.push(plan.summary);
      continue;
    }
    const backup = backupOf(plan);
    if (backup) existing.push(backup);
    folds.push({ table, plan, backup, ...counts });
  }
  return { folds, blocked };
}

export async function previewFold(host: WorkbookHost, recognised?: Recognised): Promise<FoldPreview> {
  return planFolds(host, recognised ?? (await recognise(host)));
}

export interface FoldOutcome {
  /** Continuation rows folded in all. */
  rows: number;
  backups: string[];
  blocked: string[];
}

export async function applyFold(host: WorkbookHost): Promise<FoldOutcome> {
  let r = await recognise(host);
  const done = new Set<string>();
  const key = (t: RoadmapTable) => `${t.sheet}|${t.headerRows[0] ?? t.range}`;
  const out: FoldOutcome = { rows: 0, backups: [], blocked: [] };
  for (let pass = 0; pass <= r.tables.length + 2; pass++) {
    const { folds, blocked } = await planFolds(host, r, (t) => done.has(key(t)));
    if (pass === 0) out.blocked = blocked;
    if (!folds.length) break;
    const sheets = new Set<string>();
    for (const fold of folds) {
      if (sheets.has(fold.table.sheet)) continue;
      sheets.add(fold.table.sheet);
      done.add(key(fold.table));
      await host.apply(fold.plan);
      out.rows += fold.rows;
      if (fold.backup) out.backups.push(fold.backup);
    }
    r = await recognise(host);
  }
  return out;
}
