/**
 * EditOps as Office.js commands: each op becomes one or more queued commands sized for chunking (ExcelWorkbookHost
 * sends them in chunks under the 5 MB request limit, one sync per chunk). Semantics as the in-memory host
 * (src/domain/plan/apply-memory.ts); the conformance suite holds both to them.
 *
 * Features beyond ExcelApi 1.1 are checked before queueing: an op the user's Excel cannot do is skipped with a
 * Russian notice (./requirements.ts), the rest of the plan goes on.
 */
import type { EditOp } from "../domain/edit-plan";
import { a1, columnLetter, rangeA1, type CellRange } from "../domain/grid";
import { defaultValidationMessage, serialToIso, storedBounds } from "../domain/plan/references";
import {
  LISTS_SHEET,
  inlineList,
  listColumn,
  listReference,
} from "../domain/workbook-format/settings-format";
import { excelInput, payloadBytes, widthToPoints } from "./cells";
import { explainMissing, type ExcelFeature, type ExcelRequirements } from "./requirements";

/** Fixed overhead of one queued action in the request JSON, bytes (object path, ids, method name). */
export const ACTION_OVERHEAD = 200;

/** One unit of an apply: queued in order, sized for chunking. */
export interface Command {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

/** What the commands need from the read before them (one or two syncs, whatever the plan's size). */
export interface Prepared {
  /** Columns of the lists sheet (long drop-down lists), or null when not read. */
  listColumns: string[][] | null;
  listsSheetExists: boolean;
  /** Names already in the workbook (lower case → as spelled). */
  names: Map<string, string>;
  /** Each existing name (as spelled) → the sheet it points into (only read when the plan deletes a sheet). */
  nameSheets: Map<string, string>;
  /** Per sheet (lower case): our conditional formats found, with their formulas. */
  conditionalFormats: Map<string, { cf: Excel.ConditionalFormat; formula: string }[]>;
  /** Sheets protected before the plan (protectSheet on them is a no-op). */
  protectedSheets: Set<string>;
}

export interface CommandEnv {
  req: ExcelRequirements;
  notice: (message: string) => void;
  maxRequestBytes: number;
  prepared: Prepared;
}

const small = (queue: Command["queue"], args: unknown = null): Command => ({
  bytes: ACTION_OVERHEAD + payloadBytes(args),
  queue,
});

const sheetOf = (context: Excel.RequestContext, name: string) => context.workbook.worksheets.getItem(name);
const rangeOf = (context: Excel.RequestContext, name: string, r: CellRange) =>
  sheetOf(context, name).getRange(rangeA1(r));

/** Which feature an op needs beyond ExcelApi 1.1, if any. */
const NEEDS: Partial<Record<EditOp["op"], ExcelFeature>> = {
  merge: "mergeCells",
  setListValidation: "dataValidation",
  setValidation: "dataValidation",
  addConditionalFormat: "conditionalFormats",
  removeConditionalFormats: "conditionalFormats",
  setHyperlink: "hyperlinks",
  setDefinedName: "definedNames",
  setLocked: "protectSheet",
  protectSheet: "protectSheet",
  freezePanes: "freezePanes",
  setAutoFilter: "autoFilter",
  setPageLayout: "pageLayout",
  extendTable: "tableColumns",
};

/**
 * Commands of the ops the host does not treat itself (sheet copies and additions stay in host.ts). Returns null
 * for an op it does not handle.
 */
export function opCommands(op: EditOp, env: CommandEnv): Command[] | null {
  const need = NEEDS[op.op];
  if (need && !env.req.supports(need)) {
    env.notice(explainMissing(need));
    return [];
  }
  switch (op.op) {
    case "deleteSheet": {
      const gone = namesOnSheet(env.prepared, op.sheet);
      for (const name of gone) {
        env.prepared.names.delete(name.toLowerCase());
        env.prepared.nameSheets.delete(name);
      }
      return [
        small((context) => {
          // Names into the sheet would turn into #REF!: they go with it (as in the other hosts).
          for (const name of gone) context.workbook.names.getItem(name).delete();
          sheetOf(context, op.sheet).delete();
        }, op),
      ];
    }
    case "setSheetVisibility":
      return [
        small((context) => {
          sheetOf(context, op.sheet).visibility =
            op.visibility === "veryHidden" ? "VeryHidden" : op.visibility === "hidden" ? "Hidden" : "Visible";
        }, op),
      ];
    case "setValues":
      return setValuesCommands(op, env.maxRequestBytes);
    case "setFormulas":
      return formulasCommands(op, env.maxRequestBytes);
    case "deleteRows": {
      const runs = rowRuns(op.rows);
      return [
        small((context) => {
          const ws = sheetOf(context, op.sheet);
          // Bottom-up, so the row numbers still to delete do not move.
          for (const [from, to] of runs) ws.getRange(`${from + 1}:${to + 1}`).delete("Up");
        }, runs),
      ];
    }
    case "insertColumns":
      return [
        small((context) => {
          const cols = `${columnLetter(op.col)}:${columnLetter(op.col + op.count - 1)}`;
          sheetOf(context, op.sheet).getRange(cols).insert("Right");
        }, op),
      ];
    case "unmerge":
      return [small((context) => rangeOf(context, op.sheet, op.range).unmerge())];
    case "merge":
      return [small((context) => rangeOf(context, op.sheet, op.range).merge(false), op)];
    case "setListValidation":
      return validationCommands(op.sheet, op.range, { kind: "list", list: op.list }, undefined, env);
    case "setValidation":
      return validationCommands(op.sheet, op.range, op.rule, op.message, env);
    case "addConditionalFormat":
      return [
        small((context) => {
          const cf = rangeOf(context, op.sheet, op.range).conditionalFormats.add("Custom");
          cf.custom.rule.formula = op.formula;
          cf.custom.format.fill.color = `#${op.fill}`;
          if (op.fontColor) cf.custom.format.font.color = `#${op.fontColor}`;
        }, op),
      ];
    case "removeConditionalFormats": {
      const found = env.prepared.conditionalFormats.get(op.sheet.toLowerCase()) ?? [];
      const ours = found.filter((f) => f.formula.includes(op.marker));
      return ours.length
        ? [{ bytes: ACTION_OVERHEAD * ours.length, queue: () => ours.forEach((f) => f.cf.delete()) }]
        : [];
    }
    case "setHyperlink": {
      const internal = op.target.startsWith("#");
      const link: Excel.RangeHyperlink = internal
        ? { documentReference: op.target.slice(1), textToDisplay: op.text }
        : { address: op.target, textToDisplay: op.text };
      return [
        small((context) => {
          sheetOf(context, op.sheet).getRange(a1(op.row, op.col)).hyperlink = link;
        }, link),
      ];
    }
    case "setDefinedName": {
      const existing = env.prepared.names.get(op.name.toLowerCase());
      env.prepared.names.set(op.name.toLowerCase(), op.name);
      return [
        small((context) => {
          if (existing) context.workbook.names.getItem(existing).delete();
          context.workbook.names.add(op.name, rangeOf(context, op.sheet, op.range));
        }, op),
      ];
    }
    case "setLocked":
      return [
        small((context) => {
          rangeOf(context, op.sheet, op.range).format.protection.locked = op.locked;
        }, op),
      ];
    case "protectSheet":
      if (env.prepared.protectedSheets.has(op.sheet.toLowerCase())) return [];
      return [
        small((context) =>
          sheetOf(context, op.sheet).protection.protect({
            allowFormatCells: true,
            allowFormatColumns: true,
            allowFormatRows: true,
          }),
        ),
      ];
    case "setAutoFilter":
      return [small((context) => sheetOf(context, op.sheet).autoFilter.apply(rangeA1(op.range)), op)];
    case "freezePanes":
      return [
        small((context) => {
          const panes = sheetOf(context, op.sheet).freezePanes;
          panes.unfreeze();
          if (op.rows && op.cols)
            panes.freezeAt(rangeA1({ top: 0, left: 0, bottom: op.rows - 1, right: op.cols - 1 }));
          else if (op.rows) panes.freezeRows(op.rows);
          else if (op.cols) panes.freezeColumns(op.cols);
        }, op),
      ];
    case "setPageLayout":
      return [
        small((context) => {
          const layout = sheetOf(context, op.sheet).pageLayout;
          layout.orientation = op.orientation === "landscape" ? "Landscape" : "Portrait";
          layout.paperSize = "A4";
          layout.zoom = op.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
          if (op.printArea) layout.setPrintArea(rangeA1(op.printArea));
          if (op.repeatRows)
            layout.setPrintTitleRows(`$${op.repeatRows.top + 1}:$${op.repeatRows.bottom + 1}`);
        }, op),
      ];
    case "setStyle":
      return [small((context) => styleRange(rangeOf(context, op.sheet, op.range), op, op.range), op)];
    case "addChart":
      return [
        small((context) => {
          const ws = sheetOf(context, op.sheet);
          const type = op.type === "pie" ? "Pie" : op.type === "bar" ? "BarClustered" : "ColumnClustered";
          // Our plans put one series per column (see EditOp addChart); "Auto" would turn a short block by rows.
          const chart = ws.charts.add(type, ws.getRange(rangeA1(op.data)), "Columns");
          chart.title.text = op.title;
          chart.setPosition(a1(op.anchor.top, op.anchor.left), a1(op.anchor.bottom, op.anchor.right));
        }, op),
      ];
    case "extendTable":
      return [
        small((context) => {
          const columns = context.workbook.tables.getItem(op.table).columns;
          // index undefined appends (1.4); no values: the header cell takes the name, the body stays empty.
          for (const name of op.columns) columns.add(undefined, undefined, name);
        }, op),
      ];
    case "setColumnWidths":
      return [
        small((context) => {
          const ws = sheetOf(context, op.sheet);
          for (const { col, width } of op.widths) {
            const letters = columnLetter(col);
            ws.getRange(`${letters}:${letters}`).format.columnWidth = widthToPoints(width);
          }
        }, op.widths),
      ];
    default:
      return null;
  }
}

function namesOnSheet(prepared: Prepared, sheet: string): string[] {
  const out: string[] = [];
  for (const [name, on] of prepared.nameSheets) if (on.toLowerCase() === sheet.toLowerCase()) out.push(name);
  return out;
}

function styleRange(target: Excel.Range, op: Extract<EditOp, { op: "setStyle" }>, r: CellRange): void {
  if (op.bold !== undefined) target.format.font.bold = op.bold;
  if (op.fontColor !== undefined) target.format.font.color = `#${op.fontColor}`;
  if (op.fill !== undefined) target.format.fill.color = `#${op.fill}`;
  if (op.wrap !== undefined) target.format.wrapText = op.wrap;
  if (op.border !== undefined) {
    // String forms, not the Excel.* enums: those exist only inside Office at run time.
    const edges: (
      "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical"
    )[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (r.bottom > r.top) edges.push("InsideHorizontal");
    if (r.right > r.left) edges.push("InsideVertical");
    for (const edge of edges) target.format.borders.getItem(edge).style = op.border ? "Continuous" : "None";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// validation

const OPERATOR = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

function validationCommands(
  sheet: string,
  range: CellRange,
  rule: Parameters<typeof defaultValidationMessage>[0],
  message: string | undefined,
  env: CommandEnv,
): Command[] {
  const commands: Command[] = [];
  let dvRule: Excel.DataValidationRule;
  if (rule.kind === "list") {
    let source = inlineList(rule.list);
    if (source === null) {
      const columns = env.prepared.listColumns ?? [];
      env.prepared.listColumns = columns;
      const { col, write } = listColumn(columns, rule.list);
      if (write) {
        columns[col] = [...rule.list];
        if (!env.prepared.listsSheetExists) {
          commands.push(
            small((context) => {
              context.workbook.worksheets.add(LISTS_SHEET).visibility = "VeryHidden";
            }),
          );
          env.prepared.listsSheetExists = true;
        }
        commands.push(
          ...setValuesCommands(
            {
              op: "setValues",
              sheet: LISTS_SHEET,
              row: 0,
              col,
              values: rule.list.map((s) => [s]),
              numberFormat: "@",
            },
            env.maxRequestBytes,
          ),
        );
      }
      source = `=${listReference(col, rule.list.length)}`;
    }
    dvRule = { list: { inCellDropDown: true, source } };
  } else {
    const { operator, formulae } = storedBounds(rule);
    const value = (n: number) => (rule.kind === "date" ? serialToIso(n) : n);
    const basic = {
      operator: OPERATOR[operator],
      formula1: value(formulae[0]),
      ...(formulae.length > 1 ? { formula2: value(formulae[1]) } : {}),
    };
    dvRule =
      rule.kind === "date"
        ? { date: basic as Excel.DateTimeDataValidation }
        : rule.kind === "whole"
          ? { wholeNumber: basic as Excel.BasicDataValidation }
          : { decimal: basic as Excel.BasicDataValidation };
  }
  const errorAlert: Excel.DataValidationErrorAlert = {
    message: message ?? defaultValidationMessage(rule),
    showAlert: true,
    // A list warns (a colleague may still type another value); numbers and dates stop.
    style: rule.kind === "list" ? "Warning" : "Stop",
    title: rule.kind === "list" ? "Значение не из списка" : "Неверное значение",
  };
  commands.push(
    small(
      (context) => {
        const target = rangeOf(context, sheet, range);
        target.dataValidation.clear();
        target.dataValidation.rule = dvRule;
        target.dataValidation.errorAlert = errorAlert;
      },
      [dvRule, errorAlert],
    ),
  );
  return commands;
}

// ---------------------------------------------------------------------------------------------------------------
// blocks of values and formulas

/** Sorted runs of consecutive rows, bottom-most first: [[10, 12], [4, 4]]. */
export function rowRuns(rows: number[]): [number, number][] {
  const sorted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 0).sort((a, b) => b - a);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] === r + 1) last[0] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** Commands for a setValues op, split by rows so each stays under maxBytes. */
export function setValuesCommands(op: Extract<EditOp, { op: "setValues" }>, maxBytes: number): Command[] {
  const width = op.values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  if (width === 0 || op.values.length === 0) return [];
  const asText = op.numberFormat === "@";
  // Ragged rows: cells past a row's end are null, which Office.js leaves unchanged (value and format).
  const inRow = (row: unknown[] | undefined, j: number) => Boolean(row) && j < (row as unknown[]).length;
  const values = op.values.map((row) =>
    Array.from({ length: width }, (_, j) => (inRow(row, j) ? excelInput(row[j] ?? null, asText) : null)),
  );
  const formats = op.numberFormat
    ? op.values.map((row) =>
        Array.from({ length: width }, (_, j) => (inRow(row, j) ? op.numberFormat! : null)),
      )
    : null;
  return rawBlockCommands(op.sheet, op.row, op.col, values, formats, maxBytes);
}

/** Commands for a setFormulas op: null cells stay as they are (Office.js leaves them unchanged). */
function formulasCommands(op: Extract<EditOp, { op: "setFormulas" }>, maxBytes: number): Command[] {
  const width = op.formulas.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  if (width === 0) return [];
  const formulas = op.formulas.map((row) => Array.from({ length: width }, (_, j) => row?.[j] ?? null));
  const formats = op.numberFormat
    ? formulas.map((row) => row.map((f) => (f === null ? null : op.numberFormat!)))
    : null;
  return rawBlockCommands(op.sheet, op.row, op.col, formulas, formats, maxBytes, "formulas");
}

/** Writes a rectangular block (formats first, then values or formulas) in row pieces of at most maxBytes. */
export function rawBlockCommands(
  sheet: string,
  top: number,
  left: number,
  values: unknown[][],
  formats: unknown[][] | null,
  maxBytes: number,
  what: "values" | "formulas" = "values",
): Command[] {
  const commands: Command[] = [];
  const width = values[0]?.length ?? 0;
  if (width === 0) return commands;
  let start = 0;
  while (start < values.length) {
    let bytes = ACTION_OVERHEAD * 2;
    let end = start;
    while (end < values.length) {
      const rowBytes = payloadBytes(values[end]) + (formats ? payloadBytes(formats[end]) : 0) + 2;
      if (end > start && bytes + rowBytes > maxBytes) break;
      bytes += rowBytes;
      end++;
    }
    const from = start;
    const to = end;
    const address = `${a1(top + from, left)}:${a1(top + to - 1, left + width - 1)}`;
    commands.push({
      bytes,
      queue: (context) => {
        const target = sheetOf(context, sheet).getRange(address);
        if (formats) target.numberFormat = formats.slice(from, to);
        if (what === "formulas") target.formulas = values.slice(from, to);
        else target.values = values.slice(from, to);
      },
    });
    start = end;
  }
  return commands;
}

/** Consecutive commands grouped so each group's request stays under maxBytes (a single oversize command alone). */
export function packChunks<T extends { bytes: number }>(commands: T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const c of commands) {
    if (current.length && size + c.bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(c);
    size += c.bytes;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
