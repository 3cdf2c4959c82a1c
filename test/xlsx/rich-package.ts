/**
 * A roadmap workbook carrying the parts users keep beside their tables, assembled as Excel stores them: ExcelJS
 * writes the cells (its own features: validation, names, print settings, a hidden sheet, a table, a note), then the
 * parts ExcelJS cannot write are added to the zip by hand — a chart, a picture and a text box in one drawing, x14
 * conditional formats and sparklines, a pivot table, a slicer, a form control, VBA, custom XML, a custom theme.
 *
 * Лист1: title in A1, the roadmap table A3:D6 (header row 3), a small data block F2:G6 right beside it (so
 * `annotate` must insert columns before it), the chart of F4:F6 / G4:G6 anchored at I2:N12, the picture at I14:J16,
 * the text box at L14:N16.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

// A 1×1 red PNG.
export const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  ),
);

export type Part =
  | "chart"
  | "picture"
  | "shape"
  | "note"
  | "x14cf"
  | "sparklines"
  | "pivot"
  | "slicer"
  | "formControl"
  | "vba"
  | "customXml"
  | "theme"
  | "names"
  | "crossSheetList"
  | "crossSheetFormat";

export const ALL_PARTS: Part[] = [
  "chart",
  "picture",
  "shape",
  "note",
  "x14cf",
  "sparklines",
  "pivot",
  "slicer",
  "formControl",
  "vba",
  "customXml",
  "theme",
  "names",
  "crossSheetList",
  "crossSheetFormat",
];

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

async function base(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  ws.getCell("A1").value = "Дорожная карта по повышению качества образования в 2024 году";
  const rows: (string | number)[][] = [
    ["№ п/п", "Мероприятие", "Сроки", "Ответственные"],
    [
      "1.",
      "Проведение диагностики профессиональных дефицитов педагогов",
      "Март 2024",
      "Иванова А.А.",
      "",
      "СОШ № 1",
      12,
    ],
    [
      "2.",
      "Разработка индивидуальных планов профессионального развития",
      "Апрель 2024",
      "Петров Б.Б.",
      "",
      "СОШ № 2",
      17,
    ],
    [
      "3.",
      "Участие педагогов в курсах повышения квалификации",
      "Май 2024",
      "Сидорова В.В.",
      "",
      "СОШ № 3",
      9,
    ],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => v !== "" && (ws.getCell(3 + i, 1 + c).value = v)));
  // The data block's labels stand above the table's header row, so the block is not read as table columns.
  ws.getCell("F2").value = "Школа";
  ws.getCell("G2").value = "Баллы";
  // ExcelJS's own features, measured too.
  ws.getCell("G4").dataValidation = {
    type: "whole",
    operator: "between",
    formulae: [0, 100],
    allowBlank: true,
  };
  wb.definedNames.add("'Лист1'!$F$4:$G$6", "Баллы_школ");
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.getCell("B4").note = "Проверить с методистом";
  const hidden = wb.addWorksheet("Скрытый", { state: "hidden" });
  hidden.getCell("A1").value = "служебные данные";
  const t = wb.addWorksheet("Таблица");
  t.addTable({
    name: "Школы",
    ref: "A1",
    columns: [{ name: "Школа" }, { name: "Учеников" }],
    rows: [
      ["СОШ № 1", 300],
      ["СОШ № 2", 450],
    ],
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Excel's chart of Лист1!F4:G6 (categories F, values G), with the style/colour parts Excel adds. */
export const CHART_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
  `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Баллы школ</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
  `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
  `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Лист1!$G$2</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Баллы</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
  `<c:cat><c:strRef><c:f>Лист1!$F$4:$F$6</c:f><c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>СОШ № 1</c:v></c:pt><c:pt idx="1"><c:v>СОШ № 2</c:v></c:pt><c:pt idx="2"><c:v>СОШ № 3</c:v></c:pt></c:strCache></c:strRef></c:cat>` +
  `<c:val><c:numRef><c:f>Лист1!$G$4:$G$6</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>12</c:v></c:pt><c:pt idx="1"><c:v>17</c:v></c:pt><c:pt idx="2"><c:v>9</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>` +
  `<c:axId val="111"/><c:axId val="222"/></c:barChart>` +
  `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx>` +
  `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx>` +
  `</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

// As Excel writes them: a chart moves and sizes with cells (no editAs), a picture or text box moves only.
const anchor = (from: [number, number], to: [number, number], body: string) =>
  `<xdr:twoCellAnchor${body.startsWith("<xdr:graphicFrame") ? "" : ' editAs="oneCell"'}><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
  `<xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;

