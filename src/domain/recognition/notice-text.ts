/**
 * Recognition notices as data: a code and its parameters, and their text in Russian and English. The Russian
 * text is the notice's `message` (what the CLI report prints); the English UI formats the same code and params.
 * Kept in the domain as plain strings so the pane, the preview and the CLI share one table (no UI imports).
 */

/** The parameters of each notice, by code. Rows are 1-based sheet rows; columns are letters. */
export interface NoticeParams {
  "workbook.empty": Record<string, never>;
  "workbook.no-roadmap": Record<string, never>;
  "sheet.backup": Record<string, never>;
  "sheet.empty": Record<string, never>;
  "sheet.no-roadmap": Record<string, never>;
  "sheet.protected": Record<string, never>;
  /** A header of a roadmap with no activity under it. */
  "table.no-activities": { row: number };
  /** A table whose header is not a roadmap's; `labels` are its first header texts. */
  "table.not-a-roadmap": { row: number; labels: string[] };
  /** Rows without a header read as a continuation of the roadmap in `range`. */
  "table.headerless-part": { from: number; to: number; range: string };
  /** Rows the user sees as broken by a paste from Word (their text is joined to the activity above). */
  "table.continuations": { rows: number[] };
  "table.hidden-rows": { count: number };
  "table.hidden-columns": { columns: string[] };
  "table.helper-columns": { columns: string[] };
  /** Cells holding an error value (first few, A1). */
  "table.error-cells": { cells: string[] };
  /** Cells whose text was longer than Excel's limit and was cut there (A1). */
  "sheet.long-cells": { cells: string[] };
  "override.columns": Record<string, never>;
  "override.bad-range": { range: string };
}

export type NoticeCode = keyof NoticeParams;

/** One notice of a code with its own params (a discriminated union over the codes). */
export type Notice = {
  [K in NoticeCode]: {
    sheet: string;
    code: K;
    params: NoticeParams[K];
    /** Russian, for the user (the CLI prints it); `formatNotice(n, "en")` gives English. */
    message: string;
  };
}[NoticeCode];

export type NoticeLanguage = "ru" | "en";

type Templates = { [K in NoticeCode]: (sheet: string, p: NoticeParams[K]) => string };

function firstOf<T>(items: readonly T[], n: number): string {
  return items.slice(0, n).join(", ") + (items.length > n ? " …" : "");
}

const RU: Templates = {
  "workbook.empty": () => "Книга пуста: в ней нет ни одного листа с данными.",
  "workbook.no-roadmap": () =>
    "В книге не найдено ни одной таблицы дорожной карты. Проверьте, что таблица вставлена вместе с шапкой.",
  "sheet.backup": (s) =>
    `Лист «${s}» — резервная копия, сделанная перед исправлением вставки из Word; он не проверяется.`,
  "sheet.empty": (s) => `Лист «${s}» пуст.`,
  "sheet.no-roadmap": (s) =>
    `На листе «${s}» не найдена таблица дорожной карты. Нужна шапка со столбцом мероприятий и столбцом сроков или ответственных (например, «Наименование мероприятия», «Сроки», «Ответственные»). Если таблица есть, укажите её диапазон и столбцы вручную.`,
  "sheet.protected": (s) =>
    `Лист «${s}» защищён. Таблица прочитана, но чтобы вносить изменения (исправлять вставку, добавлять столбцы), снимите защиту листа: Рецензирование → Снять защиту листа.`,
  "table.no-activities": (s, p) =>
    `На листе «${s}» под шапкой дорожной карты в строке ${p.row} нет ни одного мероприятия.`,
  "table.not-a-roadmap": (s, p) =>
    `На листе «${s}» таблица в строке ${p.row} («${p.labels.join(" | ")}») не похожа на дорожную карту: в ней нет столбца мероприятий вместе со столбцом сроков или ответственных. Она пропущена.`,
  "table.headerless-part": (s, p) =>
    `На листе «${s}» строки ${p.from}–${p.to} без шапки прочитаны как продолжение дорожной карты ${p.range}: у них те же столбцы.`,
  "table.continuations": (s, p) =>
    p.rows.length === 1
      ? `На листе «${s}» строка ${p.rows[0]} — продолжение ячейки, разорванной при переносе из Word; её текст присоединён к мероприятию выше. Команда «Исправить вставку из Word» соединит её в самой таблице.`
      : `На листе «${s}» строки ${firstOf(p.rows, 8)} — продолжения ячеек, разорванных при переносе из Word; их текст присоединён к мероприятию выше. Команда «Исправить вставку из Word» соединит их в самой таблице.`,
  "table.hidden-rows": (s, p) =>
    `На листе «${s}» в таблице есть скрытые строки (${p.count}): они прочитаны наравне с видимыми.`,
  "table.hidden-columns": (s, p) =>
    `На листе «${s}» в таблице есть скрытые столбцы (${p.columns.join(", ")}): они прочитаны наравне с видимыми.`,
  "table.helper-columns": (s, p) =>
    `На листе «${s}» скрытые столбцы без роли в таблице (${p.columns.join(", ")}) — видимо, служебные: их значения не читаются.`,
  "sheet.long-cells": (s, p) =>
    `На листе «${s}» текст в ${p.cells.length === 1 ? "ячейке" : "ячейках"} ${firstOf(p.cells, 5)} длиннее 32 767 знаков (предел Excel): прочитаны первые 32 767 знаков.`,
  "table.error-cells": (s, p) =>
    `На листе «${s}» в таблице есть ячейки с ошибками (например, #ССЫЛКА!): ${firstOf(p.cells, 5)}. Они прочитаны как пустые.`,
  "override.columns": (s) =>
    `На листе «${s}» столбцы таблицы заданы вручную (ваши исправления сохранены в книге).`,
  "override.bad-range": (s, p) =>
    `Диапазон «${p.range}» для листа «${s}» не распознан: укажите его как A6:F58.`,
};

