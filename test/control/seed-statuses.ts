/**
 * Seed 004 (clean layout, period 2022) with the five control columns typed in by hand, as a user (or a
 * colleague without the add-in) would fill them. Shared by the signal, status-finding and annotate tests.
 */
import type { CellValue, WorkbookGrid } from "../../src/domain/grid";
import { seedFixtures } from "../fixtures/seeds";

/** F «Статус», G «Дата выполнения», H «Подтверждающий документ», I «Комментарий», J «Контрольный срок». */
export const CONTROL_HEADERS = [
  "Статус",
  "Дата выполнения",
  "Подтверждающий документ",
  "Комментарий",
  "Контрольный срок",
];

/** Sheet row → [status, done date, document, comment, due date]; undefined cells stay empty. */
export const TYPED: Record<number, CellValue[]> = {
  // Serial 44676 = 25.04.2022 (a date cell read without its format).
  8: ["Выполнено", 44676, "Приказ № 12 от 25.04.2022"],
  // Done after April's end, no document.
  10: ["выполнено", "05.05.2022"],
  11: ["Выполнено с нарушением срока", null, "Справка"],
  13: ["Не выполнено"],
  // «До 31.05.2022», the user moved the control date to 30.06.2022.
  14: ["В работе", null, null, null, "30.06.2022"],
  19: ["Отменено"],
  21: ["сделано"],
  22: ["Выполнено", "15.07.2022", "Протокол"],
  24: ["Не выполнено", null, null, "Перенесено решением совета"],
  // «Декабрь 2022», the user set an earlier control date (serial 44713 = 01.06.2022).
  31: [null, null, null, null, 44713],
};

export function seed004WithStatuses(): WorkbookGrid {
  const seed = seedFixtures().find((f) => f.id === "004-clean")!;
  const wb: WorkbookGrid = structuredClone(seed.workbook);
  const rows = wb.sheets[0].rows;
  const put = (r: number, values: CellValue[]) => {
    const row = (rows[r - 1] ??= []);
    while (row.length < 5) row.push(null);
    values.forEach((v, i) => {
      if (v !== undefined && v !== null) row[5 + i] = v;
    });
  };
  put(7, CONTROL_HEADERS);
  for (const [r, values] of Object.entries(TYPED)) put(Number(r), values);
  return wb;
}
