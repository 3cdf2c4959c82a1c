/**
 * How the add-in keeps its own state inside a workbook. Shared by the .xlsx adapter and the Office.js
 * adapter so a workbook moves between hosts; no ExcelJS import here, so Office.js code may import it.
 *
 * Settings: a very hidden sheet `_RoadmapMonitor`, one row per key: column A the key, column B the value
 * as JSON text. JSON longer than SETTING_CHUNK characters (a cell holds at most 32,767) continues in
 * C, D, … of the same row; a reader concatenates B, C, D… up to the first empty cell.
 *
 * Highlights: conditional-format rules of type "expression" whose formula is HIGHLIGHT_FORMULA (always
 * TRUE, and recognisable), so clearing removes only ours and never touches the cells' own formats.
 */
export const SETTINGS_SHEET = "_RoadmapMonitor";
/** Long drop-down lists (over Excel's 255-character inline limit) live here, one list per column. */
export const LISTS_SHEET = "_RoadmapLists";
export const SETTING_CHUNK = 32000;
/** Formula text as stored in the file (Office.js rule.formula takes it with a leading "="). */
export const HIGHLIGHT_FORMULA = 'LEN("RoadmapMonitor")>0';
/** Light orange fill of highlighted cells (ARGB). */
export const HIGHLIGHT_FILL_ARGB = "FFFFD8A8";

/** Split a JSON text into cell-sized chunks (at least one, possibly empty). */
export function chunkSetting(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += SETTING_CHUNK) out.push(json.slice(i, i + SETTING_CHUNK));
  return out.length ? out : [""];
}
