/**
 * An .xlsx written with every op opens in LibreOffice headless, and what the workbook must keep working without us
 * survives LibreOffice's own save: validations, conditional formats, defined names, protection and unlocked cells,
 * formulas (recalculated by LibreOffice), panes, print layout, hidden sheets.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { libreOffice, type LibreOffice } from "../helpers/libreoffice";
import { applyPlanToXlsx, workbookToBytes } from "../../src/xlsx/write";
import { loadExcelWorkbook } from "../../src/xlsx/load";
import { BASE_SHEET, SCENARIOS, plan } from "./plans";
import { memoryResult } from "./hosts";
import { xlsxCharts, xlsxSnapshot } from "./snapshot-xlsx";
import type { EditOp } from "../../src/domain/edit-plan";
import type { ModelChart, ModelWorkbook } from "../../src/domain/plan";

jest.setTimeout(240_000);

const pick = (prefix: string) => SCENARIOS.find((s) => s.name.startsWith(prefix))!;
// One workbook with every op: the scenarios' plans after one another, each on its own copy of the table.
const parts = [
  "values",
  "validation",
  "conditional",
  "links",
  "locking",
  "sheets",
  "charts",
  "columns",
  "rows",
].map(pick);
const ops: EditOp[] = [];
const renamed = (op: EditOp, sheet: string): EditOp =>
  op.sheet === BASE_SHEET ? ({ ...op, sheet } as EditOp) : op;
parts.forEach((s, i) => {
  const sheet = i === 0 ? BASE_SHEET : `Часть ${i + 1}`;
  if (i > 0) ops.push({ op: "addSheet", sheet });
  ops.push(...s.setup.map((op) => renamed(op, sheet)), ...s.act.map((op) => renamed(op, sheet)));
});
const scenario = { name: "all", setup: [] as EditOp[], act: ops };

let lo: LibreOffice;
let written: string;
let back: ModelWorkbook;
let expected: ModelWorkbook;
let backCharts: Map<string, ModelChart[]>;

beforeAll(async () => {
  lo = libreOffice();
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(BASE_SHEET);
  applyPlanToXlsx(wb, plan(ops));
  written = path.join(lo.dir, "every-op.xlsx");
  writeFileSync(written, await workbookToBytes(wb));
  const resaved = lo.resave(written);
  // Read back the way the add-in reads a file (src/xlsx/load.ts), which also mends LibreOffice's booleans.
  back = xlsxSnapshot(await loadExcelWorkbook(readFileSync(resaved)));
  backCharts = await xlsxCharts(readFileSync(resaved));
  expected = memoryResult(scenario);
});

afterAll(() => lo?.dispose());

const sheet = (wb: ModelWorkbook, name: string) => wb.sheets.find((s) => s.name === name)!;

test("validations of every kind survive", () => {
  const name = "Часть 2";
  for (const address of ["E3", "F3", "G4", "H5", "I3", "J3", "K5"])
    expect(sheet(back, name).cells[address]?.validation).toEqual(
      sheet(expected, name).cells[address].validation,
    );
});

test("after inserted columns and deleted rows: moved validations, formats and formulas survive", () => {
  for (const name of ["Часть 8", "Часть 9"]) {
    const want = sheet(expected, name);
    const got = sheet(back, name);
    const key = (cf: { ref: string; formula: string; fill: string }) => `${cf.ref} ${cf.formula} ${cf.fill}`;
    expect(got.conditionalFormats.map(key).sort()).toEqual(want.conditionalFormats.map(key).sort());
    expect(got.merges).toEqual(want.merges);
    for (const [address, cell] of Object.entries(want.cells)) {
      if (cell.validation)
        expect([address, got.cells[address]?.validation]).toEqual([address, cell.validation]);
      if (cell.formula) expect([address, got.cells[address]?.formula]).toEqual([address, cell.formula]);
    }
  }
  // LibreOffice drops quotes around a plain sheet name ('Лист1'!E3 → Лист1!E3): the same reference.
  const unquoted = (f = "") => f.replace(/'([\p{L}_][\p{L}\p{N}_.]*)'!/gu, "$1!");
  expect(unquoted(sheet(back, "Итоги").cells.A1.formula)).toBe(
    unquoted(sheet(expected, "Итоги").cells.A1.formula),
  );
});

test("conditional formats survive, only ours removed", () => {
  const name = "Часть 3";
  const key = (cf: { ref: string; formula: string; fill: string }) => `${cf.ref} ${cf.formula} ${cf.fill}`;
  expect(sheet(back, name).conditionalFormats.map(key).sort()).toEqual(
    sheet(expected, name).conditionalFormats.map(key).sort(),
  );
});

test("defined names, links, protection, unlocked cells, panes, layout survive", () => {
  expect(back.names).toEqual(expected.names);
  expect(sheet(back, "Часть 4").cells.F3).toEqual(sheet(expected, "Часть 4").cells.F3);
  const locked = sheet(back, "Часть 5");
  expect(locked.protected).toBe(true);
  for (const address of ["E3", "E4", "E5"]) expect(locked.cells[address]?.locked).toBe(false);
  expect(locked.cells.A3?.locked).toBeUndefined();
  // Frozen panes are view settings, which a headless conversion has none of: LibreOffice writes the file without
  // them (checked: our file has <pane … state="frozen"/>, the resaved one no <pane>). A user's own save keeps them.
  expect(locked.freeze).toBeNull();
  expect(locked.layout).toMatchObject({
    orientation: "landscape",
    printArea: "A1:E5",
    repeatRows: { top: 1, bottom: 1 },
  });
  expect(locked.cells.B2.style).toEqual({ bold: true, fill: "D9E1F2", wrap: true, border: true });
});

test("sheets keep their visibility; text that looks like a formula stays text", () => {
  // LibreOffice has no «very hidden»: it saves such a sheet as hidden (still out of sight, and still read by us).
  expect(back.sheets.map((s) => [s.name, s.visibility])).toEqual(
    expected.sheets.map((s) => [s.name, s.visibility === "veryHidden" ? "hidden" : s.visibility]),
  );
  expect(sheet(back, BASE_SHEET).cells.B5).toEqual({ value: "=не формула" });
  expect(sheet(back, BASE_SHEET).merges).toEqual(["A1:E1"]);
});

test("formulas survive and LibreOffice computes them", () => {
  expect(sheet(back, BASE_SHEET).cells.F3.formula).toBe("=A3*2");
  expect(sheet(back, BASE_SHEET).cells.F5.formula).toBe('=IF(E5="-",1,0)');
  const csv = lo.toCsv(written, 1);
  // A3 = 1 → F3 = 2; E5 = "-" → F5 = 1; B7 = SUM(A3:A5) = 6 (the CSV holds raw values; its format 0.00 stays).
  expect(csv[2][5]).toBe("2");
  expect(csv[4][5]).toBe("1");
  expect(csv[6][1]).toBe("6");
  expect(sheet(back, BASE_SHEET).cells.B7).toMatchObject({ formula: "=SUM(A3:A5)", numberFormat: "0.00" });
});

test("charts written by hand open in LibreOffice and come back with their data, title and place", () => {
  for (const name of ["Часть 7", "Отчёт 2024-Q3"]) {
    const key = (c: ModelChart) => `${c.type} ${c.data} ${c.anchor} ${c.title}`;
    expect((backCharts.get(name) ?? []).map(key).sort()).toEqual(
      sheet(expected, name).charts.map(key).sort(),
    );
  }
  expect(sheet(expected, "Часть 7").charts).toHaveLength(2);
});
