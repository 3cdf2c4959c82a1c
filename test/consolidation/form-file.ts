/**
 * Writes a school form as an .xlsx with ExcelJS, from the fixture fingerprint (used until the monitoring
 * helper's `forms` lands, and to make altered forms): the visible sheets, the very hidden fingerprint sheet,
 * and one defined name per input. `alter` simulates what Excel does when a school edits the layout.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/domain/grid";
import {
  FINGERPRINT_MARKER,
  FINGERPRINT_SHEET,
  type Fingerprint,
} from "../../src/domain/monitoring/fingerprint";
import type { ConsolidationTemplate } from "../../src/domain/consolidation/template";
import { makeFingerprint, type Filled, FIRST_INDICATOR_ROW } from "./fixtures";

export interface Alteration {
  /** Rows inserted above this 1-based row of «Показатели» (Excel moves the cells and the names). */
  insertRowsAt?: { row: number; count: number };
  /** The input names Excel turned into #REF! (their cells were deleted). */
  brokenNames?: string[];
  /** Names removed from the workbook. */
  removedNames?: string[];
  /** «Показатели» renamed (Excel renames it in every name). */
  renameSheet?: string;
  /** With renameSheet: the names still point to «Показатели» (a program renamed the sheet, not the names). */
  namesLeftBehind?: boolean;
  /** The fingerprint sheet removed, or its JSON cut. */
  noFingerprint?: boolean;
  damageFingerprint?: boolean;
  /** A label beside an input changed: indicator id → new text. */
  relabel?: Record<string, string>;
  /** The fingerprint as written, replaced (another quarter, template…). */
  fingerprint?: (fp: Fingerprint) => Fingerprint;
  /** docProps/core.xml modified time. */
  modified?: Date;
}

function shiftRow(cell: string, at: { row: number; count: number } | undefined): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m || !at) return cell;
  const r = Number(m[2]);
  return `${m[1]}${r >= at.row ? r + at.count : r}`;
}

export async function writeForm(
  t: ConsolidationTemplate,
  school: string,
  fill: Filled,
  alter: Alteration = {},
): Promise<Uint8Array> {
  const fp0 = makeFingerprint(t, school);
  const fp = alter.fingerprint ? alter.fingerprint(fp0) : fp0;
  const wb = new ExcelJS.Workbook();
  wb.creator = "test";
  wb.modified = alter.modified ?? new Date("2024-03-20T10:00:00Z");
  const indName = alter.renameSheet ?? "Показатели";
  const ind = wb.addWorksheet(indName);
  const act = wb.addWorksheet("Мероприятия");
  const at = alter.insertRowsAt;
  const put = (ws: ExcelJS.Worksheet, cell: string, v: CellValue) => {
    if (v !== null && v !== undefined) ws.getCell(ws === ind ? shiftRow(cell, at) : cell).value = v;
  };
  put(ind, "A1", `Форма мониторинга за ${t.template.quarter}`);
  put(ind, "A3", "Школа:");
  put(ind, "B3", school);
  t.indicators.forEach((i, k) => {
    put(ind, `A${FIRST_INDICATOR_ROW + k}`, i.id);
    put(ind, `B${FIRST_INDICATOR_ROW + k}`, alter.relabel?.[i.id] ?? i.text);
  });
  if (at)
    for (let r = 0; r < at.count; r++) ind.getCell(`B${at.row + r}`).value = "вставленная школой строка";
  const quoteSheet = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const abs = (cell: string) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  for (const input of fp0.inputs) {
    put(ind, input.cell, fill.values[input.indicator]?.[input.part] ?? null);
    const nameSheet = alter.namesLeftBehind ? "Показатели" : indName;
    const ref = `${quoteSheet(nameSheet)}!${abs(shiftRow(input.cell, at))}`;
    if (alter.removedNames?.includes(input.name)) continue;
    wb.definedNames.add(
      alter.brokenNames?.includes(input.name) ? `${quoteSheet(indName)}!#REF!` : ref,
      input.name,
    );
  }
  t.activities.forEach((a, k) => put(act, `B${5 + k}`, a.activity));
  for (const a of fp0.activityInputs) {
    const [status, evidence] = fill.activities[a.activity] ?? [null, null];
    put(act, a.status, status);
    put(act, a.evidence, evidence);
    for (const f of ["status", "evidence", "comment"] as const)
      wb.definedNames.add(`${quoteSheet("Мероприятия")}!${abs(a[f])}`, a.names[f]);
  }
  if (!alter.noFingerprint) {
    const ws = wb.addWorksheet(FINGERPRINT_SHEET, { state: "veryHidden" });
    ws.getCell("A1").value = FINGERPRINT_MARKER;
    const json = JSON.stringify(fp);
    const text = alter.damageFingerprint ? json.slice(0, json.length / 2) : json;
    // Chunks as the fingerprint module describes (short ones here, to exercise joining).
    for (let i = 0, col = 2; i < text.length; i += 2000, col++)
      ws.getCell(1, col).value = text.slice(i, i + 2000);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
