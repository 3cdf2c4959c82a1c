/**
 * The fake's range format, data validation and conditional formats (Pick of the real @types/office-js types;
 * rules in ./context.ts).
 */
import { checkWritable, unknownProperty, type RangeTarget } from "./cells";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, accessDenied, propertyNotLoaded } from "./errors";
import { FakeFormatProtection, FakeRangeBorders, FakeRangeFont } from "./features";
import { FakeProxy, propertyList, type LoadArg } from "./proxy";
import type { FakeRange } from "./range";
import { intersects, type FakeConditionalFormatState, type FakeSheetState } from "./world";

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
