import JSZip from "jszip";
import { sheetFromRows } from "../../src/domain/grid";
import { clipHugeMerges } from "../../src/xlsx/load";
import { readXlsx } from "../../src/xlsx/read";
import { writeWorkbookGrid } from "../../src/xlsx/write";

/** A file as Excel saves a merge over whole rows and columns: one <mergeCell>, no cells inside it. */
async function withMerges(refs: string[]): Promise<Uint8Array> {
  const base = await writeWorkbookGrid({
    sheets: [
      sheetFromRows("ДК", [
        ["№", "Мероприятие", "Срок", "Ответственный"],
        ["1", "Совещание", "Сентябрь 2025", "Иванова А.А."],
        ["2", "Семинар", "Октябрь 2025", "Петров П.П."],
      ]),
    ],
  });
  const zip = await JSZip.loadAsync(base);
  const name = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n))!;
  const xml = await zip.file(name)!.async("string");
  const merges = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
  zip.file(name, xml.replace("</sheetData>", `</sheetData>${merges}`));
  return zip.generateAsync({ type: "uint8array" });
}

describe("merges over whole rows and columns", () => {
  it("are clipped to the cells the sheet uses, so reading never expands millions of cells", async () => {
    const file = await withMerges(["F1:XFD1048576", "C5:C1048576", "A10:B10"]);
    const clipped = await JSZip.loadAsync(await clipHugeMerges(file));
    const xml = await clipped.file("xl/worksheets/sheet1.xml")!.async("string");
    // F1:XFD… starts right of every cell (D is the last): clipped to F1:F3; C5:C… below the last row (3): one
    // cell, dropped; A10:B10 is small and stays as written.
    expect([...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1])).toEqual(["F1:F3", "A10:B10"]);

    const wb = await readXlsx(file);
    expect(wb.sheets[0].rows[1]).toEqual(["1", "Совещание", "Сентябрь 2025", "Иванова А.А."]);
    expect(wb.sheets[0].merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 5, bottom: 2, right: 5 },
        { top: 9, left: 0, bottom: 9, right: 1 },
      ]),
    );
  });

  it("a file without huge merges is passed through byte for byte", async () => {
    const file = await withMerges(["A10:B10"]);
    expect(await clipHugeMerges(file)).toBe(file);
  });
});

describe("LibreOffice's booleans", () => {
  test('"true"/"false" in sheet protection and cell locking become the "1"/"0" ExcelJS reads', async () => {
    const { normaliseBooleans } = await import("../../src/xlsx/load");
    expect(normaliseBooleans('<sheetProtection sheet="true" objects="true" formatCells="false"/>')).toBe(
      '<sheetProtection sheet="1" objects="1" formatCells="0"/>',
    );
    expect(normaliseBooleans('<xf><protection locked="false" hidden="false"/></xf><c t="true"/>')).toBe(
      '<xf><protection locked="0" hidden="0"/></xf><c t="true"/>',
    );
  });
});
