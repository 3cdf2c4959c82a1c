/**
 * `roadmap monitoring --schools list.txt`: a list saved by Notepad or Excel in any of the encodings Windows uses
 * gives the real school names; a workbook or other binary file given as the list is refused (exit 2, one Russian
 * line, nothing written).
 */
import path from "node:path";
import { decodeTextFile } from "../../src/cli/text-file";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { cellText } from "../../src/domain/grid";
import { roadmapWorkbook, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";

const NAMES = ["МБОУ СОШ № 1", "МБОУ «Гимназия № 2»"];
const LINES = NAMES.join("\r\n") + "\r\n";

// Windows-1251 bytes written out by hand: М=CC Б=C1 О=CE У=D3 С=D1 Ш=D8 №=B9 «=AB »=BB Г=C3 и=E8 м=EC н=ED а=E0 з=E7 я=FF
const CP1251 = new Uint8Array([
  0xcc, 0xc1, 0xce, 0xd3, 0x20, 0xd1, 0xce, 0xd8, 0x20, 0xb9, 0x20, 0x31, 0x0d, 0x0a, 0xcc, 0xc1, 0xce, 0xd3,
  0x20, 0xab, 0xc3, 0xe8, 0xec, 0xed, 0xe0, 0xe7, 0xe8, 0xff, 0x20, 0xb9, 0x20, 0x32, 0xbb, 0x0d, 0x0a,
]);

function utf16le(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[(bom ? 2 : 0) + 2 * i] = c & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
  }
  return out;
}

function utf16be(text: string): Uint8Array {
  const le = utf16le(text, false);
  const out = new Uint8Array(2 + le.length);
  out.set([0xfe, 0xff]);
  for (let i = 0; i < le.length; i += 2) [out[2 + i], out[3 + i]] = [le[i + 1], le[i]];
  return out;
}

const utf8 = (t: string) => new TextEncoder().encode(t);

describe("decodeTextFile", () => {
  it.each([
    ["UTF-8 without a BOM", utf8(LINES)],
    ["UTF-8 with a BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(LINES)])],
    ["UTF-16 LE with a BOM (Notepad «Юникод», Excel «Текст Юникод»)", utf16le(LINES, true)],
    ["UTF-16 LE without a BOM", utf16le(LINES, false)],
    ["UTF-16 BE with a BOM", utf16be(LINES)],
    ["Windows-1251 («ANSI»)", CP1251],
  ])("%s", (_what, bytes) => {
    expect(decodeTextFile(bytes, "list.txt").split(/\r\n/).filter(Boolean)).toEqual(NAMES);
  });

  it("refuses a zip (.xlsx), an OLE (.xls) and bytes full of control characters", () => {
    expect(() => decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), "a.xlsx")).toThrow(
      /«a\.xlsx» — не текстовый/,
    );
    expect(() => decodeTextFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "a.xls")).toThrow(
      /не текстовый/,
    );
    expect(() => decodeTextFile(new Uint8Array([0x41, 0x01, 0x02, 0x03, 0x42, 0x0a]), "b.bin")).toThrow(
      /не текстовый/,
    );
  });
});

async function schoolCells(bytes: Uint8Array): Promise<Set<string>> {
  const host = await XlsxWorkbookHost.open(bytes, "m.xlsx");
  const wb = await host.readWorkbook();
  return new Set(wb.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => cellText(c)))));
}

describe("roadmap monitoring --schools", () => {
  const argv = ["monitoring", "plan.xlsx", "--quarter", "2024-Q2", "--schools", "list.txt", "-o", "m.xlsx"];

  it.each([
    ["Windows-1251", CP1251],
    ["UTF-16 with a BOM", utf16le(LINES, true)],
  ])("a list in %s gives the real names", async (_what, list) => {
    const r = await runInMemory(argv, { "plan.xlsx": await xlsx(roadmapWorkbook(true)), "list.txt": list });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const cells = await schoolCells(r.files.get(path.resolve("m.xlsx"))!);
    for (const name of NAMES) expect(cells.has(name)).toBe(true);
  });

  it("an .xlsx given as the list: exit 2, one Russian line, nothing written", async () => {
    const book = await xlsx(roadmapWorkbook(true));
    const r = await runInMemory(argv, { "plan.xlsx": book, "list.txt": book });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "Файл «list.txt» — не текстовый (похоже на книгу Excel, документ или картинку): нужен текстовый файл .txt, по одной записи в строке.\n",
    );
    expect(r.written).toEqual([]);
  });
});
