/**
 * Native charts in .xlsx files, written by hand: ExcelJS 4 cannot write charts (and drops them when reading), and no
 * well-kept browser-side library adds a chart part to an existing workbook. So the .xlsx host records each addChart
 * op against its worksheet and, when the file is written, adds the parts itself after ExcelJS: a DrawingML chart
 * (xl/charts/chartN.xml) referring to the sheet's cells (no cached values: Excel and LibreOffice compute them on
 * open), a drawing anchoring it over cells (xl/drawings/drawingN.xml), the relationships, and the content types.
 * Chart kinds: clustered column, clustered bar, pie — what the report needs.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import type { EditOp } from "../domain/edit-plan";
import { columnLetter, type CellRange } from "../domain/grid";
import { shiftRangeColumns } from "../domain/plan/references";
import {
  ContentTypes,
  REL_NS,
  addRel,
  insertDrawingElement,
  nextRelId,
  parseRels,
  readText,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  sheetParts,
} from "./opc";

const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

type ChartOp = Extract<EditOp, { op: "addChart" }>;

interface ChartSpec {
  ws: ExcelJS.Worksheet;
  type: ChartOp["type"];
  data: CellRange;
  anchor: CellRange;
  title: string;
}

const PENDING = new WeakMap<ExcelJS.Workbook, ChartSpec[]>();

function specs(wb: ExcelJS.Workbook): ChartSpec[] {
  let list = PENDING.get(wb);
  if (!list) PENDING.set(wb, (list = []));
  return list;
}

export function recordChart(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, op: ChartOp): void {
  specs(wb).push({ ws, type: op.type, data: { ...op.data }, anchor: { ...op.anchor }, title: op.title });
}

/** A sheet deleted: its charts go with it. */
export function dropCharts(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  PENDING.set(
    wb,
    specs(wb).filter((s) => s.ws !== ws),
  );
}

/** A sheet copied: so are its charts (as Excel copies them). */
export function copyCharts(wb: ExcelJS.Workbook, from: ExcelJS.Worksheet, to: ExcelJS.Worksheet): void {
  for (const s of specs(wb).filter((x) => x.ws === from)) specs(wb).push({ ...s, ws: to });
}

/** Columns inserted: the charts' data and place move with the cells. */
export function shiftCharts(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, col: number, count: number): void {
  for (const s of specs(wb))
    if (s.ws === ws) {
      s.data = shiftRangeColumns(s.data, col, count);
      s.anchor = shiftRangeColumns(s.anchor, col, count);
    }
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function ref(sheet: string, top: number, left: number, bottom = top, right = left): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const a = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  return top === bottom && left === right
    ? `${q}!${a(top, left)}`
    : `${q}!${a(top, left)}:${a(bottom, right)}`;
}

