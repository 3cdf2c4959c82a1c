/**
 * The Office.js adapter: the workbook open in Excel as a WorkbookHost.
 *
 * Round trips (context.sync) per command, whatever the size of the sheet:
 * - readSheet: 1 (values, formats, geometry, protection, merges, hidden-row summary, table list at once); +1 when the
 *   sheet has Excel Tables (their ranges); +2 when some but not all rows/columns are hidden (summaries of 100-row
 *   segments, then single rows of mixed segments).
 * - readWorkbook: 2 (names, visibility and tables, then every visible sheet and the tables' ranges at once); +2 for
 *   hidden rows as above.
 * - A sheet too large for one response (over 5 MB on the web, or over 5,000,000 cells, for which Excel returns null
 *   values) is read in row blocks: +1 geometry sync, +1 sync per block (blocks of `cellsPerRead` cells, halved and
 *   retried while a block is still too large). So the count depends only on the number of blocks.
 * - apply: 1 (names, visibility, protection of every sheet; nothing is written if a sheet is missing or protected)
 *   + 1 per chunk: all operations are queued in order and sent in chunks of at most `maxRequestBytes` (4 MB under
 *   the 5 MB limit); a large setValues is split by rows. +1 before the chunks only when a sheet copy must fall back
 *   to values (no ExcelApi 1.7) or a long drop-down list goes to the lists sheet.
 * - getSetting 2 (1 when there is no settings sheet), setSetting 3 (2 when it is created); highlight 3, or 4 when
 *   the workbook has Custom conditional formats whose formula must be read, +1 per further chunk of
 *   `maxRequestBytes` (about 4,000 cells each); clearHighlights 2–4;
 *   select/activeSheetName/listSheets 1.
 *
 * Reading and writing values need only ExcelApi 1.1 (Excel 2016); see ./requirements.ts for what degrades.
 * The Office.js batch is not a transaction, which is why protection and missing sheets are checked before anything
 * is queued.
 */
import type { EditOp, EditPlan } from "../domain/edit-plan";
import { a1, parseA1, rangeA1, type CellValue, type SheetGrid, type WorkbookGrid } from "../domain/grid";
import { UserFacingError, type ApplyOutcome, type SheetInfo, type WorkbookHost } from "../domain/host";
import { validatePlan, PLAN_MESSAGES, type WorkbookFacts } from "../domain/plan/validate";
import {
  HIGHLIGHT_FILL_ARGB,
  HIGHLIGHT_FORMULA,
  SETTINGS_SHEET,
  chunkSetting,
  isOwnSheet,
  parseSetting,
} from "../domain/workbook-format/settings-format";
import { HOST_MESSAGES } from "../domain/workbook-format/host-messages";
import {
  ACTION_OVERHEAD,
  opCommands,
  packChunks,
  rawBlockCommands,
  rowRuns,
  type Command,
  type Prepared,
} from "./apply";
import { excelInput, makeSheetGrid, parseAreasAddress, type UsedBlock } from "./cells";
import { prepareApply } from "./prepare";
import { readHiddenFlags } from "./read-hidden";
import { sameName, type KnownSheet, type PendingSheet, type SheetShape } from "./shapes";
import { TABLE_LIST, queueTableDetails, queueTableFacts, splitAddress, tablesOf, withTables } from "./tables";
import { ExcelRequirements, explainMissing, officeIsSetSupported, type IsSetSupported } from "./requirements";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Office.context.requirements.isSetSupported by default. */
  isSetSupported?: IsSetSupported;
  /** Display name for the UI. */
  name?: string;
  /** Told once per message when something was read or written with less than usual (older Excel). */
  onNotice?: (message: string) => void;
  /** Largest request the adapter sends, bytes (default 4,000,000: under the 5 MB limit of Excel on the web). */
  maxRequestBytes?: number;
  /** Cells per block when a sheet must be read in blocks (default 100,000). */
  cellsPerRead?: number;
}

const HIGHLIGHT_COLOR = `#${HIGHLIGHT_FILL_ARGB.slice(2)}`;
const OUR_FORMULA = normalizeFormula(HIGHLIGHT_FORMULA);

