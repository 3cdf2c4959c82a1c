/**
 * The fake's objects for the EditOps beyond values (fonts, borders, cell protection, panes, page layout, charts,
 * names), each a Pick of the real @types/office-js type. Same rules as ./context.ts: setters and methods queue a
 * command that runs at sync; members above the simulated ExcelApi fail there with ApiNotFound.
 */
import type { CellRange } from "../../src/domain/grid";
import { a1 } from "../../src/domain/grid";
import { FakeOfficeError, accessDenied, propertyNotLoaded } from "./errors";
import { checkWritable } from "./cells";
import type { FakeRequestContext } from "./context";
import type { FakeRange } from "./range";
import { FakeProxy as FakeProxyBase, propertyListOf } from "./proxy";
import { parseAddress, type FakeCell, type FakeSheetState, type FakeWorkbookState } from "./world";

function eachCell(range: FakeRange, member: string, f: (cell: FakeCell, r: number, c: number) => void): void {
  const t = range.requireTarget(member);
  checkWritable(t);
  for (let i = t.rect.top; i <= t.rect.bottom; i++)
    for (let j = t.rect.left; j <= t.rect.right; j++) f(t.sheet.cellForWrite(i, j), i, j);
}

export class FakeRangeFont implements Pick<Excel.RangeFont, "bold" | "color"> {
  constructor(private readonly range: FakeRange) {}
  get bold(): boolean {
    throw propertyNotLoaded("bold");
  }
  set bold(v: boolean) {
    this.range.ctx.command({ bold: v }, () => eachCell(this.range, "RangeFont.bold", (c) => (c.bold = v)));
  }
  get color(): string {
    throw propertyNotLoaded("color");
  }
  set color(v: string) {
    this.range.ctx.command({ color: v }, () =>
      eachCell(this.range, "RangeFont.color", (c) => (c.fontColor = v)),
    );
  }
}

export class FakeFormatProtection implements Pick<Excel.FormatProtection, "locked"> {
  constructor(private readonly range: FakeRange) {}
  get locked(): boolean {
    throw propertyNotLoaded("locked");
  }
  set locked(v: boolean) {
    this.range.ctx.command({ locked: v }, () => {
      this.range.world.requireApi("1.2", "FormatProtection.locked");
      eachCell(this.range, "FormatProtection.locked", (c) => (c.locked = v));
    });
  }
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";
const EDGES: string[] = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
];

export class FakeRangeBorders implements Pick<Excel.RangeBorderCollection, "getItem"> {
  constructor(private readonly range: FakeRange) {}
  getItem(index: Excel.BorderIndex | string): Excel.RangeBorder {
    const range = this.range;
    const edge = String(index);
    if (!EDGES.includes(edge))
      throw new FakeOfficeError("InvalidArgument", `The fake has no border ${edge}.`);
    const border: Pick<Excel.RangeBorder, "style"> = {
      get style(): Excel.BorderLineStyle {
        throw propertyNotLoaded("style");
      },
      set style(style: Excel.BorderLineStyle | string) {
        range.ctx.command({ edge, style }, () => {
          const t = range.requireTarget("RangeBorder.style");
          const on = String(style) !== "None";
          eachCell(range, "RangeBorder.style", (c, r, col) => {
            const b = (c.borders ??= {});
            const set = (side: "top" | "bottom" | "left" | "right") => (b[side] = on);
            const e = edge as Edge;
            if (e === "EdgeTop" && r === t.rect.top) set("top");
            if (e === "EdgeBottom" && r === t.rect.bottom) set("bottom");
            if (e === "EdgeLeft" && col === t.rect.left) set("left");
            if (e === "EdgeRight" && col === t.rect.right) set("right");
            if (e === "InsideHorizontal") {
              if (r > t.rect.top) set("top");
              if (r < t.rect.bottom) set("bottom");
            }
            if (e === "InsideVertical") {
              if (col > t.rect.left) set("left");
              if (col < t.rect.right) set("right");
            }
          });
        });
      },
    };
    return border as unknown as Excel.RangeBorder;
  }
}

// ---------------------------------------------------------------- worksheet features

function sheetTarget(
  ctx: FakeRequestContext,
  resolve: () => FakeSheetState | null,
  member: string,
): FakeSheetState {
  const s = resolve();
  if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", member);
  void ctx;
  return s;
}

export class FakeFreezePanes implements Pick<
  Excel.WorksheetFreezePanes,
  "freezeAt" | "freezeRows" | "freezeColumns" | "unfreeze"
> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheetState | null,
  ) {}
  private set(member: string, f: (s: FakeSheetState) => void, args: unknown): void {
    this.ctx.command(args, () => {
      this.ctx.world.requireApi("1.7", `WorksheetFreezePanes.${member}`);
      f(sheetTarget(this.ctx, this.sheet, member));
    });
  }
  freezeAt(range: Excel.Range | string): void {
    const address = typeof range === "string" ? range : null;
    if (address === null) throw new FakeOfficeError("InvalidArgument", "The fake takes an address.");
    this.set(
      "freezeAt",
      (s) => {
        const r = parseAddress(address);
        if (!r) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
        s.freeze = { rows: r.bottom + 1, cols: r.right + 1 };
      },
      { freezeAt: address },
    );
  }
  freezeRows(count?: number): void {
    this.set("freezeRows", (s) => (s.freeze = { rows: count ?? 1, cols: 0 }), { freezeRows: count });
  }
  freezeColumns(count?: number): void {
    this.set("freezeColumns", (s) => (s.freeze = { rows: 0, cols: count ?? 1 }), { freezeColumns: count });
  }
  unfreeze(): void {
    this.set("unfreeze", (s) => (s.freeze = null), { unfreeze: true });
  }
}

export class FakePageLayout implements Pick<
  Excel.PageLayout,
  "orientation" | "paperSize" | "zoom" | "setPrintArea" | "setPrintTitleRows"
> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheetState | null,
  ) {}
  private update(
    member: string,
    args: unknown,
    f: (layout: NonNullable<FakeSheetState["pageLayout"]>) => void,
  ): void {
    this.ctx.command(args, () => {
      this.ctx.world.requireApi("1.9", `PageLayout.${member}`);
      const s = sheetTarget(this.ctx, this.sheet, member);
      s.pageLayout ??= {
        orientation: "Portrait",
        paperSize: "Letter",
        zoom: { scale: 100 },
        printArea: null,
        printTitleRows: null,
      };
      f(s.pageLayout);
    });
  }
  get orientation(): Excel.PageOrientation {
    throw propertyNotLoaded("orientation");
  }
  set orientation(v: Excel.PageOrientation | "Portrait" | "Landscape") {
    this.update("orientation", { orientation: v }, (l) => (l.orientation = String(v)));
  }
  get paperSize(): Excel.PaperType {
    throw propertyNotLoaded("paperSize");
  }
  set paperSize(v: Excel.PaperType | string) {
    this.update("paperSize", { paperSize: v }, (l) => (l.paperSize = String(v)));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    throw propertyNotLoaded("zoom");
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.update("zoom", { zoom: v }, (l) => (l.zoom = { ...v }));
  }
  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    const address = String(printArea);
    this.update("setPrintArea", { setPrintArea: address }, (l) => {
      const r = parseAddress(address);
      if (!r) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
      l.printArea = r;
    });
  }
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    const address = String(printTitleRows);
    this.update("setPrintTitleRows", { setPrintTitleRows: address }, (l) => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(address);
      if (!m) throw new FakeOfficeError("InvalidArgument", `bad rows ${address}`);
      l.printTitleRows = { top: Number(m[1]) - 1, bottom: Number(m[2]) - 1 };
    });
  }
}

export class FakeChartCollection implements Pick<Excel.ChartCollection, "add"> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheetState | null,
  ) {}
  add(
    type: Excel.ChartType | string,
    sourceData: Excel.Range,
    seriesBy: Excel.ChartSeriesBy | string = "Auto",
  ): Excel.Chart {
    const source = sourceData as unknown as FakeRange;
    const chart = {
      type: String(type),
      seriesBy: String(seriesBy),
      data: { top: 0, left: 0, bottom: 0, right: 0 } as CellRange,
      title: "",
      from: "",
      to: "",
    };
    let added = false;
    this.ctx.command({ addChart: type }, () => {
      const s = sheetTarget(this.ctx, this.sheet, "ChartCollection.add");
      if (s.protected) throw accessDenied(s.name);
      chart.data = { ...source.requireTarget("ChartCollection.add(sourceData)").rect };
      s.charts.push(chart);
      added = true;
    });
    const ctx = this.ctx;
    const onChart = (member: string, f: () => void) =>
      ctx.command({ member }, () => {
        if (!added) throw new FakeOfficeError("ItemNotFound", "The chart was not added.", member);
        f();
      });
    const proxy: Pick<Excel.Chart, "title" | "setPosition"> = {
      get title(): Excel.ChartTitle {
        const title: Pick<Excel.ChartTitle, "text"> = {
          get text(): string {
            throw propertyNotLoaded("text");
          },
          set text(v: string) {
            onChart("ChartTitle.text", () => (chart.title = v));
          },
        };
        return title as unknown as Excel.ChartTitle;
      },
      setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
        onChart("Chart.setPosition", () => {
          chart.from = String(startCell);
          chart.to = String(endCell ?? startCell);
        });
      },
    };
    return proxy as unknown as Excel.Chart;
  }
}

