import type { MessageKey } from "../../i18n";

/** A pane's success message, kept as a key, not text, so it follows a language switch. */
export interface Notice {
  key: MessageKey;
  params?: Record<string, number | string>;
}

/** A pane command runner (useCommand's run): one command at a time, errors shown in Russian. */
export type Run = (command: () => Promise<void>) => Promise<void>;
