import JSZip from "jszip";
import { checkReturn } from "../../src/domain/consolidation/check-return";
import { readReturn } from "../../src/returns/read-return";
import { MESSAGES } from "../../src/xlsx/sniff";
import { correctFill, makeTemplate } from "./fixtures";
import { writeForm } from "./form-file";

const t = makeTemplate();
const school = "МБОУ СОШ № 3";

async function check(bytes: Uint8Array) {
  return checkReturn(t, await readReturn({ file: "f.xlsx", bytes }));
}

describe("readReturn on real files", () => {
  test("a filled form: every value read through the names, the save time from docProps", async () => {
    const fill = correctFill(5);
    fill.values.I03 = { value: "4,25" };
    const r = await readReturn({ file: "dir/f.xlsx", bytes: await writeForm(t, school, fill) });
    expect(r.problem).toBeNull();
    expect(r.modified).toBe("2024-03-20T10:00:00.000Z");
    expect(r.sheets).toEqual(["Показатели", "Мероприятия", "_RoadmapForm"]);
    expect(r.cells["Показатели!C7"]).toBe(8);
    expect(r.cells["Показатели!D7"]).toBe(15);
    expect(r.cells["Показатели!C9"]).toBe("4,25");
    expect(r.cells["Мероприятия!D5"]).toBe("Выполнено");
    expect(r.rowTexts["Показатели!B8"]).toBe("Количество уроков, посещённых администрацией");
    expect(r.key).toMatch(/^f\.xlsx\|/);
    const rec = checkReturn(t, r);
    expect(rec.reasons).toEqual([]);
    expect(rec.values.find((v) => v.indicator === "I03")?.value).toBe(4.25);
  });

  test("inserted rows: values found where the names moved, with a remark", async () => {
    const fill = correctFill(5);
    const rec = await check(await writeForm(t, school, fill, { insertRowsAt: { row: 8, count: 2 } }));
    expect(rec.values.find((v) => v.indicator === "I02")?.value).toBe(fill.values.I02.value);
    expect(rec.values).toHaveLength(6);
    expect(new Set(rec.reasons.map((r) => r.rule))).toEqual(new Set(["return.layout-changed"]));
    expect(rec.reasons.map((r) => r.cell)).toContain("Показатели!C10");
  });

  test("a deleted input (#REF!) and a removed name: not read, error", async () => {
    const rec = await check(
      await writeForm(t, school, correctFill(5), {
        brokenNames: ["RM_I02_value"],
        removedNames: ["RM_I03_value"],
      }),
    );
    expect(rec.reasons.map((r) => r.rule)).toEqual(["return.input-not-found", "return.input-not-found"]);
    expect(rec.values.map((v) => v.indicator).sort()).toEqual(["I01", "I04", "I05", "I06"]);
  });

  test("a renamed sheet and a relabelled indicator", async () => {
    const rec = await check(
      await writeForm(t, school, correctFill(5), {
        renameSheet: "Лист 1",
        relabel: { I06: "Количество пропусков уроков" },
      }),
    );
    expect(rec.reasons.map((r) => r.rule).sort()).toEqual([
      "return.indicator-renamed",
      "return.sheet-renamed",
    ]);
    expect(rec.values).toHaveLength(6);
  });

  test("no fingerprint / a cut one", async () => {
    expect(
      (await check(await writeForm(t, school, correctFill(1), { noFingerprint: true }))).reasons[0].rule,
    ).toBe("return.no-fingerprint");
    expect(
      (await check(await writeForm(t, school, correctFill(1), { damageFingerprint: true }))).reasons[0].rule,
    ).toBe("return.fingerprint-damaged");
  });

  test.each([
    ["encrypted", () => oleWith("EncryptedPackage"), MESSAGES.encrypted],
    ["old .xls", () => oleWith("Workbook"), MESSAGES.xls],
    [
      "random bytes",
      () => new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256)),
      MESSAGES.notXlsx,
    ],
    ["empty", () => new Uint8Array(0), MESSAGES.empty],
  ])("%s → rejected with its reason", async (_, make, message) => {
    const r = await readReturn({ file: "x.xlsx", bytes: make() });
    expect(r.problem).toBe(message);
    expect(checkReturn(t, r)).toMatchObject({
      rejected: true,
      reasons: [{ rule: "return.unreadable", message }],
    });
  });

  test(".ods and a truncated zip are rejected with their reasons", async () => {
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    ods.file("content.xml", "<office:document-content/>");
    const odsBytes = await ods.generateAsync({ type: "uint8array" });
    expect((await readReturn({ file: "a.ods", bytes: odsBytes })).problem).toBe(MESSAGES.ods);
    const good = await writeForm(t, school, correctFill(1));
    expect((await readReturn({ file: "cut.xlsx", bytes: good.slice(0, good.length >> 1) })).problem).toBe(
      MESSAGES.corrupt,
    );
  });
});

/** An OLE compound file header followed by a directory entry name (UTF-16LE), as sniffFile sees one. */
function oleWith(stream: string): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const name: number[] = [];
  for (const ch of stream) name.push(ch.charCodeAt(0), 0);
  return new Uint8Array([...head, ...new Array(504).fill(0), ...name, ...new Array(64).fill(0)]);
}
