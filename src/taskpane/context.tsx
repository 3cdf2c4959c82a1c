/** What every pane shares: the host, the language, and the latest recognition of the workbook. */
import { createContext, useContext } from "react";
import type { WorkbookHost } from "../domain/host";
import type { WorkbookGrid } from "../domain/grid";
import type { RoadmapTable } from "../domain/model";
import type { TableOverride } from "../domain/recognition";
import type { Language, Translate } from "./i18n";

export interface Recognition {
  workbook: WorkbookGrid;
  tables: RoadmapTable[];
  notices: { sheet: string; message: string }[];
  overrides: TableOverride[];
}

export interface PaneContext {
  host: WorkbookHost;
  t: Translate;
  lang: Language;
  /** The last recognition (null before the first). */
  recognition: Recognition | null;
  /** Reads the workbook afresh and recognises it with the stored overrides; updates `recognition`. */
  recognize: () => Promise<Recognition>;
}

export const PaneCtx = createContext<PaneContext | null>(null);

export function usePane(): PaneContext {
  const ctx = useContext(PaneCtx);
  if (!ctx) throw new Error("usePane outside the task pane");
  return ctx;
}
