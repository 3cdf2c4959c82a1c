/** The fake's Workbook and its WorksheetCollection (Pick of the real @types/office-js types; rules in ./context.ts). */
import { FakeOfficeError, propertyNotLoaded } from "./errors";
import type { FakeRequestContext } from "./context";
import { FakeNamedItemCollection } from "./features";
import { FakeProxy, type LoadArg } from "./proxy";
import { FakeTableCollection } from "./tables";
import { FakeWorksheet, worksheetProperty } from "./worksheet";
import type { FakeSheetState, FakeWorkbookState } from "./world";

export class FakeWorkbook implements Pick<Excel.Workbook, "worksheets" | "names" | "tables"> {
  private readonly ctx: FakeRequestContext;
  private readonly sheets: FakeWorksheetCollection;
  constructor(ctx: FakeRequestContext) {
    this.ctx = ctx;
    this.sheets = new FakeWorksheetCollection(ctx);
  }
  get worksheets(): Excel.WorksheetCollection {
    return this.sheets as unknown as Excel.WorksheetCollection;
  }
  get tables(): Excel.TableCollection {
    return new FakeTableCollection(this.ctx, null) as unknown as Excel.TableCollection;
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

export function checkSheetName(wb: FakeWorkbookState, name: string): void {
  if (!name.trim() || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `The sheet name '${name}' is not valid.`);
  }
  if (wb.findSheet(name))
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
}
