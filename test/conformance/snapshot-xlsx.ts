/**
 * An ExcelJS workbook read into the normalised workbook model (src/domain/plan/workbook-model.ts), independently of
 * the code that wrote it: from what ExcelJS holds (or what it parsed back from a file's bytes).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseA1 } from "../../src/domain/grid";
import {
  normaliseModel,
  quoteSheetName,
  rangeRef,
  ruleFromBounds,
  splitSheetRef,
  type CellStyle,
  type ModelChart,
  type ModelCell,
  type ModelSheet,
  type ModelWorkbook,
  type ModelTable,
} from "../../src/domain/plan";
import { isOwnSheet, LISTS_SHEET } from "../../src/domain/workbook-format/settings-format";
import type { ValidationRule } from "../../src/domain/edit-plan";

const rgb = (argb: string | undefined) => (argb ? argb.slice(-6).toUpperCase() : undefined);

function serialOf(v: unknown): number {
  if (v instanceof Date) return Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
  return Number(v);
}

function listItems(wb: ExcelJS.Workbook, formula: string): string[] {
  const inline = /^"(.*)"$/.exec(formula);
  if (inline) return inline[1].split(",");
  const at = splitSheetRef(formula);
  const ws = at && wb.worksheets.find((w) => w.name === at.sheet && w.name === LISTS_SHEET);
  const r = at && parseA1(at.ref);
  if (!ws || !r) return [`?${formula}`];
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) out.push(String(ws.getCell(row + 1, r.left + 1).value ?? ""));
  return out;
}

function validationOf(wb: ExcelJS.Workbook, dv: ExcelJS.DataValidation): ModelCell["validation"] {
  const formulae = (dv.formulae ?? []) as unknown[];
  let rule: ValidationRule | null;
  if (dv.type === "list") rule = { kind: "list", list: listItems(wb, String(formulae[0])) };
  else if (dv.type === "date" || dv.type === "whole" || dv.type === "decimal")
    rule = ruleFromBounds(dv.type, dv.operator ?? "between", formulae.map(serialOf));
  else rule = null;
  return {
    rule: rule ?? ({ kind: "list", list: [`?${dv.type}`] } as ValidationRule),
    message: dv.error ?? "",
  };
}

function styleOf(cell: ExcelJS.Cell): CellStyle | undefined {
  const s: CellStyle = {};
  if (cell.font?.bold) s.bold = true;
  const fc = rgb(cell.font?.color?.argb);
  if (fc) s.fontColor = fc;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") s.fill = rgb(fill.fgColor?.argb);
  if (cell.alignment?.wrapText) s.wrap = true;
  const b = cell.border;
  if (b?.top?.style && b.left?.style && b.bottom?.style && b.right?.style) s.border = true;
  return Object.keys(s).length ? s : undefined;
}

function cellOf(wb: ExcelJS.Workbook, cell: ExcelJS.Cell): ModelCell {
  const out: ModelCell = {};
  const v = cell.value;
  if (cell.type === ExcelJS.ValueType.Merge) {
    // the value belongs to the top-left cell
  } else if (cell.type === ExcelJS.ValueType.Formula) {
    const f = (v as ExcelJS.CellFormulaValue).formula ?? cell.formula;
    out.formula = `=${f}`;
  } else if (cell.type === ExcelJS.ValueType.Hyperlink) {
    const h = v as ExcelJS.CellHyperlinkValue;
    out.value = typeof h.text === "string" ? h.text : String(h.text);
    const internal = !/^[a-z]+:|^\\\\/i.test(h.hyperlink) && /^[^!]+![A-Za-z]+\d+$/.test(h.hyperlink);
    out.hyperlink = internal ? `#${h.hyperlink}` : h.hyperlink;
  } else if (cell.type === ExcelJS.ValueType.RichText) {
    out.value = (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  } else if (cell.type === ExcelJS.ValueType.Error) {
    out.value = (v as ExcelJS.CellErrorValue).error;
  } else if (v !== null && v !== undefined && !(v instanceof Date)) {
    out.value = v as string | number | boolean;
  }
  if (cell.numFmt && cell.numFmt !== "General") out.numberFormat = cell.numFmt;
  if (cell.dataValidation?.type) out.validation = validationOf(wb, cell.dataValidation);
  if (cell.protection?.locked === false) out.locked = false;
  const style = styleOf(cell);
  if (style) out.style = style;
  return out;
}

function sheetOf(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): ModelSheet {
  const cells: Record<string, ModelCell> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const c = cellOf(wb, cell);
      if (Object.keys(c).length) cells[cell.address] = c;
    }),
  );
  // Validations on cells ExcelJS never created as cells.
  const dvs = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  for (const [address, dv] of Object.entries(dvs)) {
    if (!dv || cells[address]?.validation || !/^[A-Z]+\d+$/.test(address)) continue;
    cells[address] = { ...cells[address], validation: validationOf(wb, dv) };
  }
  const merges = Object.values(
    (
      ws as unknown as {
        _merges: Record<string, { top: number; left: number; bottom: number; right: number }>;
      }
    )._merges,
  ).map((m) => rangeRef({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  const cfs = (
    (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings ?? []
  ).flatMap((cf) =>
    cf.rules.map((rule) => {
      const style = (rule as { style?: Partial<ExcelJS.Style> }).style;
      const fill = style?.fill as ExcelJS.FillPattern | undefined;
      const fontColor = rgb(style?.font?.color?.argb);
      return {
        ref: cf.ref,
        formula: `=${String((rule as { formulae?: unknown[] }).formulae?.[0] ?? "")}`,
        fill: rgb(fill?.bgColor?.argb ?? fill?.fgColor?.argb) ?? "",
        ...(fontColor ? { fontColor } : {}),
      };
    }),
  );
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & { printArea?: string; printTitlesRow?: string };
  const ours = setup.paperSize === 9 || setup.printArea || setup.printTitlesRow;
  const titles = setup.printTitlesRow ? /^\$?(\d+):\$?(\d+)$/.exec(setup.printTitlesRow) : null;
  return {
    name: ws.name,
    visibility: ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible",
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    cells,
    merges,
    conditionalFormats: cfs,
    ...(typeof ws.autoFilter === "string" && ws.autoFilter ? { autoFilter: ws.autoFilter } : {}),
    ...xlsxTables(ws),
    freeze:
      view?.state === "frozen" && (view.xSplit || view.ySplit)
        ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 }
        : null,
    layout: ours
      ? {
          orientation: setup.orientation === "landscape" ? "landscape" : "portrait",
          fitToWidth: Boolean(setup.fitToPage && setup.fitToWidth === 1),
          ...(setup.printArea ? { printArea: normaliseArea(setup.printArea) } : {}),
          ...(titles ? { repeatRows: { top: Number(titles[1]) - 1, bottom: Number(titles[2]) - 1 } } : {}),
        }
      : null,
    charts: [],
  };
}

function normaliseArea(area: string): string {
  const r = parseA1(area.replace(/\$/g, "").replace(/^.*!/, ""));
  return r ? rangeRef(r) : area;
}

export function xlsxSnapshot(wb: ExcelJS.Workbook): ModelWorkbook {
  const names: Record<string, string> = {};
  for (const n of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) {
    if (n.name.startsWith("_xlnm.")) continue;
    const at = splitSheetRef(n.ranges[0] ?? "");
    const r = at && parseA1(at.ref);
    names[n.name] = at && r ? `${quoteSheetName(at.sheet)}!${rangeRef(r)}` : `?${n.ranges.join(",")}`;
  }
  return normaliseModel({
    names,
    sheets: wb.worksheets.filter((ws) => !isOwnSheet(ws.name)).map((ws) => sheetOf(wb, ws)),
  });
}

/**
 * The charts in an .xlsx's bytes (ExcelJS drops them when reading), per sheet name: kind, title, the data range
 * rebuilt from the first series' category and value references, and the anchor's cells.
 */
