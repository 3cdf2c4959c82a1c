/**
 * A typed fake of the Excel JavaScript API, strict where Office.js is strict:
 * - proxies queue commands; writes reach the workbook only at `context.sync()`;
 * - a property can be read only after `load` AND `sync` (else a PropertyNotLoaded error, Office.js's text);
 * - `isNullObject` of an *OrNullObject proxy is readable only after load + sync;
 * - a batch is not a transaction: commands before a failing one stay applied, the rest are dropped;
 * - each sync is one round trip: counted, and its request (JSON of write/method arguments) and response (JSON of
 *   loaded data) are measured; either above the payload limit (5 MB, Excel on the web) fails the sync;
 * - a read of more than `readCellLimit` cells (5,000,000) loads `values`/`text`/`numberFormat` as null, no error;
 * - members above the simulated ExcelApi version fail at sync with ApiNotFound.
 * Each class implements a Pick of the real @types/office-js class, so a misspelt member fails to compile.
 */
import type { CellRange } from "../../src/domain/grid";
import { a1, columnLetter } from "../../src/domain/grid";
import { FakeOfficeError, accessDenied, apiNotFound, propertyNotLoaded } from "./errors";
import {
  FakeAutoFilter,
  FakeChartCollection,
  FakeFormatProtection,
  FakeFreezePanes,
  FakeNamedItemCollection,
  FakePageLayout,
  FakeRangeBorders,
  FakeRangeFont,
} from "./features";
import { insertShiftRight } from "./shift";
import { FakeProxy, jsonBytes, propertyList, propertyListOf, type Action, type LoadArg } from "./proxy";

export { jsonBytes, propertyListOf };
import {
  EXCEL_API_BY_VERSION,
  FakeSheetState,
  FakeWorkbookState,
  MAX_COLUMNS,
  MAX_ROWS,
  cellCount,
  compareVersions,
  contains,
  intersects,
  parseAddress,
  type FakeCell,
  type FakeCellValue,
  type FakeConditionalFormatState,
  type FakeExcelOptions,
  type FakeRequestStats,
  type FakeVisibility,
} from "./world";

const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The simulated Excel: workbook state, limits, counters, `run`, and Office.context.requirements. */
export class FakeExcel {
  readonly workbook = new FakeWorkbookState();
  excelApi: string;
  payloadLimitBytes: number | null;
  readCellLimit: number;
  /** Round trips since the last resetCounters(). */
  syncCount = 0;
  /** One entry per round trip. */
  requests: FakeRequestStats[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? EXCEL_API_BY_VERSION.microsoft365;
    this.payloadLimitBytes =
      options.payloadLimitBytes === undefined ? DEFAULT_PAYLOAD_LIMIT : options.payloadLimitBytes;
    this.readCellLimit = options.readCellLimit ?? 5_000_000;
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.requests = [];
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }

  /** Office.context.requirements, typed against the real one. */
  readonly requirements: Pick<Office.RequirementSetSupport, "isSetSupported"> = {
    isSetSupported: (name: string, minVersion?: string | number): boolean => {
      if (name !== "ExcelApi") return false;
      const wanted = minVersion === undefined ? "1.1" : String(minVersion);
      return compareVersions(this.excelApi, wanted) >= 0;
    },
  };

  /** Stands in for Excel.run: a fresh request context per batch; commands left unsynced are an error. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pendingCount > 0) {
      throw new Error(`FakeExcel: ${ctx.pendingCount} command(s) were queued but never synced`);
    }
    return result;
  };

  requireApi(set: string, member: string): void {
    if (compareVersions(this.excelApi, set) < 0) throw apiNotFound(member, set);
  }

  // ---- arranging and inspecting the workbook directly (no sync) ----

  addSheet(name: string, rows: (FakeCellValue | null)[][] = [], at = "A1"): FakeSheetState {
    const sheet = this.workbook.addSheet(name);
    if (rows.length) putValues(sheet, at, rows);
    return sheet;
  }

  sheet(name: string): FakeSheetState {
    const s = this.workbook.findSheet(name);
    if (!s) throw new Error(`FakeExcel: no sheet ${name}`);
    return s;
  }
}

/** Raw values into cells (test arrangement: no formula interpretation). */
export function putValues(
  sheet: FakeSheetState,
  at: string,
  rows: (FakeCellValue | null)[][],
  numberFormat?: string,
): void {
  const origin = parseAddress(at);
  if (!origin) throw new Error(`bad address ${at}`);
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null) return;
      const cell = sheet.cellForWrite(origin.top + i, origin.left + j);
      cell.value = v;
      if (numberFormat) cell.numberFormat = numberFormat;
    }),
  );
}

/** Values as Range.values would return them (test inspection). */
export function readValues(sheet: FakeSheetState, address: string): FakeCellValue[][] {
  const r = parseAddress(address);
  if (!r) throw new Error(`bad address ${address}`);
  return gridOf(sheet, r, (c) => c?.value ?? "");
}

function gridOf<T>(sheet: FakeSheetState, r: CellRange, f: (c: FakeCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.top; i <= r.bottom; i++) {
    const row: T[] = [];
    for (let j = r.left; j <= r.right; j++) row.push(f(sheet.cell(i, j)));
    out.push(row);
  }
  return out;
}

