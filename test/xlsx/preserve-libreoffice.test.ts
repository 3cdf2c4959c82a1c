/**
 * LibreOffice opens what `roadmap annotate` saved from a workbook with a user's chart, picture and text box, and
 * still has them: re-saved by LibreOffice, the chart reads the moved data block (K:L after five control columns
 * went in at E) and sits where it was moved to. Missing soffice is a failure, not a skip.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { runCli, type CliIo } from "../../src/cli/run";
import { libreOffice, type LibreOffice } from "../helpers/libreoffice";
import { richWorkbook } from "./rich-package";

let lo: LibreOffice;
beforeAll(() => {
  lo = libreOffice();
});
afterAll(() => lo?.dispose());

test("the chart, picture and text box survive annotate and a LibreOffice round trip", async () => {
  const written: Record<string, Uint8Array> = {};
  const input = await richWorkbook(["chart", "picture", "shape"]);
  const io: CliIo = {
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: async () => input,
    writeFile: async (p, bytes) => void (written[p] = bytes),
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
    today: () => "2024-03-01",
  };
  expect(await runCli(["annotate", "in.xlsx", "-o", "out.xlsx"], io)).toBe(0);
  const file = path.join(lo.dir, "annotated.xlsx");
  writeFileSync(file, written["out.xlsx"]);

  const back = await JSZip.loadAsync(readFileSync(lo.resave(file)));
  const names = Object.keys(back.files);
  const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toHaveLength(1);
  const chart = await back.file(charts[0])!.async("string");
  const refs = [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
  expect(refs).toEqual(expect.arrayContaining(["Лист1!$K$4:$K$6", "Лист1!$L$4:$L$6"]));
  const drawing = await back
    .file(names.find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!)!
    .async("string");
  const frame =
    /<xdr:twoCellAnchor[^>]*>((?:(?!<\/xdr:twoCellAnchor>)[\s\S])*?<xdr:graphicFrame)/.exec(drawing)?.[1] ??
    "";
  expect(frame).toMatch(/<xdr:from><xdr:col>13<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>1<\/xdr:row>/);
  expect(drawing).toContain("<xdr:pic>");
  expect(drawing).toContain("Согласовано с управлением образования");
  expect(names.some((n) => n.startsWith("xl/media/"))).toBe(true);
}, 240_000);
