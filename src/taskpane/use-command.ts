import { useCallback, useRef, useState } from "react";
import type { Translate } from "./i18n";
import { userMessage } from "./logic/errors";

/** Runs one command at a time for a pane: a busy flag for the Spinner, a Russian error for the MessageBar. */
export function useCommand(t: Translate) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (command: () => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await command();
      } catch (e) {
        console.error(e); // the stack stays in the console for support; the user gets a sentence
        setError(userMessage(e, t));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, setError, run };
}
