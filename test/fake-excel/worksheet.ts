/** The fake's Worksheet and its protection (Pick of the real @types/office-js types; rules in ./context.ts). */
import { unknownProperty } from "./cells";
import type { FakeExcel } from "./context";
import { FakeOfficeError } from "./errors";
import { FakeAutoFilter, FakeChartCollection, FakeFreezePanes, FakePageLayout } from "./features";
import { FakeProxy, propertyList, type LoadArg } from "./proxy";
import { FakeRange } from "./range";
import { FakeTableCollection } from "./tables";
import { checkSheetName } from "./workbook";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  type FakeSheetState,
  type FakeVisibility,
  type FakeWorkbookState,
} from "./world";

export function worksheetProperty(world: FakeExcel, s: FakeSheetState, p: string): unknown {
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
      | "tables"
    >
{
  get tables(): Excel.TableCollection {
    return new FakeTableCollection(this.ctx, () => this.target()) as unknown as Excel.TableCollection;
  }
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
