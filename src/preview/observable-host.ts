/**
 * The preview's WorkbookHost: delegates to the .xlsx host and tells the grid view what the task pane did
 * (a plan applied, a cell selected, cells highlighted), as Excel would show it.
 */
import type { EditPlan } from "../domain/edit-plan";
import type { SheetGrid, WorkbookGrid } from "../domain/grid";
import type { ApplyOutcome, SheetInfo, WorkbookHost } from "../domain/host";

export interface CellRef {
  sheet: string;
  address: string;
}

export type PreviewEvent =
  /** `failed`: the batch was refused or broke off (it may still have changed something). */
  | { kind: "changed"; failed?: boolean }
  | { kind: "selected"; sheet: string; address: string }
  | { kind: "highlighted"; cells: CellRef[] };

export class ObservableHost implements WorkbookHost {
  private readonly listeners = new Set<(e: PreviewEvent) => void>();
  private highlights: CellRef[] = [];
  /** The sheet the grid view shows: what «active sheet» means in the preview. */
  activeSheet: string | null = null;
  private selection: CellRef | null = null;
  /** Something was written (cells or settings) since the file was opened or last downloaded. */
  private unsaved = false;

  constructor(private readonly inner: WorkbookHost) {}

  get name(): string {
    return this.inner.name;
  }

  subscribe(listener: (e: PreviewEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: PreviewEvent): void {
    for (const l of this.listeners) l(e);
  }

  get highlighted(): readonly CellRef[] {
    return this.highlights;
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.inner.listSheets();
  }

  readSheet(name: string): Promise<SheetGrid> {
    return this.inner.readSheet(name);
  }

  readWorkbook(): Promise<WorkbookGrid> {
    return this.inner.readWorkbook();
  }

  async activeSheetName(): Promise<string> {
    return this.activeSheet ?? this.inner.activeSheetName();
  }

  get hasUnsavedChanges(): boolean {
    return this.unsaved;
  }

  /** The file was downloaded: what is in the page is saved. */
  markSaved(): void {
    this.unsaved = false;
  }

  async apply(plan: EditPlan): Promise<ApplyOutcome | void> {
    this.unsaved = true;
    let failed = true;
    try {
      const outcome = await this.inner.apply(plan);
      failed = false;
      return outcome;
    } finally {
      // Even a failed batch may have changed something: the view re-reads either way.
      this.emit(failed ? { kind: "changed", failed } : { kind: "changed" });
    }
  }

  async select(sheet: string, address: string): Promise<void> {
    await this.inner.select(sheet, address);
    this.userSelect(sheet, address);
  }

  /** The user clicked (or shift-clicked) cells in the grid view: Excel's selection. */
  userSelect(sheet: string, address: string): void {
    this.activeSheet = sheet;
    this.selection = { sheet, address };
    this.emit({ kind: "selected", sheet, address });
  }

  async selectedRange(): Promise<CellRef | null> {
    return this.selection;
  }

  getSetting<T>(key: string): Promise<T | null> {
    return this.inner.getSetting<T>(key);
  }

  readSettings(): Promise<Record<string, unknown>> {
    return this.inner.readSettings();
  }

  setSetting<T>(key: string, value: T): Promise<void> {
    this.unsaved = true;
    return this.inner.setSetting<T>(key, value);
  }

  /** As in both adapters, new highlights replace the previous ones. */
  async highlight(cells: CellRef[]): Promise<void> {
    await this.inner.highlight(cells);
    this.highlights = [...new Map(cells.map((c) => [`${c.sheet}!${c.address}`, c])).values()];
    this.emit({ kind: "highlighted", cells: [...this.highlights] });
  }

  async clearHighlights(): Promise<void> {
    await this.inner.clearHighlights();
    this.highlights = [];
    this.emit({ kind: "highlighted", cells: [] });
  }
}
