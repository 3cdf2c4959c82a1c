/**
 * The quarter's half of the headless contract (../shared/contract.md) against the built CLI: `indicators`,
 * `monitoring`, `forms`, `consolidate` on the hand-made roadmap with an indicator list
 * (./contract-workbooks.ts), forms filled by hand through the cells `forms --json` names. Every document is
 * validated by the strict schemas written from the contract (./contract-schemas.ts); expected values are
 * worked out by hand (5 / 11 = 45.45 %).
 */
import ExcelJS from "exceljs";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConsolidateDoc, FormsDoc, IndicatorsDoc, MonitoringDoc } from "./contract-schemas";
import { INDICATOR_ROWS, noRoadmapWorkbook, roadmapWorkbook, sheet, xlsx } from "./contract-workbooks";
import { buildCli, fixtures, roadmap } from "./roadmap";

let dir = "";
const at = (f: string) => path.join(dir, f);
const S1 = "МБОУ СОШ № 1";
const S2 = "МБОУ СОШ № 2";
const S3 = "МБОУ СОШ № 3";

function json(r: ReturnType<typeof roadmap>): unknown {
  expect({ code: r.code, stderrLines: r.stderr.split("\n").every((l) => !/\bat .+:\d+/.test(l)) }).toEqual({
    code: 0,
    stderrLines: true,
  });
  return JSON.parse(r.stdout);
}

function expectRefused(r: ReturnType<typeof roadmap>, out?: string) {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
  expect(r.stderr).toMatch(/^[^\n]*[А-Яа-яЁё][^\n]*\n$/);
  if (out) expect(existsSync(out)).toBe(false);
}

let forms: ReturnType<typeof FormsDoc.parse>;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(path.join(tmpdir(), "roadmap-contract-q-"));
  writeFileSync(at("plan.xlsx"), await xlsx(roadmapWorkbook(true)));
  writeFileSync(at("none.xlsx"), await xlsx(noRoadmapWorkbook()));
  // The same list, its lines in another order and one more line above: ids follow the text, not the place.
  const moved = [
    INDICATOR_ROWS[0],
    ["Наличие в ОО системы наставничества"],
    INDICATOR_ROWS[1],
    INDICATOR_ROWS[2],
  ];
  writeFileSync(at("moved.xlsx"), await xlsx({ sheets: [sheet("Другой лист", [[], ...moved])] }));
  // "list.txt: one school a line (UTF-8; blank lines ignored; duplicates reported)"
  writeFileSync(at("schools.txt"), `${S1}\n\n${S2}\n${S1}\n${S3}\n`);
}, 180000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// "Exit 2 with one clear Russian line on stderr … an input file missing, not an .xlsx, encrypted or corrupt …
// Nothing is written then."
describe("an input that cannot be read: exit 2, one Russian line, nothing written", () => {
  const hostile = ["password.xlsx", "truncated.xlsx", "empty.xlsx", "roadmap.ods", "old-format.xls"];
  it.each(hostile)("%s", (name) => {
    const file = path.join(fixtures, "hostile", name);
    expectRefused(roadmap("indicators", file, "--json"));
    const mon = at(`mon-${name}.xlsx`);
    expectRefused(
      roadmap("monitoring", file, "--quarter", "2024-Q1", "--schools", at("schools.txt"), "-o", mon),
      mon,
    );
    expectRefused(roadmap("forms", file, "-o", at(`forms-${name}`)), at(`forms-${name}`));
    const svod = at(`svod-${name}.xlsx`);
    expectRefused(roadmap("consolidate", file, at("schools.txt"), "-o", svod), svod);
  });
});

