/**
 * The committed .xlsx fixtures (scripts/make-fixtures.ts) read back to exactly the seed grids they were
 * written from, and the hostile files are refused with the right sentence.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CellValue, SheetGrid } from "../../src/domain/grid";
import { UserFacingError } from "../../src/domain/host";
import { MESSAGES, sniffFile } from "../../src/xlsx/load";
import { readXlsx } from "../../src/xlsx/read";
import { seedFixtures } from "../fixtures/seeds";

const dir = path.join(__dirname, "../fixtures/xlsx");

/** The grid as a reader must return it: no trailing empty cells, empty rows as [], merges sorted. */
function normalized(sheet: SheetGrid): SheetGrid {
  const rows = sheet.rows.map((row) => {
    const out: CellValue[] = (row ?? []).map((v) => (v === undefined || v === "" ? null : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  const merges = [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left);
  return { ...sheet, rows, merges };
}

describe("seed fixtures as .xlsx", () => {
  it.each(seedFixtures().map((f) => [f.id, f] as const))("%s reads back to its seed grid", async (id, f) => {
    const grid = await readXlsx(readFileSync(path.join(dir, `${id}.xlsx`)));
    expect(grid.sheets).toEqual(f.workbook.sheets.map(normalized));
  });
});

describe("hostile files", () => {
  it.each([
    ["empty.xlsx", MESSAGES.empty],
    ["truncated.xlsx", MESSAGES.corrupt],
    ["random.xlsx", MESSAGES.notXlsx],
    ["password.xlsx", MESSAGES.encrypted],
    ["old-format.xls", MESSAGES.xls],
    ["roadmap.ods", MESSAGES.ods],
  ])("%s → %s", async (name, message) => {
    const err = await readXlsx(readFileSync(path.join(dir, "hostile", name))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toBe(message);
  });

  it("the .xls made by LibreOffice is a real OLE file, not our synthetic one", () => {
    const bytes = readFileSync(path.join(dir, "hostile", "old-format.xls"));
    expect(sniffFile(bytes)).toBe("xls");
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
