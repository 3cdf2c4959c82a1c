/**
 * Row deletion and column insertion on an ExcelJS sheet. ExcelJS's own spliceRows / spliceColumns move cell values
 * only: merges, data validations, conditional formats and formulas stay where they were (checked: after
 * spliceColumns(2, 0) a merge B1:C1, a validation on C2, a format on C3:D3 and "=C2+1" are all unmoved). So the
 * sheet model is rebuilt with every addressed part renumbered, the way Excel moves them (the same rules as the
 * in-memory host, src/domain/plan/apply-memory.ts).
 */
import ExcelJS from "exceljs";
import { columnIndex, columnLetter, parseA1, rangeA1, type CellRange } from "../domain/grid";
import { shiftFormulaColumns, shiftRangeColumns } from "../domain/plan/references";
import { splitSheetRef } from "../domain/plan/workbook-model";
import { mapTableModels, moveTableModels, writeTableHeaders, type TableModel } from "./tables";
import {
  conditionalFormats,
  definedNames,
  mergeRanges,
  setDefinedNames,
  type CellModel,
  type RowModel,
  type SheetModel,
} from "./sheet-model";

// ---------------------------------------------------------------------------------------------------------
// deleteRows

const ADDRESS = /^\$?([A-Z]{1,3})\$?(\d+)$/;

