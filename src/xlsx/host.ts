/**
 * WorkbookHost over an in-memory .xlsx (ExcelJS): the browser preview and the CLI work on files through it.
 * Settings and highlights are stored in the workbook the same way the Office.js adapter stores them
 * (see settings-format.ts), so a file moves between hosts.
 */
import ExcelJS from "exceljs";
import type { EditPlan } from "../domain/edit-plan";
import { parseA1, type SheetGrid, type WorkbookGrid } from "../domain/grid";
import { UserFacingError, type ApplyOutcome, type SheetInfo, type WorkbookHost } from "../domain/host";
import { HOST_MESSAGES } from "../domain/workbook-format/host-messages";
import { loadExcelWorkbook, type FileData, type LoadOptions } from "./load";
import { workbookToGrid, worksheetToGrid } from "./read";
import {
  HIGHLIGHT_FILL_ARGB,
  HIGHLIGHT_FORMULA,
  SETTINGS_SHEET,
  chunkSetting,
  isOwnSheet,
  parseSetting,
} from "../domain/workbook-format/settings-format";
import { applyPlanToXlsx, isOurHighlight, workbookToBytes } from "./write";
import { lossNotices, takeLossNotices } from "./preserve";
import { cellInputOf } from "./cell-input";
import type { CellInput } from "../domain/cell-entry";

export interface Selection {
  sheet: string;
  address: string;
}

