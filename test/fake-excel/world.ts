/**
 * The state behind the fake Excel object model: workbooks' sheets, cells, merges, hidden rows, protection,
 * conditional formats, data validation. Tests arrange it directly (no sync needed) and inspect it after the
 * adapter ran; the adapter itself only ever sees it through FakeRequestContext (./context.ts), which enforces
 * Office.js's batching rules.
 */
import type { CellRange } from "../../src/domain/grid";
import { columnIndex, parseA1 } from "../../src/domain/grid";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export type FakeCellValue = string | number | boolean;

export interface FakeCell {
  value: FakeCellValue;
  /** Set when a write turned the text into a formula ("=…", "+…", "@…"), as Excel does. */
  formula?: string;
  numberFormat?: string;
  /** The cell's own fill colour (not conditional formatting). */
  fill?: string;
  /** Written with a leading apostrophe: Excel keeps the text and sets the quote-prefix style flag. */
  quotePrefix?: boolean;
  /** Range.hyperlink as written. */
  hyperlink?: { address?: string; documentReference?: string };
  /** Cells are locked unless set false (format.protection.locked). */
  locked?: boolean;
  bold?: boolean;
  /** "#RRGGBB" */
  fontColor?: string;
  wrap?: boolean;
  /** Border sides with a line. */
  borders?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
}

export interface FakeChartState {
  type: string;
  /** How the source range is split into series: our plans ask for "Columns". */
  seriesBy: string;
  data: CellRange;
  title: string;
  from: string;
  to: string;
}

export interface FakePageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea: CellRange | null;
  printTitleRows: { top: number; bottom: number } | null;
}

export interface FakeNameState {
  name: string;
  sheetUid: number;
  rect: CellRange;
}

export interface FakeConditionalFormatState {
  id: string;
  type: string;
  range: CellRange;
  formula: string | null;
  fill: string | null;
  fontColor?: string | null;
}

export interface FakeValidationState {
  range: CellRange;
  rule: unknown;
  errorAlert?: unknown;
}

export interface FakeTableState {
  /** Stable identity: proxies keep pointing at the table after a rename, as in Excel. */
  id: number;
  name: string;
  range: CellRange;
  columns: string[];
  showHeaders: boolean;
  showTotals: boolean;
}

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export class FakeSheetState {
  /** Stable identity: proxies keep pointing at the sheet after a rename, as in Excel. */
  readonly uid: number;
  name: string;
  visibility: FakeVisibility = "Visible";
  protected = false;
  readonly cells = new Map<number, Map<number, FakeCell>>();
  merges: CellRange[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  conditionalFormats: FakeConditionalFormatState[] = [];
  validations: FakeValidationState[] = [];
  readonly columnWidths = new Map<number, number>();
  selection: CellRange | null = null;
  freeze: { rows: number; cols: number } | null = null;
  pageLayout: FakePageLayoutState | null = null;
  charts: FakeChartState[] = [];
  autoFilter: CellRange | null = null;
  /** Excel Tables (ListObjects) on the sheet: range with header and totals rows, column names. */
  tables: FakeTableState[] = [];

  constructor(uid: number, name: string) {
    this.uid = uid;
    this.name = name;
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(r)?.get(c);
  }

  /** Creates the cell record when missing. */
  cellForWrite(r: number, c: number): FakeCell {
    let row = this.cells.get(r);
    if (!row) {
      row = new Map();
      this.cells.set(r, row);
    }
    let cell = row.get(c);
    if (!cell) {
      cell = { value: "" };
      row.set(c, cell);
    }
    return cell;
  }

  /** Bounding box of cells with a value (valuesOnly) or with a value or own format; null when blank. */
  usedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        // A formula cell is never blank in Excel, even when its value is "".
        const used =
          cell.value !== "" ||
          cell.formula !== undefined ||
          (!valuesOnly && ((cell.numberFormat ?? "General") !== "General" || cell.fill !== undefined));
        if (!used) continue;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
    }
    if (bottom < 0) return null;
    return { top, left, bottom, right };
  }
}

