/**
 * Small workbooks for the contract tests (test/cli/contract*.test.ts), written by hand so every expected value
 * can be worked out from the contract text: a roadmap «на 2024 год» with the control columns filled in, an
 * indicator list, a table with a row split at a page break, a workbook with no roadmap.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from "../../src/domain/grid";
import { writeWorkbookGrid } from "../../src/xlsx/write";

export function sheet(name: string, rows: CellValue[][]): SheetGrid {
  return { name, rows, merges: [], hiddenRows: [], hiddenColumns: [], protected: false };
}

export const CONTROL_HEADER = [
  "№ п/п",
  "Наименование мероприятия",
  "Сроки исполнения",
  "Ответственные",
  "Статус",
  "Дата выполнения",
  "Подтверждающий документ",
  "Комментарий",
  "Контрольный срок",
];

/**
 * Sheet «План», header on row 4, section on row 5, activities on rows 6–18 (columns A–I). Today in the tests
 * is 2024-04-20, so today + 14 days is 2024-05-04.
 */
export const ROADMAP_ROWS: CellValue[][] = [
  ["Утверждена приказом управления образования от 15.01.2024 № 12"],
  ["Дорожная карта по повышению качества образования в МБОУ СОШ № 5 на 2024 год"],
  [],
  CONTROL_HEADER,
  ["Муниципальный уровень"],
  [
    "1.",
    "Совещание с руководителями школ",
    "до 01.03.2024",
    "Иванова А.Б.",
    "Выполнено",
    "20.02.2024",
    "Протокол № 1",
  ],
  ["2.", "Семинар для учителей математики", "Апрель 2024", "Петров В.Г.", "В работе"],
  ["3.", "Анализ результатов пробных экзаменов", "Февраль 2024", "Сидорова Д.Е."],
  ["4.", "Курсы повышения квалификации педагогов", "По графику ИРО", "Руководители ОУ"],
  [
    "5.",
    "Педагогический совет по итогам четверти",
    "Май 2024",
    "Иванова А.Б.",
    "Выполнено с нарушением срока",
    "10.05.2024",
    "Приказ № 7",
  ],
  ["6.", "Открытые уроки молодых педагогов", "Март 2024", "Петров В.Г.", "Выполнено", "05.04.2024"],
  ["7.", "Диагностика профессиональных дефицитов", "Январь 2024", "Сидорова Д.Е.", "Не выполнено"],
  ["8.", "Родительское собрание", "Июнь 2024", "Иванова А.Б.", "Сделано"],
  ["9.", "Выездная проверка", "Декабрь 2024", "Петров В.Г.", "Отменено"],
  ["10.", "Собеседование с учителями", "Февраль 2024", "Иванова А.Б.", null, null, null, null, "30.04.2024"],
  ["11.", "Мониторинг посещаемости", "Ежеквартально", "Петров В.Г."],
  ["12.", "Пробные экзамены по математике", "Апрель, июнь 2024", "Сидорова Д.Е."],
  ["13.", "Отчёт о работе наставников", "Март 2024", "Иванова А.Б.", "Выполнено", null, "Справка № 3"],
];

export const INDICATOR_ROWS: CellValue[][] = [
  ["Показатели эффективности реализации дорожной карты"],
  ["1. Доля педагогов, прошедших диагностику профессиональных дефицитов"],
  ["2. Количество уроков, посещённых администрацией"],
  ["3. Наличие в ОО системы наставничества"],
];

export function roadmapWorkbook(withIndicators = false): WorkbookGrid {
  const sheets = [sheet("План", ROADMAP_ROWS)];
  if (withIndicators) sheets.push(sheet("Показатели", INDICATOR_ROWS));
  return { sheets };
}

/** A table pasted from Word: row 6's activity and responsible cells split at a page break into row 7. */
export function splitRowWorkbook(): WorkbookGrid {
  return {
    sheets: [
      sheet("Лист1", [
        ["Дорожная карта по повышению качества образования на 2024 год"],
        [],
        ["№ п/п", "Наименование мероприятия", "Сроки исполнения", "Ответственные"],
        ["1.", "Совещание с руководителями школ", "Февраль 2024", "Иванова А.Б."],
        ["2.", "Семинар для учителей математики", "Март 2024", "Петров В.Г."],
        ["3.", "Методический семинар для учителей русского языка и", "Апрель 2024", "Сидорова Д.Е.,"],
        [null, "литературы по подготовке к ОГЭ", null, "руководитель ГМО"],
        ["4.", "Родительское собрание", "Май 2024", "Иванова А.Б."],
      ]),
    ],
  };
}

export function noRoadmapWorkbook(): WorkbookGrid {
  return { sheets: [sheet("Лист1", [["Список покупок"], ["хлеб", 2], ["молоко", 1]])] };
}

export function xlsx(grid: WorkbookGrid): Promise<Uint8Array> {
  return writeWorkbookGrid(grid, { realDates: true });
}
