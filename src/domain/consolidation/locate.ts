/**
 * Finding a form's inputs in a returned file. The fingerprint records where each input was written and the
 * defined name that points to it; Excel and LibreOffice move a name when rows or columns are inserted or
 * deleted, and write «#REF!» into it when its cell is deleted. So the name is the truth:
 * - name found, same sheet and cell as recorded → read it;
 * - name found elsewhere → the layout was changed; read where the name points, and say so;
 * - name missing or broken → the input cannot be found with certainty; never guess a cell.
 */
import { parseA1, a1 } from "../grid";
import type { ActivityInput, Fingerprint, FormInput } from "../monitoring/fingerprint";
import type { CellRef } from "./template";

export type Location =
  | { ok: true; at: CellRef; moved: boolean; sheetRenamed: boolean }
  | { ok: false; why: "name-missing" | "name-broken" }
  /** The name points to a sheet the file does not have (renamed by a program that left the names behind, or deleted). */
  | { ok: false; why: "sheet-missing"; sheet: string };

/** "'Пока''затели'!$C$7" → { sheet, cell }; null for #REF!, ranges of several cells, other workbooks. */
export function parseNameRef(ref: string): CellRef | null {
  const text = ref.trim().replace(/^=/, "");
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d{1,7})$/.exec(text);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (/^\[\d+\]/.test(sheet) || sheet.includes("#REF")) return null;
  const range = parseA1(m[3]);
  if (!range) return null;
  return { sheet, cell: a1(range.top, range.left) };
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function locate(
  name: string,
  recorded: CellRef,
  names: Record<string, string>,
  sheets: readonly string[],
): Location {
  const lower = name.toLowerCase();
  const key = Object.keys(names).find((n) => n.toLowerCase() === lower);
  if (key === undefined) return { ok: false, why: "name-missing" };
  const at = parseNameRef(names[key]);
  if (!at) return { ok: false, why: "name-broken" };
  const sheet = sheets.find((s) => sameSheet(s, at.sheet));
  if (!sheet) return { ok: false, why: "sheet-missing", sheet: at.sheet };
  const recordedCell = recorded.cell.replace(/\$/g, "").toUpperCase();
  return {
    ok: true,
    at: { sheet, cell: at.cell },
    moved: at.cell !== recordedCell,
    sheetRenamed: !sameSheet(sheet, recorded.sheet),
  };
}

export function locateInput(
  input: FormInput,
  names: Record<string, string>,
  sheets: readonly string[],
): Location {
  return locate(input.name, { sheet: input.sheet, cell: input.cell }, names, sheets);
}

export type ActivityField = "status" | "evidence" | "comment";

export function locateActivityField(
  input: ActivityInput,
  field: ActivityField,
  names: Record<string, string>,
  sheets: readonly string[],
): Location {
  return locate(input.names[field], { sheet: input.sheet, cell: input[field] }, names, sheets);
}

/** What a reader must fetch from a return: the input cells (as found by name), the school cell, and the rows of inputs. */
export interface NeededCells {
  cells: CellRef[];
  /** 1-based rows per sheet whose text cells are wanted (indicator labels beside the inputs). */
  rows: Record<string, number[]>;
}

export function neededCells(
  fp: Fingerprint,
  names: Record<string, string>,
  sheets: readonly string[],
): NeededCells {
  const cells: CellRef[] = [];
  const rows: Record<string, Set<number>> = {};
  const add = (loc: Location, withRow: boolean) => {
    if (!loc.ok) return;
    cells.push(loc.at);
    const range = parseA1(loc.at.cell);
    if (withRow && range) (rows[loc.at.sheet] ??= new Set()).add(range.top + 1);
  };
  for (const input of fp.inputs) add(locateInput(input, names, sheets), true);
  for (const act of fp.activityInputs)
    for (const field of ["status", "evidence", "comment"] as const)
      add(locateActivityField(act, field, names, sheets), false);
  const schoolSheet = sheets.find((s) => sameSheet(s, fp.schoolCell.sheet));
  if (schoolSheet) cells.push({ sheet: schoolSheet, cell: fp.schoolCell.cell });
  const out: Record<string, number[]> = {};
  for (const [s, set] of Object.entries(rows)) out[s] = [...set].sort((a, b) => a - b);
  return { cells, rows: out };
}
