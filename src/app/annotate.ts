/**
 * «Добавить столбцы контроля» / `roadmap annotate` and «Снять подсветку»: the control columns and the signal
 * formats (src/domain/control/annotate.ts), and what was added remembered in the workbook (setting `control`).
 */
import { planAnnotate, type AnnotatePlan } from "../domain/control/annotate";
import { removeSignalOps } from "../domain/control/signal-formats";
import { isEmptyPlan } from "../domain/edit-plan";
import { UserFacingError, type WorkbookHost } from "../domain/host";
import { recognise, type Recognised } from "./recognise";
import { updateSettings } from "./settings";

export interface AnnotateOutcome {
  recognised: Recognised;
  annotate: AnnotatePlan;
  /** Why a roadmap was left as it is (its sheet is protected), Russian; the others are annotated. */
  skipped: string[];
}

export const NO_ROADMAP =
  "В книге не найдено ни одной таблицы дорожной карты: столбцы контроля добавлять некуда. Проверьте, что таблица вставлена вместе с шапкой.";

export function protectedSheetMessage(sheet: string): string {
  return `Лист «${sheet}» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.`;
}

export function protectedSheetSkipped(sheet: string): string {
  return `Лист «${sheet}» защищён — столбцы контроля на нём не добавлены: снимите защиту (Рецензирование → Снять защиту листа) и повторите.`;
}

/** The plan, without changing anything (the pane shows its summary first). */
export async function planControlColumns(
  host: WorkbookHost,
  recognised?: Recognised,
): Promise<AnnotateOutcome> {
  const r = recognised ?? (await recognise(host));
  if (r.tables.length === 0) throw new UserFacingError(NO_ROADMAP);
  // A protected sheet is left as it is and said so; the other roadmaps are annotated (only when every one is
  // protected is there nothing to do).
  const isProtected = (sheet: string) => r.workbook.sheets.find((s) => s.name === sheet)?.protected === true;
  const open = r.tables.filter((t) => !isProtected(t.sheet));
  if (open.length === 0) throw new UserFacingError(protectedSheetMessage(r.tables[0].sheet));
  const skipped = [...new Set(r.tables.filter((t) => isProtected(t.sheet)).map((t) => t.sheet))].map(
    protectedSheetSkipped,
  );
  return { recognised: r, annotate: planAnnotate(r.workbook, open, r.settings.control), skipped };
}

/** Add the columns (a rerun changes nothing) and remember what was added. */
export async function addControlColumns(
  host: WorkbookHost,
  recognised?: Recognised,
): Promise<AnnotateOutcome & { written: boolean; notices: string[] }> {
  const outcome = await planControlColumns(host, recognised);
  const { plan, setting } = outcome.annotate;
  const written = !isEmptyPlan(plan);
  // The host says what this Excel could not do (a feature beyond its API set), in Russian.
  const applied = written ? ((await host.apply(plan))?.notices ?? []) : [];
  const notices = [...outcome.skipped, ...applied];
  if (JSON.stringify(setting) !== JSON.stringify(outcome.recognised.settings.control))
    await updateSettings(host, { control: setting });
  return { ...outcome, written, notices };
}

/**
 * «Снять подсветку»: our signal formats off every sheet annotate worked on; the columns, the user's statuses and
 * every other format stay. A later «Добавить столбцы контроля» lays them again.
 */
export async function removeSignals(host: WorkbookHost, recognised?: Recognised): Promise<string[]> {
  const r = recognised ?? (await recognise(host));
  const stored = r.settings.control;
  if (!stored) return [];
  const existing = new Set((await host.listSheets()).map((s) => s.name));
  const sheets = stored.sheets.map((s) => s.sheet).filter((s) => existing.has(s));
  if (sheets.length > 0)
    await host.apply({ summary: "Снять подсветку сроков", ops: removeSignalOps(sheets) });
  // Forget the signatures, so the next run lays the formats again.
  await updateSettings(host, {
    control: { sheets: stored.sheets.map((s) => ({ ...s, signature: "" })) },
  });
  return sheets;
}