describe("indicators", () => {
  it("the list: text, type, unit, sheet and cell of each line", () => {
    const doc = IndicatorsDoc.parse(json(roadmap("indicators", at("plan.xlsx"), "--json")));
    expect(doc.indicators.map((i) => [i.text, i.type, i.sheet, i.cell, i.base, i.targets])).toEqual([
      [
        "Доля педагогов, прошедших диагностику профессиональных дефицитов",
        "share",
        "Показатели",
        "A2",
        null,
        {},
      ],
      ["Количество уроков, посещённых администрацией", "count", "Показатели", "A3", null, {}],
      ["Наличие в ОО системы наставничества", "yesno", "Показатели", "A4", null, {}],
    ]);
    // `share`: a part of a whole — in per cent.
    expect(doc.indicators[0].unit).toBe("%");
    expect(new Set(doc.indicators.map((i) => i.id)).size).toBe(3);
  });

  it("the seeds' indicator lists and tables give documents of the contract's shape, fields in its order", () => {
    for (const f of ["001-clean", "001-pasted", "003-clean", "003-pasted"]) {
      const raw = json(roadmap("indicators", path.join(fixtures, `${f}.xlsx`), "--json")) as {
        indicators: Record<string, unknown>[];
      };
      const parsed = IndicatorsDoc.safeParse(raw);
      expect({ f, issues: parsed.success ? [] : parsed.error.issues.slice(0, 3) }).toEqual({ f, issues: [] });
      expect(Object.keys(raw.indicators[0])).toEqual([
        "id",
        "text",
        "type",
        "unit",
        "direction",
        "base",
        "targets",
        "sheet",
        "cell",
      ]);
    }
  });

  // "stable: the same text in the same workbook keeps its id"
  it("ids follow the text: the same lines elsewhere and in another order keep their ids", () => {
    const ids = (f: string) =>
      Object.fromEntries(
        IndicatorsDoc.parse(json(roadmap("indicators", at(f), "--json"))).indicators.map((i) => [
          i.text,
          i.id,
        ]),
      );
    const a = ids("plan.xlsx");
    expect(ids("plan.xlsx")).toEqual(a);
    const b = ids("moved.xlsx");
    for (const text of Object.keys(a)) expect(b[text]).toBe(a[text]);
  });

  // "a command that needs … an indicator list given a workbook without one" → exit 2
  it("a workbook without an indicator list: exit 2", () => {
    expectRefused(roadmap("indicators", at("none.xlsx"), "--json"));
  });
});

describe("monitoring", () => {
  // "`--json` prints the same document as `forms --json` without `forms`."
  it("template, indicators as `indicators` gives them, the activities due in the quarter; repeats reported", () => {
    const r = roadmap(
      "monitoring",
      at("plan.xlsx"),
      "--quarter",
      "2024-Q2",
      "--schools",
      at("schools.txt"),
      "-o",
      at("mon.xlsx"),
      "--json",
    );
    const doc = MonitoringDoc.parse(json(r));
    // "duplicates reported" — on stderr, the JSON alone on stdout.
    expect(r.stderr).toContain(S1);
    expect(doc.template).toMatchObject({ version: 1, quarter: "2024-Q2" });
    expect(doc.indicators).toEqual(
      IndicatorsDoc.parse(json(roadmap("indicators", at("plan.xlsx"), "--json"))).indicators,
    );
    // Due in 2024-Q2 (contract-test.ts works them out): April, May, June, the user's 30.04, quarterly, April+June.
    expect(doc.activities.map((a) => [a.sheet, a.row, a.activity])).toEqual([
      ["План", 7, "Семинар для учителей математики"],
      ["План", 10, "Педагогический совет по итогам четверти"],
      ["План", 13, "Родительское собрание"],
      ["План", 15, "Собеседование с учителями"],
      ["План", 16, "Мониторинг посещаемости"],
      ["План", 17, "Пробные экзамены по математике"],
    ]);
    expect(new Set(doc.activities.map((a) => a.id)).size).toBe(6);
  });

  it("bad arguments and inputs: exit 2, nothing written", () => {
    const out = at("mon-bad.xlsx");
    const base = ["--schools", at("schools.txt"), "-o", out];
    expectRefused(roadmap("monitoring", at("plan.xlsx"), ...base), out); // no --quarter
    expectRefused(roadmap("monitoring", at("plan.xlsx"), "--quarter", "2024-Q9", ...base), out);
    expectRefused(roadmap("monitoring", at("none.xlsx"), "--quarter", "2024-Q2", ...base), out);
    expectRefused(
      roadmap("monitoring", at("plan.xlsx"), "--quarter", "2024-Q2", "--schools", at("нет.txt"), "-o", out),
      out,
    );
    expectRefused(
      roadmap("monitoring", at("plan.xlsx"), "--quarter", "2024-Q2", "--schools", at("schools.txt")),
    );
  });
});

