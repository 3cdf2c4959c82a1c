/**
 * What ExcelJS drops, carried by hand from the file as opened to the file as saved. ExcelJS 4 keeps cells, styles,
 * validations, conditional formats, names, tables, notes and pictures, but drops charts, shapes and text boxes (of
 * a drawing it keeps only the pictures), sparklines, drop-downs from another sheet (x14), custom XML and add-in task
 * panes, and cuts formula names (preserve-names.ts); no maintained library copies
 * parts between two .xlsx packages. So the opened file's zip is kept, and on saving each sheet's original drawing is
 * copied over ExcelJS's (with every part it refers to: charts and their styles, pictures), its anchors and the
 * charts' references moved by the columns inserted and rows deleted meanwhile; sheet extensions are copied into the
 * sheet's extLst the same way. What cannot be carried (pivot tables, slicers, form controls, VBA, …) is named in a
 * Russian notice: never lost silently.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { namesToRestore, restoreNames, type OriginalName } from "./preserve-names";
import { addX14Rules, shiftX14Rules, takeUnwritableRules, x14Rules } from "./preserve-x14";
import {
  escapeXml,
  shiftChart,
  shiftDrawing,
  shiftSqref,
  unescapeXml,
  type SheetShift,
} from "./package-shift";
import {
  ContentTypes,
  REL_NS,
  addRel,
  addSheetExtension,
  extLstLast,
  insertDrawingElement,
  nextRelId,
  parseRels,
  readText,
  relKind,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  sheetParts,
  workbookPart,
} from "./opc";

/** Sheet extensions ExcelJS drops and we carry: sparklines; data validations referring to another sheet. */
const CARRIED_EXTENSIONS = [
  "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}",
  "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}",
];

function extension(xml: string, uri: string): string | null {
  const at = xml.toLowerCase().indexOf(`uri="${uri.toLowerCase()}"`);
  if (at < 0) return null;
  // The element around the attribute, whatever prefix the file gives the main namespace («<ext», «<x:ext»).
  const start = xml.lastIndexOf("<", at);
  const tag = /^<((?:\w+:)?ext)\s/.exec(xml.slice(start, at))?.[1];
  const end = tag ? xml.indexOf(`</${tag}>`, at) : -1;
  return end >= 0 ? xml.slice(start, end + tag!.length + 3) : null;
}

interface OriginalSheet {
  ws: ExcelJS.Worksheet;
  drawing: string | null;
  extensions: { uri: string; xml: string }[];
  /** x14 conditional formats ExcelJS cannot write (preserve-x14.ts). */
  x14: string[];
  /** Namespace declarations of the original <worksheet>, for fragments copied out of it. */
  namespaces: Map<string, string>;
}

interface Original {
  zip: JSZip;
  types: ContentTypes;
  sheets: OriginalSheet[];
  /** Package-level parts carried as they are, with the relationship that names them. */
  carried: { from: "package" | "workbook"; type: string; part: string }[];
  names: OriginalName[];
  /** Names the plan set (lower case): the plan's version stands. */
  planNames: Set<string>;
  losses: string[];
  reported: boolean;
}

const ORIGINALS = new WeakMap<ExcelJS.Workbook, Original>();
const SHIFTS = new WeakMap<ExcelJS.Workbook, { ws: ExcelJS.Worksheet; shift: SheetShift }[]>();
/** Sheets copied by the plan, with how many shifts had been recorded then. */
const COPIES = new WeakMap<
  ExcelJS.Workbook,
  { src: ExcelJS.Worksheet; copy: ExcelJS.Worksheet; at: number }[]
>();

