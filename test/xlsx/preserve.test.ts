/**
 * What ExcelJS drops is carried through a save (src/xlsx/preserve.ts): the user's chart, picture and text box survive
 * `roadmap annotate` with their anchors and the chart's references moved by the inserted columns; rows deleted move
 * them up; our own chart joins the user's drawing; what cannot be kept is said in Russian. Expectations are written
 * from the fixture's layout (test/xlsx/rich-package.ts), not read back from the code.
 */
import JSZip from "jszip";
import { runCli } from "../../src/cli/run";
import { CheckReport } from "../../src/domain/model";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { shiftChartFormula, shiftDrawing } from "../../src/xlsx/package-shift";
import { withoutSlicers } from "../../src/xlsx/preserve";
import { namesToRestore } from "../../src/xlsx/preserve-names";
import { sheetParts } from "../../src/xlsx/opc";
import { richWorkbook } from "./rich-package";
import { fakeCliIo } from "../cli/fake-io";

const fakeIo = (files: Record<string, Uint8Array>) => fakeCliIo(files, "2024-03-01");

interface Anchor {
  kind: "chart" | "picture" | "shape";
  from: [number, number];
  to: [number, number];
}

/** The drawing of a sheet, read as its relationships say (no assumption about part names). */
async function sheetDrawing(bytes: Uint8Array, sheetName = "Лист1") {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (n: string) => (await zip.file(n)?.async("string")) ?? null;
  const path = (await sheetParts(zip)).get(sheetName) as string;
  const sheet = (await text(path)) ?? "";
  const rels = (await text(path.replace(/([^/]+)$/, "_rels/$1.rels"))) ?? "";
  const id = /<drawing r:id="([^"]+)"/.exec(sheet)?.[1];
  expect(sheet.match(/<drawing /g) ?? []).toHaveLength(1);
  const target = new RegExp(`Id="${id}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(rels)?.[1];
  const xml = (await text(`xl/drawings/${target}`)) ?? "";
  const drawingRels = (await text(`xl/drawings/_rels/${target}.rels`)) ?? "";
  const anchors: Anchor[] = [...xml.matchAll(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g)].map((m) => {
    const n = (tag: string, which: string) =>
      Number(
        new RegExp(`<xdr:${which}><xdr:col>(\\d+)</xdr:col>.*?<xdr:row>(\\d+)</xdr:row>`).exec(m[0])![
          tag === "col" ? 1 : 2
        ],
      );
    return {
      kind: m[0].includes("<xdr:pic>") ? "picture" : m[0].includes("<xdr:sp ") ? "shape" : "chart",
      from: [n("col", "from"), n("row", "from")],
      to: [n("col", "to"), n("row", "to")],
    };
  });
  const targets = [...drawingRels.matchAll(/Target="([^"]+)"/g)].map((m) => m[1]);
  const charts = await Promise.all(
    targets
      .filter((t) => t.startsWith("../charts/"))
      .map(async (t) => (await text(`xl/${t.slice(3)}`)) ?? ""),
  );
  const media = targets.filter((t) => t.startsWith("../media/")).map((t) => zip.file(`xl/${t.slice(3)}`));
  const ids = [...xml.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
  return { anchors, charts, media, ids, zip };
}

const formulas = (chart: string) => [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);

describe("anchors and chart references move as Excel moves them", () => {
  const anchor = (editAs: string, from: [number, number], to: [number, number]) =>
    `<xdr:twoCellAnchor editAs="${editAs}"><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>10</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>20</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>30</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>40</xdr:rowOff></xdr:to><xdr:sp/></xdr:twoCellAnchor>`;
  const cols = (xml: string) => [...xml.matchAll(/<xdr:col>(\d+)<\/xdr:col>/g)].map((m) => Number(m[1]));
  const rows = (xml: string) => [...xml.matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1]));

  test("columns inserted: right of the insertion moves, an object over it grows, oneCell keeps its size", () => {
    const insert = [{ kind: "columns" as const, col: 4, count: 2 }];
    expect(cols(shiftDrawing(anchor("twoCell", [5, 0], [7, 3]), insert))).toEqual([7, 9]);
    expect(cols(shiftDrawing(anchor("twoCell", [2, 0], [6, 3]), insert))).toEqual([2, 8]);
    expect(cols(shiftDrawing(anchor("twoCell", [1, 0], [3, 3]), insert))).toEqual([1, 3]);
    expect(cols(shiftDrawing(anchor("oneCell", [2, 0], [6, 3]), insert))).toEqual([2, 6]);
    expect(cols(shiftDrawing(anchor("absolute", [5, 0], [7, 3]), insert))).toEqual([5, 7]);
  });

  test("rows deleted: the object moves up; a corner on a deleted row goes to the top of the next", () => {
    const del = [{ kind: "rows" as const, rows: [1, 2, 9] }];
    expect(rows(shiftDrawing(anchor("twoCell", [0, 4], [0, 8]), del))).toEqual([2, 6]);
    const onDeleted = shiftDrawing(anchor("twoCell", [0, 2], [0, 8]), del);
    expect(rows(onDeleted)).toEqual([1, 6]);
    expect(onDeleted).toContain("<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff>");
  });

  test("series references: only the named sheet's, ranges shrink, all rows gone is #REF!", () => {
    const ins = { kind: "columns" as const, col: 2, count: 3 };
    expect(shiftChartFormula("Лист1!$B$2:$C$10", "Лист1", ins)).toBe("Лист1!$B$2:$F$10");
    expect(shiftChartFormula("'План 2024'!$D$2", "План 2024", ins)).toBe("'План 2024'!$G$2");
    expect(shiftChartFormula("Другой!$D$2", "Лист1", ins)).toBe("Другой!$D$2");
    const del = { kind: "rows" as const, rows: [3, 4] }; // sheet rows 4 and 5
    expect(shiftChartFormula("Лист1!$B$2:$B$10", "Лист1", del)).toBe("Лист1!$B$2:$B$8");
    expect(shiftChartFormula("Лист1!$B$4:$B$5", "Лист1", del)).toBe("Лист1!#REF!");
    expect(shiftChartFormula("(Лист1!$B$6,Лист1!$B$8)", "Лист1", del)).toBe("(Лист1!$B$4,Лист1!$B$6)");
    // Whole columns and whole rows, as dynamic names and print titles write them.
    expect(shiftChartFormula("COUNTA(Лист1!$B:$C)", "Лист1", ins)).toBe("COUNTA(Лист1!$B:$F)");
    expect(shiftChartFormula("Лист1!$3:$6", "Лист1", del)).toBe("Лист1!$3:$4");
    expect(shiftChartFormula("Лист1!$4:$5", "Лист1", del)).toBe("Лист1!#REF!");
  });
});

test("a slicer's frame (its part is not carried) gives way to Excel's own fallback text box", () => {
  const slicer = (fallback: string) =>
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice xmlns:sle15="http://schemas.microsoft.com/office/drawing/2012/slicer" Requires="sle15">` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Школа"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/drawing/2010/slicer"><sle:slicer xmlns:sle="http://schemas.microsoft.com/office/drawing/2010/slicer" name="Школа"/></a:graphicData></a:graphic></xdr:graphicFrame></mc:Choice>` +
    `${fallback}</mc:AlternateContent><xdr:clientData/></xdr:twoCellAnchor>`;
  const text = `<xdr:sp macro="" textlink=""><xdr:txBody><a:p><a:r><a:t>Здесь был срез</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;
  const pic = `<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="1" cy="1"/><xdr:pic/><xdr:clientData/></xdr:oneCellAnchor>`;
  const out = withoutSlicers(`<xdr:wsDr>${pic}${slicer(`<mc:Fallback>${text}</mc:Fallback>`)}</xdr:wsDr>`);
  expect(out).not.toContain("sle:slicer");
  expect(out).not.toContain("mc:AlternateContent");
  expect(out).toContain(`<xdr:rowOff>0</xdr:rowOff></xdr:to>${text}<xdr:clientData/></xdr:twoCellAnchor>`);
  expect(out).toContain(pic);
  expect(withoutSlicers(`<xdr:wsDr>${pic}${slicer("")}</xdr:wsDr>`)).toBe(`<xdr:wsDr>${pic}</xdr:wsDr>`);
});

