/** The fake's Range and its collections (Pick of the real @types/office-js types; rules in ./context.ts). */
import type { CellRange } from "../../src/domain/grid";
import {
  cellArgument,
  cellText,
  checkWritable,
  gridOf,
  hiddenState,
  rangeAddress,
  unknownProperty,
  writeCellValue,
  type RangeTarget,
} from "./cells";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, propertyNotLoaded } from "./errors";
import { FakeConditionalFormatCollection, FakeDataValidation, FakeRangeFormat } from "./formats";
import { FakeProxy, propertyList, type LoadArg } from "./proxy";
import { insertShiftRight } from "./shift";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellCount,
  contains,
  intersects,
  type FakeCell,
  type FakeConditionalFormatState,
  type FakeSheetState,
  type FakeWorkbookState,
} from "./world";

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
  // A table keeps its remaining rows (same object: proxies keep pointing at it), gone with the last of them.
  sheet.tables = sheet.tables.filter((t) => {
    const r = shift(t.range);
    if (r) t.range = r;
    return r !== null;
  });
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
