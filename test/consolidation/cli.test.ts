/** `roadmap consolidate` on bad input: exit 2, one Russian line on stderr, nothing on stdout, nothing written. */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/run";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { correctFill, makeTemplate } from "./fixtures";
import { writeForm } from "./form-file";
import { nodeIo } from "./node-io";

describe("roadmap consolidate: bad input", () => {
  let dir = "";
  const p = (f: string) => path.join(dir, f);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "roadmap-consolidate-cli-"));
    const t = makeTemplate();
    const withTemplate = XlsxWorkbookHost.fromWorkbook(new ExcelJS.Workbook(), "m.xlsx");
    withTemplate.workbook.addWorksheet("Мониторинг");
    await withTemplate.setSetting("monitoring", t);
    writeFileSync(p("monitoring.xlsx"), await withTemplate.toBuffer());
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Лист1").getCell("A1").value = "не мониторинг";
    writeFileSync(p("plain.xlsx"), new Uint8Array((await plain.xlsx.writeBuffer()) as ArrayBuffer));
    writeFileSync(p("form.xlsx"), await writeForm(t, t.schools[0], correctFill(1)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["no -o", () => ["consolidate", p("monitoring.xlsx"), p("form.xlsx")], /-o/],
    ["no returns", () => ["consolidate", p("monitoring.xlsx"), "-o", p("out.xlsx")], /формы школ|Не указан/],
    [
      "missing monitoring file",
      () => ["consolidate", p("nope.xlsx"), p("form.xlsx"), "-o", p("out.xlsx")],
      /не найден/,
    ],
    [
      "a workbook without the template",
      () => ["consolidate", p("plain.xlsx"), p("form.xlsx"), "-o", p("out.xlsx")],
      /нет листа мониторинга/,
    ],
    [
      "a missing return",
      () => ["consolidate", p("monitoring.xlsx"), p("gone.xlsx"), "-o", p("out.xlsx")],
      /не найден/,
    ],
    [
      "-o over an input",
      () => ["consolidate", p("monitoring.xlsx"), p("form.xlsx"), "-o", p("form.xlsx")],
      /совпадает/,
    ],
  ])("%s → exit 2", async (_, argv, message) => {
    const io = nodeIo();
    expect(await runCli(argv(), io)).toBe(2);
    const err = io.err.join("");
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(io.out.join("")).toBe("");
    expect(existsSync(p("out.xlsx"))).toBe(false);
  });

  test("a good run writes -o and prints the contract's document", async () => {
    const io = nodeIo();
    expect(
      await runCli(["consolidate", p("monitoring.xlsx"), p("form.xlsx"), "-o", p("ok.xlsx"), "--json"], io),
    ).toBe(0);
    const json = JSON.parse(io.out.join(""));
    expect(Object.keys(json)).toEqual(["template", "returns", "missing", "values", "totals", "activities"]);
    expect(json.returns[0]).toMatchObject({ school: "МБОУ СОШ № 1", verdict: "accepted", reasons: [] });
    expect(json.missing).toHaveLength(4);
    expect(existsSync(p("ok.xlsx"))).toBe(true);
  });
});
