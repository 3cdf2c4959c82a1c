/**
 * The task pane's .zip of the forms (MonitoringPane → formsZip): schools whose names become the same file name
 * once made Windows-safe, or names differing only by case, still give one entry each, distinct without regard
 * to case, each holding its own school's form (read back through the form's fingerprint).
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeForms } from "../../src/app/forms";
import { createMonitoring } from "../../src/app/monitoring";
import { parseFingerprint } from "../../src/domain/consolidation/check-return";
import { readReturn } from "../../src/returns/read-return";
import { formsZip } from "../../src/taskpane/logic/forms-zip";
import { XlsxWorkbookHost } from "../../src/xlsx/host";

// Four distinct schools (the school list keeps them all): «:» and «/» are not allowed in Windows file names.
const SCHOOLS = ["МБОУ СОШ № 1", "ШКОЛА:1", "школа 1", "Школа/1"];

describe("the forms' .zip", () => {
  let zip: JSZip;
  beforeAll(async () => {
    const host = await XlsxWorkbookHost.open(
      readFileSync(path.join(__dirname, "../fixtures/xlsx/003-pasted.xlsx")),
      "003.xlsx",
    );
    await createMonitoring(host, { quarter: "2025-Q1", schools: SCHOOLS });
    const outcome = await makeForms(host, (n) => XlsxWorkbookHost.empty(n));
    zip = await JSZip.loadAsync(await formsZip(outcome.forms));
  }, 120000);

  it("one entry per school, names distinct without regard to case, none in a folder", () => {
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      ["МБОУ СОШ № 1.xlsx", "ШКОЛА 1.xlsx", "школа 1 (2).xlsx", "Школа 1 (3).xlsx"].sort(),
    );
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4);
  });

  it("each entry is its own school's form", async () => {
    const schoolOf = async (name: string) => {
      const r = await readReturn({ file: name, bytes: await zip.file(name)!.async("uint8array") });
      const fp = parseFingerprint(r.fingerprintText);
      return fp && fp !== "damaged" ? fp.school : null;
    };
    expect(await schoolOf("ШКОЛА 1.xlsx")).toBe("ШКОЛА:1");
    expect(await schoolOf("школа 1 (2).xlsx")).toBe("школа 1");
    expect(await schoolOf("Школа 1 (3).xlsx")).toBe("Школа/1");
    expect(await schoolOf("МБОУ СОШ № 1.xlsx")).toBe("МБОУ СОШ № 1");
  });

  it("two forms of one name (ignoring case) are refused, not silently one", async () => {
    const bytes = new Uint8Array([1]);
    await expect(
      formsZip([
        { fileName: "Школа 1.xlsx", bytes },
        { fileName: "школа 1.xlsx", bytes },
      ]),
    ).rejects.toThrow("Две формы получили одно имя файла «школа 1.xlsx»");
  });
});
