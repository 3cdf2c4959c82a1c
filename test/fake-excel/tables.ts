/**
 * The fake's Excel Tables (ListObjects): TableCollection, Table, TableColumnCollection, TableColumn, each a Pick of
 * the real @types/office-js type; rules as in ./context.ts. Strict where it matters to the adapter:
 * `columns.add` appends only with ExcelApi 1.4 (index null/undefined, and the name argument), and refuses when the
 * cells right of the table are not empty (the fake does not guess how Excel would shift them).
 */
import { rangeAddress, unknownProperty } from "./cells";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, accessDenied, propertyNotLoaded } from "./errors";
import { FakeProxy, propertyList, type LoadArg } from "./proxy";
import { FakeRange } from "./range";
import type { FakeSheetState, FakeTableState } from "./world";

interface TableTarget {
  sheet: FakeSheetState;
  table: FakeTableState;
}

function tableProperty(t: TableTarget, p: string): unknown {
  switch (p) {
    case "name":
      return t.table.name;
    case "id":
      return `{TABLE-${t.table.id}}`;
    case "showHeaders":
      return t.table.showHeaders;
    case "showTotals":
      return t.table.showTotals;
    case "worksheet/name":
      return t.sheet.name;
    default:
      throw unknownProperty("Table", p);
  }
}

export class FakeTableCollection
  extends FakeProxy<TableTarget[]>
  implements Pick<Excel.TableCollection, "items" | "load" | "getItem">
{
  private loadedItems: FakeTable[] | null = null;

  /** `sheet` null: the workbook's collection; else the tables of that sheet. */
  constructor(ctx: FakeRequestContext, sheet: (() => FakeSheetState | null) | null) {
    super(
      ctx,
      () => {
        if (!sheet) return ctx.world.workbook.allTables();
        const s = sheet();
        return s ? s.tables.map((table) => ({ sheet: s, table })) : null;
      },
      false,
    );
  }

  protected snapshot(_t: TableTarget[], p: string): unknown {
    throw unknownProperty("TableCollection", p);
  }

  get items(): Excel.Table[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems as unknown as Excel.Table[];
  }

  load(arg?: LoadArg): Excel.TableCollection {
    this.loadItems(
      arg,
      () => this.requireTarget("TableCollection.load"),
      (t, p) => {
        if (p === "worksheet/name") this.world.requireApi("1.2", "Table.worksheet");
        return tableProperty(t, p);
      },
      (t) => new FakeTable(this.ctx, () => t),
      (proxies) => (this.loadedItems = proxies),
    );
    return this as unknown as Excel.TableCollection;
  }

  getItem(key: string): Excel.Table {
    return new FakeTable(this.ctx, () => {
      const found = this.ctx.world.workbook.findTable(key);
      const mine = this.target();
      return found && mine?.some((t) => t.table === found.table) ? found : null;
    }) as unknown as Excel.Table;
  }
}

export class FakeTable
  extends FakeProxy<TableTarget>
  implements
    Pick<Excel.Table, "name" | "showHeaders" | "showTotals" | "load" | "getRange" | "columns" | "worksheet">
{
  constructor(ctx: FakeRequestContext, resolver: () => TableTarget | null) {
    super(ctx, resolver, false);
  }
  protected snapshot(t: TableTarget, p: string): unknown {
    return tableProperty(t, p);
  }
  load(arg?: LoadArg): Excel.Table {
    this.loadProps(propertyList(arg));
    return this as unknown as Excel.Table;
  }
  get name(): string {
    return this.read("name");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  /** Only its name is readable, and only as loaded with the table ("items/worksheet/name"). */
  get worksheet(): Excel.Worksheet {
    const name = this.read<string>("worksheet/name");
    return { name } as unknown as Excel.Worksheet;
  }
  getRange(): Excel.Range {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.target();
        return t ? { sheet: t.sheet, rect: { ...t.table.range } } : null;
      },
      false,
    ) as unknown as Excel.Range;
  }
  get columns(): Excel.TableColumnCollection {
    return new FakeTableColumnCollection(this) as unknown as Excel.TableColumnCollection;
  }
}

