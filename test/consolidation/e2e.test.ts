/**
 * End to end on files: a monitoring workbook and 40 schools' forms, filled by this test — most correctly, some
 * with each fault, one re-saved by LibreOffice, two resubmitted, three silent — plus files that are not
 * forms; the CLI command consolidates them; every verdict and every total is checked against values this
 * test computes on its own (not with the consolidation code), and the written workbook's totals are
 * checked after LibreOffice recalculates them.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/run";
import type { ConsolidationTemplate } from "../../src/domain/consolidation/template";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { INDICATORS, correctFill, makeTemplate, schoolNames, type Filled } from "./fixtures";
import { writeForm, type Alteration } from "./form-file";
import { libreOfficeConvert } from "./lo";
import { nodeIo } from "./node-io";

const SCHOOLS = schoolNames(40);
const T: ConsolidationTemplate = makeTemplate(SCHOOLS, 2);

interface Case {
  school: string;
  file: string;
  fill: Filled;
  alter?: Alteration;
  verdict: string;
  rules: string[];
  /** Indicators of this return that must not reach the totals. */
  excluded?: string[];
}

function s(n: number): string {
  return SCHOOLS[n - 1];
}

function fillFor(n: number, edit?: (f: Filled) => void): Filled {
  const f = correctFill(n);
  edit?.(f);
  return f;
}

const cases: Case[] = [];
const add = (n: number, c: Partial<Case> & Pick<Case, "verdict" | "rules">, edit?: (f: Filled) => void) =>
  cases.push({
    school: s(n),
    file: `school-${String(n).padStart(2, "0")}.xlsx`,
    fill: fillFor(n, edit),
    ...c,
  });

for (let n = 1; n <= 37; n++) {
  switch (n) {
    case 5:
      add(
        n,
        {
          verdict: "accepted_with_remarks",
          rules: ["return.numerator-above-denominator"],
          excluded: ["I01"],
        },
        (f) => (f.values.I01 = { numerator: 30, denominator: 20 }),
      );
      break;
    case 6:
      add(
        n,
        { verdict: "accepted_with_remarks", rules: ["return.negative"], excluded: ["I02"] },
        (f) => (f.values.I02 = { value: -3 }),
      );
      break;
    case 7:
      add(
        n,
        { verdict: "accepted_with_remarks", rules: ["return.not-a-number"], excluded: ["I03"] },
        (f) => (f.values.I03 = { value: "около 4" }),
      );
      break;
    case 8:
      add(
        n,
        { verdict: "accepted_with_remarks", rules: ["return.not-yes-no"], excluded: ["I04"] },
        (f) => (f.values.I04 = { value: "Частично" }),
      );
      break;
    case 9:
      add(
        n,
        { verdict: "accepted_with_remarks", rules: ["return.value-missing"], excluded: ["I05"] },
        (f) => (f.values.I05 = { value: 12 }),
      );
      break;
    case 10:
      add(
        n,
        { verdict: "accepted_with_remarks", rules: ["return.done-without-evidence"] },
        (f) => (f.activities.A01 = ["Выполнено", null]),
      );
      break;
    case 11:
      add(n, {
        verdict: "accepted_with_remarks",
        rules: ["return.layout-changed"],
        alter: { insertRowsAt: { row: 9, count: 3 } },
      });
      break;
    case 12:
      add(n, {
        verdict: "accepted_with_remarks",
        rules: ["return.input-not-found"],
        excluded: ["I06"],
        alter: { brokenNames: ["RM_I06_value"] },
      });
      break;
    case 13:
      add(n, {
        verdict: "accepted_with_remarks",
        rules: ["return.input-not-found"],
        excluded: ["I01"],
        alter: { removedNames: ["RM_I01_denominator"] },
      });
      break;
    case 14:
      add(n, {
        verdict: "accepted_with_remarks",
        rules: ["return.sheet-renamed"],
        alter: { renameSheet: "Показатели школы" },
      });
      break;
    case 15:
      add(n, {
        verdict: "accepted_with_remarks",
        rules: ["return.indicator-renamed"],
        alter: { relabel: { I02: "Количество уроков, посещённых завучем" } },
      });
      break;
    case 16:
      add(n, {
        verdict: "accepted_with_remarks",
        rules: ["return.old-version"],
        alter: { fingerprint: (fp) => ({ ...fp, template: { ...fp.template, version: 1 } }) },
      });
      break;
    case 17:
      add(n, {
        verdict: "rejected",
        rules: ["return.other-quarter"],
        alter: { fingerprint: (fp) => ({ ...fp, template: { ...fp.template, quarter: "2023-Q4" } }) },
      });
      break;
    case 18:
      add(n, {
        verdict: "rejected",
        rules: ["return.other-template"],
        alter: { fingerprint: (fp) => ({ ...fp, template: { ...fp.template, id: "TPL-чужой" } }) },
      });
      break;
    case 19:
      add(n, { verdict: "rejected", rules: ["return.no-fingerprint"], alter: { noFingerprint: true } });
      break;
    case 23:
      add(n, { verdict: "accepted", rules: [] }, (f) => {
        f.values.I01 = { numerator: "1\u00a0150", denominator: "1 200" };
        f.values.I03 = { value: "4,75" };
      });
      break;
    default:
      add(n, { verdict: "accepted", rules: [] });
  }
}
// Two resubmissions: a faulty early return replaced by a correct later one (the later is used).
for (const n of [21, 22]) {
  cases.push({
    school: s(n),
    file: `school-${n}-first.xlsx`,
    fill: fillFor(n + 100, (f) => (f.values.I02 = { value: "много" })),
    alter: { modified: new Date("2024-03-10T08:00:00Z") },
    verdict: "superseded",
    rules: ["return.not-a-number"],
  });
}
const stranger: Case = {
  school: "МБОУ СОШ № 99",
  file: "stranger.xlsx",
  fill: correctFill(99),
  verdict: "rejected",
  rules: ["return.unexpected-school"],
};
const RESAVED = 20;

