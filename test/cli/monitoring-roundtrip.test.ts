/**
 * The whole quarter through the built CLI, as an authority runs it: `monitoring` → `forms` → a school fills
 * its form (ExcelJS, through the fingerprint's input cells) → `consolidate` reads it back: the school is
 * recognised, its values used, the other school missing. Expected values computed by hand: 5 / 11 = 45.45 %.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Fingerprint, FINGERPRINT_SHEET } from "../../src/domain/monitoring";
import { buildCli, fixtures, roadmap } from "./roadmap";

let dir = "";
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(path.join(tmpdir(), "roadmap-quarter-"));
}, 180000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("monitoring → forms → a filled form → consolidate", async () => {
  const at = (f: string) => path.join(dir, f);
  writeFileSync(at("schools.txt"), "МБОУ СОШ № 1\nМБОУ СОШ № 2\n");
  const mon = roadmap(
    "monitoring",
    path.join(fixtures, "003-pasted.xlsx"),
    "--quarter",
    "2025-Q1",
    "--schools",
    at("schools.txt"),
    "-o",
    at("mon.xlsx"),
  );
  expect([mon.code, mon.stderr]).toEqual([0, ""]);
  const forms = roadmap("forms", at("mon.xlsx"), "-o", at("forms"), "--json");
  expect(forms.code).toBe(0);
  const made = JSON.parse(forms.stdout);
  expect(made.forms).toHaveLength(2);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(made.forms[0].file) as unknown as ArrayBuffer);
  const fp = Fingerprint.parse(JSON.parse(String(wb.getWorksheet(FINGERPRINT_SHEET)!.getCell("B1").value)));
  const typed: Record<string, number> = { value: 4, numerator: 5, denominator: 11 };
  for (const i of fp.inputs) wb.getWorksheet(i.sheet)!.getCell(i.cell).value = typed[i.part];
  const act = fp.activityInputs[0];
  wb.getWorksheet(act.sheet)!.getCell(act.status).value = "Выполнено";
  wb.getWorksheet(act.sheet)!.getCell(act.evidence).value = "Приказ № 5";
  writeFileSync(at("back.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));

  const svod = roadmap("consolidate", at("mon.xlsx"), at("back.xlsx"), "-o", at("svod.xlsx"), "--json");
  expect(svod.code).toBe(0);
  const doc = JSON.parse(svod.stdout);
  expect(doc.template).toEqual(made.template);
  expect(doc.returns.map((r: { school: string }) => r.school)).toEqual(["МБОУ СОШ № 1"]);
  expect(doc.missing).toEqual(["МБОУ СОШ № 2"]);
  const [count, share] = made.indicators;
  expect(doc.values).toEqual(
    expect.arrayContaining([
      { school: "МБОУ СОШ № 1", indicator: count.id, value: 4 },
      { school: "МБОУ СОШ № 1", indicator: share.id, value: 45.45, numerator: 5, denominator: 11 },
    ]),
  );
  expect(
    doc.activities.find((a: { activity: string }) => a.activity === made.activities[0].id).byStatus,
  ).toEqual({ Выполнено: 1 });
}, 240000);