function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rangeAddress(sheet: FakeSheetState, r: CellRange): string {
  const local =
    r.top === r.bottom && r.left === r.right
      ? a1(r.top, r.left)
      : r.left === 0 && r.right === MAX_COLUMNS - 1
        ? `${r.top + 1}:${r.bottom + 1}`
        : r.top === 0 && r.bottom === MAX_ROWS - 1
          ? `${columnLetter(r.left)}:${columnLetter(r.right)}`
          : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
  return `${quoteSheet(sheet.name)}!${local}`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What Excel does with a value typed or written through Range.values (ru-RU-like, simplified). */
function writeCellValue(cell: FakeCell, v: unknown): void {
  if (v === null || v === undefined) return; // Office.js: null in a values array leaves the cell unchanged
  delete cell.formula;
  delete cell.quotePrefix;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (s === "" || cell.numberFormat === "@") {
    // A Text-formatted cell keeps whatever is typed, verbatim.
    cell.value = s;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) {
    cell.value = Number(s);
    return;
  }
  if (/^[=+\-@]/.test(s)) {
    // Excel makes it a formula; the fake evaluates only "=<number>" and shows #NAME? otherwise.
    const formula = s.startsWith("=") ? s : `=${s}`;
    cell.formula = formula;
    const body = formula.slice(1).trim();
    cell.value = /^[+-]?\d+(\.\d+)?$/.test(body) ? Number(body) : "#NAME?";
    return;
  }
  const date = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (date) {
    cell.value = (Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])) - EXCEL_EPOCH) / 86400000;
    if ((cell.numberFormat ?? "General") === "General") cell.numberFormat = "dd.mm.yyyy";
    return;
  }
  if (/^(true|false|истина|ложь)$/i.test(s)) {
    cell.value = /^(true|истина)$/i.test(s);
    return;
  }
  cell.value = s;
}

function cellText(cell: FakeCell | undefined): string {
  if (!cell) return "";
  const fmt = cell.numberFormat ?? "General";
  if (typeof cell.value === "number" && /d|y/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ""))) {
    const d = new Date(EXCEL_EPOCH + Math.floor(cell.value) * 86400000);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  }
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/** A 2D write argument or a single value applied to every cell; a 2D array must match the range exactly. */
function cellArgument(arg: unknown, r: CellRange, what: string): (i: number, j: number) => unknown {
  if (!Array.isArray(arg)) return () => arg;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (arg.length !== rows || arg.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
  return (i, j) => (arg as unknown[][])[i][j];
}

export class FakeRequestContext implements Pick<Excel.RequestContext, "sync"> {
  readonly world: FakeExcel;
  private queue: Action[] = [];
  private readonly workbookProxy: FakeWorkbook;

  constructor(world: FakeExcel) {
    this.world = world;
    this.workbookProxy = new FakeWorkbook(this);
  }

  get workbook(): Excel.Workbook {
    return this.workbookProxy as unknown as Excel.Workbook;
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  /** A command with arguments (counted in the request payload). */
  command(args: unknown, run: () => void): void {
    this.enqueue({ requestBytes: jsonBytes(args), run });
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.queue;
    this.queue = [];
    const world = this.world;
    world.syncCount++;
    const stats: FakeRequestStats = {
      requestBytes: actions.reduce((n, a) => n + a.requestBytes, 0),
      responseBytes: 0,
    };
    world.requests.push(stats);
    await Promise.resolve();
    const limit = world.payloadLimitBytes;
    if (limit !== null && stats.requestBytes > limit) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${stats.requestBytes} > ${limit} bytes).`,
      );
    }
    const commits: (() => void)[] = [];
    for (const action of actions) {
      const result = action.run();
      if (result) {
        stats.responseBytes += result.responseBytes;
        commits.push(result.commit);
      }
    }
    if (limit !== null && stats.responseBytes > limit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${stats.responseBytes} > ${limit} bytes).`,
      );
    }
    for (const commit of commits) commit();
    return passThroughValue as T;
  }
}

function unknownProperty(owner: string, property: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", `The property '${property}' does not exist on ${owner}.`);
}

// ---------------------------------------------------------------- workbook and sheets

export class FakeWorkbook implements Pick<Excel.Workbook, "worksheets" | "names"> {
  private readonly ctx: FakeRequestContext;
  private readonly sheets: FakeWorksheetCollection;
  constructor(ctx: FakeRequestContext) {
    this.ctx = ctx;
    this.sheets = new FakeWorksheetCollection(ctx);
  }
  get worksheets(): Excel.WorksheetCollection {
    return this.sheets as unknown as Excel.WorksheetCollection;
  }
  get names(): Excel.NamedItemCollection {
    return new FakeNamedItemCollection(
      this.ctx,
      () => this.ctx.world.workbook,
      false,
    ) as unknown as Excel.NamedItemCollection;
  }
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

export class FakeWorksheetCollection
  extends FakeProxy<FakeWorkbookState>
  implements
    Pick<
      Excel.WorksheetCollection,
      "items" | "load" | "getItem" | "getItemOrNullObject" | "add" | "getActiveWorksheet"
    >
{
  private loadedItems: FakeWorksheet[] | null = null;

  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.world.workbook, false);
  }

  get items(): Excel.Worksheet[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems as unknown as Excel.Worksheet[];
  }

  protected snapshot(): unknown {
    return null;
  }

  load(arg?: LoadArg): Excel.WorksheetCollection {
    this.loadItems(
      arg,
      () => [...this.world.workbook.sheets],
      (s, p) => worksheetProperty(this.world, s, p),
      (s) => new FakeWorksheet(this.ctx, () => s, false),
      (proxies) => (this.loadedItems = proxies),
    );
    return this as unknown as Excel.WorksheetCollection;
  }

  getItem(key: string): Excel.Worksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.world.workbook.findSheet(key) ?? null,
      false,
    ) as unknown as Excel.Worksheet;
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    return new FakeWorksheet(
      this.ctx,
      () => {
        this.world.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
        return this.world.workbook.findSheet(key) ?? null;
      },
      true,
    ) as unknown as Excel.Worksheet;
  }

  getActiveWorksheet(): Excel.Worksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.world.workbook.sheets.find((s) => s.uid === this.world.workbook.activeSheetUid) ?? null,
      false,
    ) as unknown as Excel.Worksheet;
  }

  add(name?: string): Excel.Worksheet {
    let created: FakeSheetState | null = null;
    this.ctx.command({ add: name ?? null }, () => {
      const wb = this.world.workbook;
      let sheetName = name;
      if (!sheetName) {
        let n = wb.sheets.length + 1;
        while (wb.findSheet(`Лист${n}`)) n++;
        sheetName = `Лист${n}`;
      }
      checkSheetName(wb, sheetName);
      created = wb.addSheet(sheetName);
    });
    return new FakeWorksheet(this.ctx, () => created, false) as unknown as Excel.Worksheet;
  }
}

