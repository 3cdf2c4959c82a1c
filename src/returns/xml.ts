/**
 * The few pieces of SpreadsheetML a return reader needs, read by hand with regular expressions.
 *
 * Why by hand: ExcelJS (and any full .xlsx library) parses every part of the file — styles, every cell of
 * every sheet, validations, drawings — into objects, which is most of the time spent on a form. A return
 * needs a handful of cells whose addresses the fingerprint gives, so we scan only workbook.xml, its rels,
 * the fingerprint sheet, the sheets holding inputs, sharedStrings and docProps/core.xml, and only decode the
 * cells asked for. The grammar used is small and fixed by ECMA-376: elements may carry a namespace prefix
 * (`<x:c>`), attributes may be in any order and quoted either way, cells may omit `r` (then they follow on).
 */
import type { CellValue } from "../domain/grid";

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (_, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name],
  );
}

/** SpreadsheetML escapes characters XML cannot hold as _xHHHH_. */
export function unescapeOoxml(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** An attribute by local name, whatever its prefix ("r:id", "ns1:id"); `exact` skips prefixed ones. */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  const key = Object.keys(attrs).find((k) => k.endsWith(`:${local}`));
  return key === undefined ? undefined : attrs[key];
}

/** The text of every <t> in a fragment (a shared string item or inline string), phonetic runs left out. */
export function textRuns(fragment: string): string {
  const body = fragment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += m[1] ?? "";
  return unescapeOoxml(decodeXml(out));
}

export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
    out.push(textRuns(m[1] ?? ""));
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = "";
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
}

export interface ScannedCell {
  ref: string;
  row: number;
  value: CellValue;
}

const ROW_OR_CELL = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
const CELL_CLOSE = /<\/(?:\w+:)?c>/g;

/**
 * Cells of a sheet's XML that `want(ref, row)` accepts, decoded. Cells are found by one pass over the
 * tags; only accepted cells have their content parsed.
 */
export function scanCells(
  xml: string,
  strings: readonly string[],
  want: (ref: string, row: number) => boolean,
): ScannedCell[] {
  const out: ScannedCell[] = [];
  let row = 0;
  let col = 0;
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(xml); m; m = ROW_OR_CELL.exec(xml)) {
    const a = m[2];
    if (m[1] === "row") {
      const r = /\br="(\d+)"/.exec(a);
      row = r ? Number(r[1]) : row + 1;
      col = 0;
      continue;
    }
    const rm = /\br="([A-Z]{1,3})(\d+)"/.exec(a);
    if (rm) {
      col = columnNumber(rm[1]);
      row = Number(rm[2]);
    } else col += 1;
    const ref = rm ? `${rm[1]}${rm[2]}` : `${columnLetters(col)}${row}`;
    if (m[3] === "/" || !want(ref, row)) continue;
    CELL_CLOSE.lastIndex = ROW_OR_CELL.lastIndex;
    const close = CELL_CLOSE.exec(xml);
    if (!close) break;
    const inner = xml.slice(ROW_OR_CELL.lastIndex, close.index);
    out.push({ ref, row, value: cellValue(attributes(a), inner, strings) });
  }
  return out;
}

function cellValue(attrs: Record<string, string>, inner: string, strings: readonly string[]): CellValue {
  const type = attrs.t ?? "n";
  if (type === "inlineStr") {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
    return nonEmpty(is ? textRuns(is[1]) : "");
  }
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(inner);
  const text = v?.[1] === undefined ? null : decodeXml(v[1]);
  if (text === null) return null;
  switch (type) {
    case "s": {
      const s = strings[Number(text)];
      return s === undefined ? null : nonEmpty(s);
    }
    case "str":
    case "e":
    case "d":
      return nonEmpty(unescapeOoxml(text));
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    default: {
      const n = Number(text);
      return text.trim() !== "" && Number.isFinite(n) ? n : null;
    }
  }
}

function nonEmpty(s: string): CellValue {
  const t = s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
  return t === "" ? null : t;
}
