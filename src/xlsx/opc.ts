/**
 * The few OPC (zip package) primitives preserve.ts and charts.ts need: relationships, part paths, content types.
 * Hand-written because no maintained browser-side library edits the parts of an existing .xlsx package; the
 * parts are small XML, read with regular expressions over their fixed shapes.
 */
import type JSZip from "jszip";
import { unescapeXml } from "./package-shift";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const RELS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The element as written. */
  xml: string;
}

function attrs(el: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of el.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

export function parseRels(xml: string | null): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return {
      id: a.Id,
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: a.TargetMode === "External",
      xml: m[0],
    };
  });
}

/** The last segment of a relationship type: ".../relationships/pivotTable" → "pivotTable". */
export const relKind = (type: string) => type.slice(type.lastIndexOf("/") + 1);

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship's target as a part path (no leading slash). */
export function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The target to write in `from`'s relationships for the part `to`. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

export async function readText(zip: JSZip, name: string): Promise<string | null> {
  const f = zip.file(name);
  return f ? f.async("string") : null;
}

/** The next free "rIdN" of a relationships part. */
export function nextRelId(relsXml: string | null): string {
  const n = Math.max(0, ...parseRels(relsXml).map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0)));
  return `rId${n + 1}`;
}

export function addRel(relsXml: string | null, id: string, type: string, target: string): string {
  const el = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  return (relsXml ?? `${RELS_HEAD}</Relationships>`).replace("</Relationships>", `${el}</Relationships>`);
}

/** The workbook part of a package (from its root relationships), usually "xl/workbook.xml". */
export async function workbookPart(zip: JSZip): Promise<string> {
  const rel = parseRels(await readText(zip, "_rels/.rels")).find((r) => relKind(r.type) === "officeDocument");
  return rel ? resolveTarget("", rel.target) : "xl/workbook.xml";
}

/** Every worksheet's part path by sheet name. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wbPart = await workbookPart(zip);
  const rels = parseRels(await readText(zip, relsPathOf(wbPart)));
  const out = new Map<string, string>();
  for (const m of ((await readText(zip, wbPart)) ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    // The relationships prefix is usually "r", but it is the file's choice.
    const id = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    const rel = rels.find((r) => r.id === id);
    if (a.name && rel) out.set(a.name, resolveTarget(wbPart, rel.target));
  }
  return out;
}

/** Content types: the Override of a part, else the Default of its extension. */
export class ContentTypes {
  constructor(public xml: string) {}

  of(part: string): { type: string; override: boolean } | null {
    const name = `/${part}`.toLowerCase();
    for (const m of this.xml.matchAll(/<Override\b[^>]*>/g)) {
      const a = attrs(m[0]);
      if (a.PartName?.toLowerCase() === name) return { type: a.ContentType, override: true };
    }
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const m of this.xml.matchAll(/<Default\b[^>]*>/g)) {
      const a = attrs(m[0]);
      if (a.Extension?.toLowerCase() === ext) return { type: a.ContentType, override: false };
    }
    return null;
  }

  setOverride(part: string, type: string): void {
    this.removeOverride(part);
    this.xml = this.xml.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  }

  ensureDefault(part: string, type: string): void {
    const ext = part.slice(part.lastIndexOf(".") + 1);
    if (this.of(part)) return;
    this.xml = this.xml.replace("</Types>", `<Default Extension="${ext}" ContentType="${type}"/></Types>`);
  }

  removeOverride(part: string): void {
    const name = `/${part}`.toLowerCase();
    this.xml = this.xml.replace(/<Override\b[^>]*>/g, (el) =>
      attrs(el).PartName?.toLowerCase() === name ? "" : el,
    );
  }
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

/**
 * Where the worksheet's own child `tag` is (not an element of that name nested deeper, as a cfRule's extLst). Only
 * the part after sheetData is scanned: every element placed by hand comes after it.
 */
export function sheetChild(xml: string, tag: string): { start: number; end: number } | null {
  const data = xml.indexOf("</sheetData>");
  const from = data >= 0 ? data + "</sheetData>".length : xml.indexOf(">", xml.indexOf("<worksheet")) + 1;
  const re = /<(\/?)([A-Za-z][\w:.-]*)\b[^>]*?(\/?)>/g;
  re.lastIndex = from;
  let depth = 0;
  let start = -1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [whole, close, name, selfClose] = m;
    if (close) {
      if (depth === 0) return null; // </worksheet>
      depth--;
      if (depth === 0 && start >= 0) return { start, end: m.index + whole.length };
      continue;
    }
    if (depth === 0 && name === tag) {
      if (selfClose) return { start: m.index, end: m.index + whole.length };
      start = m.index;
    }
    if (!selfClose) depth++;
  }
  return null;
}

/** A worksheet's XML with <drawing r:id> in its schema place (and the r namespace declared). */
export function insertDrawingElement(sheetXml: string, rId: string): string {
  const before = AFTER_DRAWING.map((tag) => sheetChild(sheetXml, tag)?.start ?? -1).filter((i) => i >= 0);
  const at = before.length ? Math.min(...before) : sheetXml.lastIndexOf("</worksheet>");
  let out = `${sheetXml.slice(0, at)}<drawing r:id="${rId}"/>${sheetXml.slice(at)}`;
  const root = out.indexOf("<worksheet");
  if (!/xmlns:r=/.test(out.slice(root, out.indexOf(">", root))))
    out = out.replace("<worksheet", `<worksheet xmlns:r="${REL_NS}"`);
  return out;
}

/** A worksheet's XML with `ext` added to its own extLst, which is put last, where the schema wants it. */
export function addSheetExtension(sheetXml: string, ext: string): string {
  const own = sheetChild(sheetXml, "extLst");
  let xml = sheetXml;
  let body = "";
  if (own) {
    const el = xml.slice(own.start, own.end);
    body = el.endsWith("/>") ? "" : el.replace(/^<extLst\s*>/, "").replace(/<\/extLst>$/, "");
    xml = xml.slice(0, own.start) + xml.slice(own.end);
  }
  const end = xml.lastIndexOf("</worksheet>");
  return `${xml.slice(0, end)}<extLst>${body}${ext}</extLst>${xml.slice(end)}`;
}

/** The worksheet's own extLst moved last, where the schema wants it (ExcelJS writes it before legacyDrawing). */
export function extLstLast(sheetXml: string): string {
  const own = sheetChild(sheetXml, "extLst");
  if (!own) return sheetXml;
  const el = sheetXml.slice(own.start, own.end);
  const rest = sheetXml.slice(0, own.start) + sheetXml.slice(own.end);
  const end = rest.lastIndexOf("</worksheet>");
  return `${rest.slice(0, end)}${el}${rest.slice(end)}`;
}