function checkSheetName(wb: FakeWorkbookState, name: string): void {
  if (!name.trim() || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `The sheet name '${name}' is not valid.`);
  }
  if (wb.findSheet(name))
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
}

function worksheetProperty(world: FakeExcel, s: FakeSheetState, p: string): unknown {
  switch (p) {
    case "name":
      return s.name;
    case "visibility":
      return s.visibility;
    case "position":
      return world.workbook.sheets.indexOf(s);
    case "id":
      return `{SHEET-${s.uid}}`;
    case "protection/protected":
      world.requireApi("1.2", "WorksheetProtection");
      return s.protected;
    default:
      throw unknownProperty("Worksheet", p);
  }
}

export class FakeWorksheet
  extends FakeProxy<FakeSheetState>
  implements
    Pick<
      Excel.Worksheet,
      | "name"
      | "visibility"
      | "position"
      | "id"
      | "load"
      | "protection"
      | "getRange"
      | "getUsedRange"
      | "getUsedRangeOrNullObject"
      | "activate"
      | "copy"
      | "delete"
      | "freezePanes"
      | "pageLayout"
      | "charts"
      | "autoFilter"
    >
{
  get autoFilter(): Excel.AutoFilter {
    return new FakeAutoFilter(this.ctx, () => this.target()) as unknown as Excel.AutoFilter;
  }
  get freezePanes(): Excel.WorksheetFreezePanes {
    return new FakeFreezePanes(this.ctx, () => this.target()) as unknown as Excel.WorksheetFreezePanes;
  }
  get pageLayout(): Excel.PageLayout {
    return new FakePageLayout(this.ctx, () => this.target()) as unknown as Excel.PageLayout;
  }
  get charts(): Excel.ChartCollection {
    return new FakeChartCollection(this.ctx, () => this.target()) as unknown as Excel.ChartCollection;
  }

  protected snapshot(t: FakeSheetState, p: string): unknown {
    return worksheetProperty(this.world, t, p);
  }

  load(arg?: LoadArg): Excel.Worksheet {
    this.loadProps(propertyList(arg));
    return this as unknown as Excel.Worksheet;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.ctx.command({ name: value }, () => {
      const s = this.requireTarget("Worksheet.name");
      const other = this.world.workbook.findSheet(value);
      if (other && other !== s)
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${value}' already exists.`);
      if (other !== s) checkSheetName(this.world.workbook, value);
      s.name = value;
    });
  }

  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.read("visibility");
  }
  set visibility(value: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.command({ visibility: value }, () => {
      const s = this.requireTarget("Worksheet.visibility");
      const v = String(value) as FakeVisibility;
      const wb = this.world.workbook;
      if (v !== "Visible" && wb.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      s.visibility = v;
      if (v !== "Visible" && wb.activeSheetUid === s.uid) {
        wb.activeSheetUid = wb.sheets.find((x) => x.visibility === "Visible")?.uid ?? null;
      }
    });
  }

  get position(): number {
    return this.read("position");
  }
  set position(index: number) {
    this.ctx.command({ position: index }, () => {
      const s = this.requireTarget("Worksheet.position");
      const sheets = this.world.workbook.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.max(0, Math.min(index, sheets.length)), 0, s);
    });
  }

  get id(): string {
    return this.read("id");
  }

  private protectionProxy: FakeWorksheetProtection | null = null;

  get protection(): Excel.WorksheetProtection {
    this.protectionProxy ??= new FakeWorksheetProtection(this.ctx, () => this.target(), this.nullable);
    return this.protectionProxy as unknown as Excel.WorksheetProtection;
  }

  protected override child(name: string): FakeProxy<unknown> | null {
    return name === "protection" ? (this.protection as unknown as FakeProxy<unknown>) : null;
  }

  getRange(address?: string): Excel.Range {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.target();
        if (!s) return null;
        const r =
          address === undefined
            ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }
            : parseAddress(address);
        if (!r) throw new FakeOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
        return { sheet: s, rect: r };
      },
      this.nullable,
    ) as unknown as Excel.Range;
  }

  private used(valuesOnly: boolean | undefined, orNull: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        if (orNull) this.world.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        if (valuesOnly !== undefined) this.world.requireApi("1.2", "Worksheet.getUsedRange(valuesOnly)");
        const s = this.target();
        if (!s) return null;
        const r = s.usedRange(valuesOnly === true);
        // Excel: getUsedRange on a blank sheet gives A1; the OrNullObject variant gives a null object.
        if (!r) return orNull ? null : { sheet: s, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
        return { sheet: s, rect: r };
      },
      this.nullable || orNull,
    );
  }

  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.used(valuesOnly, false) as unknown as Excel.Range;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.used(valuesOnly, true) as unknown as Excel.Range;
  }

  activate(): void {
    this.ctx.command({ activate: true }, () => {
      const s = this.requireTarget("Worksheet.activate");
      if (s.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.world.workbook.activeSheetUid = s.uid;
    });
  }

  delete(): void {
    this.ctx.command({ delete: true }, () => {
      const s = this.requireTarget("Worksheet.delete");
      const wb = this.world.workbook;
      if (s.visibility === "Visible" && !wb.sheets.some((x) => x !== s && x.visibility === "Visible"))
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.activeSheetUid === s.uid)
        wb.activeSheetUid = wb.sheets.find((x) => x.visibility === "Visible")?.uid ?? null;
    });
  }

  copy(
    positionType?: Excel.WorksheetPositionType | "None" | "Before" | "After" | "Beginning" | "End",
    relativeTo?: Excel.Worksheet,
  ): Excel.Worksheet {
    let created: FakeSheetState | null = null;
    const relative = relativeTo as unknown as FakeWorksheet | undefined;
    this.ctx.command({ copy: positionType ?? "None" }, () => {
      this.world.requireApi("1.7", "Worksheet.copy");
      const source = this.requireTarget("Worksheet.copy");
      const wb = this.world.workbook;
      let n = 2;
      const base = source.name.slice(0, 25);
      while (wb.findSheet(`${base} (${n})`)) n++;
      const anchor = relative ? relative.requireTarget("Worksheet.copy(relativeTo)") : source;
      const pos = String(positionType ?? "None");
      const at =
        pos === "Beginning"
          ? 0
          : pos === "End"
            ? wb.sheets.length
            : pos === "Before"
              ? wb.sheets.indexOf(anchor)
              : wb.sheets.indexOf(anchor) + 1;
      const copy = wb.addSheet(`${base} (${n})`, at);
      copySheetContent(wb, source, copy);
      created = copy;
    });
    return new FakeWorksheet(this.ctx, () => created, false) as unknown as Excel.Worksheet;
  }
}

