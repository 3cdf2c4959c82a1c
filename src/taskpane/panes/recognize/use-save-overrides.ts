import type { TableOverride } from "../../../domain/recognition";
import { usePane } from "../../context";
import { readOverrides } from "../../logic/tables";
import type { Notice, Run } from "./notice";

/** Read-modify-write of the "overrides" setting, then a fresh recognition so the cards show the result. */
export function useSaveOverrides(run: Run, onSaved: (notice: Notice) => void) {
  const { host, recognize } = usePane();
  return (update: (stored: TableOverride[]) => TableOverride[], notice: Notice["key"]) =>
    run(async () => {
      const stored = readOverrides(await host.getSetting<unknown>("overrides"));
      await host.setSetting("overrides", update(stored));
      await recognize();
      onSaved({ key: notice });
    });
}