/** The chart part: first column categories, first row series names, one series per further column. */
export function chartXml(sheet: string, spec: Pick<ChartSpec, "type" | "data" | "title">): string {
  const { top, left, bottom, right } = spec.data;
  const series = [];
  for (let c = left + 1; c <= Math.max(right, left + 1); c++) {
    const i = c - left - 1;
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(ref(sheet, top, c))}</c:f></c:strRef></c:tx>` +
        `<c:cat><c:strRef><c:f>${esc(ref(sheet, top + 1, left, bottom, left))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(ref(sheet, top + 1, c, bottom, c))}</c:f></c:numRef></c:val></c:ser>`,
    );
    if (spec.type === "pie") break; // a pie shows one series
  }
  const plot =
    spec.type === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${series.join("")}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="${spec.type === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/>` +
        `<c:varyColors val="0"/>${series.join("")}<c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
        `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
        `<c:axPos val="${spec.type === "bar" ? "l" : "b"}"/><c:crossAx val="50020"/></c:catAx>` +
        `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
        `<c:axPos val="${spec.type === "bar" ? "b" : "l"}"/><c:majorGridlines/><c:crossAx val="50010"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

/** The anchors of our charts; shape ids from `firstId` (unique within the drawing). */
function anchorsXml(anchors: { anchor: CellRange; rId: string; title: string }[], firstId: number): string {
  const cell = (tag: string, r: number, c: number) =>
    `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return anchors
    .map(
      ({ anchor, rId, title }, i) =>
        `<xdr:twoCellAnchor>${cell("from", anchor.top, anchor.left)}${cell("to", anchor.bottom + 1, anchor.right + 1)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstId + i}" name="${esc(title || `Диаграмма ${i + 1}`)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
}

function drawingXml(anchors: { anchor: CellRange; rId: string; title: string }[]): string {
  const body = anchorsXml(anchors, 2);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${body}</xdr:wsDr>`
  );
}

/** The file's bytes with the recorded charts added; the bytes unchanged when there are none. */
export async function injectCharts(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<Uint8Array> {
  const list = (PENDING.get(wb) ?? []).filter((s) => wb.worksheets.includes(s.ws));
  if (list.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const types = new ContentTypes((await readText(zip, "[Content_Types].xml")) ?? "");
  const sheets = await sheetParts(zip);
  const used = (prefix: string) => Object.keys(zip.files).filter((n) => n.startsWith(prefix)).length;
  let drawingNo = used("xl/drawings/drawing");
  let chartNo = used("xl/charts/chart");

  for (const ws of new Set(list.map((s) => s.ws))) {
    const mine = list.filter((s) => s.ws === ws);
    const sheetPath = sheets.get(ws.name);
    const sheetXml = sheetPath && (await readText(zip, sheetPath));
    if (!sheetPath || !sheetXml) continue;
    const relsPath = relsPathOf(sheetPath);
    const sheetRels = await readText(zip, relsPath);
    // A sheet with a drawing already (the user's pictures and charts) gets ours added to it.
    const drawingId = /<drawing\s+r:id="([^"]+)"/.exec(sheetXml)?.[1];
    const existing = parseRels(sheetRels).find((r) => r.id === drawingId && !r.external);
    let drawingPath: string;
    if (existing) drawingPath = resolveTarget(sheetPath, existing.target);
    else {
      while (zip.file(`xl/drawings/drawing${++drawingNo}.xml`));
      drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    }
    const drawingRelsPath = relsPathOf(drawingPath);
    let drawingRels = await readText(zip, drawingRelsPath);
    const anchors = mine.map((spec) => {
      while (zip.file(`xl/charts/chart${++chartNo}.xml`));
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(ws.name, spec));
      types.setOverride(chartPath, CHART_TYPE);
      const rId = nextRelId(drawingRels);
      drawingRels = addRel(drawingRels, rId, `${REL_NS}/chart`, relativeTarget(drawingPath, chartPath));
      return { anchor: spec.anchor, rId, title: spec.title };
    });
    zip.file(drawingRelsPath, drawingRels as string);
    if (existing) {
      let xml = (await readText(zip, drawingPath)) ?? "";
      const ids = [...xml.matchAll(/<xdr:cNvPr\s+id="(\d+)"/g)].map((m) => Number(m[1]));
      xml = xml.replace("</xdr:wsDr>", `${anchorsXml(anchors, Math.max(1, ...ids) + 1)}</xdr:wsDr>`);
      for (const [prefix, ns] of [
        ["a", "http://schemas.openxmlformats.org/drawingml/2006/main"],
        ["r", REL_NS],
      ])
        if (!new RegExp(`<xdr:wsDr[^>]*xmlns:${prefix}=`).test(xml))
          xml = xml.replace("<xdr:wsDr", `<xdr:wsDr xmlns:${prefix}="${ns}"`);
      zip.file(drawingPath, xml);
      continue;
    }
    zip.file(drawingPath, drawingXml(anchors));
    types.setOverride(drawingPath, "application/vnd.openxmlformats-officedocument.drawing+xml");
    const rId = nextRelId(sheetRels);
    zip.file(relsPath, addRel(sheetRels, rId, `${REL_NS}/drawing`, relativeTarget(sheetPath, drawingPath)));
    zip.file(sheetPath, insertDrawingElement(sheetXml, rId));
  }
  zip.file("[Content_Types].xml", types.xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