/** What we cannot carry, by relationship kind: the Russian words for it. */
const LOST_KINDS: Record<string, string> = {
  pivotTable: "сводные таблицы",
  pivotCacheDefinition: "сводные таблицы",
  slicer: "срезы",
  slicerCache: "срезы",
  timeline: "временные шкалы",
  timelineCache: "временные шкалы",
  ctrlProp: "элементы управления формы: флажки, списки, кнопки",
  control: "элементы ActiveX",
  oleObject: "внедрённые объекты (OLE)",
  package: "внедрённые объекты (OLE)",
  threadedComment: "цепочки комментариев с ответами",
  queryTable: "запросы к внешним данным",
  connections: "подключения к внешним данным",
  externalLink: "связи с другими книгами",
  vbaProject: "макросы VBA",
  chartsheet: "листы-диаграммы",
  legacyDrawingHF: "картинки в колонтитулах",
  rdRichValue: "картинки в ячейках («Поместить в ячейку»)",
  richValueRel: "картинки в ячейках («Поместить в ячейку»)",
  dialogsheet: "листы диалогов Excel 5.0",
  xlMacrosheet: "листы макросов Excel 4.0",
  xlIntlMacrosheet: "листы макросов Excel 4.0",
};

/** Package-level parts we copy as they are (ExcelJS drops them; nothing in them depends on cells). */
const CARRIED_KINDS: Record<string, "package" | "workbook"> = {
  customXml: "workbook",
  webextensiontaskpanes: "package",
};

function lossNotice(what: string, sheets: Set<string>): string {
  const where = sheets.size
    ? ` (${sheets.size === 1 ? "лист" : "листы"} ${[...sheets].map((s) => `«${s}»`).join(", ")})`
    : "";
  return `В файле есть ${what}${where}: при сохранении без Excel они не сохранятся. Исходный файл не изменён; если они нужны, выполните команду в Excel с надстройкой.`;
}

