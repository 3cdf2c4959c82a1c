/** Filling the monitoring command's forms as a school would: through the defined names the fingerprint lists. */
import ExcelJS from "exceljs";
import type { Fingerprint } from "../../src/domain/monitoring/fingerprint";

export type Typed = Record<string, Record<string, string | number>>; // indicator → part → typed value

export function nameTarget(wb: ExcelJS.Workbook, name: string): { sheet: string; cell: string } {
  const ranges = (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } }).getRanges(
    name,
  ).ranges;
  const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ranges[0]);
  if (!m) throw new Error(`no name ${name}`);
  return { sheet: m[1], cell: `${m[2]}${m[3]}` };
}

/** What school k types (n = 1-based), by the input's type in the fingerprint. */
export function typedFor(fp: Fingerprint, n: number): Typed {
  const out: Typed = {};
  fp.indicators.forEach((ind, i) => {
    const parts = fp.inputs.filter((x) => x.indicator === ind.id);
    const v: Record<string, string | number> = {};
    for (const p of parts) {
      if (p.part === "denominator") v.denominator = 10 + ((n + i) % 9);
      else if (p.part === "numerator") v.numerator = (n * 3 + i) % 10;
      else if (p.type === "yesno") v[p.part] = n % 4 === 0 ? "Нет" : "Да";
      else if (p.type === "integer") v[p.part] = (n + i) % 6;
      else if (p.type === "number") v[p.part] = Math.round(((n % 5) + 3.25 + i) * 100) / 100;
      else v[p.part] = `ответ ${n}`;
    }
    out[ind.id] = v;
  });
  return out;
}

export async function fill(bytes: Uint8Array, typed: Typed, modified: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.modified = modified;
  const fpSheet = wb.getWorksheet("_RoadmapForm");
  let json = "";
  for (let c = 2; typeof fpSheet?.getRow(1).getCell(c).value === "string"; c++)
    json += fpSheet?.getRow(1).getCell(c).value;
  const fp = JSON.parse(json) as Fingerprint;
  for (const input of fp.inputs) {
    const v = typed[input.indicator]?.[input.part];
    if (v === undefined) continue;
    const at = nameTarget(wb, input.name);
    wb.getWorksheet(at.sheet)!.getCell(at.cell).value = v;
  }
  for (const a of fp.activityInputs) {
    const at = nameTarget(wb, a.names.status);
    wb.getWorksheet(at.sheet)!.getCell(at.cell).value = "Выполнено";
    const ev = nameTarget(wb, a.names.evidence);
    wb.getWorksheet(ev.sheet)!.getCell(ev.cell).value = "Приказ № 5";
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
