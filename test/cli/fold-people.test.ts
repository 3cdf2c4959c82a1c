/**
 * Issue 13: `roadmap fold` and `roadmap people` on files, through the built CLI, against the contract and the
 * hand-written readings of the seeds (test/fixtures/expected), and the same result as the pane's command layer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { applyFold } from "../../src/app/fold";
import { writePeopleSheet } from "../../src/app/people";
import type { ActivityRow, CheckReport } from "../../src/domain/model";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { readXlsx } from "../../src/xlsx/read";
import { writeWorkbookGrid } from "../../src/xlsx/write";
import { EXPECTED } from "../fixtures/expected";
import { pastedAsText } from "../fixtures/seeds";
import { buildCli, fixtures, roadmap } from "./roadmap";

let dir = "";
beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(path.join(tmpdir(), "roadmap-fold-"));
  for (const seed of ["002", "003"])
    writeFileSync(path.join(dir, `${seed}.xlsx`), await writeWorkbookGrid(pastedAsText(seed)));
}, 120000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The hand-written activities of a seed: number and folded text, in sheet order. */
function handWritten(seed: string): { number: string | null; text: string }[] {
  return EXPECTED[seed].tables
    .flatMap((t) => t.items)
    .filter((i) => i.kind === "activity")
    .sort((a, b) => a.row - b.row)
    .map((a) => ({
      number: a.kind === "activity" ? a.number : null,
      text: a.kind === "activity" ? a.text : "",
    }));
}

const activitiesOf = (report: CheckReport) =>
  report.tables
    .filter((t) => !t.sheet.includes("(исходный)"))
    .flatMap((t) => t.rows.filter((r): r is ActivityRow => r.kind === "activity"))
    .sort((a, b) => a.row - b.row)
    .map((a) => ({ number: a.number, text: a.activity }));

interface FoldJson {
  joins: { sheet: string; into: number; rows: number[] }[];
  leftForUser: { sheet: string; row: number; reason: string }[];
  check: CheckReport;
}

describe("roadmap fold", () => {
  it("seed 002 pasted as one sheet: the hand-written activities with their folded texts; a rerun changes nothing", async () => {
    const out = path.join(dir, "002-folded.xlsx");
    const r = roadmap("fold", path.join(dir, "002.xlsx"), "-o", out, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as FoldJson;
    expect(json.leftForUser).toEqual([]);
    // Fourteen activities were split by page breaks (the proposal's hand-counted joins).
    expect(json.joins).toHaveLength(14);
    expect(json.joins.every((j) => j.sheet === "Дорожная карта" && j.rows.every((x) => x > j.into))).toBe(
      true,
    );
    expect(activitiesOf(json.check)).toEqual(handWritten("002"));
    // The input file is untouched; the output keeps a copy of the sheet as it was.
    const back = await readXlsx(readFileSync(out));
    expect(back.sheets.map((s) => s.name)).toEqual(["Дорожная карта", "Дорожная карта (исходный)"]);

    const again = path.join(dir, "002-again.xlsx");
    const r2 = roadmap("fold", out, "-o", again, "--json");
    expect(r2.code).toBe(0);
    const json2 = JSON.parse(r2.stdout) as FoldJson;
    expect(json2.joins).toEqual([]);
    expect((await readXlsx(readFileSync(again))).sheets.map((s) => s.rows)).toEqual(
      back.sheets.map((s) => s.rows),
    );
  }, 180000);

  it("seed 003: the row across the 6 → 16 jump is left for the user and listed, not joined", () => {
    const r = roadmap("fold", path.join(dir, "003.xlsx"), "-o", path.join(dir, "003-folded.xlsx"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as FoldJson;
    expect(json.joins).toEqual([]);
    expect(json.leftForUser).toEqual([
      { sheet: "Лист1", row: 21, reason: expect.stringContaining("Нумерация прерывается (6 → 16)") },
    ]);
    expect(activitiesOf(json.check)).toEqual(handWritten("003"));
  }, 120000);

  it("refuses to write over its input, and needs -o", () => {
    const input = path.join(dir, "002.xlsx");
    const r = roadmap("fold", input, "-o", input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/совпадает с исходным/);
    expect(roadmap("fold", input).code).toBe(2);
  });

  it("gives the same workbook as the pane's command on the same file", async () => {
    const host = await XlsxWorkbookHost.open(readFileSync(path.join(dir, "002.xlsx")), "002.xlsx");
    await applyFold(host);
    const pane = await readXlsx(await host.toBuffer());
    const cli = await readXlsx(readFileSync(path.join(dir, "002-folded.xlsx")));
    expect(cli.sheets.map((s) => [s.name, s.rows])).toEqual(pane.sheets.map((s) => [s.name, s.rows]));
  }, 60000);
});

interface PeopleJson {
  people: {
    person: string;
    positions: string[];
    activities: { sheet: string; row: number; activity: string; deadline: string }[];
  }[];
}

describe("roadmap people", () => {
  const input = path.join(fixtures, "000-clean.xlsx");

  it("writes the sheet «Ответственные» with each person's activities; a rerun appends nothing; a user's edit survives", async () => {
    const out = path.join(dir, "people.xlsx");
    const r = roadmap("people", input, "-o", out, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as PeopleJson;
    // Seed 000: Огурцова Т.Н. is responsible for many activities, each with its deadline as written.
    const ogurtsova = json.people.find((p) => p.person === "Огурцова Т.Н.");
    expect(ogurtsova).toBeDefined();
    expect(ogurtsova!.activities.length).toBeGreaterThan(3);
    expect(
      ogurtsova!.activities.every((a) => a.sheet === "Лист1" && a.row > 0 && a.activity.length > 0),
    ).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Ответственные")!;
    const rows = sheet.rowCount;
    expect(rows).toBe(json.people.length + 1);
    // The user writes a phone number next to the first person, then runs the command again.
    sheet.getCell(2, 1).value = "Огурцова Т.Н. (тел. 2-11-00)";
    const edited = path.join(dir, "people-edited.xlsx");
    writeFileSync(edited, Buffer.from(await wb.xlsx.writeBuffer()));
    const out2 = path.join(dir, "people-again.xlsx");
    expect(roadmap("people", edited, "-o", out2).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(readFileSync(out2) as unknown as ArrayBuffer);
    const sheet2 = wb2.getWorksheet("Ответственные")!;
    expect(sheet2.rowCount).toBe(rows);
    expect(sheet2.getCell(2, 1).value).toBe("Огурцова Т.Н. (тел. 2-11-00)");
  }, 120000);

  it("gives the same sheet as the pane's command", async () => {
    const host = await XlsxWorkbookHost.open(readFileSync(input), "000.xlsx");
    await writePeopleSheet(host);
    const pane = (await readXlsx(await host.toBuffer())).sheets.find((s) => s.name === "Ответственные");
    const cli = (await readXlsx(readFileSync(path.join(dir, "people.xlsx")))).sheets.find(
      (s) => s.name === "Ответственные",
    );
    expect(cli?.rows).toEqual(pane?.rows);
  }, 60000);
});