function copySheetContent(wb: FakeWorkbookState, from: FakeSheetState, to: FakeSheetState): void {
  for (const [r, row] of from.cells)
    for (const [c, cell] of row) Object.assign(to.cellForWrite(r, c), { ...cell });
  to.merges = from.merges.map((m) => ({ ...m }));
  from.hiddenRows.forEach((r) => to.hiddenRows.add(r));
  from.hiddenColumns.forEach((c) => to.hiddenColumns.add(c));
  to.conditionalFormats = from.conditionalFormats.map((cf) => ({
    ...cf,
    id: wb.newCfId(),
    range: { ...cf.range },
  }));
  to.validations = from.validations.map((v) => ({ ...v, range: { ...v.range } }));
  from.columnWidths.forEach((w, c) => to.columnWidths.set(c, w));
  to.visibility = from.visibility;
  to.protected = from.protected;
}

export class FakeWorksheetProtection
  extends FakeProxy<FakeSheetState>
  implements Pick<Excel.WorksheetProtection, "protected" | "load" | "protect">
{
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.ctx.command({ protect: options ?? null, password: password ?? null }, () => {
      this.world.requireApi("1.2", "WorksheetProtection.protect");
      const s = this.requireTarget("WorksheetProtection.protect");
      if (s.protected) throw new FakeOfficeError("InvalidOperation", "The sheet is already protected.");
      s.protected = true;
    });
  }
  protected snapshot(t: FakeSheetState, p: string): unknown {
    this.world.requireApi("1.2", "WorksheetProtection");
    if (p === "protected") return t.protected;
    throw unknownProperty("WorksheetProtection", p);
  }
  load(arg?: LoadArg): Excel.WorksheetProtection {
    this.loadProps(propertyList(arg));
    return this as unknown as Excel.WorksheetProtection;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

// ---------------------------------------------------------------- ranges

export interface RangeTarget {
  sheet: FakeSheetState;
  rect: CellRange;
}

function hiddenState(set: Set<number>, from: number, to: number): boolean | null {
  let hidden = 0;
  if (to - from + 1 > set.size) {
    for (const i of set) if (i >= from && i <= to) hidden++;
  } else {
    for (let i = from; i <= to; i++) if (set.has(i)) hidden++;
  }
  if (hidden === 0) return false;
  return hidden === to - from + 1 ? true : null;
}

export function checkWritable(t: RangeTarget): void {
  if (t.sheet.protected) throw accessDenied(t.sheet.name);
}

export class FakeRange
  extends FakeProxy<RangeTarget>
  implements
    Pick<
      Excel.Range,
      | "values"
      | "text"
      | "numberFormat"
      | "formulas"
      | "rowCount"
      | "columnCount"
      | "cellCount"
      | "address"
      | "rowIndex"
      | "columnIndex"
      | "rowHidden"
      | "columnHidden"
      | "load"
      | "getMergedAreasOrNullObject"
      | "getRow"
      | "getColumn"
      | "getCell"
      | "getEntireRow"
      | "delete"
      | "unmerge"
      | "merge"
      | "select"
      | "format"
      | "dataValidation"
      | "conditionalFormats"
      | "insert"
      | "hyperlink"
    >
{
  protected snapshot(t: RangeTarget, p: string): unknown {
    const big = cellCount(t.rect) > this.world.readCellLimit;
    switch (p) {
      case "values":
        return big ? null : gridOf(t.sheet, t.rect, (c) => c?.value ?? "");
      case "text":
        return big ? null : gridOf(t.sheet, t.rect, cellText);
      case "numberFormat":
        return big ? null : gridOf(t.sheet, t.rect, (c) => c?.numberFormat ?? "General");
      case "formulas":
        return big ? null : gridOf(t.sheet, t.rect, (c) => c?.formula ?? c?.value ?? "");
      case "rowCount":
        return t.rect.bottom - t.rect.top + 1;
      case "columnCount":
        return t.rect.right - t.rect.left + 1;
      case "cellCount":
        return cellCount(t.rect);
      case "address":
        return rangeAddress(t.sheet, t.rect);
      case "rowIndex":
        return t.rect.top;
      case "columnIndex":
        return t.rect.left;
      case "rowHidden":
        this.world.requireApi("1.2", "Range.rowHidden");
        return hiddenState(t.sheet.hiddenRows, t.rect.top, t.rect.bottom);
      case "columnHidden":
        this.world.requireApi("1.2", "Range.columnHidden");
        return hiddenState(t.sheet.hiddenColumns, t.rect.left, t.rect.right);
      default:
        throw unknownProperty("Range", p);
    }
  }

  load(arg?: LoadArg): Excel.Range {
    this.loadProps(propertyList(arg));
    return this as unknown as Excel.Range;
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.writeCells(v, "values", (cell, value) => writeCellValue(cell, value));
  }

  get text(): string[][] {
    return this.read("text");
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeCells(v, "formulas", (cell, f) => {
      const text = String(f);
      if (!text.startsWith("=")) return writeCellValue(cell, f);
      delete cell.quotePrefix;
      cell.formula = text;
      const body = text.slice(1).trim();
      cell.value = /^[+-]?\d+(\.\d+)?$/.test(body) ? Number(body) : "#NAME?";
    });
  }

  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): Excel.Range {
    this.ctx.command({ insert: shift }, () => {
      const t = this.requireTarget("Range.insert");
      checkWritable(t);
      if (String(shift) !== "Right" || t.rect.top !== 0 || t.rect.bottom !== MAX_ROWS - 1)
        throw new FakeOfficeError("InvalidArgument", "The fake only inserts whole columns to the right.");
      insertShiftRight(this.world.workbook, t.sheet, t.rect.left, t.rect.right - t.rect.left + 1);
    });
    return this as unknown as Excel.Range;
  }

  get hyperlink(): Excel.RangeHyperlink {
    throw propertyNotLoaded("hyperlink");
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.ctx.command(link, () => {
      this.world.requireApi("1.7", "Range.hyperlink");
      const t = this.requireTarget("Range.hyperlink");
      checkWritable(t);
      const cell = t.sheet.cellForWrite(t.rect.top, t.rect.left);
      cell.hyperlink = { address: link.address, documentReference: link.documentReference };
      // The text shown is stored as typed text, never a formula.
      delete cell.formula;
      cell.value = link.textToDisplay ?? link.address ?? link.documentReference ?? "";
    });
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.writeCells(v, "numberFormat", (cell, f) => (cell.numberFormat = String(f)));
  }

  /** Queues a write of a cell array (or one value for all); null and undefined leave a cell as it is. */
  private writeCells(
    v: unknown[][],
    what: "values" | "numberFormat" | "formulas",
    write: (cell: FakeCell, value: unknown) => void,
  ): void {
    this.ctx.command(v, () => {
      const t = this.requireTarget(`Range.${what}`);
      checkWritable(t);
      const at = cellArgument(v, t.rect, what);
      for (let i = t.rect.top; i <= t.rect.bottom; i++) {
        for (let j = t.rect.left; j <= t.rect.right; j++) {
          const value = at(i - t.rect.top, j - t.rect.left);
          if (value !== null && value !== undefined) write(t.sheet.cellForWrite(i, j), value);
        }
      }
    });
  }

  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set rowHidden(v: boolean) {
    this.ctx.command({ rowHidden: v }, () => {
      this.world.requireApi("1.2", "Range.rowHidden");
      const t = this.requireTarget("Range.rowHidden");
      for (let i = t.rect.top; i <= t.rect.bottom; i++) {
        if (v) t.sheet.hiddenRows.add(i);
        else t.sheet.hiddenRows.delete(i);
      }
    });
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }

  private derived(f: (t: RangeTarget) => CellRange): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.target();
        return t ? { sheet: t.sheet, rect: f(t) } : null;
      },
      this.nullable,
    );
  }

  getRow(row: number): Excel.Range {
    return this.derived((t) => ({
      ...t.rect,
      top: t.rect.top + row,
      bottom: t.rect.top + row,
    })) as unknown as Excel.Range;
  }
  getColumn(column: number): Excel.Range {
    return this.derived((t) => ({
      ...t.rect,
      left: t.rect.left + column,
      right: t.rect.left + column,
    })) as unknown as Excel.Range;
  }
  getCell(row: number, column: number): Excel.Range {
    return this.derived((t) => ({
      top: t.rect.top + row,
      bottom: t.rect.top + row,
      left: t.rect.left + column,
      right: t.rect.left + column,
    })) as unknown as Excel.Range;
  }
  getEntireRow(): Excel.Range {
    return this.derived((t) => ({ ...t.rect, left: 0, right: MAX_COLUMNS - 1 })) as unknown as Excel.Range;
  }

  getMergedAreasOrNullObject(): Excel.RangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      () => {
        this.world.requireApi("1.13", "Range.getMergedAreasOrNullObject");
        const t = this.target();
        if (!t) return null;
        const rects = t.sheet.merges.filter((m) => intersects(m, t.rect));
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      true,
    ) as unknown as Excel.RangeAreas;
  }

  delete(shift: Excel.DeleteShiftDirection | "Up" | "Left"): void {
    this.ctx.command({ delete: shift }, () => {
      const t = this.requireTarget("Range.delete");
      checkWritable(t);
      if (String(shift) !== "Up") throw new FakeOfficeError("InvalidArgument", "The fake only shifts up.");
      deleteShiftUp(this.world.workbook, t.sheet, t.rect);
    });
  }

  unmerge(): void {
    this.ctx.command({ unmerge: true }, () => {
      this.world.requireApi("1.2", "Range.unmerge");
      const t = this.requireTarget("Range.unmerge");
      checkWritable(t);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
    });
  }

  merge(across?: boolean): void {
    this.ctx.command({ merge: across ?? false }, () => {
      this.world.requireApi("1.2", "Range.merge");
      const t = this.requireTarget("Range.merge");
      checkWritable(t);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
      t.sheet.merges.push({ ...t.rect });
    });
  }

  select(): void {
    this.ctx.command({ select: true }, () => {
      const t = this.requireTarget("Range.select");
      // Assumption kept strict on purpose: selecting on a sheet that is not active fails, so callers activate first.
      if (this.world.workbook.activeSheetUid !== t.sheet.uid) {
        throw new FakeOfficeError("InvalidOperation", "The range is not on the active sheet.");
      }
      t.sheet.selection = { ...t.rect };
    });
  }

  get format(): Excel.RangeFormat {
    return new FakeRangeFormat(this) as unknown as Excel.RangeFormat;
  }

  get dataValidation(): Excel.DataValidation {
    return new FakeDataValidation(this) as unknown as Excel.DataValidation;
  }

  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this) as unknown as Excel.ConditionalFormatCollection;
  }
}

