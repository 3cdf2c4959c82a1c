/**
 * Opening an .xlsx file with ExcelJS, and telling the user in one Russian sentence why a file cannot be
 * opened (old .xls, password, .ods, Word document, corrupt zip…).
 *
 * ExcelJS import: `import ExcelJS from "exceljs"` works everywhere we run. Under ts-jest/tsx/esbuild (Node,
 * CommonJS) the default import is `module.exports` of `exceljs/excel.js`; under webpack (target web) the
 * package's `browser` field resolves to `exceljs/dist/exceljs.min.js` (a UMD bundle with its own polyfills),
 * and webpack's CommonJS interop gives the same object. The browser preview imports `src/xlsx/*` with a
 * dynamic `import()`, so webpack puts ExcelJS in its own chunk, loaded only when a file is opened.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { UserFacingError } from "../domain/host";

export type FileData = ArrayBuffer | Uint8Array;

export const MESSAGES = {
  empty: "Файл пустой (0 байт): выберите сохранённую книгу Excel (.xlsx).",
  notXlsx:
    "Файл не похож на книгу Excel (.xlsx): откройте его в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)».",
  xls: "Файл в старом формате .xls: откройте его в Excel или LibreOffice и сохраните как .xlsx.",
  encrypted:
    "Книга защищена паролем на открытие: откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги) и сохраните как .xlsx.",
  ods: "Файл в формате OpenDocument (.ods): откройте его в LibreOffice или Excel и сохраните как .xlsx.",
  xlsb: "Файл в двоичном формате .xlsb: откройте его в Excel и сохраните как обычную книгу .xlsx.",
  word: "Это документ Word, а не книга Excel: скопируйте таблицу дорожной карты в Excel и сохраните книгу как .xlsx.",
  tooBig:
    "Книга слишком большая для проверки (больше 400 МБ данных после распаковки): разделите её на несколько файлов.",
  corrupt:
    "Файл повреждён и не читается как книга Excel: откройте его в Excel (он предложит восстановить) и сохраните заново как .xlsx.",
} as const;

export type FileKind =
  | "empty"
  | "xlsx"
  | "xls"
  | "encrypted"
  | "ods"
  | "xlsb"
  | "word"
  | "zip-other"
  | "zip-corrupt"
  | "too-big"
  | "other";

/** Unpacked size above which ExcelJS (which holds whole sheets in memory) would exhaust the heap. */
const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

function toBytes(data: FileData): Uint8Array {
  // A Node Buffer is a Uint8Array, so this covers Buffer too.
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function asciiBytes(s: string): number[] {
  return Array.from(s, (ch) => ch.charCodeAt(0));
}

/** OLE directory entry names are UTF-16LE. */
function utf16leBytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.charCodeAt(0), 0);
  return out;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Byte search; the needles are short and files at most tens of MB, so a plain scan is fast enough. */
function containsBytes(bytes: Uint8Array, needle: number[], limit = bytes.length): boolean {
  const first = needle[0];
  const end = Math.min(limit, bytes.length) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** What the file is, from its bytes alone (the extension may lie). */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE_MAGIC)) {
    // An encrypted .xlsx is an OLE container holding EncryptionInfo + EncryptedPackage streams.
    if (
      containsBytes(bytes, utf16leBytes("EncryptionInfo")) ||
      containsBytes(bytes, utf16leBytes("EncryptedPackage")) ||
      containsBytes(bytes, asciiBytes("EncryptionInfo"))
    )
      return "encrypted";
    if (containsBytes(bytes, utf16leBytes("WordDocument"))) return "word";
    return "xls";
  }
  if (startsWith(bytes, ZIP_EMPTY)) return "zip-other";
  if (!startsWith(bytes, ZIP_MAGIC)) return "other";
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) return "zip-corrupt";
  if (unpacked > MAX_UNPACKED_BYTES) return "too-big";
  // Zip entry names are stored uncompressed in the local and central headers.
  if (containsBytes(bytes, asciiBytes("application/vnd.oasis.opendocument"), 200)) return "ods";
  if (containsBytes(bytes, asciiBytes("xl/workbook.xml"))) return "xlsx";
  if (containsBytes(bytes, asciiBytes("xl/workbook.bin"))) return "xlsb";
  if (containsBytes(bytes, asciiBytes("word/document.xml"))) return "word";
  if (containsBytes(bytes, asciiBytes("content.xml")) && containsBytes(bytes, asciiBytes("mimetype")))
    return "ods";
  return "zip-other";
}

/**
 * Sum of the entries' uncompressed sizes from the zip's central directory (a zip bomb is refused before
 * anything is inflated); null when there is no readable central directory (truncated or not a zip).
 */
function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || p === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond our limit
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return total;
}

