import ExcelJS from "exceljs";
import type { EditPlan } from "../../src/domain/edit-plan";
import { sheetFromRows, type WorkbookGrid } from "../../src/domain/grid";
import { UserFacingError } from "../../src/domain/host";
import { loadExcelWorkbook } from "../../src/xlsx/load";
import { readXlsx, workbookToGrid } from "../../src/xlsx/read";
import {
  applyPlanToXlsx,
  buildExcelWorkbook,
  workbookToBytes,
  writeWorkbookGrid,
} from "../../src/xlsx/write";
import { cellXml, sheetXml, zipPart } from "./helpers";

const plan = (...ops: EditPlan["ops"]): EditPlan => ({ summary: "тест", ops });

/** Apply, write to bytes, read back: what a user would see after saving. */
async function applyAndReread(wb: ExcelJS.Workbook, p: EditPlan, includeHidden = false) {
  applyPlanToXlsx(wb, p);
  const bytes = await workbookToBytes(wb);
  return { bytes, grid: await readXlsx(bytes, { includeHidden }) };
}

function roadmapGrid(): WorkbookGrid {
  return {
    sheets: [
      sheetFromRows(
        "Лист1",
        [
          ["Дорожная карта на 2023 год", null, null],
          ["№", "Мероприятие", "Сроки"],
          ["Муниципальный уровень", null, null],
          ["1.", "Совещание с руководителями", "до 15.04.2023"],
          [null, "(продолжение)", null],
          ["2.", "Мониторинг", "#REF!"],
          ["3.", "Семинар", "Май 2023"],
        ],
        {
          merges: [{ top: 2, left: 0, bottom: 2, right: 2 }],
          hiddenRows: [4],
          hiddenColumns: [],
          protected: false,
        },
      ),
    ],
  };
}

describe("writeWorkbookGrid → readXlsx round trip", () => {
  it("keeps values, merges, hidden rows/columns, protection, error values", async () => {
    const grid: WorkbookGrid = {
      sheets: [
        {
          ...sheetFromRows("План", [
            ["Утверждено", "30.03.2023", 12.5, true],
            ["#N/A", null, "Ёлкина Е.Ё. — «ответственная»"],
          ]),
          merges: [{ top: 0, left: 2, bottom: 1, right: 3 }],
          hiddenRows: [1],
          hiddenColumns: [0],
          protected: true,
        },
      ],
    };
    // The value inside the merge (D1) is dropped by the merge, as Excel does.
    const back = await readXlsx(await writeWorkbookGrid(grid));
    expect(back.sheets[0]).toEqual({
      name: "План",
      rows: [["Утверждено", "30.03.2023", 12.5], ["#N/A"]],
      merges: [{ top: 0, left: 2, bottom: 1, right: 3 }],
      hiddenRows: [1],
      hiddenColumns: [0],
      protected: true,
    });
  });

  it("writes error texts as real error cells and, with realDates, dates as date cells", async () => {
    const bytes = await writeWorkbookGrid(
      { sheets: [sheetFromRows("Л", [["#REF!", "30.03.2023", "31.02.2023"]])] },
      { realDates: true },
    );
    const xml = await sheetXml(bytes);
    expect(cellXml(xml, "A1")).toContain('t="e"');
    expect(cellXml(xml, "B1")).toContain("<v>45015</v>"); // 30.03.2023 as an Excel serial
    expect(cellXml(xml, "C1")).toContain('t="s"'); // not a real day: stays text
    expect((await readXlsx(bytes)).sheets[0].rows[0]).toEqual(["#REF!", "30.03.2023", "31.02.2023"]);
  });
});

