/**
 * What a file is, from its bytes alone, and the Russian sentence for one that is not a readable .xlsx. No
 * ExcelJS import here: the fast return reader (src/returns) and web workers use it without loading ExcelJS.
 */
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

export function toBytes(data: FileData): Uint8Array {
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
export const KIND_MESSAGES: Record<FileKind, string | null> = {
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
