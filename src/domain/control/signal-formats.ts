/**
 * The signals as conditional formats that live in the workbook: each formula reads the row's own «Статус» and
 * «Контрольный срок» cells against TODAY(), so the colours stay right the next day, when a colleague without
 * the add-in types a status, and in LibreOffice, МойОфис, Р7-Офис. The same rule as signalOf (signal.ts),
 * with «Контрольный срок» standing for the due date (annotate writes the deadline's end there).
 *
 * Every formula holds the marker string literal SIGNAL_MARKER, so «Снять подсветку» removes only ours.
 */
import { columnLetter } from "../grid";
import type { CellRange } from "../grid";
import type { EditOp } from "../edit-plan";
import type { Signal } from "../model";
import { DUE_SOON_DAYS } from "./signal";

export const SIGNAL_MARKER = "RM:signal";

export const SIGNAL_COLOURS: Record<Signal, { fill: string; fontColor: string }> = {
  overdue: { fill: "FFC7CE", fontColor: "9C0006" },
  due_soon: { fill: "FFEB9C", fontColor: "9C5700" },
  done: { fill: "C6EFCE", fontColor: "006100" },
  done_late: { fill: "FCE4D6", fontColor: "833C0B" },
};

/** The four formulas for a body whose first row is `row` (0-based); columns absolute, the row relative. */
export function signalFormulas(row: number, statusCol: number, dueCol: number): Record<Signal, string> {
  const s = `$${columnLetter(statusCol)}${row + 1}`;
  const k = `$${columnLetter(dueCol)}${row + 1}`;
  const mark = `"${SIGNAL_MARKER}"<>""`;
  const open = `${s}<>"Выполнено",${s}<>"Выполнено с нарушением срока",${s}<>"Отменено"`;
  return {
    overdue: `=AND(${mark},ISNUMBER(${k}),${k}<TODAY(),${open})`,
    due_soon: `=AND(${mark},ISNUMBER(${k}),${k}>=TODAY(),${k}<=TODAY()+${DUE_SOON_DAYS},${open})`,
    done: `=AND(${mark},${s}="Выполнено")`,
    done_late: `=AND(${mark},${s}="Выполнено с нарушением срока")`,
  };
}

/** The conditional-format ops for one table body over the given column spans. */
export function signalFormatOps(
  sheet: string,
  top: number,
  bottom: number,
  spans: { left: number; right: number }[],
  statusCol: number,
  dueCol: number,
): EditOp[] {
  const formulas = signalFormulas(top, statusCol, dueCol);
  const ops: EditOp[] = [];
  for (const span of spans) {
    const range: CellRange = { top, bottom, left: span.left, right: span.right };
    for (const signal of ["overdue", "due_soon", "done_late", "done"] as Signal[]) {
      ops.push({
        op: "addConditionalFormat",
        sheet,
        range,
        formula: formulas[signal],
        ...SIGNAL_COLOURS[signal],
      });
    }
  }
  return ops;
}

/** «Снять подсветку»: our signal formats off these sheets; the cells' own formats and other rules stay. */
export function removeSignalOps(sheets: string[]): EditOp[] {
  return sheets.map((sheet) => ({ op: "removeConditionalFormats", sheet, marker: SIGNAL_MARKER }));
}
