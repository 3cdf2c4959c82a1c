/**
 * Issue 13: `roadmap check` on a folder and on several files — one report per readable file, a Russian error for
 * each unreadable one, exit 0 when at least one was read, progress on stderr, and a summary workbook that
 * LibreOffice opens.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { CheckReport } from "../../src/domain/model";
import { libreOffice } from "../helpers/libreoffice";
import { buildCli, fixtures, roadmap } from "./roadmap";

let dir = "";
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(path.join(tmpdir(), "roadmap-many-"));
  const folder = path.join(dir, "карты");
  mkdirSync(folder);
  for (const seed of ["000", "001", "002", "003", "004"])
    copyFileSync(path.join(fixtures, `${seed}-clean.xlsx`), path.join(folder, `${seed}.xlsx`));
  copyFileSync(path.join(fixtures, "hostile/truncated.xlsx"), path.join(folder, "сломан.xlsx"));
  copyFileSync(path.join(fixtures, "hostile/old-format.xls"), path.join(folder, "старый.xls"));
}, 120000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("roadmap check on a folder", () => {
  it("gives five reports and two Russian errors, exit 0, progress on stderr", () => {
    const r = roadmap("check", path.join(dir, "карты"), "--json", "--today", "2024-01-15");
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(docs.map((d) => d.file)).toEqual([
      "000.xlsx",
      "001.xlsx",
      "002.xlsx",
      "003.xlsx",
      "004.xlsx",
      "сломан.xlsx",
      "старый.xls",
    ]);
    const reports = docs.slice(0, 5).map((d) => CheckReport.parse(d));
    // Seed 001 is an order with an indicator list and no roadmap table.
    expect(reports.map((x) => x.tables.length)).toEqual([1, 0, 1, 1, 1]);
    expect(docs[5]).toEqual({ file: "сломан.xlsx", error: expect.stringMatching(/повреждён/) });
    expect(docs[6]).toEqual({ file: "старый.xls", error: expect.stringMatching(/старом формате \.xls/) });
    expect(r.stderr).toContain("Файл 1 из 7");
    expect(r.stderr).toContain("Файл 7 из 7");
  }, 180000);

  it("exits 2 when no file could be read", () => {
    const r = roadmap(
      "check",
      path.join(fixtures, "hostile/truncated.xlsx"),
      path.join(fixtures, "hostile/old-format.xls"),
      "--json",
    );
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  }, 60000);

  it("writes a summary workbook: a row per file, every finding on a filterable sheet; LibreOffice opens it", async () => {
    const out = path.join(dir, "сводка.xlsx");
    const r = roadmap("check", path.join(dir, "карты"), "-o", out, "--today", "2024-01-15");
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const json = JSON.parse(
      roadmap("check", path.join(dir, "карты"), "--json", "--today", "2024-01-15").stdout,
    ) as (CheckReport | { file: string; error: string })[];
    const findingsTotal = json.reduce((n, d) => n + ("findings" in d ? d.findings.length : 0), 0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet("Сводка проверки")!;
    const all = wb.getWorksheet("Все замечания")!;
    expect(summary.getRow(1).getCell(1).value).toBe("Файл");
    expect(summary.rowCount).toBe(8); // header + 7 files
    // Seed 002 has 2023–2024 school-year period, 0 unread reason.
    const row002 = summary.getRow(4);
    expect(String((row002.getCell(1).value as { text?: string })?.text ?? row002.getCell(1).value)).toContain(
      "002.xlsx",
    );
    expect(row002.getCell(9).value).toBeNull();
    expect(String(summary.getRow(7).getCell(9).value)).toMatch(/повреждён/);
    expect(all.rowCount).toBe(findingsTotal + 1);
    expect(all.autoFilter).toBeTruthy();

    const lo = libreOffice();
    try {
      const csv = lo.toCsv(out, 1);
      expect(csv[0].slice(0, 4)).toEqual(["Файл", "Период", "Таблиц", "Мероприятий"]);
      expect(csv).toHaveLength(8);
      expect(lo.toCsv(out, 2)).toHaveLength(findingsTotal + 1);
    } finally {
      lo.dispose();
    }
  }, 300000);
});