describe("forms", () => {
  beforeAll(() => {
    forms = FormsDoc.parse(json(roadmap("forms", at("mon.xlsx"), "-o", at("forms"), "--json")));
  });

  // "One .xlsx per school in `<dir>`"
  it("one file per school (the repeat dropped), the document as monitoring's plus `forms`", () => {
    const mon = MonitoringDoc.parse(
      json(
        roadmap(
          "monitoring",
          at("plan.xlsx"),
          "--quarter",
          "2024-Q2",
          "--schools",
          at("schools.txt"),
          "-o",
          at("mon-again.xlsx"),
          "--json",
        ),
      ),
    );
    const { forms: list, ...rest } = forms;
    expect(rest).toEqual(mon);
    expect(list.map((f) => f.school)).toEqual([S1, S2, S3]);
    expect(readdirSync(at("forms")).sort()).toEqual(list.map((f) => path.basename(f.file)).sort());
    for (const f of list) expect(existsSync(f.file)).toBe(true);
  });

  it("inputs by type: a share asks numerator and denominator, a count an integer, yes/no a yesno", () => {
    const [share, count, yesno] = forms.indicators.map((i) => i.id);
    for (const f of forms.forms) {
      const parts = f.inputs.map((i) => [i.indicator, i.part, i.type]);
      expect(parts).toEqual([
        [share, "numerator", "integer"],
        [share, "denominator", "integer"],
        [count, "value", "integer"],
        [yesno, "value", "yesno"],
      ]);
      expect(f.activityInputs.map((a) => a.activity)).toEqual(forms.activities.map((a) => a.id));
    }
  });

  // "each with a hidden fingerprint …, the school's name filled in and locked, only input cells unlocked"
  it("a form: a hidden sheet, the school's name on a protected sheet, input cells unlocked", async () => {
    const f = forms.forms[1];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f.file) as unknown as ArrayBuffer);
    expect(wb.worksheets.some((w) => w.state !== "visible")).toBe(true);
    const input = f.inputs[0];
    const ws = wb.getWorksheet(input.sheet)!;
    expect(ws.getCell(input.cell).protection?.locked).toBe(false);
    let nameCell: ExcelJS.Cell | null = null;
    ws.eachRow((row) => row.eachCell((c) => void (String(c.value).includes(S2) && (nameCell ??= c))));
    expect(nameCell).not.toBeNull();
    expect(nameCell!.protection?.locked).not.toBe(false);
    const act = f.activityInputs[0];
    expect(wb.getWorksheet(act.sheet)!.getCell(act.status).protection?.locked).toBe(false);
  });

  it("a workbook that is not a monitoring workbook: exit 2, nothing written", () => {
    expectRefused(roadmap("forms", at("plan.xlsx"), "-o", at("no-forms"), "--json"), at("no-forms"));
  });
});

