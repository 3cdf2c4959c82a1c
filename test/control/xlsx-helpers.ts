/** Shared by the .xlsx and LibreOffice tests: annotate bytes through the .xlsx host, read files back with ExcelJS. */
import ExcelJS from "exceljs";
import { addControlColumns } from "../../src/app/annotate";
import { XlsxWorkbookHost } from "../../src/xlsx/host";

export async function annotateBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const host = await XlsxWorkbookHost.open(bytes, "in.xlsx");
  await addControlColumns(host);
  return host.toBuffer();
}

export async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export function cfRules(ws: ExcelJS.Worksheet): { ref: string; formula: string }[] {
  const model = ws.model as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] };
  return (model.conditionalFormattings ?? []).flatMap((cf) =>
    (cf.rules ?? []).map((r) => ({
      ref: cf.ref,
      formula: String((r as { formulae?: unknown[] }).formulae?.[0]),
    })),
  );
}
