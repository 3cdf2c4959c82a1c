/**
 * Edits the user makes in Excel, reported to the task pane so its findings are re-checked before they can
 * point at a moved cell. Worksheet.onChanged and WorksheetCollection.onAdded need ExcelApi 1.7 (Excel 2019),
 * checked at run time; without them the pane re-checks when the user comes back to it (see App.tsx).
 * The add-in's own settings sheet is not watched: remembering a dismissed finding is no edit of the roadmap.
 */
import { SETTINGS_SHEET } from "../domain/workbook-format/settings-format";
import { officeIsSetSupported, type IsSetSupported } from "./requirements";

export type ExcelRunLike = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ChangeWatch {
  /** False when this Excel cannot report edits (older than Excel 2019). */
  supported: boolean;
  stop(): Promise<void>;
}

const defaultRun: ExcelRunLike = (batch) => Excel.run(batch);

/** Watches a sheet the user added; null for the add-in's own settings sheet. Two syncs. */
async function watchAdded(
  context: Excel.RequestContext,
  id: string,
  onChanged: () => Promise<void>,
): Promise<OfficeExtension.EventHandlerResult<unknown> | null> {
  const sheet = context.workbook.worksheets.getItem(id);
  sheet.load("name");
  await context.sync();
  if (sheet.name === SETTINGS_SHEET) return null;
  const handler = sheet.onChanged.add(onChanged);
  await context.sync();
  return handler;
}

/** Two context.sync() calls to start, whatever the number of sheets; one more per sheet added later. */
export async function watchWorkbookChanges(
  listener: () => void,
  run: ExcelRunLike = defaultRun,
  isSetSupported: IsSetSupported = officeIsSetSupported,
): Promise<ChangeWatch> {
  if (!isSetSupported("ExcelApi", "1.7")) return { supported: false, stop: async () => undefined };
  const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  const onChanged = async () => listener();
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const sheet of sheets.items)
      if (sheet.name !== SETTINGS_SHEET) handlers.push(sheet.onChanged.add(onChanged));
    handlers.push(
      sheets.onAdded.add(async (e) => {
        const handler = await run((ctx) => watchAdded(ctx, e.worksheetId, onChanged));
        if (!handler) return;
        handlers.push(handler);
        listener();
      }),
    );
    await context.sync();
  });
  return {
    supported: true,
    stop: async () => {
      const all = handlers.splice(0);
      if (!all.length) return;
      for (const h of all) h.remove();
      await all[0].context.sync();
    },
  };
}