export class XlsxWorkbookHost implements WorkbookHost {
  private selected: Selection | null = null;
  private active: string | null = null;
  private listeners = new Set<() => void>();

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name: string,
  ) {}

  /** Open a file's bytes; throws UserFacingError (Russian) when it is not a readable .xlsx. */
  static async open(data: FileData, name: string, opts: LoadOptions = {}): Promise<XlsxWorkbookHost> {
    return new XlsxWorkbookHost(await loadExcelWorkbook(data, opts), name);
  }

  /** A host over a workbook built in memory (tests, the preview's sample). */
  static fromWorkbook(wb: ExcelJS.Workbook, name: string): XlsxWorkbookHost {
    return new XlsxWorkbookHost(wb, name);
  }

  /** A new, empty workbook (outputs the add-in creates: summaries, forms, consolidations). */
  static empty(name: string): XlsxWorkbookHost {
    return new XlsxWorkbookHost(new ExcelJS.Workbook(), name);
  }

  /** The current state as .xlsx bytes, for download. */
  async toBuffer(): Promise<Uint8Array> {
    return workbookToBytes(this.workbook);
  }

  /** Called after every change (apply, select, highlight, settings), so a preview can redraw. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** The last select() call, for the preview grid. */
  get selection(): Selection | null {
    return this.selected;
  }

  /** The cells currently highlighted by us, per sheet (addresses as given to highlight()). */
  highlightedCells(): Selection[] {
    const out: Selection[] = [];
    for (const ws of this.workbook.worksheets) {
      for (const cf of conditionalFormats(ws)) {
        if (!isOurHighlight(cf)) continue;
        for (const address of cf.ref.split(/\s+/).filter(Boolean)) out.push({ sheet: ws.name, address });
      }
    }
    return out;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets
      .filter((ws) => !isOwnSheet(ws.name))
      .map((ws) => ({ name: ws.name, visible: ws.state === undefined || ws.state === "visible" }));
  }

  private sheet(name: string): ExcelJS.Worksheet {
    // Excel sheet names are unique regardless of case; prefer the exact spelling.
    const ws =
      this.workbook.worksheets.find((w) => w.name === name) ??
      this.workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (!ws || isOwnSheet(ws.name)) throw new UserFacingError(HOST_MESSAGES.sheetNotFound(name));
    return ws;
  }

  private date1904(): boolean {
    return Boolean((this.workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  }

  async readSheet(name: string): Promise<SheetGrid> {
    return worksheetToGrid(this.sheet(name), this.date1904());
  }

  /** What a cell's validation, format and protection allow the user to type (the preview's cell editor). */
  cellInput(sheet: string, row: number, col: number): CellInput {
    return cellInputOf(this.workbook, this.sheet(sheet), row, col);
  }

  async readWorkbook(): Promise<WorkbookGrid> {
    return workbookToGrid(this.workbook);
  }

  async activeSheetName(): Promise<string> {
    const visible = this.workbook.worksheets.filter(
      (ws) => !isOwnSheet(ws.name) && (ws.state === undefined || ws.state === "visible"),
    );
    if (this.active && visible.some((ws) => ws.name === this.active)) return this.active;
    const tab = (this.workbook.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
    const byTab = this.workbook.worksheets[tab];
    if (byTab && visible.includes(byTab)) return byTab.name;
    if (visible[0]) return visible[0].name;
    throw new UserFacingError("В книге нет ни одного видимого листа.");
  }

  async apply(plan: EditPlan): Promise<ApplyOutcome> {
    const notices = applyPlanToXlsx(this.workbook, plan);
    this.changed();
    // What saving will lose (a pivot table, macros…) is said with the first change, in Russian.
    return { notices: [...notices, ...takeLossNotices(this.workbook)] };
  }

  /** What saving this workbook loses (parts no .xlsx library here can carry), in Russian; [] when nothing. */
  lossNotices(): string[] {
    return lossNotices(this.workbook);
  }

  async select(sheet: string, address: string): Promise<void> {
    const ws = this.sheet(sheet);
    // As in Excel: a hidden sheet cannot be shown selected.
    if (ws.state === "hidden" || ws.state === "veryHidden")
      throw new UserFacingError(HOST_MESSAGES.sheetHidden(ws.name));
    if (!parseA1(address)) throw new UserFacingError(HOST_MESSAGES.badAddress(address));
    this.selected = { sheet, address: address.replace(/\$/g, "").toUpperCase() };
    this.active = sheet;
    this.changed();
  }

  // --- settings: very hidden sheet, A = key, B… = JSON in chunks -------------------------------------------

  private settingsSheet(create: boolean): ExcelJS.Worksheet | null {
    const ws = this.workbook.worksheets.find((w) => w.name === SETTINGS_SHEET) ?? null;
    if (!create) return ws;
    if (!ws) return this.workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    ws.state = "veryHidden"; // LibreOffice saves a very hidden sheet as merely hidden: hide it again on write
    return ws;
  }

  private findSettingRow(ws: ExcelJS.Worksheet, key: string): number | null {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === key) return r;
    return null;
  }

  async getSetting<T>(key: string): Promise<T | null> {
    const ws = this.settingsSheet(false);
    if (!ws) return null;
    const r = this.findSettingRow(ws, key);
    if (r === null) return null;
    const row = ws.getRow(r);
    return parseSetting<T>(
      Array.from({ length: Math.max(row.cellCount - 1, 0) }, (_, i) => row.getCell(i + 2).value),
    );
  }

  async readSettings(): Promise<Record<string, unknown>> {
    const ws = this.settingsSheet(false);
    const out: Record<string, unknown> = {};
    if (!ws) return out;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const key = row.getCell(1).value;
      if (typeof key !== "string" || !key) continue;
      const value = parseSetting<unknown>(
        Array.from({ length: Math.max(row.cellCount - 1, 0) }, (_, i) => row.getCell(i + 2).value),
      );
      if (value !== null) out[key] = value;
    }
    return out;
  }

  async setSetting<T>(key: string, value: T): Promise<void> {
    const ws = this.settingsSheet(true) as ExcelJS.Worksheet;
    const r = this.findSettingRow(ws, key) ?? ws.rowCount + 1;
    const row = ws.getRow(r);
    const chunks = chunkSetting(JSON.stringify(value ?? null));
    // Clear the old chunks first: the new value may be shorter.
    for (let c = 2; c <= Math.max(row.cellCount, chunks.length + 1); c++) row.getCell(c).value = null;
    row.getCell(1).value = key;
    row.getCell(1).numFmt = "@";
    chunks.forEach((chunk, i) => {
      const cell = row.getCell(i + 2);
      cell.value = chunk; // always a string cell: "-1" or "=…" never becomes a number or formula
      cell.numFmt = "@";
    });
    this.changed();
  }

  // --- highlights: conditional formats tagged with HIGHLIGHT_FORMULA ------------------------------------

  /** Replaces our previous highlights with these cells; the cells' own formats are never touched. */
  async highlight(cells: { sheet: string; address: string }[]): Promise<void> {
    const bySheet = new Map<ExcelJS.Worksheet, string[]>();
    for (const { sheet, address } of cells) {
      const ws = this.sheet(sheet);
      // Excel refuses conditional formats on a protected sheet; the preview behaves the same.
      if ((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet)
        throw new UserFacingError(HOST_MESSAGES.sheetProtected(ws.name));
      const range = parseA1(address);
      if (!range) throw new UserFacingError(HOST_MESSAGES.badAddress(address));
      const list = bySheet.get(ws) ?? [];
      list.push(address.replace(/\$/g, "").toUpperCase());
      bySheet.set(ws, list);
    }
    this.removeHighlights();
    for (const [ws, addresses] of bySheet) {
      ws.addConditionalFormatting({
        ref: [...new Set(addresses)].join(" "),
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [HIGHLIGHT_FORMULA],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: HIGHLIGHT_FILL_ARGB } } },
          },
        ],
      });
    }
    this.changed();
  }

  async clearHighlights(): Promise<void> {
    this.removeHighlights();
    this.changed();
  }

  private removeHighlights(): void {
    for (const ws of this.workbook.worksheets) {
      if (conditionalFormats(ws).some(isOurHighlight))
        ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !isOurHighlight(cf));
    }
  }
}

function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (
    (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings ?? []
  );
}
