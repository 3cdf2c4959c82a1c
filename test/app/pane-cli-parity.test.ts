/**
 * Issue 8: the task pane and the CLI give the same tables and findings on the same workbook, settings included.
 * The pane's path: the src/app `check` command over the Office.js host (typed fake Excel). The CLI's path:
 * `roadmap check --json` in-process on an .xlsx whose settings sheet holds a period, a column-role correction and
 * a dismissed finding, all stored by the .xlsx host as the preview's pane stores them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { check } from "../../src/app/check";
import { updateSettings } from "../../src/app/settings";
import { runCli, type CliIo } from "../../src/cli/run";
import type { CheckReport } from "../../src/domain/model";
import { findingKey } from "../../src/domain/validation/validate";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { readXlsx } from "../../src/xlsx/read";
import { setup } from "../excel/helpers";

const FIXTURE = path.join(__dirname, "../fixtures/xlsx/004-clean.xlsx");
const TODAY = "2022-06-01";

function cliIo(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (p) => files[p],
    writeFile: async (p, b) => void (files[p] = b),
    rename: async () => {
      throw new Error("only forms renames files");
    },
    removeFile: async () => {
      throw new Error("only forms removes files");
    },
    listFolder: async () => null,
    mtime: async () => null,
    samePath: (a, b) => a === b,
    baseName: (p) => path.basename(p),
    today: () => TODAY,
  };
  return { io, out, err };
}

describe("pane and CLI on the same stored corrections", () => {
  it("give the same tables and findings, honouring the period, the role correction and the dismissal", async () => {
    const bytes = readFileSync(FIXTURE);
    const preview = await XlsxWorkbookHost.open(bytes, "004.xlsx");
    const before = await check(preview, { today: TODAY });
    expect(before.recognised.tables).toHaveLength(1);
    const table = before.recognised.tables[0];
    // Seed 004 states «на 2022 год» and has a «Показатель» (result) column.
    expect(table.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });
    expect(table.columns.result).not.toBeNull();
    const dismissedFinding = before.findings[0];

    // What the user stores in the pane: a school-year period, «no result column», one finding dismissed.
    await updateSettings(preview, {
      overrides: [
        {
          sheet: table.sheet,
          period: { start: "2021-09-01", end: "2022-08-31" },
          columns: { result: null },
        },
      ],
      dismissed: [findingKey(dismissedFinding)],
    });
    const saved = await preview.toBuffer();

    // The CLI on the saved file.
    const { io, out, err } = cliIo({ "in.xlsx": saved });
    expect(await runCli(["check", "in.xlsx", "--json", "--today", TODAY], io)).toBe(0);
    expect(err).toEqual([]);
    const cli = JSON.parse(out.join("")) as CheckReport;
    expect(cli.tables[0].period).toEqual({ start: "2021-09-01", end: "2022-08-31" });
    expect(cli.tables[0].columns.result).toBeNull();
    expect(cli.findings.map(findingKey)).not.toContain(findingKey(dismissedFinding));

    // The pane in Excel: same cells, same settings, through the Office.js host.
    const { excel, host } = setup({ excelApi: "1.13" });
    const grid = await readXlsx(saved);
    for (const sheet of grid.sheets) excel.addSheet(sheet.name, sheet.rows);
    await host.setSetting("overrides", (await preview.readSettings()).overrides);
    await host.setSetting("dismissed", (await preview.readSettings()).dismissed);
    const pane = await check(host, { today: TODAY });
    expect(JSON.parse(JSON.stringify(pane.recognised.tables))).toEqual(cli.tables);
    expect(pane.findings).toEqual(cli.findings);
    expect(pane.hidden.map(findingKey)).toEqual([findingKey(dismissedFinding)]);
  });
});
