/**
 * Roadmap table recognition: find every roadmap table in a sheet (anywhere, several per sheet), map its
 * columns to roles, classify its rows (header, section, activity, continuation), fold continuation rows into
 * their activity, and read the title, period and approval date above it. Each stage lives in its own file
 * (see README.md); this file runs them for a sheet and a workbook.
 */
import { parseA1, rangeA1, type SheetGrid, type WorkbookGrid } from "../grid";
import type { RoadmapTable } from "../model";
import { DIRECTORY_SHEET } from "../people-directory";
import { SheetView } from "./sheet-view";
import type { GivenContext, Notice, Recognition, RecognizeOptions } from "./types";
import { tableFromOverride } from "./overrides";
import { notice } from "./notice-text";
import { joinParts, scanSheet } from "./scan";
import { sheetNotices } from "./notices";

export type { Notice, Recognition, RecognizeOptions, TableOverride } from "./types";

export function recognizeSheet(sheet: SheetGrid, opts: RecognizeOptions = {}): Recognition {
  const notices: Notice[] = [];
  const name = sheet.name;
  const view = new SheetView(sheet);
  const overrides = (opts.overrides ?? []).filter((o) => o.sheet === name);
  const dated = overrides.filter((o) => o.period || o.approved);
  const given: GivenContext = dated.length > 0 ? dated[dated.length - 1] : null;
  let found = scanSheet(view, notices, given);

  const ranged = overrides.filter((o) => o.range);
  for (const o of ranged) {
    const f = tableFromOverride(view, o, notices, given);
    if (!f) continue;
    found = found.filter((x) => x.bottom < f.top || x.top > f.bottom);
    found.push(f);
  }
  const columnOnly = overrides.filter((o) => !o.range && o.columns);
  if (columnOnly.length > 0 && found.length > 0) {
    const o = columnOnly[columnOnly.length - 1];
    found = found.map((f) => {
      if (ranged.some((x) => x.range && parseA1(x.range)?.top === f.top)) return f;
      const range = parseA1(f.table.range)!;
      const redo = tableFromOverride(
        view,
        { sheet: name, range: rangeA1(range), columns: o.columns },
        [],
        given,
      );
      return redo ? { ...redo, partOf: f.partOf } : f;
    });
    notices.push(notice(name, "override.columns", {}));
  }
  found.sort((x, y) => x.top - y.top);
  const tables = joinParts(found);

  sheetNotices(view, sheet, found, notices);
  return { tables, notices };
}

/** «Лист1 (исходный)», «Лист1 (исходный 2)»: backups made by planFoldContinuations. */
export function isBackupSheet(name: string): boolean {
  return /\(исходный( \d+)?\)$/.test(name);
}

export function recognizeWorkbook(wb: WorkbookGrid, opts: RecognizeOptions = {}): Recognition {
  const sheets = wb?.sheets ?? [];
  if (sheets.length === 0) {
    return {
      tables: [],
      notices: [notice("", "workbook.empty", {})],
    };
  }
  const tables: RoadmapTable[] = [];
  const notices: Notice[] = [];
  for (const s of sheets) {
    if (isBackupSheet(s.name)) {
      // The copy «Исправить вставку из Word» keeps: reading it would show every activity twice.
      notices.push(notice(s.name, "sheet.backup", {}));
      continue;
    }
    const r = recognizeSheet(s, opts);
    tables.push(...r.tables);
    // The people directory is the add-in's own sheet: no «no roadmap here» notice for it.
    notices.push(...(s.name === DIRECTORY_SHEET && r.tables.length === 0 ? [] : r.notices));
  }
  if (tables.length === 0 && sheets.length > 1) {
    notices.push(notice("", "workbook.no-roadmap", {}));
  }
  return { tables, notices };
}