/** "A1", "A1:C3", "5:7" (whole rows), "B:D" (whole columns); a "Sheet!" prefix is ignored. */
export function parseAddress(address: string): CellRange | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rows = /^\$?(\d{1,7})(?::\$?(\d{1,7}))?$/.exec(bare.trim());
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = rows[2] ? Number(rows[2]) - 1 : a;
    if (a < 0 || b < 0 || Math.max(a, b) >= MAX_ROWS) return null;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLUMNS - 1 };
  }
  const cols = /^\$?([A-Za-z]{1,3})(?::\$?([A-Za-z]{1,3}))?$/.exec(bare.trim());
  if (cols) {
    const a = columnIndex(cols[1]);
    const b = cols[2] ? columnIndex(cols[2]) : a;
    if (Math.max(a, b) >= MAX_COLUMNS) return null;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const r = parseA1(bare);
  if (!r || r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS) return null;
  return r;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

export function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** "1.13" → [1, 13]; compared numerically, so 1.13 > 1.7 as in the requirement-set tables. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Highest ExcelApi requirement set per Excel version, from Microsoft's table «Excel JavaScript API requirement
 * sets» (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets, column «Office on
 * Windows, volume-licensed perpetual»): Office 2016 = ExcelApi 1.1 only; Office 2019 = up to 1.7 (1.8 and later
 * are marked «Office 2021»); Office 2021 = up to 1.14; Office 2024 = up to 1.17; Microsoft 365 and Excel on the
 * web get every numbered set (1.20 at the time of writing). Retail perpetual installs update like Microsoft 365.
 */
export const EXCEL_API_BY_VERSION = {
  excel2016: "1.1",
  excel2019: "1.7",
  excel2021: "1.14",
  excel2024: "1.17",
  microsoft365: "1.20",
} as const;

export interface FakeExcelOptions {
  /** Highest ExcelApi set the simulated Excel supports (default: Microsoft 365). */
  excelApi?: string;
  /**
   * Request and response payload limit per sync, bytes (default 5 MB, Excel on the web's limit). Measured as the
   * UTF-8 size of the JSON of the queued write arguments, and of the loaded data returned.
   */
  payloadLimitBytes?: number | null;
  /**
   * Cells a single range read may cover (default 5,000,000). Above it `values`/`text`/`numberFormat` load as null
   * without an error, which is what current Excel builds do (office-js issues #4783 and #6781; the documented
   * limit is in «Resource limits and performance optimization for Office Add-ins»). Lower it in tests.
   */
  readCellLimit?: number;
}

export class FakeWorkbookState {
  readonly sheets: FakeSheetState[] = [];
  names: FakeNameState[] = [];
  activeSheetUid: number | null = null;
  private nextUid = 1;
  private nextCfId = 1;

  addSheet(name: string, index = this.sheets.length): FakeSheetState {
    const sheet = new FakeSheetState(this.nextUid++, name);
    this.sheets.splice(index, 0, sheet);
    if (this.activeSheetUid === null) this.activeSheetUid = sheet.uid;
    return sheet;
  }

  findSheet(name: string): FakeSheetState | undefined {
    // Excel's sheet names are case-insensitive.
    const key = name.toLocaleLowerCase("ru");
    return this.sheets.find((s) => s.name.toLocaleLowerCase("ru") === key);
  }

  newCfId(): string {
    return `{CF-${this.nextCfId++}}`;
  }

  /** Every table of the workbook with its sheet, in sheet order. */
  allTables(): { sheet: FakeSheetState; table: FakeTableState }[] {
    return this.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  /** A table by name (Excel: unique in the workbook, case-insensitive). */
  findTable(name: string): { sheet: FakeSheetState; table: FakeTableState } | undefined {
    const key = name.toLocaleLowerCase("ru");
    return this.allTables().find((t) => t.table.name.toLocaleLowerCase("ru") === key);
  }

  newTableId(): number {
    return this.nextTableId++;
  }
  private nextTableId = 1;
}

export interface FakeRequestStats {
  requestBytes: number;
  responseBytes: number;
}
export { type CellRange };
