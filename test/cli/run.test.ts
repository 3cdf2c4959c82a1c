/** The CLI's logic in-process: argument parsing, failure handling, the text report's wording. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isRealIsoDate, parseSubcommandArgs } from "../../src/cli/args";
import { SUBCOMMANDS } from "../../src/cli/commands";
import { cellRef, formatTextReport, plural } from "../../src/cli/report";
import { GENERIC_FAILURE, runCli, type CliIo } from "../../src/cli/run";

function fakeIo(readFile: CliIo["readFile"]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile,
    writeFile: async () => {
      throw new Error("no writes in these tests");
    },
    rename: async () => {
      throw new Error("only forms renames files");
    },
    removeFile: async () => {
      throw new Error("only forms removes files");
    },
    listFolder: async () => null,
    mtime: async () => null,
    samePath: (a, b) => path.resolve(a) === path.resolve(b),
    baseName: (p) => path.basename(p),
    today: () => "2023-06-01",
  };
  return { io, out, err };
}

const spec = (name: string) => SUBCOMMANDS.find((c) => c.name === name)!;
const parseArgs = ([name, ...rest]: string[]) => parseSubcommandArgs(rest, spec(name));

describe("parseArgs", () => {
  it("reads check, the file, --json and --today in any order", () => {
    expect(parseArgs(["check", "--today", "2024-03-15", "карта.xlsx", "--json"])).toEqual({
      ok: true,
      args: {
        positional: ["карта.xlsx"],
        json: true,
        today: "2024-03-15",
        out: null,
        quarter: null,
        schools: null,
      },
    });
    expect(parseArgs(["check", "--", "--странное-имя.xlsx"])).toEqual({
      ok: true,
      args: {
        positional: ["--странное-имя.xlsx"],
        json: false,
        today: null,
        out: null,
        quarter: null,
        schools: null,
      },
    });
  });

  it("takes several files for check (issue 13) but refuses a --today without a valid value", () => {
    expect(parseArgs(["check", "a.xlsx", "b.xlsx"])).toMatchObject({
      ok: true,
      args: { positional: ["a.xlsx", "b.xlsx"] },
    });
    expect(parseArgs(["check", "a.xlsx", "--today"])).toMatchObject({ ok: false });
    expect(parseArgs(["check", "a.xlsx", "--today", "15.03.2024"])).toMatchObject({ ok: false });
    expect(parseArgs(["check"])).toMatchObject({ ok: false });
  });

  it("refuses an option the subcommand does not take, and a missing -o where one is required", () => {
    expect(parseArgs(["check", "a.xlsx", "--quarter", "2024-Q1"])).toMatchObject({ ok: false });
    expect(parseArgs(["fold", "a.xlsx"])).toMatchObject({
      ok: false,
      message: expect.stringContaining("-o"),
    });
    expect(parseArgs(["fold", "a.xlsx", "b.xlsx", "-o", "c.xlsx"])).toMatchObject({ ok: false });
    expect(parseArgs(["fold", "a.xlsx", "-o", "c.xlsx"])).toMatchObject({
      ok: true,
      args: { out: "c.xlsx" },
    });
  });

  it("checks the calendar, not only the shape", () => {
    expect(isRealIsoDate("2024-02-29")).toBe(true);
    expect(isRealIsoDate("2023-02-29")).toBe(false);
    expect(isRealIsoDate("2023-13-01")).toBe(false);
  });
});

describe("runCli", () => {
  it("turns an unexpected error into one generic Russian line and exit 2", async () => {
    const { io, out, err } = fakeIo(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    expect(await runCli(["check", "a.xlsx", "--json"], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`${GENERIC_FAILURE}\n`]);
  });

  it("prints the JSON report of a fixture with the base name of the file", async () => {
    const file = path.join(__dirname, "../fixtures/xlsx/004-clean.xlsx");
    const { io, out, err } = fakeIo(async (p) => readFileSync(p));
    expect(await runCli(["check", file, "--json"], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]).file).toBe("004-clean.xlsx");
  });
});

describe("plural", () => {
  it.each([
    [1, "1 таблица"],
    [2, "2 таблицы"],
    [5, "5 таблиц"],
    [11, "11 таблиц"],
    [21, "21 таблица"],
    [112, "112 таблиц"],
    [0, "0 таблиц"],
  ])("%i", (n, text) => {
    expect(plural(n, "таблица", "таблицы", "таблиц")).toBe(text);
  });
});

describe("cellRef", () => {
  it("quotes sheet names the way Excel does", () => {
    expect(cellRef("Лист1", "D49")).toBe("Лист1!D49");
    expect(cellRef("Горячий Ключ 2023", "D49")).toBe("'Горячий Ключ 2023'!D49");
    expect(cellRef("План д'Артаньяна", "A1")).toBe("'План д''Артаньяна'!A1");
    expect(cellRef("AB12", "A1")).toBe("'AB12'!A1");
  });
});

describe("formatTextReport", () => {
  it("names the severities as the task pane does and writes dates the Russian way", () => {
    const text = formatTextReport(
      {
        file: "карта.xlsx",
        tables: [],
        findings: [
          {
            rule: "responsible.vague-role",
            severity: "info",
            sheet: "План",
            cell: "E7",
            message: "Указана только роль, без фамилии.",
            suggestion: null,
          },
        ],
      },
      { today: "2024-03-05" },
    );
    expect(text).toContain("Дата проверки: 05.03.2024");
    expect(text).toContain("Замечания: 0 ошибок, 0 предупреждений, 1 подсказка");
    expect(text).toContain("Подсказки:\n  План!E7 — Указана только роль, без фамилии.");
  });
});