/** A school fills its form, typing into the cells `forms --json` gives, and saves it on `modified`. */
async function fillForm(
  school: string,
  typed: Record<string, (string | number)[]>,
  statuses: string[],
  modified: Date,
  file: string,
) {
  const f = forms.forms.find((x) => x.school === school)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(f.file) as unknown as ArrayBuffer);
  const [share, count, yesno] = forms.indicators.map((i) => i.id);
  const values = { [share]: typed.share, [count]: typed.count, [yesno]: typed.yesno };
  const next: Record<string, number> = {};
  for (const i of f.inputs) {
    const k = (next[i.indicator] = (next[i.indicator] ?? -1) + 1);
    wb.getWorksheet(i.sheet)!.getCell(i.cell).value = values[i.indicator][k];
  }
  f.activityInputs.forEach((a, k) => {
    if (!statuses[k]) return;
    wb.getWorksheet(a.sheet)!.getCell(a.status).value = statuses[k];
    wb.getWorksheet(a.sheet)!.getCell(a.evidence).value = "Приказ № 5";
  });
  wb.modified = modified;
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("consolidate", () => {
  let doc: ReturnType<typeof ConsolidateDoc.parse>;
  let ids: { share: string; count: string; yesno: string };
  beforeAll(async () => {
    const [share, count, yesno] = forms.indicators.map((i) => i.id);
    ids = { share, count, yesno };
    mkdirSync(at("back"));
    mkdirSync(at("late"));
    // School 1 sent twice: the later save wins. School 2's share has a numerator above its denominator and a
    // negative count. School 3 sends nothing. One file is not a workbook at all.
    await fillForm(
      S1,
      { share: [5, 11], count: [4], yesno: ["Да"] },
      ["Выполнено", "В работе", "В работе", "В работе", "В работе", "В работе"],
      new Date("2024-06-10T10:00:00Z"),
      at("back/s1-new.xlsx"),
    );
    await fillForm(
      S1,
      { share: [1, 2], count: [9], yesno: ["Нет"] },
      ["Не начато"],
      new Date("2024-06-01T10:00:00Z"),
      at("late/s1-old.xlsx"),
    );
    await fillForm(
      S2,
      { share: [12, 10], count: [-3], yesno: ["Нет"] },
      ["Выполнено"],
      new Date("2024-06-05T10:00:00Z"),
      at("back/s2.xlsx"),
    );
    writeFileSync(at("late/junk.xlsx"), "не книга");
    // "(files, or every .xlsx in a folder)": a covering letter beside the forms is not a return.
    writeFileSync(at("late/письмо школы.pdf"), "%PDF-1.4");
    writeFileSync(at("late/readme.txt"), "формы за квартал");
    doc = ConsolidateDoc.parse(
      json(roadmap("consolidate", at("mon.xlsx"), at("back"), at("late"), "-o", at("svod.xlsx"), "--json")),
    );
  }, 240000);

  it("verdicts: accepted, superseded by the later save, accepted with remarks, rejected", () => {
    expect(doc.template).toEqual(forms.template);
    const byFile = Object.fromEntries(doc.returns.map((r) => [path.basename(r.file), r]));
    expect(Object.keys(byFile).sort()).toEqual(["junk.xlsx", "s1-new.xlsx", "s1-old.xlsx", "s2.xlsx"]);
    expect(byFile["s1-new.xlsx"]).toMatchObject({ school: S1, verdict: "accepted" });
    expect(byFile["s1-old.xlsx"]).toMatchObject({ school: S1, verdict: "superseded" });
    expect(byFile["s2.xlsx"]).toMatchObject({ school: S2, verdict: "accepted_with_remarks" });
    expect(byFile["junk.xlsx"]).toMatchObject({ school: null, verdict: "rejected" });
    expect(byFile["junk.xlsx"].reasons.length).toBeGreaterThan(0);
    // "A value with an error-severity reason (… a numerator above its denominator, a negative count)"
    const errors = byFile["s2.xlsx"].reasons.filter((r) => r.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(
      errors.every((r) => r.cell !== null && r.cell.startsWith(`${forms.forms[1].inputs[0].sheet}!`)),
    ).toBe(true);
  });

  // "missing": expected schools with no accepted return
  it("missing: the school with no return", () => {
    expect(doc.missing).toEqual([S3]);
  });

  // "values": only values that are used; "totals": share = Σ numerators / Σ denominators × 100, count = Σ,
  // yesno = the number of «Да»; rounded to 2 decimals.
  it("values and totals worked out by hand", () => {
    const v = (school: string, ind: string) =>
      doc.values.find((x) => x.school === school && x.indicator === ind);
    expect(v(S1, ids.share)).toEqual({
      school: S1,
      indicator: ids.share,
      value: 45.45,
      numerator: 5,
      denominator: 11,
    });
    expect(v(S1, ids.count)).toMatchObject({ value: 4 });
    expect(v(S2, ids.share)).toBeUndefined(); // 12 > 10
    expect(v(S2, ids.count)).toBeUndefined(); // -3
    expect(v(S2, ids.yesno)).toBeDefined();
    expect(doc.values.filter((x) => x.school === S3)).toEqual([]);
    const t = (ind: string) => doc.totals.find((x) => x.indicator === ind);
    expect(t(ids.share)).toEqual({
      indicator: ids.share,
      type: "share",
      value: 45.45,
      numerator: 5,
      denominator: 11,
      schools: 1,
    });
    expect(t(ids.count)).toMatchObject({ type: "count", value: 4, schools: 1 });
    expect(t(ids.yesno)).toMatchObject({ type: "yesno", value: 1, schools: 2 });
  });

  it('activity statuses of the accepted returns; "" where none was chosen', () => {
    const [first, second, third] = forms.activities.map((a) => a.id);
    const by = Object.fromEntries(doc.activities.map((a) => [a.activity, a.byStatus]));
    expect(by[first]).toEqual({ Выполнено: 2 });
    expect(by[second]).toEqual({ "В работе": 1, "": 1 });
    expect(by[third]).toEqual({ "В работе": 1, "": 1 });
  });

  // "Run again with more files, it gives the same result as one run with all of them"
  it("run again on its output with the late files: the same as one run with all", () => {
    expect(roadmap("consolidate", at("mon.xlsx"), at("back"), "-o", at("svod-1.xlsx")).code).toBe(0);
    const again = ConsolidateDoc.parse(
      json(roadmap("consolidate", at("svod-1.xlsx"), at("late"), "-o", at("svod-2.xlsx"), "--json")),
    );
    const norm = (d: typeof doc) => ({
      ...d,
      returns: d.returns
        .map((r) => ({ ...r, file: path.basename(r.file) }))
        .sort((a, b) => a.file.localeCompare(b.file)),
    });
    expect(norm(again)).toEqual(norm(doc));
  });

  it("-o naming an input, or a monitoring workbook without a template: exit 2, nothing written", () => {
    expectRefused(roadmap("consolidate", at("mon.xlsx"), at("back"), "-o", at("mon.xlsx")));
    expectRefused(
      roadmap("consolidate", at("plan.xlsx"), at("back"), "-o", at("svod-x.xlsx")),
      at("svod-x.xlsx"),
    );
  });
});
