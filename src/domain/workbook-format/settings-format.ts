import { columnLetter } from "../grid";

/**
 * How the add-in keeps its own state inside a workbook. Shared by the .xlsx adapter and the Office.js
 * adapter so a workbook moves between hosts; no ExcelJS import here, so Office.js code may import it.
 *
 * Settings: a very hidden sheet `_RoadmapMonitor`, one row per key: column A the key, column B the value
 * as JSON text. JSON longer than SETTING_CHUNK characters (a cell holds at most 32,767) continues in
 * C, D, … of the same row; a reader concatenates B, C, D… up to the first empty cell.
 *
 * Long drop-down lists: one list per column of the very hidden sheet `_RoadmapLists`, from row 1; a list
 * already there is reused.
 *
 * Highlights: conditional-format rules of type "expression" whose formula is HIGHLIGHT_FORMULA (always
 * TRUE, and recognisable), so clearing removes only ours and never touches the cells' own formats.
 */
export const SETTINGS_SHEET = "_RoadmapMonitor";
/** Long drop-down lists (over Excel's 255-character inline limit) live here, one list per column. */
export const LISTS_SHEET = "_RoadmapLists";
const OWN_SHEETS = new Set([SETTINGS_SHEET.toLowerCase(), LISTS_SHEET.toLowerCase()]);

/** The add-in's own sheets: never listed, read or checked as roadmaps (Excel ignores case in sheet names). */
export function isOwnSheet(name: string): boolean {
  return OWN_SHEETS.has(name.toLowerCase());
}

export const SETTING_CHUNK = 32000;
/** Formula text as stored in the file (Office.js rule.formula takes it with a leading "="). */
export const HIGHLIGHT_FORMULA = 'LEN("RoadmapMonitor")>0';
/** Light orange fill of highlighted cells (ARGB). */
export const HIGHLIGHT_FILL_ARGB = "FFFFD8A8";

/**
 * A setting's value from the cells after its key (B, C, … as text): the chunks up to the first empty one,
 * as JSON. Null when unreadable: a hand-edited or truncated setting is ignored, not fatal.
 */
export function parseSetting<T>(cells: readonly unknown[]): T | null {
  let json = "";
  for (const cell of cells) {
    if (typeof cell !== "string" || cell === "") break;
    json += cell;
  }
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** Split a JSON text into cell-sized chunks (at least one, possibly empty). */
export function chunkSetting(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += SETTING_CHUNK) out.push(json.slice(i, i + SETTING_CHUNK));
  return out.length ? out : [""];
}

/** The list as Excel's inline source "a,b,c"; null when Excel would refuse it (over 255 characters, or an item
 * holding a comma or a quote) and it must go to the lists sheet. */
export function inlineList(list: readonly string[]): string | null {
  if (list.some((s) => s.includes(",") || s.includes('"'))) return null;
  const joined = list.join(",");
  return joined.length <= 255 ? joined : null;
}

/** Where a long list goes on the lists sheet (0-based column): a column already holding it, else the first
 * empty column, else a new one; `write` when it is not there yet. */
export function listColumn(
  columns: readonly (readonly string[] | undefined)[],
  list: readonly string[],
): { col: number; write: boolean } {
  const same = columns.findIndex((c) => c?.length === list.length && c.every((s, i) => s === list[i]));
  if (same >= 0) return { col: same, write: false };
  const empty = columns.findIndex((c) => !c?.length);
  return { col: empty >= 0 ? empty : columns.length, write: true };
}

/** The lists sheet's cells of a list, as a validation source without "=": '_RoadmapLists'!$B$1:$B$5. */
export function listReference(col: number, length: number): string {
  const letters = columnLetter(col);
  return `'${LISTS_SHEET}'!$${letters}$1:$${letters}$${Math.max(length, 1)}`;
}
