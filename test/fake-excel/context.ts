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
 * This file holds the world and the request context; the objects live one family a file: ./workbook.ts,
 * ./worksheet.ts, ./range.ts, ./formats.ts (format, validation, conditional formats), ./features.ts (the rest).
 */
import { gridOf } from "./cells";
import { FakeOfficeError, apiNotFound } from "./errors";
import { jsonBytes, propertyListOf, type Action } from "./proxy";
import { FakeWorkbook } from "./workbook";
import {
  EXCEL_API_BY_VERSION,
  FakeWorkbookState,
  compareVersions,
  parseAddress,
  type FakeCellValue,
  type FakeExcelOptions,
  type FakeRequestStats,
  type FakeSheetState,
  type FakeTableState,
} from "./world";

export { jsonBytes, propertyListOf };

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

  /** An Excel Table over `address` (its header row first unless told), header cells as the sheet holds them. */
  addTable(
    sheetName: string,
    name: string,
    address: string,
    options: { showHeaders?: boolean; showTotals?: boolean } = {},
  ): FakeTableState {
    const sheet = this.sheet(sheetName);
    const range = parseAddress(address);
    if (!range) throw new Error(`bad address ${address}`);
    const showHeaders = options.showHeaders ?? true;
    const columns: string[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const v = showHeaders ? String(sheet.cell(range.top, c)?.value ?? "") : "";
      columns.push(v || `Столбец${c - range.left + 1}`);
    }
    const table: FakeTableState = {
      id: this.workbook.newTableId(),
      name,
      range,
      columns,
      showHeaders,
      showTotals: options.showTotals ?? false,
    };
    sheet.tables.push(table);
    return table;
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