export class FakeTableColumnCollection
  extends FakeProxy<TableTarget>
  implements Pick<Excel.TableColumnCollection, "items" | "load" | "add">
{
  private loadedItems: FakeTableColumn[] | null = null;
  private readonly owner: FakeTable;

  constructor(owner: FakeTable) {
    super(owner.ctx, () => owner.target(), false);
    this.owner = owner;
  }
  protected snapshot(): unknown {
    return null;
  }
  get items(): Excel.TableColumn[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems as unknown as Excel.TableColumn[];
  }
  load(arg?: LoadArg): Excel.TableColumnCollection {
    this.loadItems(
      arg,
      () => {
        const t = this.owner.requireTarget("TableColumnCollection.load");
        return t.table.columns.map((name, index) => ({ name, index }));
      },
      (c, p) => {
        if (p === "name") return c.name;
        if (p === "index") return c.index;
        throw unknownProperty("TableColumn", p);
      },
      (c) => new FakeTableColumn(this.ctx, () => c),
      (proxies) => (this.loadedItems = proxies),
    );
    return this as unknown as Excel.TableColumnCollection;
  }

  add(
    index?: number,
    values?: Array<Array<boolean | string | number>> | boolean | string | number,
    name?: string,
  ): Excel.TableColumn {
    this.ctx.command({ index: index ?? null, values: values ?? null, name: name ?? null }, () => {
      const t = this.owner.requireTarget("TableColumnCollection.add");
      const width = t.table.columns.length;
      if (index === undefined || index === null || index === -1 || index === width)
        this.world.requireApi("1.4", "TableColumnCollection.add(index null)");
      else throw new FakeOfficeError("InvalidArgument", "The fake only appends table columns.");
      if (name !== undefined) this.world.requireApi("1.4", "TableColumnCollection.add(name)");
      if (values !== undefined && values !== null)
        throw new FakeOfficeError("InvalidArgument", "The fake adds columns by name only.");
      if (t.sheet.protected) throw accessDenied(t.sheet.name);
      const r = t.table.range;
      const col = r.right + 1;
      for (let row = r.top; row <= r.bottom; row++)
        if ((t.sheet.cell(row, col)?.value ?? "") !== "")
          throw new FakeOfficeError(
            "InvalidOperation",
            `The cells right of the table are not empty (${rangeAddress(t.sheet, { ...r, left: col, right: col })}).`,
          );
      const taken = new Set(t.table.columns.map((c) => c.toLowerCase()));
      let columnName = name;
      if (columnName === undefined || taken.has(columnName.toLowerCase())) {
        let n = 1;
        while (taken.has(`столбец${n}`)) n++;
        columnName = `Столбец${n}`;
      }
      t.table.columns.push(columnName);
      t.table.range = { ...r, right: col };
      if (t.table.showHeaders) {
        const cell = t.sheet.cellForWrite(r.top, col);
        delete cell.formula;
        cell.value = columnName;
      }
    });
    return new FakeTableColumn(this.ctx, () => null) as unknown as Excel.TableColumn;
  }
}

export class FakeTableColumn
  extends FakeProxy<{ name: string; index: number }>
  implements Pick<Excel.TableColumn, "name" | "index" | "load">
{
  constructor(ctx: FakeRequestContext, resolver: () => { name: string; index: number } | null) {
    super(ctx, resolver, false);
  }
  protected snapshot(t: { name: string; index: number }, p: string): unknown {
    if (p === "name") return t.name;
    if (p === "index") return t.index;
    throw unknownProperty("TableColumn", p);
  }
  load(arg?: LoadArg): Excel.TableColumn {
    this.loadProps(propertyList(arg));
    return this as unknown as Excel.TableColumn;
  }
  get name(): string {
    return this.read("name");
  }
  get index(): number {
    return this.read("index");
  }
}