export function deleteRows(ws: ExcelJS.Worksheet, rows0: number[]): void {
  const deleted = [...new Set(rows0.map((r) => r + 1))].sort((a, b) => a - b);
  if (deleted.length === 0) return;
  const deletedSet = new Set(deleted);
  /** New 1-based row number, or null when the row is deleted. */
  const mapRow = (r: number): number | null => {
    if (deletedSet.has(r)) return null;
    let lo = 0;
    let hi = deleted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (deleted[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return r - lo;
  };
  /** A 1-based row span after deletion, or null when all of its rows are gone. */
  const mapSpan = (top: number, bottom: number): [number, number] | null => {
    let t: number | null = null;
    let b: number | null = null;
    for (let r = top; r <= bottom; r++) {
      const n = mapRow(r);
      if (n === null) continue;
      if (t === null) t = n;
      b = n;
    }
    return t === null || b === null ? null : [t, b];
  };
  const mapAddress = (addr: string): string | null => {
    const m = ADDRESS.exec(addr);
    if (!m) return addr;
    const n = mapRow(Number(m[2]));
    return n === null ? null : `${m[1]}${n}`;
  };
  const mapRef = (ref: string): string | null => {
    const parts = ref
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => {
        const [a, b] = part.split(":");
        const ma = ADDRESS.exec(a);
        const mb = b ? ADDRESS.exec(b) : ma;
        if (!ma || !mb) return part;
        const span = mapSpan(Number(ma[2]), Number(mb[2]));
        if (!span) return null;
        return b ? `${ma[1]}${span[0]}:${mb[1]}${span[1]}` : `${ma[1]}${span[0]}`;
      })
      .filter((p): p is string => p !== null);
    return parts.length ? parts.join(" ") : null;
  };

  const model = ws.model as unknown as SheetModel;
  // Shared-formula children name their master cell; a child whose master goes keeps its cached value.
  const masters = new Map<string, string | null>();
  for (const row of model.rows)
    for (const cell of row.cells)
      if (cell.formula !== undefined) masters.set(cell.address, mapAddress(cell.address));

  const rows: RowModel[] = [];
  for (const row of model.rows) {
    const n = mapRow(row.number);
    if (n === null) continue;
    const cells = row.cells.map((cell) => {
      const addr = mapAddress(cell.address) as string;
      const out: CellModel = { ...cell, address: addr };
      if (typeof cell.ref === "string" && cell.shareType === "shared") out.ref = mapRef(cell.ref) ?? addr;
      if (cell.sharedFormula) {
        const master = masters.get(cell.sharedFormula);
        if (master) out.sharedFormula = master;
        else {
          delete out.sharedFormula;
          out.type = ExcelJS.ValueType.Null;
          const result = cell.result;
          if (result !== undefined) {
            out.value = result;
            out.type =
              typeof result === "number"
                ? ExcelJS.ValueType.Number
                : typeof result === "string"
                  ? ExcelJS.ValueType.String
                  : typeof result === "boolean"
                    ? ExcelJS.ValueType.Boolean
                    : result instanceof Date
                      ? ExcelJS.ValueType.Date
                      : ExcelJS.ValueType.Null;
            if (out.type === ExcelJS.ValueType.Null) delete out.value;
          }
          delete out.result;
        }
      }
      return out;
    });
    rows.push({ ...row, number: n, cells });
  }

  const merges: string[] = [];
  for (const m of mergeRanges(ws)) {
    const span = mapSpan(m.top + 1, m.bottom + 1);
    if (!span) continue;
    if (span[0] === span[1] && m.left === m.right) continue; // a single cell is no longer a merge
    merges.push(rangeA1({ top: span[0] - 1, left: m.left, bottom: span[1] - 1, right: m.right }));
  }

  const dataValidations: SheetModel["dataValidations"] = {};
  for (const [addr, dv] of Object.entries(model.dataValidations ?? {})) {
    if (!dv) continue;
    const n = mapAddress(addr);
    if (n) dataValidations[n] = dv;
  }

  const conditionalFormattings = (model.conditionalFormattings ?? [])
    .map((cf) => ({ ...cf, ref: mapRef(cf.ref) }))
    .filter((cf): cf is ExcelJS.ConditionalFormattingOptions => cf.ref !== null);

  // The model setter re-merges; clear the old merges first or ExcelJS refuses overlapping ones.
  for (const m of mergeRanges(ws)) ws.unMergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const tables = mapTableModels((model.tables ?? []) as TableModel[], (r) => {
    const span = mapSpan(r.top + 1, r.bottom + 1);
    return span ? { ...r, top: span[0] - 1, bottom: span[1] - 1 } : null;
  });
  ws.model = {
    ...model,
    rows,
    mergeCells: merges,
    dataValidations,
    conditionalFormattings,
    tables,
  } as unknown as ExcelJS.WorksheetModel;
  mapNamesOf(ws.workbook, ws.name, (r) => {
    const span = mapSpan(r.top + 1, r.bottom + 1);
    return span ? { ...r, top: span[0] - 1, bottom: span[1] - 1 } : null;
  });
}

// ---------------------------------------------------------------------------------------------------------
// defined names

/** Each name pointing into `sheet` moved by `f` (null: the name goes, as its cells are gone). */
export function mapNamesOf(wb: ExcelJS.Workbook, sheet: string, f: (r: CellRange) => CellRange | null): void {
  const out = definedNames(wb).flatMap((n) => {
    const ranges = n.ranges.flatMap((text) => {
      const at = splitSheetRef(text);
      if (!at || at.sheet.toLowerCase() !== sheet.toLowerCase()) return [text];
      const r = parseA1(at.ref);
      const moved = r && f(r);
      return moved ? [`${quoteForName(at.sheet)}!${absolute(moved)}`] : [];
    });
    return ranges.length ? [{ ...n, ranges }] : [];
  });
  setDefinedNames(wb, out);
}

export function dropNamesOf(wb: ExcelJS.Workbook, sheet: string): void {
  mapNamesOf(wb, sheet, () => null);
}

/** ExcelJS writes names as given; Excel wants absolute references and a quoted sheet. */
export function quoteForName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

export function absolute(r: CellRange): string {
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  const a = cell(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cell(r.bottom, r.right)}`;
}

// ---------------------------------------------------------------------------------------------------------
// insertColumns

const CELL = /^([A-Z]{1,3})(\d+)$/;

export function insertColumns(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, col: number, count: number): void {
  const moveCol = (c: number) => (c >= col ? c + count : c);
  const moveAddress = (addr: string) => {
    const m = CELL.exec(addr);
    return m ? `${columnLetter(moveCol(columnIndex(m[1])))}${m[2]}` : addr;
  };
  const moveRef = (ref: string) =>
    ref
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => {
        const r = parseA1(part);
        return r ? rangeA1(shiftRangeColumns(r, col, count)).replace(/^(\w+):\1$/, "$1") : part;
      })
      .join(" ");
  const shiftFormula = (f: string, home: string) => shiftFormulaColumns(f, home, ws.name, col, count);

  const model = ws.model as unknown as SheetModel;
  const rows: RowModel[] = model.rows.map((row) => {
    const cells: CellModel[] = row.cells.map((cell) => {
      const out: CellModel = { ...cell, address: moveAddress(cell.address) };
      if (typeof cell.formula === "string") out.formula = shiftFormula(cell.formula, ws.name);
      if (typeof cell.sharedFormula === "string") out.sharedFormula = moveAddress(cell.sharedFormula);
      if (typeof cell.ref === "string") out.ref = moveRef(cell.ref);
      return out;
    });
    // The new cells take the format of the cell on their left, as Excel does.
    const left =
      col > 0 ? row.cells.find((c) => c.address === `${columnLetter(col - 1)}${row.number}`) : undefined;
    if (left?.style && Object.keys(left.style as object).length) {
      for (let k = 0; k < count; k++)
        cells.push({
          address: `${columnLetter(col + k)}${row.number}`,
          type: ExcelJS.ValueType.Null,
          style: structuredClone(left.style),
        });
    }
    cells.sort((a, b) => columnIndex(CELL.exec(a.address)![1]) - columnIndex(CELL.exec(b.address)![1]));
    return { ...row, cells };
  });

  const merges = mergeRanges(ws).map((m) => rangeA1(shiftRangeColumns(m, col, count)));

  // Validations are kept per cell: move them; a new cell gets one where both neighbours share it.
  const dataValidations: SheetModel["dataValidations"] = {};
  for (const [addr, dv] of Object.entries(model.dataValidations ?? {}))
    if (dv) dataValidations[moveAddress(addr)] = dv;
  const rowNumbers = new Set(Object.keys(dataValidations).map((a) => Number(CELL.exec(a)?.[2] ?? 0)));
  for (const r of rowNumbers) {
    if (col === 0) break;
    const left = dataValidations[`${columnLetter(col - 1)}${r}`];
    const right = dataValidations[`${columnLetter(col + count)}${r}`];
    if (left && right && JSON.stringify(left) === JSON.stringify(right))
      for (let k = 0; k < count; k++) dataValidations[`${columnLetter(col + k)}${r}`] = structuredClone(left);
  }

  const conditionalFormattings = (model.conditionalFormattings ?? []).map((cf) => ({
    ...cf,
    ref: moveRef(cf.ref),
    rules: cf.rules.map((rule) => shiftRuleFormulae(rule, (f) => shiftFormula(f, ws.name))),
  }));

  const cols = (model.cols ?? []).flatMap((c) => {
    // 1-based spans of column properties (width, hidden): a span across the insertion point is split.
    const at = col + 1;
    if (c.max < at) return [c];
    if (c.min >= at) return [{ ...c, min: c.min + count, max: c.max + count }];
    return [
      { ...c, max: at - 1 },
      { ...c, min: at + count, max: c.max + count },
    ];
  });

  const tables = structuredClone((model.tables ?? []) as TableModel[]);
  const tableHeaders = moveTableModels(tables, col, count);

  const pageSetup = model.pageSetup as { printArea?: string } | undefined;
  const printArea = pageSetup?.printArea ? moveRef(pageSetup.printArea.replace(/\$/g, "")) : undefined;

  for (const m of mergeRanges(ws)) ws.unMergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.model = {
    ...model,
    rows,
    cols,
    mergeCells: merges,
    dataValidations,
    conditionalFormattings,
    tables,
    pageSetup: pageSetup
      ? { ...pageSetup, ...(printArea ? { printArea: toColonRange(printArea) } : {}) }
      : pageSetup,
  } as unknown as ExcelJS.WorksheetModel;

  writeTableHeaders(ws, tableHeaders);
  mapNamesOf(wb, ws.name, (r) => shiftRangeColumns(r, col, count));
  // Formulas on other sheets that point here follow the cells too.
  for (const other of wb.worksheets) {
    if (other === ws) continue;
    other.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue | null;
        if (cell.type !== ExcelJS.ValueType.Formula || !v || typeof v.formula !== "string") return;
        const shifted = shiftFormula(v.formula, other.name);
        if (shifted !== v.formula) cell.value = { ...v, formula: shifted };
      }),
    );
    for (const cf of conditionalFormats(other))
      cf.rules = cf.rules.map((rule) => shiftRuleFormulae(rule, (f) => shiftFormula(f, other.name)));
  }
}

function shiftRuleFormulae(
  rule: ExcelJS.ConditionalFormattingRule,
  f: (formula: string) => string,
): ExcelJS.ConditionalFormattingRule {
  const formulae = (rule as { formulae?: unknown[] }).formulae;
  if (!formulae) return rule;
  return {
    ...rule,
    formulae: formulae.map((x) => (typeof x === "string" ? f(x) : x)),
  } as ExcelJS.ConditionalFormattingRule;
}

/** ExcelJS writes the print area by splitting at ":"; a single cell needs "A1:A1". */
export function toColonRange(ref: string): string {
  return ref.includes(":") ? ref : `${ref}:${ref}`;
}
