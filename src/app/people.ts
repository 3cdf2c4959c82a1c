/**
 * «Ответственные» / `roadmap people`: the people directory of the whole workbook, and the sheet «Ответственные»
 * written or extended with it (existing rows never rewritten).
 */
import { isEmptyPlan, type EditPlan } from "../domain/edit-plan";
import type { WorkbookHost } from "../domain/host";
import {
  DIRECTORY_SHEET,
  buildPeopleDirectory,
  planDirectorySheet,
  type PeopleDirectory,
} from "../domain/people-directory";
import { recognise, type Recognised } from "./recognise";

export interface PeopleOutcome {
  recognised: Recognised;
  directory: PeopleDirectory;
  /** The sheet «Ответственные» already exists. */
  sheetExists: boolean;
  /** What writing the sheet would do (empty when there is nothing new). */
  plan: EditPlan;
}

export async function people(host: WorkbookHost, recognised?: Recognised): Promise<PeopleOutcome> {
  const r = recognised ?? (await recognise(host));
  const directory = buildPeopleDirectory(r.tables);
  const sheetExists = (await host.listSheets()).some((x) => x.name === DIRECTORY_SHEET);
  // The workbook just read holds the sheet unless the user hid it.
  const existing = sheetExists
    ? (r.workbook.sheets.find((x) => x.name === DIRECTORY_SHEET) ?? (await host.readSheet(DIRECTORY_SHEET)))
    : null;
  return { recognised: r, directory, sheetExists, plan: planDirectorySheet(directory, existing) };
}

/** Write or extend the sheet; returns what was done (the plan's summary) and whether anything changed. */
export async function writePeopleSheet(
  host: WorkbookHost,
  recognised?: Recognised,
): Promise<PeopleOutcome & { written: boolean }> {
  const outcome = await people(host, recognised);
  if (isEmptyPlan(outcome.plan)) return { ...outcome, written: false };
  await host.apply(outcome.plan);
  return { ...outcome, written: true };
}
