/** `roadmap annotate` and `roadmap report` in-process on real .xlsx bytes: results, and bad input refused. */
import { runCli } from "../../src/cli/run";
import type { WorkbookGrid } from "../../src/domain/grid";
import { QuarterReport } from "../../src/domain/control/report";
import { CheckReport } from "../../src/domain/model";
import { writeWorkbookGrid } from "../../src/xlsx/write";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { seed004WithStatuses } from "./seed-statuses";
import { fakeCliIo } from "../cli/fake-io";

const fakeIo = (files: Record<string, Uint8Array>) => fakeCliIo(files, "2022-06-20");

async function xlsx(grid: WorkbookGrid): Promise<Uint8Array> {
  return writeWorkbookGrid(grid, { realDates: true });
}

const notRoadmap: WorkbookGrid = {
  sheets: [
    {
      name: "Школы",
      rows: [
        ["Школа", "Адрес"],
        ["МБОУ СОШ № 1", "ул. Ленина, 1"],
      ],
      merges: [],
      hiddenRows: [],
      hiddenColumns: [],
      protected: false,
    },
  ],
};

describe("bad input: exit 2, one Russian line, nothing written", () => {
  test.each([
    ["annotate", ["in.xlsx", "-o", "out.xlsx"], "plain", /не найдено ни одной таблицы дорожной карты/],
    ["annotate", ["in.xlsx", "-o", "out.xlsx"], "protected", /Лист «Лист1» защищён/],
    ["annotate", ["in.xlsx"], "seed", /Не указан параметр -o/],
    ["report", ["in.xlsx", "-o", "out.xlsx", "--quarter", "2022-Q5"], "seed", /Неверный квартал «2022-Q5»/],
    ["report", ["in.xlsx", "-o", "out.xlsx", "--quarter", "2023-Q1"], "seed", /не попадает в период/],
    ["report", ["in.xlsx", "-o", "out.xlsx"], "seed", /Не указан параметр --quarter/],
    ["report", ["in.xlsx", "-o", "out.xlsx", "--quarter", "2022-Q2"], "plain", /не найдено ни одной таблицы/],
    ["report", ["in.xlsx", "-o", "in.xlsx", "--quarter", "2022-Q2"], "seed", /совпадает с исходным/],
  ])("%s %j on %s", async (cmd, args, kind, message) => {
    const grid =
      kind === "plain"
        ? notRoadmap
        : kind === "protected"
          ? { sheets: seed004WithStatuses().sheets.map((s) => ({ ...s, protected: true })) }
          : seed004WithStatuses();
    const { io, out, err, written } = fakeIo({ "in.xlsx": await xlsx(grid) });
    expect(await runCli([cmd, ...args], io)).toBe(2);
    const text = err.join("");
    expect(text).toMatch(message);
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(out.join("")).toBe("");
    expect(Object.keys(written)).toEqual([]);
  });
});

describe("annotate on a file", () => {
  test("--json prints the check report of the written file: control columns, due dates, signals", async () => {
    const { io, out, written } = fakeIo({ "in.xlsx": await xlsx(seed004WithStatuses()) });
    // The typed columns are already there (F–J): annotate reuses them and adds none.
    const args = ["annotate", "in.xlsx", "-o", "out.xlsx", "--today", "2022-06-20", "--json"];
    expect(await runCli(args, io)).toBe(0);
    const doc = CheckReport.parse(JSON.parse(out.join("")));
    expect(doc.file).toBe("out.xlsx");
    expect(doc.tables[0].columns).toMatchObject({
      status: "F",
      doneDate: "G",
      evidenceLink: "H",
      dueDate: "J",
    });
    const row = (n: number) => doc.tables[0].rows.find((r) => r.row === n && r.kind === "activity");
    // Row 8 «Апрель 2022»: its «Контрольный срок» filled with the deadline's end; row 14 kept the user's date.
    expect(row(8)).toMatchObject({ dueDate: "2022-04-30", signal: "done" });
    expect(row(14)).toMatchObject({ dueDate: "2022-06-30", signal: "due_soon" });
    expect(row(13)).toMatchObject({ signal: "overdue" });
    expect(written["out.xlsx"]).toBeDefined();
  });
});

describe("report on a file", () => {
  test("--json prints the contract's document; the output file has the report sheet, once", async () => {
    const { io, out, written } = fakeIo({ "in.xlsx": await xlsx(seed004WithStatuses()) });
    const args = [
      "report",
      "in.xlsx",
      "-o",
      "out.xlsx",
      "--quarter",
      "2022-Q2",
      "--today",
      "2022-06-20",
      "--json",
    ];
    expect(await runCli(args, io)).toBe(0);
    const report = QuarterReport.parse(JSON.parse(out.join("")));
    expect(report.tables[0].overdue).toEqual([13, 31, 35]);
    expect(report.tables[0].byStatus[""]).toBe(23);
    // Run again on its own output: the sheet is replaced, not added twice.
    const again = fakeIo({ "in2.xlsx": written["out.xlsx"] });
    expect(
      await runCli(["report", "in2.xlsx", "-o", "out2.xlsx", "--quarter", "2022-Q2", "--json"], again.io),
    ).toBe(0);
    const check = fakeIo({ "x.xlsx": again.written["out2.xlsx"] });
    expect(await runCli(["check", "x.xlsx", "--json", "--today", "2022-06-20"], check.io)).toBe(0);
    const doc = CheckReport.parse(JSON.parse(check.out.join("")));
    expect(doc.tables.map((t) => t.sheet)).toEqual(["Лист1"]);
    const host = await XlsxWorkbookHost.open(again.written["out2.xlsx"], "out2.xlsx");
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["Лист1", "Отчёт 2022-Q2"]);
  });
});
