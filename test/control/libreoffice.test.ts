/**
 * The annotated file in LibreOffice headless: it opens, the drop-down, date validation and signal formats
 * survive LibreOffice's own save, and after LibreOffice recalculates, the signal formulas' conditions are what
 * a user expects for statuses typed by hand and a «Контрольный срок» in the past. The conditions are evaluated
 * by LibreOffice (the rules' own formulas copied into helper cells of the test's copy), not by our code.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeWorkbookGrid } from "../../src/xlsx/write";
import { libreOffice, type LibreOffice } from "../helpers/libreoffice";
import { seedFixtures } from "../fixtures/seeds";
import { annotateBytes, cfRules, excel } from "./xlsx-helpers";

let lo: LibreOffice;
beforeAll(() => {
  lo = libreOffice();
});
afterAll(() => lo.dispose());

function kind(formula: string): string {
  if (formula.includes("<TODAY()")) return "overdue";
  if (formula.includes(">=TODAY()")) return "due_soon";
  if (formula.includes('нарушением срока")')) return "done_late";
  return "done";
}

test("signals in LibreOffice: validations and rules survive, conditions computed by LibreOffice", async () => {
  const grid = structuredClone(seedFixtures().find((f) => f.id === "004-clean")!.workbook);
  const annotated = await annotateBytes(await writeWorkbookGrid(grid, { realDates: true }));
  const file = path.join(lo.dir, "annotated.xlsx");
  writeFileSync(file, annotated);

  // LibreOffice opens and saves it: the drop-down, the date validation and our four rules are still there.
  const resaved = (await excel(readFileSync(lo.resave(file)))).getWorksheet("Лист1")!;
  expect(resaved.getCell("F8").dataValidation?.type).toBe("list");
  expect(resaved.getCell("G8").dataValidation?.type).toBe("date");
  expect(cfRules(resaved).filter((r) => r.formula.includes("RM:signal"))).toHaveLength(4);

  // The test's copy: statuses typed by hand, control dates set, and each rule's formula in helper cells.
  const wb = await excel(annotated);
  const ws = wb.getWorksheet("Лист1")!;
  const rules = cfRules(ws).map((r) => ({ kind: kind(r.formula), formula: r.formula.replace(/^=/, "") }));
  expect(rules.map((r) => r.kind).sort()).toEqual(["done", "done_late", "due_soon", "overdue"]);
  const now = new Date();
  const day = (offset: number) =>
    new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + offset));
  const typed: Record<number, { status?: string; due?: Date | null }> = {
    8: { status: "Выполнено" },
    10: { status: "Выполнено с нарушением срока" },
    13: { status: "Не выполнено" }, // «До 15.04.2022»: long past
    14: { due: day(5) }, // no status, due in five days
    16: { status: "В работе", due: day(30) },
    19: { status: "Отменено" }, // past, but cancelled
    21: { status: "в работе", due: day(-1) }, // yesterday
    27: {}, // «После каждого участия…»: no control date
  };
  for (const [r, t] of Object.entries(typed)) {
    const row = Number(r);
    if (t.status) ws.getCell(`F${row}`).value = t.status;
    if (t.due !== undefined) {
      ws.getCell(`J${row}`).value = t.due;
      ws.getCell(`J${row}`).numFmt = "dd.mm.yyyy";
    }
    rules.forEach((rule, i) => {
      const formula = rule.formula.replace(/\$([A-Z]+)8(?!\d)/g, `$$$1${row}`);
      ws.getCell(row, 17 + i).value = { formula } as never;
    });
  }
  const copy = path.join(lo.dir, "typed.xlsx");
  writeFileSync(copy, Buffer.from(await wb.xlsx.writeBuffer()));
  const csv = lo.toCsv(copy, 1);
  const computed = (row: number) =>
    Object.fromEntries(rules.map((rule, i) => [rule.kind, csv[row - 1][16 + i]?.toUpperCase()]));
  const only = (k: string | null) => ({
    overdue: k === "overdue" ? "TRUE" : "FALSE",
    due_soon: k === "due_soon" ? "TRUE" : "FALSE",
    done_late: k === "done_late" ? "TRUE" : "FALSE",
    done: k === "done" ? "TRUE" : "FALSE",
  });
  expect(computed(8)).toEqual(only("done"));
  expect(computed(10)).toEqual(only("done_late"));
  expect(computed(13)).toEqual(only("overdue"));
  expect(computed(14)).toEqual(only("due_soon"));
  expect(computed(16)).toEqual(only(null));
  expect(computed(19)).toEqual(only(null));
  expect(computed(21)).toEqual(only("overdue"));
  expect(computed(27)).toEqual(only(null));
}, 300000);
