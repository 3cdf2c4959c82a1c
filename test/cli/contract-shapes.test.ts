/**
 * The `check --json` document of every fixture workbook the repository has (held-out roadmaps, regions, Word
 * pastes, hostile but readable files) against the strict contract schema (./contract-schemas.ts), through the
 * CLI's own report function on a real .xlsx: a field the contract does not name, a missing one or a wrong type
 * anywhere fails. In-process, for speed.
 */
import { checkReport } from "../../src/cli/commands/check";
import type { WorkbookGrid } from "../../src/domain/grid";
import { writeWorkbookGrid } from "../../src/xlsx/write";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { heldoutCases } from "../fixtures/heldout/workbooks";
import { heldout2Cases } from "../fixtures/heldout2/workbooks";
import { hostileCases } from "../fixtures/hostile";
import { regionCases } from "../fixtures/regions/workbooks";
import { wordPasteCases } from "../fixtures/wordpaste/workbooks";
import { CheckDoc } from "./contract-schemas";

const cases: [string, WorkbookGrid][] = [
  ...heldoutCases().map((c) => [`heldout ${c.id}`, c.workbook] as [string, WorkbookGrid]),
  ...heldout2Cases().map((c) => [`heldout2 ${c.id}`, c.workbook] as [string, WorkbookGrid]),
  ...regionCases().map((c) => [`region ${c.id}`, c.workbook] as [string, WorkbookGrid]),
  ...wordPasteCases().map((c) => [`wordpaste ${c.id}`, c.workbook] as [string, WorkbookGrid]),
  ...hostileCases()
    .filter((c) => c.workbook.sheets.length > 0)
    .map((c) => [`hostile ${c.id}`, c.workbook] as [string, WorkbookGrid]),
];

it.each(cases)("%s", async (_name, workbook) => {
  const host = await XlsxWorkbookHost.open(
    await writeWorkbookGrid(workbook, { realDates: true }),
    "book.xlsx",
  );
  const { report } = await checkReport(host, "book.xlsx", "2025-03-10");
  const parsed = CheckDoc.safeParse(JSON.parse(JSON.stringify(report)));
  expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
});