// ---------------------------------------------------------------- names

interface NameTarget {
  wb: FakeWorkbookState;
  name: FakeWorkbookState["names"][number];
}

function nameValue(wb: FakeWorkbookState, n: NameTarget["name"]): string {
  const sheet = wb.sheets.find((s) => s.uid === n.sheetUid);
  if (!sheet) return "#REF!";
  const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet.name)
    ? sheet.name
    : `'${sheet.name.replace(/'/g, "''")}'`;
  const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const r = n.rect;
  return `${quoted}!${abs(r.top, r.left)}${r.top === r.bottom && r.left === r.right ? "" : `:${abs(r.bottom, r.right)}`}`;
}

export class FakeNamedItem
  extends FakeProxyBase<NameTarget>
  implements Pick<Excel.NamedItem, "name" | "value" | "delete" | "load">
{
  protected snapshot(t: NameTarget, p: string): unknown {
    if (p === "name") return t.name.name;
    if (p === "value") return nameValue(t.wb, t.name);
    throw new FakeOfficeError("InvalidArgument", `The property '${p}' does not exist on NamedItem.`);
  }
  load(arg?: unknown): Excel.NamedItem {
    this.loadProps(propertyListOf(arg));
    return this as unknown as Excel.NamedItem;
  }
  get name(): string {
    return this.read("name");
  }
  get value(): string {
    return this.read("value");
  }
  delete(): void {
    this.ctx.command({ delete: true }, () => {
      this.world.requireApi("1.4", "NamedItem.delete");
      const t = this.requireTarget("NamedItem.delete");
      t.wb.names = t.wb.names.filter((n) => n !== t.name);
    });
  }
}

export class FakeNamedItemCollection
  extends FakeProxyBase<FakeWorkbookState>
  implements Pick<Excel.NamedItemCollection, "add" | "getItem" | "items" | "load">
{
  private loadedItems: FakeNamedItem[] | null = null;
  protected snapshot(): unknown {
    return null;
  }
  get items(): Excel.NamedItem[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems as unknown as Excel.NamedItem[];
  }
  load(arg?: unknown): Excel.NamedItemCollection {
    this.loadItems(
      arg,
      () => this.world.workbook.names.map((name) => ({ wb: this.world.workbook, name })),
      (t, p) => (p === "name" ? t.name.name : p === "value" ? nameValue(t.wb, t.name) : null),
      (t) => new FakeNamedItem(this.ctx, () => t, false),
      (proxies) => (this.loadedItems = proxies),
    );
    return this as unknown as Excel.NamedItemCollection;
  }
  getItem(name: string): Excel.NamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => {
        const wb = this.world.workbook;
        const n = wb.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
        return n ? { wb, name: n } : null;
      },
      false,
    ) as unknown as Excel.NamedItem;
  }
  add(name: string, reference: Excel.Range | string): Excel.NamedItem {
    const range = reference as unknown as FakeRange;
    this.ctx.command({ add: name }, () => {
      this.world.requireApi("1.4", "NamedItemCollection.add");
      const wb = this.world.workbook;
      if (wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `The name '${name}' already exists.`);
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new FakeOfficeError("InvalidArgument", `The name '${name}' is not valid.`);
      const t = range.requireTarget("NamedItemCollection.add(reference)");
      wb.names.push({ name, sheetUid: t.sheet.uid, rect: { ...t.rect } });
    });
    return this.getItem(name);
  }
}

export class FakeAutoFilter implements Pick<Excel.AutoFilter, "apply"> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheetState | null,
  ) {}
  apply(range: Excel.Range | string): void {
    const address = typeof range === "string" ? range : null;
    if (address === null) throw new FakeOfficeError("InvalidArgument", "The fake takes an address.");
    this.ctx.command({ autoFilter: address }, () => {
      this.ctx.world.requireApi("1.9", "AutoFilter.apply");
      const s = sheetTarget(this.ctx, this.sheet, "AutoFilter.apply");
      if (s.protected) throw accessDenied(s.name);
      const r = parseAddress(address);
      if (!r) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
      s.autoFilter = r;
    });
  }
}
