/** What every pane shares: the host, the language, and the latest recognition of the workbook. */
import { createContext, useContext } from "react";
import type { WorkbookHost } from "../domain/host";
import type { Recognised } from "../app/recognise";
import type { Language, Translate } from "./i18n";

export interface Recognition extends Recognised {
  /** The workbook revision this was read at (see PaneContext.revision). */
  revision: number;
}

export interface PaneContext {
  host: WorkbookHost;
  t: Translate;
  lang: Language;
  /** The last recognition (null before the first). */
  recognition: Recognition | null;
  /** Reads the workbook afresh and recognises it with the stored overrides; updates `recognition`. */
  recognize: () => Promise<Recognition>;
  /** Grows with every change of the workbook (the pane's own writes and the user's edits). */
  revision: number;
  /** The tab the user sees: a pane re-reads a changed workbook when it is shown, not behind the user's back. */
  activeTab: TabId;
}

export type TabId = "recognize" | "validate" | "people" | "monitoring" | "control" | "consolidate";

export const PaneCtx = createContext<PaneContext | null>(null);

export function usePane(): PaneContext {
  const ctx = useContext(PaneCtx);
  if (!ctx) throw new Error("usePane outside the task pane");
  return ctx;
}