function deleteShiftUp(wb: FakeWorkbookState, sheet: FakeSheetState, rect: CellRange): void {
  const height = rect.bottom - rect.top + 1;
  const wholeRows = rect.left === 0 && rect.right === MAX_COLUMNS - 1;
  const rows = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    const row = sheet.cells.get(r)!;
    for (const c of [...row.keys()]) {
      if (c < rect.left || c > rect.right || r < rect.top) continue;
      const cell = row.get(c)!;
      row.delete(c);
      if (r > rect.bottom) Object.assign(sheet.cellForWrite(r - height, c), cell);
    }
    if (row.size === 0) sheet.cells.delete(r);
  }
  const shift = (m: CellRange): CellRange | null => {
    if (m.bottom < rect.top || m.right < rect.left || m.left > rect.right) return m;
    if (
      m.top > rect.bottom &&
      contains({ ...rect, top: 0, bottom: MAX_ROWS - 1 }, { ...m, top: 0, bottom: 0 })
    ) {
      return { ...m, top: m.top - height, bottom: m.bottom - height };
    }
    // Whole rows deleted: a range across them shrinks (Excel keeps its remaining rows), gone if nothing is left.
    if (!wholeRows) return null;
    const top = m.top < rect.top ? m.top : m.top > rect.bottom ? m.top - height : rect.top;
    const bottom = m.bottom < rect.top ? m.bottom : m.bottom > rect.bottom ? m.bottom - height : rect.top - 1;
    return bottom >= top ? { ...m, top, bottom } : null;
  };
  sheet.merges = sheet.merges
    .map(shift)
    .filter((m): m is CellRange => m !== null && (m.bottom > m.top || m.right > m.left));
  sheet.validations = sheet.validations.flatMap((v) => {
    const r = shift(v.range);
    return r ? [{ ...v, range: r }] : [];
  });
  wb.names = wb.names.flatMap((n) => {
    if (n.sheetUid !== sheet.uid) return [n];
    const r = shift(n.rect);
    return r ? [{ ...n, rect: r }] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats
    .map((cf) => {
      const r = shift(cf.range);
      return r ? { ...cf, range: r } : null;
    })
    .filter((cf): cf is FakeConditionalFormatState => cf !== null);
  if (wholeRows) {
    const hidden = [...sheet.hiddenRows];
    sheet.hiddenRows.clear();
    for (const r of hidden) {
      if (r < rect.top) sheet.hiddenRows.add(r);
      else if (r > rect.bottom) sheet.hiddenRows.add(r - height);
    }
  }
}

export class FakeRangeAreas
  extends FakeProxy<{ sheet: FakeSheetState; rects: CellRange[] }>
  implements Pick<Excel.RangeAreas, "areaCount" | "address" | "areas" | "load">
{
  protected snapshot(t: { sheet: FakeSheetState; rects: CellRange[] }, p: string): unknown {
    if (p === "areaCount") return t.rects.length;
    if (p === "address") return t.rects.map((r) => rangeAddress(t.sheet, r)).join(", ");
    throw unknownProperty("RangeAreas", p);
  }
  load(arg?: LoadArg): Excel.RangeAreas {
    this.loadProps(propertyList(arg));
    return this as unknown as Excel.RangeAreas;
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get address(): string {
    return this.read("address");
  }
  get areas(): Excel.RangeCollection {
    return new FakeRangeCollection(this.ctx, () => {
      const t = this.target();
      return t ? t.rects.map((rect) => ({ sheet: t.sheet, rect })) : null;
    }) as unknown as Excel.RangeCollection;
  }
}

export class FakeRangeCollection
  extends FakeProxy<RangeTarget[]>
  implements Pick<Excel.RangeCollection, "items" | "load">
{
  private loadedItems: FakeRange[] | null = null;
  constructor(ctx: FakeRequestContext, resolver: () => RangeTarget[] | null) {
    super(ctx, resolver, true);
  }
  protected snapshot(): unknown {
    return null;
  }
  get items(): Excel.Range[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems as unknown as Excel.Range[];
  }
  load(arg?: LoadArg): Excel.RangeCollection {
    const proxy = (t: RangeTarget) => new FakeRange(this.ctx, () => t, false);
    this.loadItems(
      arg,
      () => this.target() ?? [],
      (t, p) => (proxy(t) as unknown as { snapshot(t: RangeTarget, p: string): unknown }).snapshot(t, p),
      proxy,
      (proxies) => (this.loadedItems = proxies),
    );
    return this as unknown as Excel.RangeCollection;
  }
}

// ---------------------------------------------------------------- formats, validation, conditional formats

export class FakeRangeFormat implements Pick<
  Excel.RangeFormat,
  "columnWidth" | "fill" | "font" | "wrapText" | "protection" | "borders"
> {
  private readonly range: FakeRange;
  constructor(range: FakeRange) {
    this.range = range;
  }
  get font(): Excel.RangeFont {
    return new FakeRangeFont(this.range) as unknown as Excel.RangeFont;
  }
  get protection(): Excel.FormatProtection {
    return new FakeFormatProtection(this.range) as unknown as Excel.FormatProtection;
  }
  get borders(): Excel.RangeBorderCollection {
    return new FakeRangeBorders(this.range) as unknown as Excel.RangeBorderCollection;
  }
  get wrapText(): boolean {
    throw propertyNotLoaded("wrapText");
  }
  set wrapText(v: boolean) {
    this.range.ctx.command({ wrapText: v }, () => {
      const t = this.range.requireTarget("RangeFormat.wrapText");
      checkWritable(t);
      for (let i = t.rect.top; i <= t.rect.bottom; i++)
        for (let j = t.rect.left; j <= t.rect.right; j++) t.sheet.cellForWrite(i, j).wrap = v;
    });
  }
  get columnWidth(): number {
    throw propertyNotLoaded("columnWidth");
  }
  set columnWidth(points: number) {
    this.range.ctx.command({ columnWidth: points }, () => {
      const t = this.range.requireTarget("RangeFormat.columnWidth");
      checkWritable(t);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get fill(): Excel.RangeFill {
    const range = this.range;
    const fill: Pick<Excel.RangeFill, "color"> = {
      get color(): string {
        throw propertyNotLoaded("color");
      },
      set color(color: string) {
        range.ctx.command({ color }, () => {
          const t = range.requireTarget("RangeFill.color");
          checkWritable(t);
          for (let i = t.rect.top; i <= t.rect.bottom; i++)
            for (let j = t.rect.left; j <= t.rect.right; j++) t.sheet.cellForWrite(i, j).fill = color;
        });
      },
    };
    return fill as unknown as Excel.RangeFill;
  }
}

export class FakeDataValidation implements Pick<Excel.DataValidation, "rule" | "clear" | "errorAlert"> {
  private readonly range: FakeRange;
  constructor(range: FakeRange) {
    this.range = range;
  }
  get rule(): Excel.DataValidationRule {
    throw propertyNotLoaded("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.range.ctx.command(rule, () => {
      this.range.world.requireApi("1.8", "DataValidation.rule");
      const t = this.range.requireTarget("DataValidation.rule");
      checkWritable(t);
      t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.range, t.rect));
      t.sheet.validations.push({ range: { ...t.rect }, rule: JSON.parse(JSON.stringify(rule)) });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw propertyNotLoaded("errorAlert");
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.range.ctx.command(alert, () => {
      this.range.world.requireApi("1.8", "DataValidation.errorAlert");
      const t = this.range.requireTarget("DataValidation.errorAlert");
      checkWritable(t);
      for (const v of t.sheet.validations)
        if (
          v.range.top === t.rect.top &&
          v.range.left === t.rect.left &&
          v.range.bottom === t.rect.bottom &&
          v.range.right === t.rect.right
        )
          v.errorAlert = { ...alert };
    });
  }
  clear(): void {
    this.range.ctx.command({ clear: true }, () => {
      this.range.world.requireApi("1.8", "DataValidation.clear");
      const t = this.range.requireTarget("DataValidation.clear");
      checkWritable(t);
      t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.range, t.rect));
    });
  }
}

interface CfTarget {
  sheet: FakeSheetState;
  cf: FakeConditionalFormatState;
}

export class FakeConditionalFormatCollection
  extends FakeProxy<RangeTarget>
  implements Pick<Excel.ConditionalFormatCollection, "add" | "clearAll" | "getItem" | "items" | "load">
{
  private readonly range: FakeRange;
  private loadedItems: FakeConditionalFormat[] | null = null;
  constructor(range: FakeRange) {
    super(range.ctx, () => range.target(), false);
    this.range = range;
  }
  protected snapshot(): unknown {
    return null;
  }
  get items(): Excel.ConditionalFormat[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems as unknown as Excel.ConditionalFormat[];
  }
  load(arg?: LoadArg): Excel.ConditionalFormatCollection {
    this.loadItems(
      arg,
      (): CfTarget[] => {
        this.world.requireApi("1.6", "ConditionalFormatCollection");
        const t = this.range.requireTarget("ConditionalFormatCollection.load");
        return t.sheet.conditionalFormats
          .filter((cf) => intersects(cf.range, t.rect))
          .map((cf) => ({ sheet: t.sheet, cf }));
      },
      (item, p) => conditionalFormatProperty(item.cf, p),
      (item) => new FakeConditionalFormat(this.ctx, () => item),
      (proxies) => (this.loadedItems = proxies),
    );
    return this as unknown as Excel.ConditionalFormatCollection;
  }
  add(
    type:
      | Excel.ConditionalFormatType
      | "Custom"
      | "DataBar"
      | "ColorScale"
      | "IconSet"
      | "TopBottom"
      | "PresetCriteria"
      | "ContainsText"
      | "CellValue",
  ): Excel.ConditionalFormat {
    let created: CfTarget | null = null;
    this.ctx.command({ add: type }, () => {
      this.world.requireApi("1.6", "ConditionalFormatCollection.add");
      const t = this.range.requireTarget("ConditionalFormatCollection.add");
      checkWritable(t);
      const cf: FakeConditionalFormatState = {
        id: this.world.workbook.newCfId(),
        type: String(type),
        range: { ...t.rect },
        formula: null,
        fill: null,
        fontColor: null,
      };
      t.sheet.conditionalFormats.unshift(cf); // new formats take the top priority
      created = { sheet: t.sheet, cf };
    });
    return new FakeConditionalFormat(this.ctx, () => created) as unknown as Excel.ConditionalFormat;
  }
  clearAll(): void {
    this.ctx.command({ clearAll: true }, () => {
      this.world.requireApi("1.6", "ConditionalFormatCollection.clearAll");
      const t = this.range.requireTarget("ConditionalFormatCollection.clearAll");
      checkWritable(t);
      // Simplified: formats that intersect the range go entirely (Excel would trim partial overlaps).
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.range, t.rect));
    });
  }
  getItem(id: string): Excel.ConditionalFormat {
    return new FakeConditionalFormat(this.ctx, () => {
      const t = this.range.target();
      const cf = t?.sheet.conditionalFormats.find((x) => x.id === id);
      return t && cf ? { sheet: t.sheet, cf } : null;
    }) as unknown as Excel.ConditionalFormat;
  }
}

