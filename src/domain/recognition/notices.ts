/**
 * The notices of a sheet after its tables are read: empty sheet, no roadmap, rows folded, protection, hidden
 * rows and columns, error cells.
 */
import { columnLetter, parseA1, type SheetGrid } from "../grid";
import { SheetView } from "./sheet-view";
import type { Notice } from "./types";
import type { Found } from "./scan";

export function sheetNotices(view: SheetView, sheet: SheetGrid, found: Found[], notices: Notice[]): void {
  const name = sheet.name;
  const tables = found.map((f) => f.table);
  if (view.height === 0 || view.sheet.rows.every((row) => !row || row.every((v) => v === null || v === ""))) {
    notices.push({ sheet: name, message: `Лист «${name}» пуст.` });
  } else if (tables.length === 0) {
    notices.push({
      sheet: name,
      message: `На листе «${name}» не найдена таблица дорожной карты. Нужна шапка со столбцом мероприятий и столбцом сроков или ответственных (например, «Наименование мероприятия», «Сроки», «Ответственные»). Если таблица есть, укажите её диапазон и столбцы вручную.`,
    });
  }
  for (const f of found) {
    if (f.continuationRows > 0) {
      const cont = f.table.rows
        .filter((x) => x.kind === "continuation" && view.nonEmpty(x.row - 1).length > 0)
        .map((x) => x.row);
      const shown = cont.slice(0, 8).join(", ") + (cont.length > 8 ? " …" : "");
      notices.push({
        sheet: name,
        message:
          cont.length === 1
            ? `На листе «${name}» строка ${shown} — продолжение ячейки, разорванной при переносе из Word; её текст присоединён к мероприятию выше. Команда «Исправить вставку из Word» соединит её в самой таблице.`
            : `На листе «${name}» строки ${shown} — продолжения ячеек, разорванных при переносе из Word; их текст присоединён к мероприятию выше. Команда «Исправить вставку из Word» соединит их в самой таблице.`,
      });
    }
  }
  if (tables.length > 0) {
    if (sheet.protected) {
      notices.push({
        sheet: name,
        message: `Лист «${name}» защищён. Таблица прочитана, но чтобы вносить изменения (исправлять вставку, добавлять столбцы), снимите защиту листа: Рецензирование → Снять защиту листа.`,
      });
    }
    const hidden = new Set(sheet.hiddenRows ?? []);
    const hiddenInTables = found.reduce((n, f) => {
      let k = 0;
      for (const h of hidden) if (h >= f.top && h <= f.bottom) k++;
      return n + k;
    }, 0);
    if (hiddenInTables > 0) {
      notices.push({
        sheet: name,
        message: `На листе «${name}» в таблице есть скрытые строки (${hiddenInTables}): они прочитаны наравне с видимыми.`,
      });
    }
    const hiddenCols = new Set(sheet.hiddenColumns ?? []);
    const hiddenLetters: string[] = [];
    const helperLetters: string[] = [];
    for (const f of found) {
      const range = parseA1(f.table.range)!;
      const c0 = f.table.columns;
      const roles = new Set(
        [c0.number, c0.activity, c0.form, c0.deadline, c0.result, c0.evidence, c0.status, c0.doneDate]
          .concat([c0.evidenceLink, c0.comment], c0.responsible)
          .filter((x): x is string => x !== null),
      );
      for (let c = range.left; c <= range.right; c++) {
        if (!hiddenCols.has(c)) continue;
        const letter = columnLetter(c);
        (roles.has(letter) ? hiddenLetters : helperLetters).push(letter);
      }
    }
    if (hiddenLetters.length > 0) {
      notices.push({
        sheet: name,
        message: `На листе «${name}» в таблице есть скрытые столбцы (${[...new Set(hiddenLetters)].join(", ")}): они прочитаны наравне с видимыми.`,
      });
    }
    if (helperLetters.length > 0) {
      notices.push({
        sheet: name,
        message: `На листе «${name}» скрытые столбцы без роли в таблице (${[...new Set(helperLetters)].join(", ")}) — видимо, служебные: их значения не читаются.`,
      });
    }
    const errors: string[] = [];
    for (const f of found) {
      const range = parseA1(f.table.range)!;
      for (let r = range.top; r <= range.bottom && errors.length < 6; r++) {
        const row = sheet.rows[r];
        if (!row) continue;
        for (let c = range.left; c <= Math.min(range.right, row.length - 1); c++) {
          if (view.isError(r, c)) errors.push(`${columnLetter(c)}${r + 1}`);
        }
      }
    }
    if (errors.length > 0) {
      notices.push({
        sheet: name,
        message: `На листе «${name}» в таблице есть ячейки с ошибками (например, #ССЫЛКА!): ${errors.slice(0, 5).join(", ")}${errors.length > 5 ? " …" : ""}. Они прочитаны как пустые.`,
      });
    }
  }
}
