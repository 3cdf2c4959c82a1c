/**
 * The notices of a sheet after its tables are read: empty sheet, no roadmap, rows folded, protection, hidden
 * rows and columns, error cells.
 */
import { columnLetter, parseA1, type SheetGrid } from "../grid";
import { SheetView } from "./sheet-view";
import type { Notice } from "./types";
import { notice } from "./notice-text";
import type { Found } from "./scan";

export function sheetNotices(view: SheetView, sheet: SheetGrid, found: Found[], notices: Notice[]): void {
  const name = sheet.name;
  const tables = found.map((f) => f.table);
  if (view.height === 0 || view.sheet.rows.every((row) => !row || row.every((v) => v === null || v === ""))) {
    notices.push(notice(name, "sheet.empty", {}));
  } else if (tables.length === 0) {
    notices.push(notice(name, "sheet.no-roadmap", {}));
  }
  if (sheet.cutCells?.length) notices.push(notice(name, "sheet.long-cells", { cells: sheet.cutCells }));
  for (const f of found) {
    if (f.continuationRows > 0) {
      const cont = f.table.rows
        .filter((x) => x.kind === "continuation" && view.nonEmpty(x.row - 1).length > 0)
        .map((x) => x.row);
      notices.push(notice(name, "table.continuations", { rows: cont }));
    }
  }
  if (tables.length > 0) {
    if (sheet.protected) {
      notices.push(notice(name, "sheet.protected", {}));
    }
    const hidden = new Set(sheet.hiddenRows ?? []);
    const hiddenInTables = found.reduce((n, f) => {
      let k = 0;
      for (const h of hidden) if (h >= f.top && h <= f.bottom) k++;
      return n + k;
    }, 0);
    if (hiddenInTables > 0) {
      notices.push(notice(name, "table.hidden-rows", { count: hiddenInTables }));
    }
    const hiddenCols = new Set(sheet.hiddenColumns ?? []);
    const hiddenLetters: string[] = [];
    const helperLetters: string[] = [];
    for (const f of found) {
      const range = parseA1(f.table.range)!;
      const c0 = f.table.columns;
      const roles = new Set(
        [c0.number, c0.activity, c0.form, c0.deadline, c0.result, c0.evidence, c0.status, c0.doneDate]
          .concat([c0.evidenceLink, c0.comment, c0.dueDate], c0.responsible)
          .filter((x): x is string => x !== null),
      );
      for (let c = range.left; c <= range.right; c++) {
        if (!hiddenCols.has(c)) continue;
        const letter = columnLetter(c);
        (roles.has(letter) ? hiddenLetters : helperLetters).push(letter);
      }
    }
    if (hiddenLetters.length > 0) {
      notices.push(notice(name, "table.hidden-columns", { columns: [...new Set(hiddenLetters)] }));
    }
    if (helperLetters.length > 0) {
      notices.push(notice(name, "table.helper-columns", { columns: [...new Set(helperLetters)] }));
    }
    const errors: string[] = [];
    for (const f of found) {
      const range = parseA1(f.table.range)!;
      for (let r = range.top; r <= range.bottom && errors.length < 6; r++) {
        const row = sheet.rows[r];
        if (!row) continue;
        for (let c = range.left; c <= Math.min(range.right, row.length - 1); c++) {
          if (view.isError(r, c)) errors.push(`${columnLetter(c)}${r + 1}`);
        }
      }
    }
    if (errors.length > 0) {
      notices.push(notice(name, "table.error-cells", { cells: errors }));
    }
  }
}