export const EXCEL_MESSAGES = {
  sheetMissing: (name: string) =>
    `Лист «${name}» не найден в книге: возможно, его переименовали или удалили. Обновите список листов и повторите.`,
  /** A plan naming a missing sheet: the shared preflight's message. */
  planSheetMissing: PLAN_MESSAGES.sheetNotFound,
  sheetProtected: HOST_MESSAGES.sheetProtected,
  someSheetProtected:
    "Лист защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите. Часть изменений могла быть уже внесена — проверьте лист.",
  sheetExists: PLAN_MESSAGES.sheetExists,
  sheetHidden: HOST_MESSAGES.sheetHidden,
  badAddress: HOST_MESSAGES.badAddress,
  rowTooLarge: (name: string, row: number) =>
    `Строка ${row} на листе «${name}» слишком велика, чтобы прочитать её из Excel в браузере: сократите текст в ней или откройте книгу в Excel для компьютера.`,
  cellEditMode: "Excel сейчас в режиме правки ячейки: нажмите Enter или Esc и повторите.",
  itemGone:
    "Лист или диапазон не найден в книге: возможно, его переименовали или удалили. Выполните команду заново.",
  excelFailed: (code: string) =>
    `Excel не выполнил команду (код ошибки: ${code}). Повторите её; если ошибка не уходит, сообщите этот код разработчикам.`,
  mergesNotRead:
    "Ваша версия Excel не сообщает об объединённых ячейках (нужен Excel 2021 или Microsoft 365): таблица прочитана без учёта объединений.",
  hiddenNotRead:
    "Ваша версия Excel не сообщает о скрытых строках и столбцах (нужен Excel 2019 или Microsoft 365): они прочитаны как видимые.",
  copyValuesOnly: (name: string, copy: string) =>
    `Ваша версия Excel не умеет копировать листы (нужен Excel 2019 или Microsoft 365): копия «${copy}» листа «${name}» сохранена только со значениями и форматами чисел, без объединений ячеек и оформления.`,
  copyWithoutMerges: (copy: string) =>
    `Копия «${copy}» сохранена без объединений ячеек: ваша версия Excel не умеет их создавать.`,
  listsSkipped:
    "Раскрывающиеся списки не добавлены: для них нужен Excel 2021 или Microsoft 365 (ExcelApi 1.8). Значения можно вводить вручную.",
};

function errorCode(e: unknown): string {
  if (e && typeof e === "object" && "code" in e) return String((e as { code: unknown }).code);
  return "";
}

