import fs from "node:fs";
import path from "node:path";
import { applyFold, previewFold, shiftChoice } from "../../src/app/fold";
import { XlsxWorkbookHost } from "../../src/xlsx/host";

const fixture = (name: string) =>
  XlsxWorkbookHost.open(fs.readFileSync(path.join(__dirname, "..", "fixtures", "xlsx", name)), name);

/** Seed 002 pasted: rows continuing an activity's text, by hand in test/fixtures/seeds.ts. */
const SEED_002_CONTINUATIONS = [61, 65, 69, 74, 79, 83, 87, 91, 96, 103, 109, 113, 121, 125];

describe("fold with the user's answers (the pane's preview and confirmation)", () => {
  it("previews every join of seed 002 and folds all but the one the user left out", async () => {
    const host = await fixture("002-pasted.xlsx");
    const sheet = "Дорожная карта";
    const preview = await previewFold(host);
    const joins = preview.folds.flatMap((f) => f.proposal.joins);
    expect(joins.flatMap((j) => j.rows)).toEqual(SEED_002_CONTINUATIONS);
    const before = (await host.readSheet(sheet)).rows[60]?.[1];
    // Row 61 continues the activity on row 59; the user says it is not to be joined.
    const outcome = await applyFold(host, { [sheet]: { exclude: [59] } });
    expect(outcome.rows).toBe(SEED_002_CONTINUATIONS.length - 1);
    const after = await host.readSheet(sheet);
    expect(after.rows[60]?.[1]).toBe(before);
    expect(typeof before === "string" && before.length > 20).toBe(true);
  });

  it("leaves the row across seed 003's numbering jump until the user includes it", async () => {
    const host = await fixture("003-pasted.xlsx");
    const preview = await previewFold(host);
    expect(preview.folds.flatMap((f) => f.proposal.leftForUser.map((l) => l.row))).toEqual([21]);
    const text = (await host.readSheet("Лист1")).rows[20]?.[1];
    expect((await applyFold(host)).rows).toBe(0);
    expect((await host.readSheet("Лист1")).rows[20]?.[1]).toBe(text);
    expect((await applyFold(host, { Лист1: { include: [21] } })).rows).toBe(1);
    const folded = await host.readSheet("Лист1");
    expect(folded.rows.some((r) => typeof r?.[1] === "string" && r[1].endsWith(String(text)))).toBe(true);
  });

  it("moves the answers up past rows a fold deleted above them", () => {
    // Rows 60 and 61 (0-based 59, 60) deleted: row 70 becomes 68; row 59 stays.
    expect(shiftChoice({ exclude: [59, 70], include: [90] }, [59, 60])).toEqual({
      exclude: [59, 68],
      include: [88],
    });
  });
});
