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

function drawingXml(anchors: { anchor: CellRange; rId: string; title: string }[]): string {
  const cell = (tag: string, r: number, c: number) =>
    `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const body = anchors
    .map(
      ({ anchor, rId, title }, i) =>
        `<xdr:twoCellAnchor>${cell("from", anchor.top, anchor.left)}${cell("to", anchor.bottom + 1, anchor.right + 1)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(title || `Диаграмма ${i + 1}`)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${body}</xdr:wsDr>`
  );
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return `${RELS_HEAD}${rels.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;
}

/** Elements a worksheet may hold after <drawing>, in schema order: <drawing> goes before the first present. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The file's bytes with the recorded charts added; the bytes unchanged when there are none. */
export async function injectCharts(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<Uint8Array> {
  const list = (PENDING.get(wb) ?? []).filter((s) => wb.worksheets.includes(s.ws));
  if (list.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? null;
  const workbookXml = (await text("xl/workbook.xml")) ?? "";
  const workbookRels = (await text("xl/_rels/workbook.xml.rels")) ?? "";
  let types = (await text("[Content_Types].xml")) ?? "";
  const used = (prefix: string) => Object.keys(zip.files).filter((n) => n.startsWith(prefix)).length;
  let drawingNo = used("xl/drawings/drawing");
  let chartNo = used("xl/charts/chart");

  for (const ws of new Set(list.map((s) => s.ws))) {
    const mine = list.filter((s) => s.ws === ws);
    // The sheet's part: by its name in workbook.xml, then its relationship's target.
    const sheetEl = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)]
      .map((m) => m[0])
      .find((el) => /name="([^"]*)"/.exec(el)?.[1] === esc(ws.name));
    const rid = sheetEl && /r:id="([^"]+)"/.exec(sheetEl)?.[1];
    const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(workbookRels)?.[1];
    if (!target) continue;
    const sheetPath = `xl/${target.replace(/^\/?xl\//, "")}`;
    const sheetXml = await text(sheetPath);
    if (!sheetXml || sheetXml.includes("<drawing ")) continue; // a sheet with pictures keeps them; no chart added
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const sheetRels = (await text(relsPath)) ?? `${RELS_HEAD}</Relationships>`;
    const nextId = Math.max(0, ...[...sheetRels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1;

    drawingNo++;
    const anchors = mine.map((spec, i) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(ws.name, spec));
      types = types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      );
      return {
        anchor: spec.anchor,
        rId: `rId${i + 1}`,
        title: spec.title,
        target: `../charts/chart${chartNo}.xml`,
      };
    });
    zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(anchors));
    zip.file(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      relsXml(anchors.map((a) => ({ id: a.rId, type: "chart", target: a.target }))),
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
    zip.file(
      relsPath,
      sheetRels.replace(
        "</Relationships>",
        `<Relationship Id="rId${nextId}" Type="${REL}/drawing" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
      ),
    );
    const drawingEl = `<drawing r:id="rId${nextId}"/>`;
    const before = AFTER_DRAWING.map((tag) => sheetXml.indexOf(`<${tag}`)).filter((i) => i >= 0);
    const at = before.length ? Math.min(...before) : sheetXml.lastIndexOf("</worksheet>");
    let out = sheetXml.slice(0, at) + drawingEl + sheetXml.slice(at);
    if (!/xmlns:r=/.test(out.slice(0, out.indexOf(">", out.indexOf("<worksheet")))))
      out = out.replace("<worksheet", `<worksheet xmlns:r="${REL}"`);
    zip.file(sheetPath, out);
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