export async function xlsxCharts(bytes: Uint8Array): Promise<Map<string, ModelChart[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const unesc = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const rels = async (part: string) => {
    const path = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const out = new Map<string, string>();
    for (const m of (await text(path)).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /Id="([^"]+)"/.exec(m[0])?.[1];
      const target = /Target="([^"]+)"/.exec(m[0])?.[1];
      if (id && target) out.set(id, new URL(target, `http://x/${part}`).pathname.slice(1));
    }
    return out;
  };
  const out = new Map<string, ModelChart[]>();
  const wbRels = await rels("xl/workbook.xml");
  for (const m of (await text("xl/workbook.xml")).matchAll(/<sheet\b[^>]*>/g)) {
    const name = unesc(/name="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const sheetPart = wbRels.get(/r:id="([^"]+)"/.exec(m[0])?.[1] ?? "");
    if (!sheetPart) continue;
    const drawingId = /<drawing r:id="([^"]+)"/.exec(await text(sheetPart))?.[1];
    const drawingPart = drawingId && (await rels(sheetPart)).get(drawingId);
    if (!drawingPart) continue;
    const chartRels = await rels(drawingPart);
    const charts: ModelChart[] = [];
    for (const a of (await text(drawingPart)).matchAll(
      /<xdr:twoCellAnchor[^>]*>(.*?)<\/xdr:twoCellAnchor>/gs,
    )) {
      const num = (tag: string, part: string) =>
        Number(new RegExp(`<xdr:${tag}>.*?<xdr:${part}>(\\d+)</xdr:${part}>`, "s").exec(a[1])?.[1] ?? 0);
      // The "to" corner: the start of the next cell (offset 0, as we write it) or inside the last cell (LibreOffice).
      const last = (part: "row" | "col") =>
        num("to", part) - (num("to", part === "row" ? "rowOff" : "colOff") > 0 ? 0 : 1);
      const chartPart = chartRels.get(/r:id="([^"]+)"/.exec(a[1])?.[1] ?? "");
      const xml = chartPart ? await text(chartPart) : "";
      const type = xml.includes("<c:pieChart>")
        ? "pie"
        : /<c:barDir val="bar"\/>/.test(xml)
          ? "bar"
          : "column";
      const refs = (tag: string) =>
        [...xml.matchAll(new RegExp(`<c:${tag}>.*?<c:f>(.*?)</c:f>`, "gs"))].map((x) => {
          const at = splitSheetRef(unesc(x[1]));
          const r = parseA1(at?.ref ?? "");
          if (!r) throw new Error(`unreadable chart reference ${x[1]} in ${chartPart}`);
          return r;
        });
      const cat = refs("cat")[0];
      const vals = refs("val");
      charts.push({
        type,
        title: unesc(/<a:t>(.*?)<\/a:t>/s.exec(xml)?.[1] ?? ""),
        data: rangeRef({
          top: cat.top - 1,
          left: cat.left,
          bottom: cat.bottom,
          right: vals[vals.length - 1].right,
        }),
        anchor: rangeRef({
          top: num("from", "row"),
          left: num("from", "col"),
          bottom: last("row"),
          right: last("col"),
        }),
      });
    }
    out.set(name, charts);
  }
  return out;
}

/** The sheet's tables as ExcelJS read them back from the written file (its own model, not our reader). */
function xlsxTables(ws: ExcelJS.Worksheet): { tables?: ModelTable[] } {
  const models = Object.values(
    (ws as unknown as { tables: Record<string, { model: Record<string, unknown> }> }).tables ?? {},
  ).map(
    (t) =>
      t.model as {
        name: string;
        tableRef: string;
        headerRow: boolean;
        totalsRow: boolean;
        columns: { name: string }[];
      },
  );
  if (models.length === 0) return {};
  return {
    tables: models.map((m) => ({
      name: m.name,
      ref: m.tableRef,
      columns: m.columns.map((c) => c.name),
      showHeaders: m.headerRow,
      showTotals: m.totalsRow,
    })),
  };
}