function namespacesOf(xml: string): Map<string, string> {
  const root = /<(?:\w+:)?worksheet\b[^>]*>/.exec(xml)?.[0] ?? "";
  return new Map([...root.matchAll(/xmlns:(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** Keep the opened file's package beside the workbook ExcelJS read from it, and note what cannot be carried. */
export async function rememberPackage(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const types = new ContentTypes((await readText(zip, "[Content_Types].xml")) ?? "");
  const lost = new Map<string, Set<string>>();
  const lose = (kind: string, sheet?: string) => {
    const what = LOST_KINDS[kind];
    if (!what) return;
    const set = lost.get(what) ?? new Set<string>();
    if (sheet) set.add(sheet);
    lost.set(what, set);
  };
  const carried: Original["carried"] = [];
  const wbPart = await workbookPart(zip);
  const levels: ["package" | "workbook", string][] = [
    ["package", ""],
    ["workbook", wbPart],
  ];
  for (const [level, part] of levels)
    for (const rel of parseRels(await readText(zip, relsPathOf(part)))) {
      if (rel.external) continue;
      if (CARRIED_KINDS[relKind(rel.type)] === level)
        carried.push({ from: level, type: rel.type, part: resolveTarget(part, rel.target) });
      else lose(relKind(rel.type));
    }
  if (/application\/vnd\.ms-excel\.sheet\.macroEnabled/.test(types.xml)) lose("vbaProject");

  const workbookXml = (await readText(zip, wbPart)) ?? "";
  const order = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
    unescapeXml(m[1]),
  );
  const names = namesToRestore(workbookXml, order);
  const sheets: OriginalSheet[] = [];
  for (const [name, path] of await sheetParts(zip)) {
    const xml = (await readText(zip, path)) ?? "";
    const rels = parseRels(await readText(zip, relsPathOf(path)));
    for (const rel of rels) lose(relKind(rel.type), name);
    if (/<legacyDrawingHF\b/.test(xml)) lose("legacyDrawingHF", name);
    const ws = wb.worksheets.find((w) => w.name === name);
    if (!ws) continue;
    const drawingId = /<(?:\w+:)?drawing\s+\w+:id="([^"]+)"/.exec(xml)?.[1]; // the prefix is the file's choice
    const drawingRel = rels.find((r) => r.id === drawingId && !r.external);
    const extensions = CARRIED_EXTENSIONS.flatMap((uri) => {
      const ext = extension(xml, uri);
      return ext ? [{ uri, xml: ext }] : [];
    });
    const x14 = x14Rules(xml, takeUnwritableRules(ws));
    if (drawingRel || extensions.length || x14.length)
      sheets.push({
        ws,
        drawing: drawingRel ? resolveTarget(path, drawingRel.target) : null,
        extensions,
        x14,
        namespaces: namespacesOf(xml),
      });
  }
  ORIGINALS.set(wb, {
    zip,
    types,
    sheets,
    carried,
    names,
    planNames: new Set(),
    losses: [...lost].map(([what, where]) => lossNotice(what, where)),
    reported: false,
  });
}

/** A plan inserted columns or deleted rows on a sheet: the carried parts move with the cells. */
export function recordShift(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, shift: SheetShift): void {
  const list = SHIFTS.get(wb) ?? [];
  list.push({ ws, shift });
  SHIFTS.set(wb, list);
}

/** A plan copied a sheet: the copy gets the sheet's drawing too, its charts reading the copy (as Excel copies). */
export function recordCopy(wb: ExcelJS.Workbook, src: ExcelJS.Worksheet, copy: ExcelJS.Worksheet): void {
  const list = COPIES.get(wb) ?? [];
  list.push({ src, copy, at: SHIFTS.get(wb)?.length ?? 0 });
  COPIES.set(wb, list);
}

/** A plan set a defined name: its version, not the file's, is saved. */
export function recordPlanName(wb: ExcelJS.Workbook, name: string): void {
  ORIGINALS.get(wb)?.planNames.add(name.toLowerCase());
}

/** The Russian notices of what saving this workbook loses (every time). */
export function lossNotices(wb: ExcelJS.Workbook): string[] {
  return ORIGINALS.get(wb)?.losses ?? [];
}

/** The loss notices not yet shown to the user (each is shown once per opened file). */
export function takeLossNotices(wb: ExcelJS.Workbook): string[] {
  const o = ORIGINALS.get(wb);
  if (!o || o.reported) return [];
  o.reported = true;
  return o.losses;
}

/** Copies parts of the original package into the output, each once, under names free there. */
class PartCopier {
  private copied = new Map<string, string>();

  constructor(
    private from: Original,
    private out: JSZip,
    private types: ContentTypes,
    /** What a chart part's XML becomes (its references moved, or re-pointed at a sheet's copy). */
    private chart: (xml: string) => string,
  ) {}

  private freshName(part: string): string {
    const m = /^(.*?)(\d*)(\.[^./]+)?$/.exec(part) as RegExpExecArray;
    for (let n = 1; ; n++) {
      const name = `${m[1]}${n}${m[3] ?? ""}`;
      if (!this.out.file(name)) return name;
    }
  }

  async copy(part: string, transform?: (xml: string) => string): Promise<string | null> {
    const known = this.copied.get(part);
    if (known) return known;
    const file = this.from.zip.file(part);
    if (!file) return null;
    const dest = this.freshName(part);
    this.copied.set(part, dest);
    const type = this.from.types.of(part);
    const chart = /drawingml\.chart\+xml|chartex\+xml/.test(type?.type ?? "");
    if (transform || chart) {
      const xml = await file.async("string");
      this.out.file(dest, transform ? transform(xml) : this.chart(xml));
    } else this.out.file(dest, await file.async("uint8array"));
    if (type?.override) this.types.setOverride(dest, type.type);
    else if (type) this.types.ensureDefault(dest, type.type);
    const relsXml = await readText(this.from.zip, relsPathOf(part));
    if (relsXml) {
      let outRels = relsXml;
      for (const rel of parseRels(relsXml)) {
        if (rel.external) continue;
        const target = await this.copy(resolveTarget(part, rel.target));
        if (target)
          outRels = outRels.replace(
            rel.xml,
            rel.xml.replace(/Target="[^"]*"/, `Target="${relativeTarget(dest, target)}"`),
          );
      }
      this.out.file(relsPathOf(dest), outRels);
    }
    return dest;
  }
}

interface Job extends OriginalSheet {
  /** The sheet's own shifts, in order. */
  mine: SheetShift[];
  chart: (xml: string) => string;
  copier: PartCopier;
}

/** Every reference to sheet `from` in a chart's formulas pointed at `to` (a copy of the sheet). */
function renameSheet(xml: string, from: string, to: string): string {
  const quoted = `'${to.replace(/'/g, "''")}'!`;
  return xml.replace(
    /<((?:\w+:)?f)(\s[^>]*)?>([^<]*)<\/\1>/g,
    (_w, tag: string, attrs: string | undefined, text: string) => {
      const f = unescapeXml(text).replace(
        /(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/gu,
        (whole, q: string | undefined, p: string | undefined) =>
          (q !== undefined ? q.replace(/''/g, "'") : p)?.toLowerCase() === from.toLowerCase()
            ? quoted
            : whole,
      );
      return `<${tag}${attrs ?? ""}>${escapeXml(f)}</${tag}>`;
    },
  );
}

/** Add to a worksheet fragment the namespace declarations it uses but does not carry itself. */
function withNamespaces(fragment: string, namespaces: Map<string, string>): string {
  const used = new Set([...fragment.matchAll(/<\/?(\w+):/g)].map((m) => m[1]));
  const decl = [...used]
    .filter((p) => !new RegExp(`xmlns:${p}=`).test(fragment) && namespaces.has(p))
    .map((p) => ` xmlns:${p}="${namespaces.get(p)}"`)
    .join("");
  return decl ? fragment.replace(/^<ext\b/, `<ext${decl}`) : fragment;
}

/**
 * A slicer's or timeline's frame in a drawing names a part that is not carried: Excel's own fallback (a text box
 * saying a slicer stood here) takes its place, so the file opens without repair.
 */
export function withoutSlicers(xml: string): string {
  if (!/slicer/.test(xml)) return xml;
  return (
    xml
      .replace(
        /<mc:AlternateContent\b[^>]*>((?:(?!<\/?mc:AlternateContent\b)[\s\S])*)<\/mc:AlternateContent>/g,
        (whole, inner: string) =>
          /drawing\/2010\/slicer|drawing\/2012\/timeslicer/.test(inner)
            ? (/<mc:Fallback\b[^>]*>([\s\S]*?)<\/mc:Fallback>/.exec(inner)?.[1] ?? "")
            : whole,
      )
      // An anchor left with nothing to show (no fallback) goes.
      .replace(
        /<xdr:(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[^>]*>(?:(?!<\/?xdr:\1\b)[\s\S])*?<\/xdr:\1>/g,
        (el) => (/<xdr:(sp|pic|graphicFrame|grpSp|cxnSp|contentPart)\b/.test(el) ? el : ""),
      )
  );
}

/** Pictures no relationship names any more (ExcelJS's copies of the ones carried with the original drawing). */
async function dropOrphanMedia(zip: JSZip): Promise<void> {
  const named = new Set<string>();
  for (const relsPath of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
    const owner = relsPath.replace(/_rels\/([^/]*)\.rels$/, "$1");
    for (const rel of parseRels(await readText(zip, relsPath)))
      if (!rel.external) named.add(resolveTarget(owner, rel.target));
  }
  for (const name of Object.keys(zip.files))
    if (name.startsWith("xl/media/") && !zip.files[name].dir && !named.has(name)) zip.remove(name);
}

/** The saved file's bytes with the original's drawings, charts, sparklines and package parts carried over. */
export async function carryParts(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<Uint8Array> {
  const original = ORIGINALS.get(wb);
  const present = (ws: ExcelJS.Worksheet) => wb.worksheets.includes(ws);
  const sources = (original?.sheets ?? []).filter((s) => present(s.ws));
  if (!original || (sources.length === 0 && original.carried.length === 0 && original.names.length === 0))
    return bytes;
  const out = await JSZip.loadAsync(bytes);
  const types = new ContentTypes((await readText(out, "[Content_Types].xml")) ?? "");
  const all = SHIFTS.get(wb) ?? [];
  const named = (list: typeof all) =>
    list.filter((s) => present(s.ws)).map((s) => ({ sheet: s.ws.name, shift: s.shift }));
  const chartShifts = named(all);
  const moveChart = (xml: string) => shiftChart(xml, chartShifts);
  const copier = new PartCopier(original, out, types, moveChart);
  const jobs: Job[] = sources.map((s) => ({
    ...s,
    mine: all.filter((x) => x.ws === s.ws).map((x) => x.shift),
    chart: moveChart,
    copier,
  }));
  for (const c of COPIES.get(wb) ?? []) {
    const src = sources.find((s) => s.ws === c.src);
    if (!src || !present(c.copy)) continue;
    // The copy has the sheet's past (shifts before the copy), then its own; its charts read the copy.
    const before = named(all.slice(0, c.at));
    const after = named(all.slice(c.at));
    const chart = (xml: string) =>
      shiftChart(renameSheet(shiftChart(xml, before), c.src.name, c.copy.name), after);
    const mine = [
      ...all.slice(0, c.at).filter((x) => x.ws === c.src),
      ...all.slice(c.at).filter((x) => x.ws === c.copy),
    ].map((x) => x.shift);
    jobs.push({ ...src, ws: c.copy, mine, chart, copier: new PartCopier(original, out, types, chart) });
  }
  const outSheets = await sheetParts(out);

  let replaced = false;
  for (const job of jobs) {
    const path = outSheets.get(job.ws.name);
    if (!path) continue;
    const relsPath = relsPathOf(path);
    let sheetXml = (await readText(out, path)) ?? "";
    let rels = await readText(out, relsPath);
    const { mine } = job;
    // ExcelJS's drawing holds only the pictures, which the original holds too: it gives way to the original.
    const drawing =
      job.drawing && (await job.copier.copy(job.drawing, (xml) => shiftDrawing(withoutSlicers(xml), mine)));
    if (drawing) {
      const id = /<drawing\s+r:id="([^"]+)"\s*\/>/.exec(sheetXml);
      if (id) {
        const rel = parseRels(rels).find((r) => r.id === id[1]);
        sheetXml = sheetXml.replace(id[0], "");
        if (rel) {
          rels = (rels ?? "").replace(rel.xml, "");
          const part = resolveTarget(path, rel.target);
          out.remove(part);
          out.remove(relsPathOf(part));
          types.removeOverride(part);
          replaced = true;
        }
      }
      const rId = nextRelId(rels);
      rels = addRel(rels, rId, `${REL_NS}/drawing`, relativeTarget(path, drawing));
      sheetXml = insertDrawingElement(sheetXml, rId);
    }
    for (const ext of job.extensions) {
      if (extension(sheetXml, ext.uri)) continue; // ExcelJS kept it after all
      const moved = ext.xml.replace(/<xm:(f|sqref)>([^<]*)<\/xm:\1>/g, (_w, tag: string, text: string) => {
        let ref = text;
        if (tag === "f") ref = job.chart(`<f>${text}</f>`).slice(3, -4);
        else for (const s of mine) ref = shiftSqref(ref, job.ws.name, s);
        return `<xm:${tag}>${ref}</xm:${tag}>`;
      });
      sheetXml = addSheetExtension(sheetXml, withNamespaces(moved, job.namespaces));
    }
    sheetXml = addX14Rules(
      sheetXml,
      job.x14.map((r) => shiftX14Rules(r, job.ws.name, mine)),
    );
    out.file(path, extLstLast(sheetXml));
    if (rels) out.file(relsPath, rels);
  }

  const wbPart = await workbookPart(out);
  if (original.names.length) {
    const xml = (await readText(out, wbPart)) ?? "";
    out.file(wbPart, restoreNames(xml, original.names, chartShifts, original.planNames));
  }
  for (const c of original.carried) {
    const owner = c.from === "package" ? "" : wbPart;
    const part = await copier.copy(c.part);
    if (!part) continue;
    const relsPath = relsPathOf(owner);
    const rels = await readText(out, relsPath);
    out.file(relsPath, addRel(rels, nextRelId(rels), c.type, relativeTarget(owner, part)));
  }
  if (replaced) await dropOrphanMedia(out);
  out.file("[Content_Types].xml", types.xml);
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