function conditionalFormatProperty(cf: FakeConditionalFormatState, p: string): unknown {
  if (p === "id") return cf.id;
  if (p === "type") return cf.type;
  if (p === "priority") return 0;
  throw unknownProperty("ConditionalFormat", p);
}

export class FakeConditionalFormat
  extends FakeProxy<CfTarget>
  implements Pick<Excel.ConditionalFormat, "id" | "type" | "custom" | "delete" | "load">
{
  constructor(ctx: FakeRequestContext, resolver: () => CfTarget | null) {
    super(ctx, resolver, false);
  }
  protected snapshot(t: CfTarget, p: string): unknown {
    return conditionalFormatProperty(t.cf, p);
  }
  load(arg?: LoadArg): Excel.ConditionalFormat {
    this.loadProps(propertyList(arg));
    return this as unknown as Excel.ConditionalFormat;
  }
  get id(): string {
    return this.read("id");
  }
  get type():
    | Excel.ConditionalFormatType
    | "Custom"
    | "DataBar"
    | "ColorScale"
    | "IconSet"
    | "TopBottom"
    | "PresetCriteria"
    | "ContainsText"
    | "CellValue" {
    return this.read("type");
  }
  delete(): void {
    this.ctx.command({ delete: true }, () => {
      const t = this.requireTarget("ConditionalFormat.delete");
      if (t.sheet.protected) throw accessDenied(t.sheet.name);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x.id !== t.cf.id);
    });
  }
  private ruleProxy: FakeConditionalFormatRule | null = null;

  /** At sync time: the state of a Custom format (other types have no `custom`, as in Excel). */
  customTarget(member: string): FakeConditionalFormatState {
    const t = this.requireTarget(member);
    if (t.cf.type !== "Custom")
      throw new FakeOfficeError("InvalidOperation", "The conditional format is not of type Custom.");
    return t.cf;
  }

  get custom(): Excel.CustomConditionalFormat {
    const ctx = this.ctx;
    const customTarget = (member: string) => this.customTarget(member);
    this.ruleProxy ??= new FakeConditionalFormatRule(this);
    const rule = this.ruleProxy;
    const fill: Pick<Excel.ConditionalRangeFill, "color"> = {
      get color(): string {
        throw propertyNotLoaded("color");
      },
      set color(color: string) {
        ctx.command({ color }, () => {
          customTarget("ConditionalRangeFill.color").fill = color;
        });
      },
    };
    const font: Pick<Excel.ConditionalRangeFont, "color"> = {
      get color(): string {
        throw propertyNotLoaded("color");
      },
      set color(color: string) {
        ctx.command({ color }, () => {
          customTarget("ConditionalRangeFont.color").fontColor = color;
        });
      },
    };
    const custom = { rule, format: { fill, font } };
    return custom as unknown as Excel.CustomConditionalFormat;
  }
}

export class FakeConditionalFormatRule
  extends FakeProxy<FakeConditionalFormatState>
  implements Pick<Excel.ConditionalFormatRule, "formula" | "load">
{
  constructor(owner: FakeConditionalFormat) {
    super(owner.ctx, () => owner.customTarget("CustomConditionalFormat.rule"), false);
  }
  protected snapshot(t: FakeConditionalFormatState, p: string): unknown {
    if (p === "formula") return t.formula;
    throw unknownProperty("ConditionalFormatRule", p);
  }
  load(arg?: LoadArg): Excel.ConditionalFormatRule {
    this.loadProps(propertyList(arg));
    return this as unknown as Excel.ConditionalFormatRule;
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.ctx.command({ formula }, () => {
      this.requireTarget("ConditionalFormatRule.formula").formula = formula;
    });
  }
}