describe("applyPlanToXlsx", () => {
  it("setValues writes formula-looking strings as text, never as formulas", async () => {
    const wb = await buildExcelWorkbook(roadmapGrid());
    const injected = '=HYPERLINK("http://evil.example","жми")';
    const { bytes, grid } = await applyAndReread(
      wb,
      plan({
        op: "setValues",
        sheet: "Лист1",
        row: 7,
        col: 0,
        values: [[injected, "+7 900 000", "-1", "@SUM(A1)"]],
      }),
    );
    expect(grid.sheets[0].rows[7]).toEqual([injected, "+7 900 000", "-1", "@SUM(A1)"]);
    const xml = await sheetXml(bytes);
    expect(xml).not.toContain("<f>");
    expect(cellXml(xml, "A8")).toContain('t="s"');
    expect(cellXml(xml, "C8")).toContain('t="s"');
    expect(await zipPart(bytes, "xl/sharedStrings.xml")).toContain(
      "HYPERLINK(&quot;http://evil.example&quot;",
    );
  });

  it("setValues writes numbers with the number format, and null clears", async () => {
    const wb = await buildExcelWorkbook(roadmapGrid());
    const { bytes, grid } = await applyAndReread(
      wb,
      plan({
        op: "setValues",
        sheet: "Лист1",
        row: 3,
        col: 1,
        values: [[45015, null]],
        numberFormat: "dd.mm.yyyy",
      }),
    );
    expect(grid.sheets[0].rows[3]).toEqual(["1.", "30.03.2023"]);
    expect(cellXml(await sheetXml(bytes), "B4")).toContain("<v>45015</v>");
  });

  it("setValues into a merged area leaves the merge's value alone when writing null", async () => {
    const wb = await buildExcelWorkbook(roadmapGrid());
    const { grid } = await applyAndReread(
      wb,
      plan({ op: "setValues", sheet: "Лист1", row: 2, col: 1, values: [[null]] }),
    );
    expect(grid.sheets[0].rows[2]).toEqual(["Муниципальный уровень"]);
    expect(grid.sheets[0].merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 2 }]);
  });

  it("deleteRows deletes bottom-up, shifting rows, merges and hidden flags", async () => {
    const wb = await buildExcelWorkbook(roadmapGrid());
    const { grid } = await applyAndReread(wb, plan({ op: "deleteRows", sheet: "Лист1", rows: [1, 4] }));
    const s = grid.sheets[0];
    expect(s.rows).toEqual([
      ["Дорожная карта на 2023 год"],
      ["Муниципальный уровень"],
      ["1.", "Совещание с руководителями", "до 15.04.2023"],
      ["2.", "Мониторинг", "#REF!"],
      ["3.", "Семинар", "Май 2023"],
    ]);
    expect(s.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 2 }]);
    expect(s.hiddenRows).toEqual([]); // the hidden row was the deleted one
  });

  it("deleteRows shrinks a merge that loses rows and moves validations", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Л");
    for (let r = 1; r <= 6; r++) ws.getCell(r, 1).value = `r${r}`;
    ws.getCell("B2").value = "объединено";
    ws.mergeCells("B2:B5");
    applyPlanToXlsx(
      wb,
      plan({
        op: "setListValidation",
        sheet: "Л",
        range: { top: 5, left: 2, bottom: 5, right: 2 },
        list: ["Да", "Нет"],
      }),
    );
    const { bytes, grid } = await applyAndReread(wb, plan({ op: "deleteRows", sheet: "Л", rows: [2, 3] }));
    expect(grid.sheets[0].rows).toEqual([["r1"], ["r2", "объединено"], ["r5"], ["r6"]]);
    expect(grid.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
    expect(await sheetXml(bytes)).toMatch(/<dataValidation [^>]*sqref="C4"/);
  });

  it("deleteRows keeps the cached values of shared formulas whose master row goes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Л");
    [1, 2, 3, 4].forEach((v, i) => (ws.getCell(i + 1, 1).value = v));
    ws.fillFormula("B1:B4", "A1*2", [2, 4, 6, 8]);
    const reopened = await loadExcelWorkbook(await workbookToBytes(wb));
    const { bytes, grid } = await applyAndReread(reopened, plan({ op: "deleteRows", sheet: "Л", rows: [0] }));
    expect(grid.sheets[0].rows).toEqual([
      [2, 4],
      [3, 6],
      [4, 8],
    ]);
    // LibreOffice/Excel must still open it: no shared formula pointing at a deleted master.
    expect(await sheetXml(bytes)).not.toMatch(/<f t="shared" si="\d+"\/>/);
  });

  it("unmerge removes merges intersecting the range; the value stays top-left", async () => {
    const wb = await buildExcelWorkbook(roadmapGrid());
    const { grid } = await applyAndReread(
      wb,
      plan({ op: "unmerge", sheet: "Лист1", range: { top: 2, left: 1, bottom: 2, right: 1 } }),
    );
    expect(grid.sheets[0].merges).toEqual([]);
    expect(grid.sheets[0].rows[2]).toEqual(["Муниципальный уровень"]);
  });

  it("copySheet copies values, merges, styles and widths, placed after the original", async () => {
    const wb = await buildExcelWorkbook(roadmapGrid());
    wb.addWorksheet("Итоги");
    const src = wb.getWorksheet("Лист1") as ExcelJS.Worksheet;
    src.getColumn(2).width = 60;
    src.getCell("B2").font = { bold: true };
    applyPlanToXlsx(wb, plan({ op: "copySheet", sheet: "Лист1", newName: "Лист1 (копия)" }));
    const bytes = await workbookToBytes(wb);
    const again = await loadExcelWorkbook(bytes);
    expect(again.worksheets.map((w) => w.name)).toEqual(["Лист1", "Лист1 (копия)", "Итоги"]);
    const copy = again.getWorksheet("Лист1 (копия)") as ExcelJS.Worksheet;
    expect(copy.getColumn(2).width).toBe(60);
    expect(copy.getCell("B2").font?.bold).toBe(true);
    const grid = workbookToGrid(again);
    expect(grid.sheets[1].rows).toEqual(grid.sheets[0].rows);
    expect(grid.sheets[1].merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 2 }]);
    // Changing the copy leaves the original alone.
    applyPlanToXlsx(
      again,
      plan({ op: "setValues", sheet: "Лист1 (копия)", row: 0, col: 0, values: [["другое"]] }),
    );
    expect(workbookToGrid(again).sheets[0].rows[0]).toEqual(["Дорожная карта на 2023 год"]);
  });

  it("addSheet adds a very hidden sheet once; setColumnWidths sets widths", async () => {
    const wb = await buildExcelWorkbook(roadmapGrid());
    const p = plan(
      { op: "addSheet", sheet: "Служебный", hidden: "veryHidden" },
      { op: "addSheet", sheet: "Служебный", hidden: "veryHidden" },
      { op: "setColumnWidths", sheet: "Лист1", widths: [{ col: 1, width: 48 }] },
    );
    const { bytes } = await applyAndReread(wb, p);
    const again = await loadExcelWorkbook(bytes);
    expect(again.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Лист1", "visible"],
      ["Служебный", "veryHidden"],
    ]);
    expect(again.getWorksheet("Лист1")?.getColumn(2).width).toBe(48);
  });

  it("setListValidation uses an inline list when short, a hidden list sheet when long", async () => {
    const wb = await buildExcelWorkbook(roadmapGrid());
    const long = Array.from({ length: 40 }, (_, i) => `Ответственный номер ${i + 1}, отдел`);
    const { bytes } = await applyAndReread(
      wb,
      plan(
        {
          op: "setListValidation",
          sheet: "Лист1",
          range: { top: 3, left: 3, bottom: 6, right: 3 },
          list: ["выполнено", "не выполнено"],
        },
        {
          op: "setListValidation",
          sheet: "Лист1",
          range: { top: 3, left: 4, bottom: 6, right: 4 },
          list: long,
        },
      ),
      true,
    );
    const xml = await sheetXml(bytes);
    expect(xml).toContain("<formula1>&quot;выполнено,не выполнено&quot;</formula1>");
    expect(xml).toMatch(/sqref="D4:D7"/);
    expect(xml).toContain("<formula1>&apos;_RoadmapLists&apos;!$A$1:$A$40</formula1>");
    const again = await loadExcelWorkbook(bytes);
    expect(again.getWorksheet("_RoadmapLists")?.state).toBe("veryHidden");
    expect(again.getWorksheet("_RoadmapLists")?.getCell("A2").value).toBe("Ответственный номер 2, отдел");
  });

  it("refuses a plan on a missing sheet, a taken name or a protected sheet, changing nothing", async () => {
    const grid = roadmapGrid();
    grid.sheets.push({ ...sheetFromRows("Защищён", [["x"]]), protected: true });
    const wb = await buildExcelWorkbook(grid);
    const attempt = (p: EditPlan) => {
      try {
        applyPlanToXlsx(wb, p);
        return null;
      } catch (e) {
        return e;
      }
    };
    const e1 = attempt(
      plan(
        { op: "setValues", sheet: "Лист1", row: 0, col: 0, values: [["изменено"]] },
        { op: "deleteRows", sheet: "Нет такого", rows: [0] },
      ),
    );
    expect(e1).toBeInstanceOf(UserFacingError);
    expect((e1 as Error).message).toBe("Лист «Нет такого» не найден в книге.");
    expect(workbookToGrid(wb).sheets[0].rows[0]).toEqual(["Дорожная карта на 2023 год"]);

    const e2 = attempt(plan({ op: "copySheet", sheet: "Лист1", newName: "лист1" }));
    expect((e2 as Error).message).toBe("Лист с именем «лист1» уже есть в книге: выберите другое имя.");
    const e3 = attempt(plan({ op: "copySheet", sheet: "Лист1", newName: "Копия: 2023/24" }));
    expect((e3 as Error).message).toMatch(/^Недопустимое имя листа «Копия: 2023\/24»/);
    const e4 = attempt(plan({ op: "setValues", sheet: "Защищён", row: 0, col: 0, values: [["y"]] }));
    expect((e4 as Error).message).toBe(
      "Лист «Защищён» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.",
    );
  });
});
