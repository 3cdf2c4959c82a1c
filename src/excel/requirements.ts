/**
 * Which Excel can do what: features the adapter uses beyond ExcelApi 1.1 (Excel 2016), their requirement sets,
 * and the Russian sentence shown when the user's Excel lacks one.
 *
 * Versions per Microsoft's table «Excel JavaScript API requirement sets» (volume-licensed perpetual column):
 * ExcelApi 1.1 = Excel 2016; up to 1.7 = Excel 2019; up to 1.14 = Excel 2021; up to 1.17 = Excel 2024; newer sets
 * only in Microsoft 365 and Excel on the web.
 *
 * The core (reading and writing values, deleting rows, settings) needs only ExcelApi 1.1. Everything else
 * degrades: without 1.2 protection and hidden rows are not read; without 1.13 merges are not read; without 1.7
 * a backup copy is values-only; without 1.8 drop-down lists are skipped; highlights need 1.6. EditOps that need a
 * newer set (names 1.4, links and panes 1.7, print layout 1.9, protection 1.2, table columns 1.4) are skipped with
 * this notice.
 */
export type ExcelFeature =
  | "usedRangeValuesOnly"
  | "protection"
  | "hiddenRowsColumns"
  | "unmerge"
  | "mergeCells"
  | "conditionalFormats"
  | "copySheet"
  | "dataValidation"
  | "mergedAreas"
  | "protectSheet"
  | "definedNames"
  | "hyperlinks"
  | "freezePanes"
  | "autoFilter"
  | "pageLayout"
  | "tableColumns";

interface FeatureInfo {
  set: string;
  /** What the user wanted, for the message («Подсветка ячеек»). */
  what: string;
}

const FEATURES: Record<ExcelFeature, FeatureInfo> = {
  usedRangeValuesOnly: { set: "1.2", what: "Чтение только заполненных ячеек" },
  protection: { set: "1.2", what: "Проверка защиты листа" },
  hiddenRowsColumns: { set: "1.2", what: "Чтение скрытых строк и столбцов" },
  unmerge: { set: "1.2", what: "Отмена объединения ячеек" },
  mergeCells: { set: "1.2", what: "Объединение ячеек" },
  conditionalFormats: { set: "1.6", what: "Подсветка ячеек" },
  copySheet: { set: "1.7", what: "Копирование листа" },
  dataValidation: { set: "1.8", what: "Раскрывающийся список в ячейках" },
  mergedAreas: { set: "1.13", what: "Чтение объединённых ячеек" },
  protectSheet: { set: "1.2", what: "Защита листа и незащищённые ячейки для ввода" },
  definedNames: { set: "1.4", what: "Именованные диапазоны" },
  hyperlinks: { set: "1.7", what: "Гиперссылки в ячейках" },
  freezePanes: { set: "1.7", what: "Закрепление строк и столбцов" },
  autoFilter: { set: "1.9", what: "Фильтр в строке заголовка" },
  pageLayout: { set: "1.9", what: "Параметры печати (ориентация, область печати, сквозные строки)" },
  // TableColumnCollection.add appends (index null) and names the column only from 1.4.
  tableColumns: {
    set: "1.4",
    what: "Новые столбцы внутри таблицы Excel (они добавлены рядом с таблицей обычными ячейками)",
  },
};

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** Office.context.requirements.isSetSupported when running in Office; false for every set outside Office. */
export const officeIsSetSupported: IsSetSupported = (name, minVersion) => {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported(name, minVersion);
};

function minor(set: string): number {
  return Number(set.split(".")[1] ?? 0);
}

/** The oldest boxed Excel with this ExcelApi set, or null when only Microsoft 365 has it. */
export function excelVersionFor(set: string): string | null {
  const m = minor(set);
  if (m <= 1) return "Excel 2016";
  if (m <= 7) return "Excel 2019";
  if (m <= 14) return "Excel 2021";
  if (m <= 17) return "Excel 2024";
  return null;
}

export function explainMissing(feature: ExcelFeature): string {
  const { set, what } = FEATURES[feature];
  const version = excelVersionFor(set);
  const needed = version ? `${version} или Microsoft 365` : "Microsoft 365";
  return `${what}: для этого нужен ${needed} (ExcelApi ${set}); в вашей версии Excel этой возможности нет.`;
}

export class ExcelRequirements {
  private readonly cache = new Map<ExcelFeature, boolean>();
  private readonly isSetSupported: IsSetSupported;

  constructor(isSetSupported: IsSetSupported = officeIsSetSupported) {
    this.isSetSupported = isSetSupported;
  }

  supports(feature: ExcelFeature): boolean {
    let ok = this.cache.get(feature);
    if (ok === undefined) {
      ok = this.isSetSupported("ExcelApi", FEATURES[feature].set);
      this.cache.set(feature, ok);
    }
    return ok;
  }
}
