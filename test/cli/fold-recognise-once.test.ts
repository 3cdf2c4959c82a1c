/**
 * `roadmap fold` reads and recognises the workbook once: the proposal it prints and the fold's first pass share
 * one recognition (nothing is written between them), and a fold that leaves nothing to do reads no more.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli, type CliIo } from "../../src/cli/run";
import { XlsxWorkbookHost } from "../../src/xlsx/host";

function memoryIo(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: () => undefined,
    readFile: async (p) => files[p],
    writeFile: async (p, bytes) => {
      files[p] = bytes;
    },
    rename: async () => {
      throw new Error("only forms renames files");
    },
    removeFile: async () => {
      throw new Error("only forms removes files");
    },
    listFolder: async () => null,
    mtime: async () => null,
    samePath: (a, b) => a === b,
    baseName: (p) => path.basename(p),
    today: () => "2023-06-01",
  };
  return { io, out };
}

const fixture = (name: string) => readFileSync(path.join(__dirname, "..", "fixtures", "xlsx", name));

afterEach(() => jest.restoreAllMocks());

describe("roadmap fold recognises once", () => {
  it("seed 002 pasted: one workbook read for the proposal and the fold, 14 rows folded", async () => {
    const reads = jest.spyOn(XlsxWorkbookHost.prototype, "readWorkbook");
    const { io, out } = memoryIo({ "in.xlsx": fixture("002-pasted.xlsx") });
    expect(await runCli(["fold", "in.xlsx", "-o", "out.xlsx"], io)).toBe(0);
    // The 14 continuation rows of seed 002 (test/fixtures/seeds.ts), all of one table on one sheet.
    expect(out.join("")).toMatch(/^Склеено строк: 14\./);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("with --json, one more read: the check report of the written workbook", async () => {
    const reads = jest.spyOn(XlsxWorkbookHost.prototype, "readWorkbook");
    const { io } = memoryIo({ "in.xlsx": fixture("002-pasted.xlsx") });
    expect(await runCli(["fold", "in.xlsx", "-o", "out.xlsx", "--json"], io)).toBe(0);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});