function drawingXml(parts: Set<Part>): string {
  const body: string[] = [];
  if (parts.has("chart"))
    body.push(
      anchor(
        [8, 1],
        [14, 12],
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Диаграмма 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
          `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
          `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
      ),
    );
  if (parts.has("picture"))
    body.push(
      anchor(
        [8, 13],
        [10, 16],
        `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Рисунок 2" descr="Герб"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
          `<xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
          `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1219200" cy="571500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`,
      ),
    );
  if (parts.has("shape"))
    body.push(
      anchor(
        [11, 13],
        [14, 16],
        `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="4" name="Надпись 3"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>` +
          `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="571500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
          `<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="ru-RU"/><a:t>Согласовано с управлением образования</a:t></a:r></a:p></xdr:txBody></xdr:sp>`,
      ),
    );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">${body.join("")}</xdr:wsDr>`
  );
}

const X14_CF_EXT = (formats: string) =>
  `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
  `<x14:conditionalFormattings>${formats}</x14:conditionalFormattings></ext>`;

const DATA_BAR =
  `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
  `<x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
  `<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>` +
  `<xm:sqref>G4:G6</xm:sqref></x14:conditionalFormatting>`;

/** A format whose formula reads another sheet: Excel keeps it only in the x14 extension. */
const CROSS_SHEET_CF =
  `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
  `<x14:cfRule type="expression" priority="3" id="{00000000-0000-0000-0000-000000000002}"><xm:f>$G4&gt;Скрытый!$B$1</xm:f>` +
  `<x14:dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></x14:dxf></x14:cfRule>` +
  `<xm:sqref>F4:G6</xm:sqref></x14:conditionalFormatting>`;

const SPARKLINES =
  `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
  `<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap">` +
  `<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Лист1!G4:G6</xm:f><xm:sqref>G7</xm:sqref></x14:sparkline></x14:sparklines>` +
  `</x14:sparklineGroup></x14:sparklineGroups></ext>`;

/** Add a relationship to a rels part (created when missing); returns its id. */
async function addRel(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const xml =
    (await zip.file(relsPath)?.async("string")) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const n = Math.max(0, ...[...xml.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  zip.file(
    relsPath,
    xml.replace(
      "</Relationships>",
      `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/></Relationships>`,
    ),
  );
  return `rId${n}`;
}

/** Insert `el` into a worksheet before the first of `beforeTags` present (schema order), else before the end. */
function insertInSheet(xml: string, el: string, beforeTags: string[]): string {
  const at = beforeTags.map((t) => xml.indexOf(`<${t}`)).filter((i) => i >= 0);
  const i = at.length ? Math.min(...at) : xml.lastIndexOf("</worksheet>");
  return xml.slice(0, i) + el + xml.slice(i);
}

/** A workbook with the given parts. Sheet parts: Лист1 = sheet1.xml, Скрытый = sheet2.xml, Таблица = sheet3.xml. */
export async function richWorkbook(parts: readonly Part[] = ALL_PARTS): Promise<Uint8Array> {
  const want = new Set(parts);
  const zip = await JSZip.loadAsync(await base());
  const text = async (n: string) => (await zip.file(n)?.async("string")) ?? "";
  let types = await text("[Content_Types].xml");
  const override = (part: string, type: string) =>
    (types = types.replace("</Types>", `<Override PartName="${part}" ContentType="${type}"/></Types>`));
  let sheet = await text("xl/worksheets/sheet1.xml");
  const sheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
  let workbook = await text("xl/workbook.xml");
  const wbRels = "xl/_rels/workbook.xml.rels";

  if (want.has("chart") || want.has("picture") || want.has("shape")) {
    const drawingRels: string[] = [];
    if (want.has("chart")) {
      zip.file("xl/charts/chart1.xml", CHART_XML);
      override("/xl/charts/chart1.xml", `${CT}.drawingml.chart+xml`);
      zip.file(
        "xl/charts/style1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" id="201"/>`,
      );
      override("/xl/charts/style1.xml", "application/vnd.ms-office.chartstyle+xml");
      zip.file(
        "xl/charts/_rels/chart1.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/></Relationships>`,
      );
      drawingRels.push(`<Relationship Id="rId1" Type="${NS_R}/chart" Target="../charts/chart1.xml"/>`);
    }
    if (want.has("picture")) {
      zip.file("xl/media/image1.png", PNG);
      if (!types.includes('Extension="png"'))
        types = types.replace("<Default ", `<Default Extension="png" ContentType="image/png"/><Default `);
      drawingRels.push(`<Relationship Id="rId2" Type="${NS_R}/image" Target="../media/image1.png"/>`);
    }
    zip.file("xl/drawings/drawing1.xml", drawingXml(want));
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join("")}</Relationships>`,
    );
    override("/xl/drawings/drawing1.xml", `${CT}.drawing+xml`);
    const id = await addRel(zip, sheetRels, `${NS_R}/drawing`, "../drawings/drawing1.xml");
    sheet = insertInSheet(sheet, `<drawing r:id="${id}"/>`, ["legacyDrawing", "tableParts", "extLst"]);
  }
  const x14Formats = [
    want.has("x14cf") ? DATA_BAR : "",
    want.has("crossSheetFormat") ? CROSS_SHEET_CF : "",
  ].join("");
  const exts = [x14Formats ? X14_CF_EXT(x14Formats) : "", want.has("sparklines") ? SPARKLINES : ""].join("");
  if (exts) {
    sheet = sheet.includes("<extLst>")
      ? sheet.replace("</extLst>", `${exts}</extLst>`)
      : sheet.replace("</worksheet>", `<extLst>${exts}</extLst></worksheet>`);
  }
  if (want.has("crossSheetList")) {
    // A drop-down whose list is on another sheet: Excel stores it as an x14 extension.
    const ext =
      `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
      `<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">` +
      `<x14:formula1><xm:f>Скрытый!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>F4:F6</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;
    sheet = sheet.includes("<extLst>")
      ? sheet.replace("</extLst>", `${ext}</extLst>`)
      : sheet.replace("</worksheet>", `<extLst>${ext}</extLst></worksheet>`);
  }
  if (want.has("names")) {
    // A dynamic range (a formula), a sheet-scoped name and a hidden one, as Excel writes them.
    workbook = workbook.replace(
      "</definedNames>",
      `<definedName name="Динамика">OFFSET(Лист1!$G$4,0,0,COUNTA(Лист1!$G:$G)-1,1)</definedName>` +
        `<definedName name="Местное" localSheetId="0">Лист1!$F$4</definedName>` +
        `<definedName name="Служебное" hidden="1">Лист1!$G$6</definedName></definedNames>`,
    );
  }
  if (want.has("formControl")) {
    zip.file(
      "xl/ctrlProps/ctrlProp1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox" checked="Checked"/>`,
    );
    override("/xl/ctrlProps/ctrlProp1.xml", "application/vnd.ms-excel.controlproperties+xml");
    await addRel(
      zip,
      sheetRels,
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp",
      "../ctrlProps/ctrlProp1.xml",
    );
  }
  if (want.has("slicer")) {
    zip.file(
      "xl/slicers/slicer1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><slicer name="Школа" cache="Срез_Школа" caption="Школа" rowHeight="241300"/></slicers>`,
    );
    override("/xl/slicers/slicer1.xml", "application/vnd.ms-excel.slicer+xml");
    await addRel(
      zip,
      sheetRels,
      "http://schemas.microsoft.com/office/2007/relationships/slicer",
      "../slicers/slicer1.xml",
    );
  }
  if (want.has("pivot")) {
    zip.file(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="F3:G6" sheet="Лист1"/></cacheSource><cacheFields count="2"><cacheField name="Школа" numFmtId="0"><sharedItems/></cacheField><cacheField name="Баллы" numFmtId="0"><sharedItems containsNumber="1" minValue="9" maxValue="17"/></cacheField></cacheFields></pivotCacheDefinition>`,
    );
    override("/xl/pivotCache/pivotCacheDefinition1.xml", `${CT}.spreadsheetml.pivotCacheDefinition+xml`);
    const cacheId = await addRel(
      zip,
      wbRels,
      `${NS_R}/pivotCacheDefinition`,
      "pivotCache/pivotCacheDefinition1.xml",
    );
    workbook = workbook.replace(
      /(<\/definedNames>|<calcPr[^>]*\/>)/,
      `$1<pivotCaches><pivotCache cacheId="5" r:id="${cacheId}"/></pivotCaches>`,
    );
    zip.file(
      "xl/pivotTables/pivotTable1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Сводная1" cacheId="5" dataCaption="Значения"><location ref="A1:B2" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields><dataFields count="1"><dataField name="Сумма по полю Баллы" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
    );
    zip.file(
      "xl/pivotTables/_rels/pivotTable1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    );
    override("/xl/pivotTables/pivotTable1.xml", `${CT}.spreadsheetml.pivotTable+xml`);
    await addRel(
      zip,
      "xl/worksheets/_rels/sheet2.xml.rels",
      `${NS_R}/pivotTable`,
      "../pivotTables/pivotTable1.xml",
    );
  }
  if (want.has("vba")) {
    zip.file("xl/vbaProject.bin", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    override("/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject");
    types = types.replace(
      `${CT}.spreadsheetml.sheet.main+xml`,
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    await addRel(
      zip,
      wbRels,
      "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
      "vbaProject.bin",
    );
  }
  if (want.has("customXml")) {
    zip.file(
      "customXml/item1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<roadmap xmlns="urn:example:region">Краевой реестр ШНОР</roadmap>`,
    );
    await addRel(zip, wbRels, `${NS_R}/customXml`, "../customXml/item1.xml");
  }
  if (want.has("theme")) {
    const theme = await text("xl/theme/theme1.xml");
    zip.file(
      "xl/theme/theme1.xml",
      theme.replace(/<a:theme([^>]*) name="[^"]*"/, '<a:theme$1 name="Тема региона"'),
    );
  }
  zip.file("xl/worksheets/sheet1.xml", sheet);
  zip.file("xl/workbook.xml", workbook);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
