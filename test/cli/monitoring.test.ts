/**
 * `roadmap indicators | monitoring | forms` in-process on an in-memory file system: the contract's JSON, one
 * Russian line and exit 2 with nothing written on bad input, warnings on stderr for dropped repeats, and the
 * user's corrections stored in the workbook honoured.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli, type CliIo } from "../../src/cli/run";
import { UserFacingError } from "../../src/domain/host";
import { XlsxWorkbookHost } from "../../src/xlsx/host";

const fixture = (id: string) => readFileSync(path.join(__dirname, "../fixtures/xlsx", `${id}.xlsx`));

function memoryIo(initial: Record<string, Uint8Array | string>) {
  const files = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(initial))
    files.set(k, typeof v === "string" ? new TextEncoder().encode(v) : v);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (p) => {
      const f = files.get(p);
      if (!f) throw new UserFacingError(`Файл не найден: ${p}`);
      return f;
    },
    writeFile: async (p, bytes) => void files.set(p, bytes),
    rename: async (from, to) => {
      const bytes = files.get(from);
      if (!bytes) throw new UserFacingError(`Файл не найден: ${from}`);
      files.set(to, bytes);
      files.delete(from);
    },
    removeFile: async (p) => void files.delete(p),
    listFolder: async () => null,
    mtime: async () => null,
    samePath: (a, b) => path.resolve(a) === path.resolve(b),
    baseName: (p) => path.basename(p),
    today: () => "2025-02-01",
  };
  return { io, files, out, err, run: (...argv: string[]) => runCli(argv, io) };
}

describe("roadmap indicators", () => {
  it("seed 001: 21 indicators as JSON", async () => {
    const m = memoryIo({ "001.xlsx": fixture("001-pasted") });
    expect(await m.run("indicators", "001.xlsx", "--json")).toBe(0);
    const doc = JSON.parse(m.out.join(""));
    expect(doc.indicators).toHaveLength(21);
    expect(doc.indicators[20]).toMatchObject({
      text: "Количество пропусков уроков по неуважительной причине",
      type: "count",
      direction: "lower",
      cell: "A154",
    });
  });
  it("a workbook without indicators: exit 2, one Russian line", async () => {
    const m = memoryIo({ "000.xlsx": fixture("000-pasted") });
    expect(await m.run("indicators", "000.xlsx", "--json")).toBe(2);
    expect(m.out).toEqual([]);
    expect(m.err.join("")).toMatch(/^В книге не найден список показателей[^\n]*\n$/);
  });
  it("honours a correction stored in the workbook", async () => {
    const host = await XlsxWorkbookHost.open(fixture("001-pasted"), "001.xlsx");
    const m0 = memoryIo({ "001.xlsx": fixture("001-pasted") });
    await m0.run("indicators", "001.xlsx", "--json");
    const first = JSON.parse(m0.out.join("")).indicators[1];
    expect(first.type).toBe("share");
    await host.setSetting("indicators", { [first.id]: { type: "yesno", targets: { "2021": "Да" } } });
    const m = memoryIo({ "001.xlsx": await host.toBuffer() });
    expect(await m.run("indicators", "001.xlsx", "--json")).toBe(0);
    expect(JSON.parse(m.out.join("")).indicators[1]).toMatchObject({
      id: first.id,
      type: "yesno",
      unit: null,
      targets: { "2021": "Да" },
    });
  });
});

describe("roadmap monitoring", () => {
  const SCHOOLS = 'МБОУ СОШ № 1\n\nМКОУ "Шумская СОШ": филиал\n  мбоу сош № 1 \n=СОШ 3\n';
  const base = () =>
    memoryIo({ "003.xlsx": fixture("003-pasted"), "schools.txt": SCHOOLS, "empty.txt": "\n \n" });

  it.each([
    [
      "a malformed quarter",
      ["--quarter", "2025-5", "--schools", "schools.txt"],
      /^Неверный квартал «2025-5»/,
    ],
    [
      "a quarter outside the roadmap's period",
      ["--quarter", "2026-Q1", "--schools", "schools.txt"],
      /^Квартал 2026-Q1 вне периода дорожной карты/,
    ],
    [
      "an empty school list",
      ["--quarter", "2025-Q1", "--schools", "empty.txt"],
      /^Список школ «empty.txt» пуст/,
    ],
    [
      "a missing school list file",
      ["--quarter", "2025-Q1", "--schools", "nope.txt"],
      /^Файл не найден: nope.txt/,
    ],
  ])("%s: exit 2, one Russian line, nothing written", async (_what, extra, message) => {
    const m = base();
    expect(await m.run("monitoring", "003.xlsx", ...extra, "-o", "out.xlsx")).toBe(2);
    expect(m.files.has("out.xlsx")).toBe(false);
    expect(m.out).toEqual([]);
    expect(m.err).toHaveLength(1);
    expect(m.err[0]).toMatch(message);
  });

  it("a workbook without indicators: exit 2, nothing written", async () => {
    const m = memoryIo({ "000.xlsx": fixture("000-pasted"), "schools.txt": SCHOOLS });
    expect(
      await m.run(
        "monitoring",
        "000.xlsx",
        "--quarter",
        "2023-Q2",
        "--schools",
        "schools.txt",
        "-o",
        "out.xlsx",
      ),
    ).toBe(2);
    expect(m.files.has("out.xlsx")).toBe(false);
  });

  it("repeats dropped with a warning; JSON as `forms --json` without forms; then forms, one per school", async () => {
    const m = base();
    expect(
      await m.run(
        "monitoring",
        "003.xlsx",
        "--quarter",
        "2025-Q1",
        "--schools",
        "schools.txt",
        "-o",
        "mon.xlsx",
        "--json",
      ),
    ).toBe(0);
    expect(m.err.join("")).toContain("«мбоу сош № 1» повторяется (строка 4");
    const doc = JSON.parse(m.out.join(""));
    expect(Object.keys(doc)).toEqual(["template", "indicators", "activities"]);
    expect(doc.template).toMatchObject({ version: 1, quarter: "2025-Q1" });
    expect(doc.indicators.map((i: { text: string }) => i.text)).toEqual([
      "Уменьшение количества школ роста",
      "100% обучились по выявленным дефицитам",
      "100% руководящих кадров школ роста повышают профессиональные компетенции",
    ]);
    expect(doc.activities).toHaveLength(18);
    expect(doc.activities[0]).toEqual({
      id: expect.stringMatching(/^A/),
      sheet: "Лист1",
      row: 14,
      activity: expect.stringContaining("Проведение анализа"),
    });

    m.out.length = 0;
    expect(await m.run("forms", "mon.xlsx", "-o", "формы", "--json")).toBe(0);
    const forms = JSON.parse(m.out.join(""));
    expect(forms.template).toEqual(doc.template);
    expect(forms.forms.map((f: { school: string; file: string }) => [f.school, f.file])).toEqual([
      ["МБОУ СОШ № 1", "формы/МБОУ СОШ № 1.xlsx"],
      ['МКОУ "Шумская СОШ": филиал', "формы/МКОУ Шумская СОШ филиал.xlsx"],
      ["=СОШ 3", "формы/=СОШ 3.xlsx"],
    ]);
    for (const f of forms.forms) expect(m.files.has(f.file)).toBe(true);
    expect(forms.forms[0].inputs).toHaveLength(5);
    expect(forms.forms[0].inputs[0]).toEqual({
      indicator: doc.indicators[0].id,
      part: "value",
      sheet: "Показатели",
      cell: "E8",
      type: "integer",
    });
    expect(forms.forms[0].activityInputs[0]).toEqual({
      activity: doc.activities[0].id,
      sheet: "Мероприятия",
      status: "D5",
      evidence: "E5",
      comment: "F5",
    });
    // The school's name starting with «=» is text in the form, not a formula.
    const third = await XlsxWorkbookHost.open(m.files.get("формы/=СОШ 3.xlsx")!, "f.xlsx");
    expect((await third.readSheet("Показатели")).rows[1][1]).toBe("=СОШ 3");
  });

  it("forms from a workbook with no monitoring template: exit 2, nothing written", async () => {
    const m = memoryIo({ "003.xlsx": fixture("003-pasted") });
    expect(await m.run("forms", "003.xlsx", "-o", "формы")).toBe(2);
    expect([...m.files.keys()]).toEqual(["003.xlsx"]);
    expect(m.err.join("")).toMatch(/^В книге нет шаблона мониторинга/);
  });
});
