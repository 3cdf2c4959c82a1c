/**
 * Reading one returned form fast: only what the fingerprint says is needed. Open the zip (JSZip inflates an
 * entry only when asked), read workbook.xml (sheet names, defined names), the fingerprint sheet, then only
 * the sheets holding inputs and only their needed cells, sharedStrings and docProps/core.xml. Every other
 * part (styles, drawings, validations, untouched sheets) is never inflated. See xml.ts for why by hand.
 *
 * No Node or DOM API here: the CLI's worker threads and the pane's Web Worker both run it.
 */
import JSZip from "jszip";
import { parseFingerprint } from "../domain/consolidation/check-return";
import { neededCells } from "../domain/consolidation/locate";
import { cellKey, type ReturnReading } from "../domain/consolidation/template";
import type { CellValue } from "../domain/grid";
import { FINGERPRINT_SHEET } from "../domain/monitoring/fingerprint";
import { KIND_MESSAGES, MESSAGES, sniffFile } from "../xlsx/sniff";
import { attr, attributes, decodeXml, scanCells, sharedStrings } from "./xml";

export interface ReturnFile {
  /** The path or name as the user gave it. */
  file: string;
  bytes: Uint8Array;
  /** The file system's modification time, ISO, when known. */
  fileModified?: string | null;
}

/** FNV-1a over the bytes: the identity of this exact file for merging reruns (not security). */
export function contentHash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  let g = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
    g = Math.imul(g ^ bytes[i], 0x5bd1e995) ^ (g >>> 15);
  }
  return `${bytes.length.toString(36)}-${(h >>> 0).toString(36)}${(g >>> 0).toString(36)}`;
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function empty(f: ReturnFile): ReturnReading {
  return {
    file: f.file,
    key: `${baseName(f.file)}|${contentHash(f.bytes)}`,
    modified: null,
    fileModified: f.fileModified ?? null,
    problem: null,
    fingerprintText: null,
    sheets: [],
    names: {},
    cells: {},
    rowTexts: {},
  };
}

interface WorkbookIndex {
  sheets: { name: string; path: string | null }[];
  names: Record<string, string>;
  sharedStringsPath: string | null;
}

function resolveTarget(target: string): string {
  const t = target.replace(/\\/g, "/");
  if (t.startsWith("/")) return t.slice(1);
  const parts = `xl/${t}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const entry =
    zip.file(path) ?? zip.file(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"))[0];
  return entry ? entry.async("string") : null;
}

async function workbookIndex(zip: JSZip): Promise<WorkbookIndex | null> {
  const wb = await text(zip, "xl/workbook.xml");
  if (wb === null) return null;
  const rels = (await text(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) targets.set(a.Id, { type: a.Type ?? "", target: a.Target });
  }
  const sheets: WorkbookIndex["sheets"] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.name === undefined) continue;
    const rid = attr(a, "id");
    const rel = rid ? targets.get(rid) : undefined;
    sheets.push({ name: a.name, path: rel ? resolveTarget(rel.target) : null });
  }
  const names: Record<string, string> = {};
  const local: Record<string, string> = {};
  for (const m of wb.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const a = attributes(m[1]);
    if (!a.name) continue;
    // A workbook-scoped name wins over a sheet-scoped one of the same name.
    (a.localSheetId === undefined ? names : local)[a.name] = decodeXml(m[2]);
  }
  for (const [k, v] of Object.entries(local)) if (!(k in names)) names[k] = v;
  const sst = [...targets.values()].find((t) => /\/sharedStrings$/.test(t.type));
  return { sheets, names, sharedStringsPath: sst ? resolveTarget(sst.target) : "xl/sharedStrings.xml" };
}

async function modifiedTime(zip: JSZip): Promise<string | null> {
  const core = await text(zip, "docProps/core.xml");
  const m = core && /<dcterms:modified\b[^>]*>([^<]+)<\/dcterms:modified>/.exec(core);
  if (!m) return null;
  const t = Date.parse(m[1].trim());
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** Read one returned file; never throws: an unreadable file comes back with `problem` set. */
export async function readReturn(f: ReturnFile): Promise<ReturnReading> {
  const out = empty(f);
  const problem = KIND_MESSAGES[sniffFile(f.bytes)];
  if (problem) return { ...out, problem };
  try {
    return await readZip(f, out);
  } catch {
    return { ...out, problem: MESSAGES.corrupt };
  }
}

async function readZip(f: ReturnFile, out: ReturnReading): Promise<ReturnReading> {
  const zip = await JSZip.loadAsync(f.bytes);
  const index = await workbookIndex(zip);
  if (!index || index.sheets.length === 0) return { ...out, problem: MESSAGES.corrupt };
  out.sheets = index.sheets.map((s) => s.name);
  out.names = index.names;
  out.modified = await modifiedTime(zip);
  const fpSheet = index.sheets.find((s) => s.name.toLowerCase() === FINGERPRINT_SHEET.toLowerCase());
  if (!fpSheet?.path) return out;
  let strings: string[] | null = null;
  const loadStrings = async () => {
    if (strings) return strings;
    const xml = index.sharedStringsPath ? await text(zip, index.sharedStringsPath) : null;
    strings = xml ? sharedStrings(xml) : [];
    return strings;
  };
  const fpXml = await text(zip, fpSheet.path);
  if (fpXml === null) return { ...out, problem: MESSAGES.corrupt };
  const row1 = scanCells(fpXml, await loadStrings(), (_, row) => row === 1);
  const byCol = new Map(row1.map((c) => [c.ref.replace(/\d+$/, ""), c.value]));
  let json = "";
  for (let col = 2; ; col++) {
    const v = byCol.get(String.fromCharCode(64 + col));
    if (typeof v !== "string" || v === "" || col > 26) break;
    json += v;
  }
  out.fingerprintText = json;
  const fp = parseFingerprint(json);
  if (fp === null || fp === "damaged") return out;

  const need = neededCells(fp, out.names, out.sheets);
  const perSheet = new Map<string, Set<string>>();
  for (const c of need.cells) {
    if (!perSheet.has(c.sheet)) perSheet.set(c.sheet, new Set());
    perSheet.get(c.sheet)?.add(c.cell);
  }
  for (const s of Object.keys(need.rows)) if (!perSheet.has(s)) perSheet.set(s, new Set());
  const cells: Record<string, CellValue> = {};
  const rowTexts: Record<string, string> = {};
  for (const [sheet, refs] of perSheet) {
    const path = index.sheets.find((s) => s.name === sheet)?.path;
    const xml = path ? await text(zip, path) : null;
    if (xml === null) continue;
    const rows = new Set(need.rows[sheet] ?? []);
    const found = scanCells(xml, await loadStrings(), (ref, row) => refs.has(ref) || rows.has(row));
    for (const c of found) {
      if (refs.has(c.ref)) cells[cellKey(sheet, c.ref)] = c.value;
      if (rows.has(c.row) && typeof c.value === "string") rowTexts[cellKey(sheet, c.ref)] = c.value;
    }
  }
  return { ...out, cells, rowTexts };
}