describe("consolidate end to end on files", () => {
  let dir = "";
  let json: {
    returns: {
      file: string;
      school: string | null;
      verdict: string;
      reasons: { rule: string; severity: string; cell: string | null }[];
    }[];
    missing: string[];
    totals: {
      indicator: string;
      value: number | null;
      numerator?: number;
      denominator?: number;
      share?: number;
      previous?: number;
      schools: number;
    }[];
    activities: { activity: string; byStatus: Record<string, number> }[];
  };
  const out = () => path.join(dir, "svod.xlsx");

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "roadmap-consolidate-"));
    const returns = path.join(dir, "returns");
    mkdirSync(returns);
    // The monitoring workbook: a user sheet and the template the forms were made from.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Мониторинг").getCell("A1").value = "Лист пользователя";
    const host = XlsxWorkbookHost.fromWorkbook(wb, "monitoring.xlsx");
    await host.setSetting("monitoring", T);
    writeFileSync(path.join(dir, "monitoring.xlsx"), await host.toBuffer());

    for (const c of [...cases, stranger]) {
      writeFileSync(path.join(returns, c.file), await writeForm(T, c.school, c.fill, c.alter));
    }
    // School 20 opened and saved its form in LibreOffice.
    const lo = path.join(dir, "lo");
    libreOfficeConvert(
      [path.join(returns, cases.find((c) => c.school === s(RESAVED))?.file ?? "")],
      "xlsx",
      lo,
      path.join(dir, "profile"),
    );
    writeFileSync(path.join(returns, "school-20.xlsx"), readFileSync(path.join(lo, "school-20.xlsx")));
    // Files that are not forms.
    const ole = (name: string) => {
      const b = Buffer.alloc(1024);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      Buffer.from(name, "utf16le").copy(b, 600);
      return b;
    };
    writeFileSync(path.join(returns, "secret.xlsx"), ole("EncryptedPackage"));
    writeFileSync(path.join(returns, "old.xls"), ole("Workbook"));
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    ods.file("content.xml", "<x/>");
    writeFileSync(path.join(returns, "form.ods"), await ods.generateAsync({ type: "uint8array" }));
    const good = readFileSync(path.join(returns, "school-01.xlsx"));
    writeFileSync(path.join(returns, "broken.xlsx"), good.subarray(0, 700));
    writeFileSync(path.join(returns, "letter.xlsx"), "Добрый день! Форму пришлём позже.");

    const io = nodeIo();
    const code = await runCli(
      ["consolidate", path.join(dir, "monitoring.xlsx"), returns, "-o", out(), "--json"],
      io,
    );
    expect(io.err.join("")).toContain("Прочитано форм:");
    expect(code).toBe(0);
    json = JSON.parse(io.out.join(""));
  }, 240000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("every return's verdict and reasons", () => {
    const byFile = new Map(json.returns.map((r) => [path.basename(r.file), r]));
    for (const c of [...cases, stranger]) {
      const r = byFile.get(c.file);
      expect({ file: c.file, verdict: r?.verdict }).toEqual({ file: c.file, verdict: c.verdict });
      expect({ file: c.file, rules: [...new Set(r?.reasons.map((x) => x.rule))] }).toEqual({
        file: c.file,
        rules: c.rules,
      });
    }
    const unreadable = ["secret.xlsx", "old.xls", "form.ods", "broken.xlsx", "letter.xlsx"];
    for (const f of unreadable) {
      expect(byFile.get(f)).toMatchObject({
        verdict: "rejected",
        school: null,
        reasons: [{ rule: "return.unreadable", severity: "error" }],
      });
    }
    expect(json.returns).toHaveLength(cases.length + 1 + unreadable.length);
    expect(byFile.get("school-20.xlsx")?.verdict).toBe("accepted");
  });

  test("missing: the three silent schools and the three rejected ones", () => {
    expect(json.missing).toEqual([s(17), s(18), s(19), s(38), s(39), s(40)]);
  });

  /** Totals computed here from what the test typed, leaving out what it broke on purpose. */
  function expectedTotals() {
    const used = cases.filter((c) => c.verdict !== "rejected" && c.verdict !== "superseded");
    const num = (v: unknown) =>
      typeof v === "number"
        ? v
        : Number(
            String(v)
              .replace(/[\s\u00a0]/g, "")
              .replace(",", "."),
          );
    const of = (id: string) =>
      used.filter((c) => !(c.excluded ?? []).includes(id)).map((c) => c.fill.values[id]);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const I01 = of("I01");
    const n = I01.reduce((a, v) => a + num(v.numerator), 0);
    const d = I01.reduce((a, v) => a + num(v.denominator), 0);
    const I03 = of("I03").map((v) => num(v.value));
    const I04 = of("I04").map((v) => v.value);
    const I05 = of("I05");
    return {
      I01: { value: r2((n / d) * 100), numerator: n, denominator: d, schools: I01.length },
      I02: { value: of("I02").reduce((a, v) => a + num(v.value), 0), schools: of("I02").length },
      I03: { value: r2(I03.reduce((a, x) => a + x, 0) / I03.length), schools: I03.length },
      I04: {
        value: I04.filter((x) => x === "Да").length,
        share: r2((I04.filter((x) => x === "Да").length / I04.length) * 100),
        schools: I04.length,
      },
      I05: {
        value: I05.reduce((a, v) => a + num(v.value), 0),
        previous: I05.reduce((a, v) => a + num(v.previous), 0),
        schools: I05.length,
      },
      I06: { value: of("I06").reduce((a, v) => a + num(v.value), 0), schools: of("I06").length },
    };
  }

  test("every total equals the one computed independently here", () => {
    const want = expectedTotals();
    for (const ind of INDICATORS) {
      expect({ id: ind.id, ...json.totals.find((t) => t.indicator === ind.id) }).toMatchObject({
        id: ind.id,
        ...want[ind.id as keyof typeof want],
      });
    }
    // 34 schools' returns are used: 37 sent, 3 rejected; 21 and 22 count once each.
    expect(want.I02.schools).toBe(33);
  });

  test("the consolidated workbook keeps the user's sheet and its totals survive LibreOffice recalculation", async () => {
    const lo = path.join(dir, "lo-svod");
    libreOfficeConvert([out()], "xlsx", lo, path.join(dir, "profile"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(lo, "svod.xlsx")) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Мониторинг")?.getCell("A1").value).toBe("Лист пользователя");
    const ws = wb.getWorksheet("Свод 2024-Q1");
    expect(ws).toBeDefined();
    const totalRow = 6 + SCHOOLS.length; // title, summary, blank, 2 header rows, then one row per school
    const at = (col: string) => {
      const v = ws?.getCell(`${col}${totalRow}`).value as { result?: unknown } | number | null;
      return typeof v === "object" && v !== null ? v.result : v;
    };
    expect(ws?.getCell(`B${totalRow}`).value).toBe("Итого");
    const want = expectedTotals();
    expect(at("D")).toBe(want.I01.numerator);
    expect(at("E")).toBe(want.I01.denominator);
    expect(at("F")).toBe(want.I01.value);
    expect(at("G")).toBe(want.I02.value);
    expect(at("H")).toBe(want.I03.value);
    expect(at("I")).toBe(want.I04.value);
    expect(at("J")).toBe(want.I05.previous);
    expect(at("K")).toBe(want.I05.value);
    expect(at("L")).toBe(want.I06.value);
    // The chart's data block: attainment of each targeted indicator, computed by LibreOffice.
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const attainment: Record<string, number> = {
      I01: r2((want.I01.value / 80) * 100),
      I02: r2((want.I02.value / 500) * 100),
      I04: want.I04.share,
      I06: r2((40 / want.I06.value) * 100), // lower is better: target over value
    };
    let head = 0;
    ws?.eachRow((row, n) => {
      if (String(row.getCell(2).value).startsWith("Достижение целей на 2024 год")) head = n;
    });
    expect(head).toBeGreaterThan(totalRow);
    Object.entries(attainment).forEach(([id, value], i) => {
      expect(String(ws?.getCell(`B${head + 1 + i}`).value)).toMatch(new RegExp(`^${id}\\. `));
      const v = ws?.getCell(`C${head + 1 + i}`).value as { result?: unknown } | number;
      expect(typeof v === "object" ? v.result : v).toBe(value);
    });
    // LibreOffice kept the native chart and its data range.
    const zip = await JSZip.loadAsync(readFileSync(path.join(lo, "svod.xlsx")));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(1);
    const chart = await zip.file(charts[0])!.async("string");
    expect(chart).toContain(`$C$${head + 1}:$C$${head + 4}`);
    const receipt = wb.getWorksheet("Приём форм");
    const texts: string[] = [];
    receipt?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join("\n")).toContain("Школы без принятой формы (6)");
  }, 240000);

  test("a second run with more files adds the late ones and doubles nothing", async () => {
    const late = path.join(dir, "late");
    mkdirSync(late);
    writeFileSync(path.join(late, "school-38.xlsx"), await writeForm(T, s(38), correctFill(38)));
    const second = path.join(dir, "svod2.xlsx");
    const io = nodeIo();
    const code = await runCli(
      ["consolidate", out(), late, path.join(dir, "returns", "school-01.xlsx"), "-o", second, "--json"],
      io,
    );
    expect(code).toBe(0);
    const again = JSON.parse(io.out.join("")) as typeof json;
    expect(again.returns).toHaveLength(json.returns.length + 1);
    expect(again.missing).toEqual([s(17), s(18), s(19), s(39), s(40)]);
    const i02 = again.totals.find((t) => t.indicator === "I02");
    expect(i02?.schools).toBe(34);
    expect(i02?.value).toBe(expectedTotals().I02.value + (correctFill(38).values.I02.value as number));
  }, 120000);
});
