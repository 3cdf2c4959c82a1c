import { loadSettings, tableOverrides, updateSettings } from "../../../app/settings";
import type { TableOverride } from "../../../domain/recognition";
import { usePane } from "../../context";
import type { Notice, Run } from "./notice";

/** Read-modify-write of the stored overrides, then a fresh recognition so the cards show the result. */
export function useSaveOverrides(run: Run, onSaved: (notice: Notice) => void) {
  const { host, recognize } = usePane();
  return (update: (stored: TableOverride[]) => TableOverride[], notice: Notice["key"]) =>
    run(async () => {
      const stored = tableOverrides(await loadSettings(host));
      await updateSettings(host, { overrides: update(stored) });
      await recognize();
      onSaved({ key: notice });
    });
}