function isPayloadError(e: unknown): boolean {
  const code = errorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

function normalizeFormula(f: string): string {
  return f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
}

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

export { splitAddress };

export class ExcelWorkbookHost implements WorkbookHost {
  readonly name: string;
  /** Excel.run with Office errors put into Russian (explain). */
  private readonly run: ExcelRun;
  /** Excel.run as given: apply words AccessDenied itself, naming the sheet. */
  private readonly runRaw: ExcelRun;
  private readonly req: ExcelRequirements;
  private readonly onNotice?: (message: string) => void;
  private readonly maxRequestBytes: number;
  private readonly cellsPerRead: number;
  private readonly told = new Set<string>();
  /** Every notice given so far (for the UI to show, and for tests). */
  readonly notices: string[] = [];

  constructor(run: ExcelRun = defaultRun, options: ExcelHostOptions = {}) {
    this.runRaw = run;
    this.run = (batch) =>
      run(batch).catch((e: unknown) => {
        throw this.explain(e);
      });
    this.req = new ExcelRequirements(options.isSetSupported ?? officeIsSetSupported);
    this.name = options.name ?? "Книга Excel";
    this.onNotice = options.onNotice;
    this.maxRequestBytes = options.maxRequestBytes ?? 4_000_000;
    this.cellsPerRead = options.cellsPerRead ?? 100_000;
  }

  private notice(message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.notices.push(message);
    this.onNotice?.(message);
  }

  // ------------------------------------------------------------------ sheets

  async listSheets(): Promise<SheetInfo[]> {
    const known = await this.run(async (context) => this.loadSheets(context));
    return known.filter((s) => !isOwnSheet(s.name)).map((s) => ({ name: s.name, visible: s.visible }));
  }

  async activeSheetName(): Promise<string> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  }

  /** Names, visibility and (ExcelApi 1.2) protection of every sheet, in one round trip. */
  private async loadSheets(context: Excel.RequestContext): Promise<KnownSheet[]> {
    const sheets = context.workbook.worksheets;
    const props = ["items/name", "items/visibility"];
    if (this.req.supports("protection")) props.push("items/protection/protected");
    sheets.load(props);
    await context.sync();
    return sheets.items.map((ws) => ({
      name: ws.name,
      visible: ws.visibility === "Visible",
      visibility:
        ws.visibility === "VeryHidden" ? "veryHidden" : ws.visibility === "Hidden" ? "hidden" : "visible",
      protected: this.req.supports("protection") ? ws.protection.protected : false,
    }));
  }

  async readSheet(name: string): Promise<SheetGrid> {
    return this.run(async (context) => {
      let list = context.workbook.worksheets.getItem(name).tables.load(TABLE_LIST);
      let pending = this.queueSheet(context.workbook.worksheets.getItem(name), name, true);
      try {
        await context.sync();
      } catch (e) {
        if (errorCode(e) === "ItemNotFound") throw new UserFacingError(EXCEL_MESSAGES.sheetMissing(name));
        if (!isPayloadError(e)) throw e;
        // Too large for one response: geometry now, values in blocks.
        list = context.workbook.worksheets.getItem(name).tables.load(TABLE_LIST);
        pending = this.queueSheet(context.workbook.worksheets.getItem(name), name, false);
        await context.sync();
      }
      // A table's range is a method's result: one more round trip, only when the sheet has tables.
      const details = queueTableDetails(context, list.items);
      if (details.length) await context.sync();
      const [grid] = await this.finishSheets(context, [pending]);
      return withTables(grid, tablesOf(details));
    });
  }

  async readWorkbook(): Promise<WorkbookGrid> {
    return this.run(async (context) => {
      // The tables ride on the sheets' round trip, their ranges on the values' one: still 2 syncs.
      const list = context.workbook.tables.load(TABLE_LIST);
      const known = await this.loadSheets(context);
      const names = known.filter((s) => s.visible && !isOwnSheet(s.name)).map((s) => s.name);
      let details = queueTableDetails(context, list.items);
      let pending = names.map((n) => this.queueSheet(context.workbook.worksheets.getItem(n), n, true));
      try {
        await context.sync();
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        details = queueTableDetails(context, list.items);
        pending = names.map((n) => this.queueSheet(context.workbook.worksheets.getItem(n), n, false));
        await context.sync();
      }
      const tables = tablesOf(details);
      return { sheets: (await this.finishSheets(context, pending)).map((g) => withTables(g, tables)) };
    });
  }

  /** Queues everything a sheet read needs (nothing is sent). */
  private queueSheet(ws: Excel.Worksheet, name: string, withValues: boolean): PendingSheet {
    // valuesOnly: a whole column formatted by the user must not stretch the read to 1,048,576 rows.
    const used = this.req.supports("usedRangeValuesOnly") ? ws.getUsedRange(true) : ws.getUsedRange();
    const props = ["rowIndex", "columnIndex", "rowCount", "columnCount"];
    if (this.req.supports("hiddenRowsColumns")) props.push("rowHidden", "columnHidden");
    if (withValues) props.push("values", "numberFormat", "formulas");
    used.load(props);
    const protection = this.req.supports("protection") ? ws.protection.load("protected") : null;
    const merged = this.req.supports("mergedAreas")
      ? used.getMergedAreasOrNullObject().load("address")
      : null;
    ws.load("name");
    return { name, ws, used, protection, merged, withValues };
  }

  private shapeOf(p: PendingSheet): SheetShape {
    const hidden = this.req.supports("hiddenRowsColumns");
    return {
      top: p.used.rowIndex,
      left: p.used.columnIndex,
      rows: p.used.rowCount,
      cols: p.used.columnCount,
      rowHidden: hidden ? p.used.rowHidden : undefined,
      columnHidden: hidden ? p.used.columnHidden : undefined,
      protected: p.protection ? p.protection.protected : false,
      merges: p.merged && !p.merged.isNullObject ? parseAreasAddress(p.merged.address) : [],
    };
  }

  /** After the main sync: hidden-row flags and block reads where needed, then the grids. */
  private async finishSheets(context: Excel.RequestContext, pending: PendingSheet[]): Promise<SheetGrid[]> {
    if (!this.req.supports("mergedAreas") && pending.length) this.notice(EXCEL_MESSAGES.mergesNotRead);
    if (!this.req.supports("hiddenRowsColumns") && pending.length) this.notice(EXCEL_MESSAGES.hiddenNotRead);
    const shapes = pending.map((p) => this.shapeOf(p));
    const hidden = await readHiddenFlags(context, pending, shapes);
    const grids: SheetGrid[] = [];
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i];
      const shape = shapes[i];
      const values = p.withValues ? (p.used.values as unknown[][] | null) : null;
      const blocks: UsedBlock[] =
        values !== null && values !== undefined
          ? [
              {
                top: shape.top,
                left: shape.left,
                values,
                numberFormat: p.used.numberFormat as unknown[][] | null,
                formulas: p.used.formulas as unknown[][] | null,
              },
            ]
          : await this.readBlocks(context, p.name, shape);
      grids.push(
        makeSheetGrid(p.ws.name, blocks, {
          merges: shape.merges,
          hiddenRows: hidden[i].rows,
          hiddenColumns: hidden[i].columns,
          protected: shape.protected,
        }),
      );
    }
    return grids;
  }

  /** Values of a large sheet, row block by row block; a block still too large is halved and retried. */
  private async readBlocks(
    context: Excel.RequestContext,
    name: string,
    shape: SheetShape,
  ): Promise<UsedBlock[]> {
    const blocks: UsedBlock[] = [];
    // Each cell comes back twice, as its value and as its formula (a constant's formula is itself): half the cells.
    const cells = Math.max(1, Math.floor(this.cellsPerRead / 2));
    let rowsPerBlock = Math.max(1, Math.floor(cells / Math.max(1, shape.cols)));
    let r = 0;
    while (r < shape.rows) {
      const count = Math.min(rowsPerBlock, shape.rows - r);
      const top = shape.top + r;
      const address = `${a1(top, shape.left)}:${a1(top + count - 1, shape.left + shape.cols - 1)}`;
      const block = context.workbook.worksheets.getItem(name).getRange(address);
      block.load(["values", "numberFormat", "formulas"]);
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block: a large sheet must not go in one response
        await context.sync();
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        if (count === 1) throw new UserFacingError(EXCEL_MESSAGES.rowTooLarge(name, top + 1));
        rowsPerBlock = Math.max(1, Math.floor(count / 2));
        continue;
      }
      blocks.push({
        top,
        left: shape.left,
        values: block.values,
        numberFormat: block.numberFormat,
        formulas: block.formulas,
      });
      r += count;
    }
    return blocks;
  }

  // ------------------------------------------------------------------ apply

  async apply(plan: EditPlan): Promise<ApplyOutcome> {
    const before = this.notices.length;
    if (plan.ops.length === 0) return { notices: [] };
    if (plan.ops.some((op) => op.op === "unmerge") && !this.req.supports("unmerge")) {
      throw new UserFacingError(explainMissing("unmerge"));
    }
    let touchedName: string | null = null;
    try {
      await this.runRaw(async (context) => {
        const withTables = plan.ops.some((op) => op.op === "extendTable");
        // The tables (with their sheets, ExcelApi 1.2) ride on the sheets' round trip.
        const tables = withTables && this.req.supports("tableColumns") ? queueTableFacts(context) : null;
        const known = await this.loadSheets(context);
        const facts: WorkbookFacts = {
          sheets: known.map((s) => ({
            name: s.name,
            visibility: s.visibility,
            protected: this.req.supports("protection") ? s.protected : null,
          })),
          ...(tables ? { tables: tables() } : {}),
        };
        // Checked here, not left to Excel: nothing is queued yet, and Excel's own errors come in English.
        const problem = validatePlan(plan, facts);
        if (problem) throw new UserFacingError(problem);
        const touched = touchedSheets(plan.ops, known);
        touchedName = touched.length === 1 ? touched[0] : null;
        const prepared = await prepareApply(
          this.req,
          (ws, name, withValues) => this.queueSheet(ws, name, withValues),
          context,
          plan.ops,
          known,
          facts,
        );
        await this.send(context, this.commandsFor(plan.ops, known, prepared));
      });
    } catch (e) {
      if (errorCode(e) === "AccessDenied") {
        throw new UserFacingError(
          touchedName ? EXCEL_MESSAGES.sheetProtected(touchedName) : EXCEL_MESSAGES.someSheetProtected,
        );
      }
      throw this.explain(e);
    }
    return { notices: this.notices.slice(before) };
  }

  /** Queues the commands in order, one sync per chunk of at most maxRequestBytes. */
  private async send(context: Excel.RequestContext, commands: Command[]): Promise<void> {
    for (const chunk of packChunks(commands, this.maxRequestBytes)) {
      for (const command of chunk) command.queue(context);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk, each under the 5 MB limit
      await context.sync();
    }
  }

  private commandsFor(
    ops: EditOp[],
    known: KnownSheet[],
    prepared: Prepared & { copies: Map<string, PendingSheet> },
  ): Command[] {
    const commands: Command[] = [];
    const env = {
      req: this.req,
      notice: (m: string) => this.notice(m),
      maxRequestBytes: this.maxRequestBytes,
      prepared,
    };
    for (const op of ops) {
      switch (op.op) {
        case "addSheet": {
          if (known.some((s) => sameName(s.name, op.sheet))) break;
          commands.push({
            bytes: ACTION_OVERHEAD,
            queue: (context) => {
              const ws = context.workbook.worksheets.add(op.sheet);
              if (op.hidden) ws.visibility = op.hidden === "veryHidden" ? "VeryHidden" : "Hidden";
            },
          });
          known.push({
            name: op.sheet,
            visible: !op.hidden,
            visibility: op.hidden ?? "visible",
            protected: false,
          });
          break;
        }
        case "copySheet": {
          const at = known.findIndex((s) => sameName(s.name, op.sheet)) + 1;
          if (this.req.supports("copySheet")) {
            commands.push({
              bytes: ACTION_OVERHEAD,
              queue: (context) => {
                const source = context.workbook.worksheets.getItem(op.sheet);
                const copy = source.copy("After", source);
                copy.name = op.newName;
              },
            });
          } else {
            const source = prepared.copies.get(op.sheet.toLowerCase())!;
            commands.push(...this.copyByValues(op.sheet, op.newName, source, at));
          }
          known.splice(at, 0, { name: op.newName, visible: true, visibility: "visible", protected: false });
          break;
        }
        case "deleteSheet": {
          const i = known.findIndex((s) => sameName(s.name, op.sheet));
          if (i >= 0) known.splice(i, 1);
          commands.push(...(opCommands(op, env) ?? []));
          break;
        }
        case "setListValidation":
          if (!this.req.supports("dataValidation")) {
            this.notice(EXCEL_MESSAGES.listsSkipped);
            break;
          }
          commands.push(...(opCommands(op, env) ?? []));
          break;
        default:
          commands.push(...(opCommands(op, env) ?? []));
      }
    }
    return commands;
  }

  /** Backup of a sheet without Worksheet.copy (ExcelApi 1.7): a new sheet with its values, formats and merges. */
  private copyByValues(sheet: string, newName: string, source: PendingSheet, position: number): Command[] {
    const shape = this.shapeOf(source);
    const commands: Command[] = [
      {
        bytes: ACTION_OVERHEAD,
        queue: (context) => {
          context.workbook.worksheets.add(newName).position = position;
        },
      },
    ];
    const values = ((source.used.values as unknown[][] | null) ?? []).map((row) =>
      row.map((v) => (typeof v === "string" ? excelInput(v) : (v as string | number | boolean))),
    );
    const formats = (source.used.numberFormat as unknown[][] | null) ?? null;
    commands.push(...rawBlockCommands(newName, shape.top, shape.left, values, formats, this.maxRequestBytes));
    if (shape.merges.length) {
      if (this.req.supports("mergeCells")) {
        commands.push({
          bytes: ACTION_OVERHEAD * shape.merges.length,
          queue: (context) => {
            const ws = context.workbook.worksheets.getItem(newName);
            for (const m of shape.merges) ws.getRange(rangeA1(m)).merge(false);
          },
        });
      } else {
        this.notice(EXCEL_MESSAGES.copyWithoutMerges(newName));
      }
    }
    this.notice(EXCEL_MESSAGES.copyValuesOnly(sheet, newName));
    return commands;
  }

  // ------------------------------------------------------------------ select

  async select(sheet: string, address: string): Promise<void> {
    if (!parseA1(address)) throw new UserFacingError(EXCEL_MESSAGES.badAddress(address));
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address.replace(/\$/g, "")).select();
      try {
        await context.sync();
      } catch (e) {
        if (errorCode(e) === "ItemNotFound") throw new UserFacingError(EXCEL_MESSAGES.sheetMissing(sheet));
        if (errorCode(e) === "InvalidOperation") throw new UserFacingError(EXCEL_MESSAGES.sheetHidden(sheet));
        throw e;
      }
    });
  }

  /** The user's selection (ExcelApi 1.1): one sync. «'Лист 1'!A6:F58» → sheet and address. */
  async selectedRange(): Promise<{ sheet: string; address: string } | null> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return splitAddress(range.address);
    });
  }

  // ------------------------------------------------------------------ settings (layout: src/domain/workbook-format/settings-format.ts)

  /** Rows of the settings sheet in sheet coordinates (text), or null when the sheet does not exist. 2 syncs. */
  private async readSettingsRows(context: Excel.RequestContext): Promise<string[][] | null> {
    const known = await this.loadSheets(context);
    if (!known.some((s) => sameName(s.name, SETTINGS_SHEET))) return null;
    const used = context.workbook.worksheets.getItem(SETTINGS_SHEET).getUsedRange();
    used.load(["values", "rowIndex", "columnIndex"]);
    await context.sync();
    const rows: string[][] = [];
    const values = used.values as unknown[][];
    values.forEach((row, i) => {
      const out: string[] = [];
      row.forEach((v, j) => (out[used.columnIndex + j] = v === null || v === undefined ? "" : String(v)));
      for (let c = 0; c < out.length; c++) out[c] ??= "";
      rows[used.rowIndex + i] = out;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return rows;
  }

  async getSetting<T>(key: string): Promise<T | null> {
    const rows = await this.run((context) => this.readSettingsRows(context));
    const row = rows?.find((r) => r[0] === key);
    return row ? parseSetting<T>(row.slice(1)) : null;
  }

  async readSettings(): Promise<Record<string, unknown>> {
    const rows = await this.run((context) => this.readSettingsRows(context));
    const out: Record<string, unknown> = {};
    for (const row of rows ?? []) {
      if (!row[0]) continue;
      const value = parseSetting<unknown>(row.slice(1));
      if (value !== null) out[row[0]] = value;
    }
    return out;
  }

  async setSetting<T>(key: string, value: T): Promise<void> {
    await this.run(async (context) => {
      const rows = await this.readSettingsRows(context);
      const chunks = chunkSetting(JSON.stringify(value ?? null));
      let r = rows ? rows.findIndex((row) => row[0] === key) : -1;
      if (r < 0) {
        r = 0;
        if (rows) for (let i = 0; i < rows.length; i++) if (rows[i].some((v) => v !== "")) r = i + 1;
      }
      const oldWidth = rows?.[r]?.length ?? 0;
      const cells: CellValue[] = [key, ...chunks];
      while (cells.length < oldWidth) cells.push(""); // the new value may be shorter: clear old chunks
      const sheet = rows
        ? context.workbook.worksheets.getItem(SETTINGS_SHEET)
        : context.workbook.worksheets.add(SETTINGS_SHEET);
      // Again on every write: LibreOffice saves a very hidden sheet as merely hidden.
      sheet.visibility = "VeryHidden";
      const target = sheet.getRange(`${a1(r, 0)}:${a1(r, cells.length - 1)}`);
      // Text format first: a chunk starting with "=", "-" or a digit stays text, verbatim.
      target.numberFormat = [cells.map(() => "@")];
      target.values = [cells.map((v) => excelInput(v, true))];
      await context.sync();
    });
  }

  // ------------------------------------------------------------------ highlights (conditional formats, ExcelApi 1.6)

  async highlight(cells: { sheet: string; address: string }[]): Promise<void> {
    if (!this.req.supports("conditionalFormats"))
      throw new UserFacingError(explainMissing("conditionalFormats"));
    const bySheet = new Map<string, Set<string>>();
    for (const { sheet, address } of cells) {
      if (!parseA1(address)) throw new UserFacingError(EXCEL_MESSAGES.badAddress(address));
      const set = bySheet.get(sheet) ?? new Set<string>();
      set.add(address.replace(/\$/g, "").toUpperCase());
      bySheet.set(sheet, set);
    }
    await this.run(async (context) => {
      const known = await this.loadSheets(context);
      for (const sheet of bySheet.keys()) {
        const k = known.find((s) => sameName(s.name, sheet));
        if (!k) throw new UserFacingError(EXCEL_MESSAGES.sheetMissing(sheet));
        if (k.protected) throw new UserFacingError(EXCEL_MESSAGES.sheetProtected(k.name));
      }
      const removed = await this.queueRemoveOurs(context, known);
      // The removals are already queued: they count towards the first chunk.
      const commands: Command[] = [{ bytes: removed * ACTION_OVERHEAD, queue: () => undefined }];
      for (const [sheet, addresses] of bySheet) {
        for (const address of addresses) {
          commands.push({
            bytes: ACTION_OVERHEAD * 5,
            queue: (ctx) => {
              const cf = ctx.workbook.worksheets
                .getItem(sheet)
                .getRange(address)
                .conditionalFormats.add("Custom");
              cf.custom.rule.formula = `=${HIGHLIGHT_FORMULA}`;
              cf.custom.format.fill.color = HIGHLIGHT_COLOR;
            },
          });
        }
      }
      await this.send(context, commands);
    });
  }

  async clearHighlights(): Promise<void> {
    if (!this.req.supports("conditionalFormats")) return; // nothing of ours can exist without conditional formats
    await this.run(async (context) => {
      const known = await this.loadSheets(context);
      if ((await this.queueRemoveOurs(context, known)) > 0) await context.sync();
    });
  }

  /**
   * Queues deletion of our conditional formats on every unprotected sheet: ours are Custom with HIGHLIGHT_FORMULA
   * (shared with the .xlsx adapter, so a file highlighted in the preview is cleared in Excel). 2 syncs to find them.
   * Returns how many deletions were queued.
   */
  private async queueRemoveOurs(context: Excel.RequestContext, known: KnownSheet[]): Promise<number> {
    const sheets = known.filter((s) => !s.protected && !isOwnSheet(s.name));
    const collections = sheets.map((s) => {
      const c = context.workbook.worksheets.getItem(s.name).getRange().conditionalFormats;
      c.load(["items/id", "items/type"]);
      return c;
    });
    await context.sync();
    const custom = collections.flatMap((c) => c.items.filter((cf) => cf.type === "Custom"));
    if (custom.length === 0) return 0;
    const rules = custom.map((cf) => cf.custom.rule.load("formula"));
    await context.sync();
    let removed = 0;
    custom.forEach((cf, i) => {
      if (normalizeFormula(rules[i].formula ?? "") === OUR_FORMULA) {
        cf.delete();
        removed++;
      }
    });
    return removed;
  }

  // ------------------------------------------------------------------ errors

  /**
   * Office.js errors in Russian: Excel's own message is English. An error without an Office code is a bug of
   * ours and goes up unchanged (the task pane words it and keeps the stack in the console).
   */
  private explain(e: unknown): unknown {
    if (e instanceof UserFacingError) return e;
    const code = errorCode(e);
    switch (code) {
      case "":
        return e;
      case "AccessDenied":
        return new UserFacingError(EXCEL_MESSAGES.someSheetProtected);
      case "InvalidOperationInCellEditMode":
        return new UserFacingError(EXCEL_MESSAGES.cellEditMode);
      case "ItemNotFound":
        return new UserFacingError(EXCEL_MESSAGES.itemGone);
      default:
        return new UserFacingError(EXCEL_MESSAGES.excelFailed(code));
    }
  }
}

/** Existing sheets the plan changes (for naming the sheet when Excel refuses a protected one). */
function touchedSheets(ops: EditOp[], known: KnownSheet[]): string[] {
  const out: string[] = [];
  for (const op of ops) {
    if (op.op === "addSheet" || op.op === "copySheet") continue;
    const k = known.find((s) => sameName(s.name, op.sheet));
    if (k && !out.some((t) => sameName(t, k.name))) out.push(k.name);
  }
  return out;
}

export { packChunks, rowRuns };