const EN: Templates = {
  "workbook.empty": () => "The workbook is empty: it has no sheet with data.",
  "workbook.no-roadmap": () =>
    "No roadmap table was found in the workbook. Check that the table was pasted together with its header.",
  "sheet.backup": (s) =>
    `Sheet “${s}” is the backup made before fixing a paste from Word; it is not checked.`,
  "sheet.empty": (s) => `Sheet “${s}” is empty.`,
  "sheet.no-roadmap": (s) =>
    `No roadmap table was found on sheet “${s}”. It needs a header with an activity column and a deadline or responsible column (e.g. “Наименование мероприятия”, “Сроки”, “Ответственные”). If there is a table, give its range and columns by hand.`,
  "sheet.protected": (s) =>
    `Sheet “${s}” is protected. The table was read, but to change it (fix the paste, add columns) unprotect the sheet: Review → Unprotect Sheet.`,
  "table.no-activities": (s, p) =>
    `On sheet “${s}” there is no activity under the roadmap header in row ${p.row}.`,
  "table.not-a-roadmap": (s, p) =>
    `On sheet “${s}” the table in row ${p.row} (“${p.labels.join(" | ")}”) does not look like a roadmap: it has no activity column together with a deadline or responsible column. It was skipped.`,
  "table.headerless-part": (s, p) =>
    `On sheet “${s}” rows ${p.from}–${p.to} have no header and were read as a continuation of roadmap ${p.range}: they have the same columns.`,
  "table.continuations": (s, p) =>
    p.rows.length === 1
      ? `On sheet “${s}” row ${p.rows[0]} continues a cell broken by a paste from Word; its text was joined to the activity above. “Fix paste from Word” will join it in the table itself.`
      : `On sheet “${s}” rows ${firstOf(p.rows, 8)} continue cells broken by a paste from Word; their text was joined to the activity above. “Fix paste from Word” will join them in the table itself.`,
  "table.hidden-rows": (s, p) =>
    `On sheet “${s}” the table has hidden rows (${p.count}): they were read like the visible ones.`,
  "table.hidden-columns": (s, p) =>
    `On sheet “${s}” the table has hidden columns (${p.columns.join(", ")}): they were read like the visible ones.`,
  "table.helper-columns": (s, p) =>
    `On sheet “${s}” hidden columns without a role in the table (${p.columns.join(", ")}) look like helper columns: their values are not read.`,
  "sheet.long-cells": (s, p) =>
    `On sheet “${s}” the text in ${p.cells.length === 1 ? "cell" : "cells"} ${firstOf(p.cells, 5)} is longer than 32,767 characters (Excel's limit): the first 32,767 were read.`,
  "table.error-cells": (s, p) =>
    `On sheet “${s}” the table has cells with errors (e.g. #REF!): ${firstOf(p.cells, 5)}. They were read as empty.`,
  "override.columns": (s) =>
    `On sheet “${s}” the table's columns were set by hand (your corrections are saved in the workbook).`,
  "override.bad-range": (s, p) =>
    `Range “${p.range}” for sheet “${s}” was not understood: give it as A6:F58.`,
};

const TEMPLATES: Record<NoticeLanguage, Templates> = { ru: RU, en: EN };

/** The text of a notice in the given language, from its code and params (never from its Russian message). */
export function formatNotice(
  n: Pick<Notice, "sheet" | "code" | "params">,
  lang: NoticeLanguage = "ru",
): string {
  const template = TEMPLATES[lang][n.code] as (sheet: string, p: unknown) => string;
  return template(n.sheet, n.params);
}

/** A notice with its Russian message filled in from the code and params. */
export function notice<K extends NoticeCode>(sheet: string, code: K, params: NoticeParams[K]): Notice {
  const message = (RU[code] as (sheet: string, p: NoticeParams[K]) => string)(sheet, params);
  return { sheet, code, params, message } as Notice;
}