/** The Russian sentence for a file that is not a readable .xlsx; null when it looks like one. */
const KIND_MESSAGES: Record<FileKind, string | null> = {
  xlsx: null,
  empty: MESSAGES.empty,
  xls: MESSAGES.xls,
  encrypted: MESSAGES.encrypted,
  ods: MESSAGES.ods,
  xlsb: MESSAGES.xlsb,
  word: MESSAGES.word,
  "zip-corrupt": MESSAGES.corrupt,
  "too-big": MESSAGES.tooBig,
  "zip-other": MESSAGES.notXlsx,
  other: MESSAGES.notXlsx,
};

export interface LoadOptions {
  /**
   * Only reading values: skip the parts a grid does not need. ExcelJS expands every data validation into
   * one entry per cell, so a drop-down over whole columns (sqref="D1:H1048576", common in real files)
   * costs seconds and hundreds of MB, and one over the whole sheet never finishes.
   */
  valuesOnly?: boolean;
}

const SKIPPED_WHEN_READING = ["dataValidations", "conditionalFormatting", "extLst"];

/** Load an .xlsx into an ExcelJS workbook, or throw UserFacingError with one Russian sentence. */
export async function loadExcelWorkbook(data: FileData, opts: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = toBytes(data);
  const problem = KIND_MESSAGES[sniffFile(bytes)];
  if (problem) throw new UserFacingError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    const safe = await prepareForExcelJS(bytes);
    // ExcelJS types say Buffer; JSZip underneath accepts any Uint8Array / ArrayBuffer.
    await wb.xlsx.load(safe as unknown as Parameters<typeof wb.xlsx.load>[0], {
      ignoreNodes: opts.valuesOnly ? SKIPPED_WHEN_READING : [],
    });
  } catch {
    throw new UserFacingError(MESSAGES.corrupt);
  }
  if (wb.worksheets.length === 0) throw new UserFacingError(MESSAGES.corrupt);
  return wb;
}

/** A merged area larger than this is clipped to the cells the sheet really uses before ExcelJS sees it. */
const HUGE_MERGE_CELLS = 100_000;
const MERGE_CELL = /<mergeCell ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"\s*\/>/g;

function letters(col: string): number {
  let n = 0;
  for (const ch of col) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function toLetters(n: number): string {
  let s = "";
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
}

/** OOXML booleans may be "true"/"false" (LibreOffice writes them so); ExcelJS reads only "1"/"0" here. */
const BOOLEAN_ELEMENTS = /<(sheetProtection|protection)\b[^>]*>/g;

export function normaliseBooleans(xml: string): string {
  return xml.replace(BOOLEAN_ELEMENTS, (el) => el.replace(/="true"/g, '="1"').replace(/="false"/g, '="0"'));
}

/**
 * Fix-ups before ExcelJS reads a file: huge merges clipped (clipHugeMerge), and LibreOffice's "true"/"false" in
 * sheet protection and cell locking turned into the "1"/"0" ExcelJS understands — without it a form saved back by
 * LibreOffice reads as unprotected, all cells locked. Files needing neither pass through as they are.
 */
export async function prepareForExcelJS(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
    if (!sheet && name !== "xl/styles.xml") continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    let out = /="(true|false)"/.test(xml) ? normaliseBooleans(xml) : xml;
    if (sheet && out.includes("<mergeCell ")) out = clipHugeMerge(out);
    if (out !== xml) {
      zip.file(name, out);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

/** Kept for callers and tests: only the merge clipping. */
export async function clipHugeMerges(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    if (!xml.includes("<mergeCell ")) continue;
    const out = clipHugeMerge(xml);
    if (out === xml) continue;
    zip.file(name, out);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

/**
 * ExcelJS creates every cell of a merged area while loading, so one merge over whole columns (C20:C1048576, or
 * F1:XFD1048576) takes seconds to forever. Such a merge is clipped to the sheet's real extent (the last cell
 * present in the XML); a merge left with one cell is dropped. A sheet without huge merges comes back unchanged.
 */
function clipHugeMerge(xml: string): string {
  const huge = [...xml.matchAll(MERGE_CELL)].some(
    (m) => (letters(m[3]) - letters(m[1]) + 1) * (Number(m[4]) - Number(m[2]) + 1) > HUGE_MERGE_CELLS,
  );
  if (!huge) return xml;
  let maxRow = 1;
  let maxCol = 1;
  for (const c of xml.matchAll(/<c r="([A-Z]{1,3})(\d{1,7})"/g)) {
    maxCol = Math.max(maxCol, letters(c[1]));
    maxRow = Math.max(maxRow, Number(c[2]));
  }
  return xml.replace(MERGE_CELL, (whole, c1: string, r1: string, c2: string, r2: string) => {
    const left = letters(c1);
    const top = Number(r1);
    const right = Math.min(letters(c2), Math.max(maxCol, left));
    const bottom = Math.min(Number(r2), Math.max(maxRow, top));
    if (right === letters(c2) && bottom === Number(r2)) return whole;
    if (right === left && bottom === top) return "";
    return `<mergeCell ref="${c1}${r1}:${toLetters(right)}${bottom}"/>`;
  });
}
