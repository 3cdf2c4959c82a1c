/** taskpane.html: in Excel, the task pane over the open workbook; elsewhere, a pointer to the preview. */
import { createRoot } from "react-dom/client";
import { ExcelWorkbookHost } from "../excel/host";
import { TaskPane } from "./App";
import { OutsideOffice } from "./OutsideOffice";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const start = (inExcel: boolean) =>
    root.render(inExcel ? <TaskPane host={new ExcelWorkbookHost()} /> : <OutsideOffice />);
  if (typeof Office === "undefined") start(false);
  else Office.onReady((info) => start(info.host === Office.HostType.Excel));
}