describe("roadmap annotate keeps the user's chart, picture and text box", () => {
  test("columns inserted before the chart's data: parts kept, references and anchors moved by 5 columns", async () => {
    const { io, err, written } = fakeIo({ "in.xlsx": await richWorkbook(["chart", "picture", "shape"]) });
    expect(await runCli(["annotate", "in.xlsx", "-o", "out.xlsx"], io)).toBe(0);
    // The table is A:D; five control columns go in at E, so the data block F:G is now K:L.
    const d = await sheetDrawing(written["out.xlsx"]);
    expect(d.anchors).toEqual([
      { kind: "chart", from: [13, 1], to: [19, 12] },
      { kind: "picture", from: [13, 13], to: [15, 16] },
      { kind: "shape", from: [16, 13], to: [19, 16] },
    ]);
    expect(d.charts).toHaveLength(1);
    expect(formulas(d.charts[0])).toEqual(["Лист1!$L$2", "Лист1!$K$4:$K$6", "Лист1!$L$4:$L$6"]);
    expect(d.charts[0]).toContain("Баллы школ");
    expect(d.media).toHaveLength(1);
    expect(d.media[0]).not.toBeNull();
    expect(new Set(d.ids).size).toBe(d.ids.length);
    // The chart's own style part came along, with a content type.
    const types = (await d.zip.file("[Content_Types].xml")!.async("string")) ?? "";
    expect(types).toMatch(/chartstyle\+xml/);
    expect(err.join("")).not.toMatch(/В файле есть/);

    // A rerun on its own output changes nothing: one chart, same place.
    const again = fakeIo({ "out.xlsx": written["out.xlsx"] });
    expect(await runCli(["annotate", "out.xlsx", "-o", "out2.xlsx"], again.io)).toBe(0);
    const d2 = await sheetDrawing(again.written["out2.xlsx"]);
    expect(d2.anchors).toEqual(d.anchors);
    expect(d2.charts.map(formulas)).toEqual([["Лист1!$L$2", "Лист1!$K$4:$K$6", "Лист1!$L$4:$L$6"]]);
  });

  test("rows deleted: the chart's ranges shrink, the objects below move up", async () => {
    const host = await XlsxWorkbookHost.open(await richWorkbook(["chart", "picture"]), "in.xlsx");
    // Sheet row 5 («СОШ № 2», 17) goes.
    await host.apply({ summary: "", ops: [{ op: "deleteRows", sheet: "Лист1", rows: [4] }] });
    const d = await sheetDrawing(await host.toBuffer());
    expect(formulas(d.charts[0])).toEqual(["Лист1!$G$2", "Лист1!$F$4:$F$5", "Лист1!$G$4:$G$5"]);
    expect(d.anchors).toEqual([
      { kind: "chart", from: [8, 1], to: [14, 11] },
      { kind: "picture", from: [8, 12], to: [10, 15] },
    ]);
  });

  test("a sheet copied, then rows deleted on the original (fold): the copy keeps the chart as it was, reading the copy", async () => {
    const host = await XlsxWorkbookHost.open(await richWorkbook(["chart", "picture"]), "in.xlsx");
    await host.apply({
      summary: "",
      ops: [
        { op: "copySheet", sheet: "Лист1", newName: "Лист1 (исходный)" },
        { op: "deleteRows", sheet: "Лист1", rows: [4] },
      ],
    });
    const bytes = await host.toBuffer();
    const main = await sheetDrawing(bytes);
    expect(main.charts.map(formulas)).toEqual([["Лист1!$G$2", "Лист1!$F$4:$F$5", "Лист1!$G$4:$G$5"]]);
    const copy = await sheetDrawing(bytes, "Лист1 (исходный)");
    expect(copy.anchors).toEqual([
      { kind: "chart", from: [8, 1], to: [14, 12] },
      { kind: "picture", from: [8, 13], to: [10, 16] },
    ]);
    expect(copy.charts.map(formulas)).toEqual([
      ["'Лист1 (исходный)'!$G$2", "'Лист1 (исходный)'!$F$4:$F$6", "'Лист1 (исходный)'!$G$4:$G$6"],
    ]);
  });

  test("a chart of ours on the same sheet joins the user's drawing", async () => {
    const host = await XlsxWorkbookHost.open(await richWorkbook(["chart", "picture"]), "in.xlsx");
    const range = { top: 2, left: 0, bottom: 5, right: 1 };
    const anchor = { top: 20, left: 0, bottom: 30, right: 5 };
    await host.apply({
      summary: "",
      ops: [{ op: "addChart", sheet: "Лист1", type: "column", data: range, anchor, title: "Наш" }],
    });
    const d = await sheetDrawing(await host.toBuffer());
    expect(d.anchors.map((a) => a.kind)).toEqual(["chart", "picture", "chart"]);
    expect(d.anchors[2]).toEqual({ kind: "chart", from: [0, 20], to: [6, 31] });
    expect(d.charts.map((c) => c.includes("Баллы школ"))).toEqual([true, false]);
    expect(d.charts[1]).toContain("'Лист1'!$B$4:$B$6");
    expect(new Set(d.ids).size).toBe(3);
  });
});

