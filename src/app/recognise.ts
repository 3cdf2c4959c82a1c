/** «Распознать таблицу»: every roadmap table of the workbook, with the user's stored corrections applied. */
import type { WorkbookHost } from "../domain/host";
import type { WorkbookGrid } from "../domain/grid";
import type { RoadmapTable } from "../domain/model";
import { recognizeWorkbook, type Notice, type TableOverride } from "../domain/recognition";
import { loadSettings, tableOverrides, type WorkbookSettings } from "./settings";

export interface Recognised {
  workbook: WorkbookGrid;
  tables: RoadmapTable[];
  notices: Notice[];
  overrides: TableOverride[];
  settings: WorkbookSettings;
}

export async function recognise(host: WorkbookHost): Promise<Recognised> {
  // Two reads, overlapped: in Excel on the web each waits for a round trip.
  const [settings, workbook] = await Promise.all([loadSettings(host), host.readWorkbook()]);
  const overrides = tableOverrides(settings);
  const { tables, notices } = recognizeWorkbook(workbook, { overrides });
  return { workbook, tables, notices, overrides, settings };
}
