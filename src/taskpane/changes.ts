/**
 * How the task pane learns that the workbook changed, so what it shows (findings, table cards) is re-read
 * before it can point at a moved cell. Two sources: the pane's own writes (every `apply`), and the host's
 * change notification when it has one (Excel's worksheet onChanged, the preview's "changed" event).
 */
import type { WorkbookHost } from "../domain/host";

/** Subscribes to changes made outside the pane's own commands; returns the unsubscribe. */
export type ChangeSource = (listener: () => void) => () => void;

/**
 * The same host, reporting each `apply` (a finished or failed batch may both have changed the sheet).
 * A Proxy rather than a wrapper class: every other method, present or added later, passes through as is.
 */
export function reportingWrites(host: WorkbookHost, onWrite: () => void): WorkbookHost {
  return new Proxy(host, {
    get(target, prop) {
      if (prop === "apply")
        return async (plan: Parameters<WorkbookHost["apply"]>[0]) => {
          try {
            return await target.apply(plan);
          } finally {
            onWrite();
          }
        };
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
