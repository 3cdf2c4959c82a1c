/**
 * Conditional-format rules Excel stores only in the x14 extension (a rule whose formula refers to another sheet:
 * «=Списки!$A$1="да"»). ExcelJS reads them without their formula and then crashes writing the workbook, so the file
 * could not be saved at all. They are taken out of ExcelJS's model when the file is opened and written back into
 * the saved sheet's x14 conditional formats as the file had them, moved with inserted columns and deleted rows.
 */
import type ExcelJS from "exceljs";
import { shiftFormulaColumns } from "../domain/plan/references";
import { escapeXml, shiftSqref, unescapeXml, type SheetShift } from "./package-shift";
import { addSheetExtension } from "./opc";

const X14_CF_URI = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

interface RuleModel {
  type?: string;
  x14Id?: string;
  formulae?: unknown[];
}

/** Takes out of the sheet's model the x14 rules ExcelJS cannot write; their ids. */
export function takeUnwritableRules(ws: ExcelJS.Worksheet): Set<string> {
  const holder = ws as unknown as { conditionalFormattings?: { rules?: RuleModel[] }[] };
  const ids = new Set<string>();
  const formats = holder.conditionalFormattings ?? [];
  for (const cf of formats) {
    cf.rules = (cf.rules ?? []).filter((r) => {
      const unwritable = r.x14Id && r.type !== "dataBar" && r.type !== "iconSet" && !r.formulae?.length;
      if (unwritable) ids.add(r.x14Id as string);
      return !unwritable;
    });
  }
  if (ids.size) holder.conditionalFormattings = formats.filter((cf) => (cf.rules ?? []).length > 0);
  return ids;
}

/** The original sheet's <x14:conditionalFormatting> elements, each with only the rules of `ids`. */
export function x14Rules(sheetXml: string, ids: ReadonlySet<string>): string[] {
  if (ids.size === 0) return [];
  const out: string[] = [];
  for (const m of sheetXml.matchAll(
    /<x14:conditionalFormatting\b[^>]*>[\s\S]*?<\/x14:conditionalFormatting>/g,
  )) {
    const rules = [...m[0].matchAll(/<x14:cfRule\b[^>]*>[\s\S]*?<\/x14:cfRule>/g)]
      .map((r) => r[0])
      .filter((r) => ids.has(/\bid="([^"]*)"/.exec(r)?.[1] ?? ""));
    if (rules.length === 0) continue;
    let open = /^<x14:conditionalFormatting\b[^>]*>/.exec(m[0])![0];
    if (!open.includes("xmlns:xm=")) open = open.replace(/>$/, ` xmlns:xm="${XM}">`);
    const sqref = /<xm:sqref>[^<]*<\/xm:sqref>/.exec(m[0])?.[0] ?? "";
    out.push(`${open}${rules.join("")}${sqref}</x14:conditionalFormatting>`);
  }
  return out;
}

/** The rules moved with the sheet's inserted columns (formulas and places) and deleted rows (places, as the host). */
export function shiftX14Rules(rule: string, sheet: string, shifts: readonly SheetShift[]): string {
  return rule.replace(/<xm:(f|sqref)>([^<]*)<\/xm:\1>/g, (_w, tag: string, text: string) => {
    let ref = unescapeXml(text);
    for (const s of shifts)
      if (tag === "sqref") ref = shiftSqref(ref, sheet, s);
      else if (s.kind === "columns") ref = shiftFormulaColumns(ref, sheet, sheet, s.col, s.count);
    return `<xm:${tag}>${escapeXml(ref)}</xm:${tag}>`;
  });
}

/** The saved sheet with the rules added to its x14 conditional formats (the extension made when missing). */
export function addX14Rules(sheetXml: string, rules: readonly string[]): string {
  if (rules.length === 0) return sheetXml;
  const body = rules.join("");
  const at = sheetXml.indexOf(`uri="${X14_CF_URI}"`);
  const close = at >= 0 ? sheetXml.indexOf("</x14:conditionalFormattings>", at) : -1;
  if (close >= 0) return `${sheetXml.slice(0, close)}${body}${sheetXml.slice(close)}`;
  return addSheetExtension(
    sheetXml,
    `<ext uri="${X14_CF_URI}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
      `<x14:conditionalFormattings>${body}</x14:conditionalFormattings></ext>`,
  );
}
