/**
 * Defined names ExcelJS cannot hold, restored from the opened file. ExcelJS models a name as a list of plain ranges:
 * a formula name (a dynamic chart range «OFFSET(Лист1!$G$4,0,0,COUNTA(Лист1!$G:$G)-1,1)») comes out cut to
 * «'OFFSET(Лист1'!$G$4», a constant is dropped, a sheet-scoped name becomes workbook-wide, a hidden one visible.
 * Such names are written back as the file had them, their references moved by the plan's inserted columns and
 * deleted rows, their sheet scope renumbered to the saved sheet order. Names starting with «_xlnm.» (print area,
 * print titles, filter) are ExcelJS's to write; names the plan itself set are the plan's.
 */
import { escapeXml, shiftChartFormula, unescapeXml, type SheetShift } from "./package-shift";

export interface OriginalName {
  name: string;
  /** The original attributes other than name and localSheetId (hidden, comment…), as written. */
  attrs: string;
  /** The sheet the name is scoped to, by name; null for workbook-wide. */
  scope: string | null;
  formula: string;
}

const PLAIN_RANGES =
  /^(?:(?:'(?:[^']|'')+'|[^'!,()\s]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?:,(?:'(?:[^']|'')+'|[^'!,()\s]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)*$/;

/** The names of a workbook.xml that ExcelJS would lose or change; `sheets` is the file's sheet order. */
export function namesToRestore(workbookXml: string, sheets: readonly string[]): OriginalName[] {
  const out: OriginalName[] = [];
  for (const m of workbookXml.matchAll(
    /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g,
  )) {
    const attrs = m[1];
    const name = unescapeXml(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? "");
    if (!name || name.startsWith("_xlnm.")) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
    const rest = attrs.replace(/\s(name|localSheetId)="[^"]*"/g, "").trim();
    const formula = unescapeXml(m[2]);
    // LibreOffice writes every flag, off («hidden="false"»): those change nothing ExcelJS would lose.
    const meaningful = rest.replace(/\b[\w:]+="(false|0)"/g, "").trim();
    if (local === undefined && !meaningful && PLAIN_RANGES.test(formula)) continue;
    out.push({
      name,
      attrs: rest,
      scope: local === undefined ? null : (sheets[Number(local)] ?? null),
      formula,
    });
  }
  return out;
}

/**
 * The saved workbook.xml with the names restored: ExcelJS's version of each (same name) taken out, the original
 * put in with moved references. A name scoped to a sheet no longer in the file goes with it.
 */
export function restoreNames(
  workbookXml: string,
  names: readonly OriginalName[],
  shifts: readonly { sheet: string; shift: SheetShift }[],
  planNames: ReadonlySet<string>,
): string {
  const keep = names.filter((n) => !planNames.has(n.name.toLowerCase()));
  if (keep.length === 0) return workbookXml;
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  const restored = new Set(keep.map((n) => n.name.toLowerCase()));
  let xml = workbookXml.replace(/<definedName\b([^>]*)>[\s\S]*?<\/definedName>/g, (el, attrs: string) => {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? "").toLowerCase();
    return restored.has(name) ? "" : el;
  });
  const els = keep.flatMap((n) => {
    const index = n.scope === null ? -1 : sheets.indexOf(n.scope);
    if (n.scope !== null && index < 0) return [];
    let formula = n.formula;
    for (const s of shifts) formula = shiftChartFormula(formula, s.sheet, s.shift);
    const scope = index >= 0 ? ` localSheetId="${index}"` : "";
    const rest = n.attrs ? ` ${n.attrs}` : "";
    return [`<definedName name="${escapeXml(n.name)}"${scope}${rest}>${escapeXml(formula)}</definedName>`];
  });
  if (els.length === 0) return xml;
  if (/<definedNames\s*\/>/.test(xml))
    xml = xml.replace(/<definedNames\s*\/>/, "<definedNames></definedNames>");
  if (xml.includes("</definedNames>"))
    return xml.replace("</definedNames>", `${els.join("")}</definedNames>`);
  // In schema order definedNames follows sheets (and functionGroups, externalReferences, none of which ExcelJS writes).
  return xml.replace("</sheets>", `</sheets><definedNames>${els.join("")}</definedNames>`);
}
