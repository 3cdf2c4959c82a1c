/** Helpers shared by the .xlsx adapter tests: build files with ExcelJS directly, look inside the zip. */
import ExcelJS from "exceljs";
import JSZip from "jszip";

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The XML of the n-th worksheet part (1-based, as ExcelJS names them) of an .xlsx. */
export async function sheetXml(bytes: Uint8Array, n = 1): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(`xl/worksheets/sheet${n}.xml`);
  if (!part) throw new Error(`no sheet${n}.xml in the file`);
  return part.async("string");
}

export async function zipPart(bytes: Uint8Array, name: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(name);
  return part ? part.async("string") : null;
}

/** The <c> element of one cell in a sheet's XML. */
export function cellXml(xml: string, address: string): string | null {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(xml);
  return m ? m[0] : null;
}
