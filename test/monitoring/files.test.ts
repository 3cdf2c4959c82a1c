/**
 * The monitoring workbook and the school forms as real files: they open in LibreOffice (headless), and a form
 * filled by this test — through the defined names its fingerprint lists — keeps its fingerprint, names,
 * validation, protection and formulas after a LibreOffice re-save and after an ExcelJS re-save; LibreOffice
 * computes its percentage, deviation and attainment (expected values worked out by hand below).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { makeForms, type FormsOutcome } from "../../src/app/forms";
import { createMonitoring } from "../../src/app/monitoring";
import { FINGERPRINT_MARKER, FINGERPRINT_SHEET, Fingerprint } from "../../src/domain/monitoring";
import { XlsxWorkbookHost } from "../../src/xlsx/host";

const SOFFICE = [process.env.SOFFICE, "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find(
  (p): p is string => Boolean(p) && existsSync(p as string),
);

let dir = "";
function convert(file: string, to: string, outdir: string): string {
  if (!SOFFICE) throw new Error("LibreOffice (soffice) не найден: установите libreoffice-calc.");
  const profile = pathToFileURL(path.join(dir, "profile")).href;
  mkdirSync(outdir, { recursive: true });
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", outdir, file],
    {
      stdio: "pipe",
      timeout: 120000,
    },
  );
  return path.join(outdir, path.basename(file).replace(/\.xlsx$/, `.${to.split(":")[0]}`));
}

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The fingerprint as a reader finds it: marker in A1, JSON from B1 on up to the first empty cell. */
function fingerprintOf(wb: ExcelJS.Workbook): Fingerprint {
  const ws = wb.getWorksheet(FINGERPRINT_SHEET)!;
  expect(ws.getCell("A1").value).toBe(FINGERPRINT_MARKER);
  let json = "";
  for (let c = 2; ; c++) {
    const v = ws.getRow(1).getCell(c).value;
    if (typeof v !== "string" || !v) break;
    json += v;
  }
  return Fingerprint.parse(JSON.parse(json));
}

/** The cell a defined name points to ("Показатели!$E$8" → sheet, "E8"). */
function nameTarget(wb: ExcelJS.Workbook, name: string): { sheet: string; cell: string } | null {
  const ranges = (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } }).getRanges(
    name,
  ).ranges;
  if (!ranges?.length) return null;
  const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ranges[0]);
  return m ? { sheet: m[1], cell: `${m[2]}${m[3]}` } : null;
}

function cellValue(wb: ExcelJS.Workbook, sheet: string, cell: string): unknown {
  const v = wb.getWorksheet(sheet)!.getCell(cell).value as unknown;
  if (v && typeof v === "object" && "result" in (v as object)) return (v as { result: unknown }).result;
  return v;
}

/**
 * Protection as written in the file. ExcelJS reads only Excel's spelling (sheet="1", locked="0"); LibreOffice
 * writes "true"/"false", which Excel and LibreOffice both honour, so the file is checked directly.
 */
async function protectionFacts(bytes: Uint8Array | Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const text = (p: string) => zip.file(p)!.async("string");
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const xfs = [
    ...((await text("xl/styles.xml")).match(/<cellXfs[\s\S]*?<\/cellXfs>/)?.[0] ?? "").matchAll(
      /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g,
    ),
  ].map((m) => m[0]);
  const sheetXml = async (name: string) => {
    const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
    const target =
      new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
    return text(`xl/${target.replace(/^\/?xl\//, "")}`);
  };
  return {
    async sheetProtected(name: string) {
      return /<sheetProtection[^>]*\bsheet="(?:1|true)"/.test(await sheetXml(name));
    },
    /** The value cached in the file (what the program computed), as a number when it is one. */
    async computed(name: string, cell: string): Promise<number | string | null> {
      const m = new RegExp(`<c r="${cell}"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`).exec(await sheetXml(name));
      const v = /<v>([^<]*)<\/v>/.exec(m?.[1] ?? "")?.[1];
      if (v === undefined) return null;
      return /^-?\d+(?:\.\d+)?(?:E-?\d+)?$/.test(v) ? Number(v) : v;
    },
    async unlocked(name: string, cell: string) {
      const s = new RegExp(`<c r="${cell}"[^>]*?\\bs="(\\d+)"`).exec(await sheetXml(name));
      const xf = xfs[Number(s?.[1] ?? 0)] ?? "";
      return /<protection[^>]*locked="(?:0|false)"/.test(xf);
    },
  };
}

