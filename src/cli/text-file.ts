/**
 * A text file the user made (the school list) as text, whatever Windows program saved it: Notepad's UTF-8 with or
 * without a BOM, «Текст Юникод» (UTF-16 with a BOM), or the legacy Windows-1251 («ANSI»). A binary file (an .xlsx,
 * a .doc, a picture) given by mistake is refused in one Russian line, not read as garbage names.
 * TextDecoder does the decoding (WHATWG Encoding, built into Node and browsers); only the choice is ours.
 */
import { UserFacingError } from "../domain/host";

/** Signatures of the files most often given instead of a text: zip (.xlsx, .docx), OLE (.xls, .doc), PDF, images. */
const BINARY_MAGIC: readonly number[][] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function notText(file: string): UserFacingError {
  return new UserFacingError(
    `Файл «${file}» — не текстовый (похоже на книгу Excel, документ или картинку): нужен текстовый файл .txt, по одной записи в строке.`,
  );
}

/** UTF-16 without a BOM: every other byte of Cyrillic and Latin text is zero (or 0x04). */
function looksUtf16(bytes: Uint8Array, highAt: 0 | 1): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  let zeros = 0;
  for (let i = highAt; i < bytes.length; i += 2) if (bytes[i] === 0 || bytes[i] === 0x04) zeros++;
  return zeros >= (bytes.length / 2) * 0.9;
}

export function decodeTextFile(bytes: Uint8Array, file: string): string {
  if (BINARY_MAGIC.some((m) => startsWith(bytes, m))) throw notText(file);
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  else if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else if (bytes.includes(0) && looksUtf16(bytes, 1)) text = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes.includes(0) && looksUtf16(bytes, 0)) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // Not valid UTF-8: the Russian Windows «ANSI» code page is the one such files are in.
      text = new TextDecoder("windows-1251").decode(bytes);
    }
  }
  // Control characters other than tabs and line breaks do not occur in a list typed by a person.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) throw notText(file);
  }
  return text;
}
