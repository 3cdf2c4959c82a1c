/**
 * The `roadmap` command as users and evaluators run it: `node bin/roadmap.js …` over the built bundle.
 * Checks the headless contract: one JSON document on stdout with --json, exit 0 when the file was read,
 * exit 2 with exactly one Russian line on stderr when it was not.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CheckReport } from "../../src/domain/model";
import { writeWorkbookGrid } from "../../src/xlsx/write";
import { hostileCases } from "../fixtures/hostile";
import { buildCli, fixtures, roadmap } from "./roadmap";

const hostile = path.join(fixtures, "hostile");

/** Exit 2, nothing on stdout, one line on stderr, in Russian, with no stack trace. */
function expectOneRussianLine(r: ReturnType<typeof roadmap>, message: string | RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  if (typeof message === "string") expect(r.stderr).toBe(`${message}\n`);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr.trimEnd()).not.toContain("\n");
  expect(r.stderr).toMatch(/[А-Яа-яЁё]/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(buildCli, 120000);

describe("roadmap check --json", () => {
  it("prints one JSON document matching the contract, and exits 0", () => {
    const r = roadmap("check", path.join(fixtures, "000-pasted.xlsx"), "--json", "--today", "2023-06-01");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const parsed = CheckReport.safeParse(JSON.parse(r.stdout));
    expect(parsed.success).toBe(true);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBe("000-pasted.xlsx");
    expect(report.tables).toHaveLength(1);
    const t = report.tables[0];
    // Seed 000 pasted: the table occupies lines 46–109 of the document, five columns, header on line 46.
    expect(t.sheet).toBe("Лист1");
    expect(t.range).toBe("A46:E109");
    expect(t.headerRows).toEqual([46]);
    expect(t.approved).toBe("2023-03-30");
    expect(t.period).toEqual({ start: "2023-01-01", end: "2023-12-31" });
    expect(
      t.rows.filter((row: { kind: string }) => row.kind === "section").map((row: { row: number }) => row.row),
    ).toEqual([47, 66, 94]);
    expect(Array.isArray(report.findings)).toBe(true);
  });

  it("accepts --today=YYYY-MM-DD and options before the file", () => {
    const r = roadmap("check", "--json", "--today=2024-01-10", path.join(fixtures, "004-clean.xlsx"));
    expect(r.code).toBe(0);
    expect(CheckReport.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });

  it("reads every seed fixture and the bundled sample without failing", () => {
    for (const name of [
      "001-pasted.xlsx",
      "002-pasted.xlsx",
      "003-clean.xlsx",
      "../../../assets/samples/roadmap-sample.xlsx",
    ]) {
      const r = roadmap("check", path.join(fixtures, name), "--json", "--today", "2024-01-10");
      expect({ name, code: r.code, stderr: r.stderr }).toEqual({ name, code: 0, stderr: "" });
      expect(CheckReport.safeParse(JSON.parse(r.stdout)).success).toBe(true);
    }
  });
});

describe("roadmap check (text report)", () => {
  it("prints a Russian report with the table, its period and the findings", () => {
    const r = roadmap("check", path.join(fixtures, "000-pasted.xlsx"), "--today", "2023-06-01");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Файл: 000-pasted.xlsx");
    expect(r.stdout).toContain("Дата проверки: 01.06.2023");
    expect(r.stdout).toContain("Таблица 1 из 1: лист «Лист1», диапазон A46:E109");
    expect(r.stdout).toContain("Период: 01.01.2023 – 31.12.2023");
    expect(r.stdout).toContain("Утверждена: 30.03.2023");
    expect(r.stdout).toContain("3 раздела");
    expect(r.stdout).toMatch(/Замечания: \d+ ошиб/);
  });

  it("takes today's date when --today is not given", () => {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, "0");
    const r = roadmap("check", path.join(fixtures, "004-clean.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Дата проверки: ${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`);
  });
});

describe("files that cannot be read: exit 2, one Russian line", () => {
  it.each([
    [
      "truncated.xlsx",
      "Файл повреждён и не читается как книга Excel: откройте его в Excel (он предложит восстановить) и сохраните заново как .xlsx.",
    ],
    [
      "old-format.xls",
      "Файл в старом формате .xls: откройте его в Excel или LibreOffice и сохраните как .xlsx.",
    ],
    [
      "random.xlsx",
      "Файл не похож на книгу Excel (.xlsx): откройте его в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)».",
    ],
    ["empty.xlsx", "Файл пустой (0 байт): выберите сохранённую книгу Excel (.xlsx)."],
    [
      "password.xlsx",
      "Книга защищена паролем на открытие: откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги) и сохраните как .xlsx.",
    ],
    [
      "roadmap.ods",
      "Файл в формате OpenDocument (.ods): откройте его в LibreOffice или Excel и сохраните как .xlsx.",
    ],
  ])("%s", (name, message) => {
    expectOneRussianLine(roadmap("check", path.join(hostile, name), "--json"), message);
  });

  it("a missing path", () => {
    const missing = path.join(hostile, "нет-такого.xlsx");
    expectOneRussianLine(roadmap("check", missing, "--json"), `Файл не найден: ${missing}`);
  });

  it("a directory", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "roadmap-cli-"));
    try {
      expectOneRussianLine(roadmap("check", dir), `В папке нет файлов для проверки: ${dir}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("usage", () => {
  const USAGE =
    "Использование: roadmap check <файл.xlsx|папка>… [--json] [--today ГГГГ-ММ-ДД] [-o сводка.xlsx]. Справка: roadmap --help";
  const GENERAL = /^Использование: roadmap <check\|fold\|people[|a-z]*> … Справка: roadmap --help\n$/;

  it("no arguments", () => {
    expectOneRussianLine(roadmap(), GENERAL);
  });

  it("no file", () => {
    expectOneRussianLine(roadmap("check", "--json"), `Не указан файл .xlsx или папка. ${USAGE}`);
  });

  it("an unknown option or command", () => {
    expectOneRussianLine(roadmap("check", "a.xlsx", "--xml"), `Неизвестный параметр «--xml». ${USAGE}`);
    expectOneRussianLine(
      roadmap("fix", "a.xlsx"),
      /^Неизвестная команда «fix»\. Использование: roadmap <check/,
    );
  });

  it("a --today that is not a real date", () => {
    expectOneRussianLine(
      roadmap("check", path.join(fixtures, "000-clean.xlsx"), "--today", "2023-02-30"),
      "Неверная дата в --today: «2023-02-30»; нужна дата ГГГГ-ММ-ДД, например 2024-03-15.",
    );
  });

  it("--help prints Russian help and exits 0", () => {
    const r = roadmap("--help");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("roadmap check <файл.xlsx|папка>… [--json] [--today ГГГГ-ММ-ДД]");
    expect(r.stdout).toContain("Коды завершения");
  });
});

describe("hostile but readable workbooks: exit 0 and a valid report", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "roadmap-hostile-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // A workbook without sheets cannot exist as an .xlsx (Excel refuses to save one), so it is not a file case.
  const cases = hostileCases().filter((c) => c.workbook.sheets.length > 0);

  it.each(cases.map((c) => [c.id, c] as const))("%s", async (id, c) => {
    const file = path.join(dir, `${id}.xlsx`);
    writeFileSync(file, await writeWorkbookGrid(c.workbook, { realDates: true }));
    const r = roadmap("check", file, "--json", "--today", "2024-01-10");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    const report = CheckReport.parse(JSON.parse(r.stdout));
    expect(report.file).toBe(`${id}.xlsx`);
  });
});