let outcome: FormsOutcome;
let monitoringBytes: Uint8Array;
const SCHOOLS = ["МБОУ СОШ № 1", 'МКОУ "Шумская СОШ": филиал'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "roadmap-mon-"));
  const host = await XlsxWorkbookHost.open(
    readFileSync(path.join(__dirname, "../fixtures/xlsx/003-pasted.xlsx")),
    "003.xlsx",
  );
  await createMonitoring(host, { quarter: "2025-Q1", schools: SCHOOLS });
  monitoringBytes = await host.toBuffer();
  const reopened = await XlsxWorkbookHost.open(monitoringBytes, "monitoring.xlsx");
  outcome = await makeForms(reopened, (n) => XlsxWorkbookHost.empty(n));
}, 120000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Seed 003's indicators for 2025: «Уменьшение количества школ роста» (count, lower, target 3), then two
 * result-column shares with target 100. Typed values and what the formulas must give:
 * - count 4 against 3 (lower is better): deviation 4 − 3 = 1; attainment 3 / 4 × 100 = 75;
 * - share 5 of 11: 5 / 11 × 100 = 45.4545… → 45.45; deviation 45.45 − 100 = −54.55; attainment 45.45 → 45.5 (one decimal);
 * - share 0 of 7: 0; deviation −100; attainment 0. */
async function fillForm(bytes: Uint8Array): Promise<Buffer> {
  const wb = await load(bytes);
  const fp = fingerprintOf(wb);
  const typed: Record<string, number> = {};
  const put = (indicator: string, part: string, v: number) => {
    const input = fp.inputs.find(
      (i) => i.indicator === fp.indicators[Number(indicator)].id && i.part === part,
    )!;
    const at = nameTarget(wb, input.name)!;
    wb.getWorksheet(at.sheet)!.getCell(at.cell).value = v;
    typed[input.name] = v;
  };
  put("0", "value", 4);
  put("1", "numerator", 5);
  put("1", "denominator", 11);
  put("2", "numerator", 0);
  put("2", "denominator", 7);
  const act = fp.activityInputs[0];
  wb.getWorksheet(act.sheet)!.getCell(act.status).value = "Выполнено";
  wb.getWorksheet(act.sheet)!.getCell(act.evidence).value = "Приказ № 5 от 10.02.2025";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function expectFormIntact(wb: ExcelJS.Workbook, bytes: Uint8Array | Buffer, school: string) {
  const facts = await protectionFacts(bytes);
  const fp = fingerprintOf(wb);
  expect(fp.school).toBe(school);
  expect(fp.template.quarter).toBe("2025-Q1");
  expect(wb.getWorksheet(FINGERPRINT_SHEET)!.state).not.toBe("visible");
  expect(wb.getWorksheet("Показатели")!.getCell("B2").value).toBe(school);
  for (const input of fp.inputs) {
    expect(nameTarget(wb, input.name)).toEqual({ sheet: input.sheet, cell: input.cell });
    const cell = wb.getWorksheet(input.sheet)!.getCell(input.cell);
    expect(await facts.unlocked(input.sheet, input.cell)).toBe(true);
    expect(cell.dataValidation).toMatchObject({ type: "whole" });
  }
  for (const a of fp.activityInputs) {
    expect(nameTarget(wb, a.names.status)).toEqual({ sheet: a.sheet, cell: a.status });
    expect(wb.getWorksheet(a.sheet)!.getCell(a.status).dataValidation).toMatchObject({ type: "list" });
  }
  for (const s of ["Показатели", "Мероприятия"]) expect(await facts.sheetProtected(s)).toBe(true);
  // The school's name is locked.
  expect(await facts.unlocked("Показатели", "B2")).toBe(false);
  return fp;
}

function expectTypedValues(wb: ExcelJS.Workbook, fp: Fingerprint) {
  const byPart = (k: number, part: string) => {
    const input = fp.inputs.find((i) => i.indicator === fp.indicators[k].id && i.part === part)!;
    return cellValue(wb, input.sheet, input.cell);
  };
  expect([
    byPart(0, "value"),
    byPart(1, "numerator"),
    byPart(1, "denominator"),
    byPart(2, "numerator"),
    byPart(2, "denominator"),
  ]).toEqual([4, 5, 11, 0, 7]);
  expect(cellValue(wb, fp.activityInputs[0].sheet, fp.activityInputs[0].status)).toBe("Выполнено");
}

describe("forms", () => {
  it("one per school, Windows-safe names", () => {
    expect(outcome.forms.map((f) => f.fileName)).toEqual([
      "МБОУ СОШ № 1.xlsx",
      "МКОУ Шумская СОШ филиал.xlsx",
    ]);
  });

  it("a filled form survives an ExcelJS re-save: recognised, with its values", async () => {
    const filled = await fillForm(outcome.forms[1].bytes);
    const again = Buffer.from(await (await load(filled)).xlsx.writeBuffer());
    const wb = await load(again);
    expectTypedValues(wb, await expectFormIntact(wb, again, SCHOOLS[1]));
  });

  it("LibreOffice re-saves a filled form: still recognised, values kept, formulas computed", async () => {
    const file = path.join(dir, "filled", "form.xlsx");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await fillForm(outcome.forms[0].bytes));
    const resaved = convert(file, "xlsx", path.join(dir, "lo"));
    const bytes = readFileSync(resaved);
    const wb = await load(bytes);
    const fp = await expectFormIntact(wb, bytes, SCHOOLS[0]);
    expectTypedValues(wb, fp);
    const ws = wb.getWorksheet("Показатели")!;
    const row = (k: number) =>
      Number(/\d+/.exec(fp.inputs.find((i) => i.indicator === fp.indicators[k].id)!.cell)![0]);
    const facts = await protectionFacts(bytes);
    const computed = (k: number) =>
      Promise.all(["F", "H", "I"].map((c) => facts.computed("Показатели", `${c}${row(k)}`)));
    expect(await computed(0)).toEqual([4, 1, 75]);
    expect(await computed(1)).toEqual([45.45, -54.55, 45.5]);
    expect(await computed(2)).toEqual([0, -100, 0]);
    // The formulas themselves are still there, not only their results.
    expect((ws.getCell(`F${row(1)}`).value as { formula?: string }).formula).toMatch(
      /ROUND\(D\d+\/E\d+\*100,2\)/,
    );
  }, 180000);
});

