/** taskpane.html: in Excel, the task pane over the open workbook; elsewhere, a pointer to the preview. */
import { createRoot } from "react-dom/client";
import { watchWorkbookChanges } from "../excel/changes";
import { ExcelWorkbookHost } from "../excel/host";
import { officeIsSetSupported } from "../excel/requirements";
import { TaskPane } from "./App";
import type { ChangeSource } from "./changes";
import { OutsideOffice } from "./OutsideOffice";

/** The user's edits in Excel 2019 and newer (ExcelApi 1.7); older Excel: none, the pane re-reads on focus. */
function excelChanges(): ChangeSource | undefined {
  if (!officeIsSetSupported("ExcelApi", "1.7")) return undefined;
  return (listener) => {
    const watch = watchWorkbookChanges(listener).catch((e: unknown) => {
      console.error(e); // not watched: findings are still re-checked after the pane's own commands
      return null;
    });
    return () => void watch.then((w) => w?.stop()).catch(() => undefined);
  };
}

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const start = (inExcel: boolean) =>
    root.render(
      inExcel ? <TaskPane host={new ExcelWorkbookHost()} changes={excelChanges()} /> : <OutsideOffice />,
    );
  if (typeof Office === "undefined") start(false);
  else Office.onReady((info) => start(info.host === Office.HostType.Excel));
}