describe("names and drop-downs ExcelJS would cut or drop", () => {
  test("which names need restoring: formulas, constants, sheet scope, hidden; not plain ranges or LibreOffice's off flags", () => {
    const xml =
      `<sheets><sheet name="Лист1"/><sheet name="Лист 2"/></sheets><definedNames>` +
      `<definedName name="Просто" function="false" hidden="false" vbProcedure="false">Лист1!$A$1:$B$2</definedName>` +
      `<definedName name="Два">'Лист 2'!$A$1,Лист1!$C$3</definedName>` +
      `<definedName name="Ставка">0.2</definedName>` +
      `<definedName name="Свой" localSheetId="1">'Лист 2'!$B$2</definedName>` +
      `<definedName name="Тайное" hidden="1">Лист1!$A$1</definedName>` +
      `<definedName name="_xlnm.Print_Area" localSheetId="0">Лист1!$A$1:$D$9</definedName></definedNames>`;
    expect(namesToRestore(xml, ["Лист1", "Лист 2"])).toEqual([
      { name: "Ставка", attrs: "", scope: null, formula: "0.2" },
      { name: "Свой", attrs: "", scope: "Лист 2", formula: "'Лист 2'!$B$2" },
      { name: "Тайное", attrs: 'hidden="1"', scope: null, formula: "Лист1!$A$1" },
    ]);
  });

  test("a formula name, a sheet-scoped and a hidden name, a drop-down from another sheet: kept and moved", async () => {
    const { io, written } = fakeIo({ "in.xlsx": await richWorkbook(["names", "crossSheetList"]) });
    expect(await runCli(["annotate", "in.xlsx", "-o", "out.xlsx"], io)).toBe(0);
    const zip = await JSZip.loadAsync(written["out.xlsx"]);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const names = [...workbook.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map(
      (m) => `${m[1]} → ${m[2]}`,
    );
    // F:G moved to K:L by the five control columns inserted at E.
    expect(names).toEqual(
      expect.arrayContaining([
        'name="Динамика" → OFFSET(Лист1!$L$4,0,0,COUNTA(Лист1!$L:$L)-1,1)',
        'name="Местное" localSheetId="0" → Лист1!$K$4',
        'name="Служебное" hidden="1" → Лист1!$L$6',
      ]),
    );
    expect(names.filter((n) => n.includes("Динамика") || n.includes("Местное"))).toHaveLength(2);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain(
      '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Скрытый!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>K4:K6</xm:sqref></x14:dataValidation>',
    );
    // The sheet's own extLst is one, and last.
    expect(sheet.match(/<extLst>/g) ?? []).toHaveLength(1);
    expect(sheet).toMatch(/<\/extLst><\/worksheet>$/);
  });
});

test("a conditional format reading another sheet (x14 only): the file saves, the rule kept and moved", async () => {
  const { io, err, written } = fakeIo({ "in.xlsx": await richWorkbook(["x14cf", "crossSheetFormat"]) });
  expect(await runCli(["annotate", "in.xlsx", "-o", "out.xlsx"], io)).toBe(0);
  expect(err.join("")).not.toMatch(/внутренней ошибки/);
  const sheet = await (
    await JSZip.loadAsync(written["out.xlsx"])
  )
    .file("xl/worksheets/sheet1.xml")!
    .async("string");
  // Its formula and place moved with the five columns inserted at E; the other sheet's cell did not move.
  expect(sheet).toContain(
    '<x14:cfRule type="expression" priority="3" id="{00000000-0000-0000-0000-000000000002}"><xm:f>$L4&gt;Скрытый!$B$1</xm:f>',
  );
  expect(sheet).toMatch(/<xm:f>\$L4&gt;Скрытый!\$B\$1<\/xm:f>[\s\S]*?<xm:sqref>K4:L6<\/xm:sqref>/);
  // ExcelJS's own data bar stays beside it, in the one x14 extension.
  expect(sheet).toContain("<x14:dataBar");
  expect(sheet.match(/uri="\{78C0D931-6437-407d-A8EE-F0AAD7539E65\}"/g) ?? []).toHaveLength(1);
  // One extLst of the sheet's own (a main-part data bar holds another inside its cfRule), and it is last.
  expect(sheet.replace(/<cfRule\b[\s\S]*?<\/cfRule>/g, "").match(/<extLst>/g) ?? []).toHaveLength(1);
  expect(sheet).toMatch(/<\/extLst><\/worksheet>$/);
});

test("a table without a style (as LibreOffice writes it) is saved, not a crash", async () => {
  const zip = await JSZip.loadAsync(await richWorkbook([]));
  const table = await zip.file("xl/tables/table1.xml")!.async("string");
  zip.file("xl/tables/table1.xml", table.replace(/<tableStyleInfo[^>]*\/>/, ""));
  const host = await XlsxWorkbookHost.open(await zip.generateAsync({ type: "uint8array" }), "lo.xlsx");
  const saved = await JSZip.loadAsync(await host.toBuffer());
  const back = await saved.file("xl/tables/table1.xml")!.async("string");
  expect(back).toContain('name="Школы"');
  expect(back).not.toMatch(/tableStyleInfo[^>]*name=/);
});

describe("what cannot be kept is said in Russian", () => {
  const PIVOT =
    "В файле есть сводные таблицы (лист «Скрытый»): при сохранении без Excel они не сохранятся. Исходный файл не изменён; если они нужны, выполните команду в Excel с надстройкой.";
  const VBA =
    "В файле есть макросы VBA: при сохранении без Excel они не сохранятся. Исходный файл не изменён; если они нужны, выполните команду в Excel с надстройкой.";

  test("annotate --json: the notices on stderr, once each; stdout is the contract's document", async () => {
    const { io, out, err } = fakeIo({ "in.xlsx": await richWorkbook(["pivot", "vba", "chart"]) });
    expect(await runCli(["annotate", "in.xlsx", "-o", "out.xlsx", "--json"], io)).toBe(0);
    const lines = err.join("").split("\n");
    expect(lines.filter((l) => l === PIVOT)).toHaveLength(1);
    expect(lines.filter((l) => l === VBA)).toHaveLength(1);
    expect(CheckReport.parse(JSON.parse(out.join(""))).tables).toHaveLength(1);
  });

  test("text mode and fold: the same notices on stderr", async () => {
    for (const cmd of ["annotate", "fold"]) {
      const { io, out, err } = fakeIo({ "in.xlsx": await richWorkbook(["slicer", "formControl"]) });
      expect(await runCli([cmd, "in.xlsx", "-o", "out.xlsx"], io)).toBe(0);
      expect(err.join("")).toContain("В файле есть срезы (лист «Лист1»)");
      expect(err.join("")).toContain(
        "В файле есть элементы управления формы: флажки, списки, кнопки (лист «Лист1»)",
      );
      expect(out.join("")).not.toContain("В файле есть");
    }
  });

  test("the host says it with its first change (the preview's panes), and a file with nothing to lose says nothing", async () => {
    const host = await XlsxWorkbookHost.open(await richWorkbook(["pivot"]), "in.xlsx");
    const op = { op: "setValues" as const, sheet: "Лист1", row: 20, col: 0, values: [["x"]] };
    expect((await host.apply({ summary: "", ops: [op] })).notices).toEqual([PIVOT]);
    expect((await host.apply({ summary: "", ops: [op] })).notices).toEqual([]);
    const clean = await XlsxWorkbookHost.open(
      await richWorkbook(["chart", "picture", "shape", "note"]),
      "in.xlsx",
    );
    expect(clean.lossNotices()).toEqual([]);
  });
});