describe("the monitoring workbook", () => {
  it("opens in LibreOffice; its sheets, validation, protection and formulas come back", async () => {
    const file = path.join(dir, "mon", "monitoring.xlsx");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, monitoringBytes);
    const bytes = readFileSync(convert(file, "xlsx", path.join(dir, "mon-lo")));
    const wb = await load(bytes);
    const facts = await protectionFacts(bytes);
    const ws = wb.getWorksheet("Мониторинг 2025-Q1")!;
    expect(ws).toBeTruthy();
    expect(await facts.sheetProtected("Мониторинг 2025-Q1")).toBe(true);
    expect(await facts.sheetProtected("Мероприятия 2025-Q1")).toBe(true);
    expect(await facts.unlocked("Мониторинг 2025-Q1", "D7")).toBe(true);
    expect(await facts.unlocked("Мониторинг 2025-Q1", "F7")).toBe(false);
    // Row 7: the first school of the first block (title row 5, its header row 6).
    expect(ws.getCell("B7").value).toBe(SCHOOLS[0]);
    expect(ws.getCell("D7").dataValidation).toMatchObject({ type: "whole" });
    expect(ws.getCell("F7").value).toBe(3);
    expect((ws.getCell("G7").value as { formula?: string }).formula).toBeTruthy();
    const act = wb.getWorksheet("Мероприятия 2025-Q1")!;
    expect(act.getCell("F4").dataValidation).toMatchObject({ type: "list" });
    expect(act.getCell("B4").value).toBe(
      "Проведение анализа результатов школ роста по ОГЭ, ЕГЭ и ВПР по русскому языку и математике за 2023 и 2024 годы",
    );
  }, 180000);
});
