/**
 * Russian messages both workbook adapters give, and the sheet-name rule both check before writing.
 * No ExcelJS import here, so the Office.js adapter may import it (as it does settings-format.ts).
 */
export const HOST_MESSAGES = {
  sheetNotFound: (name: string) => `Лист «${name}» не найден в книге.`,
  sheetProtected: (name: string) =>
    `Лист «${name}» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.`,
  sheetHidden: (name: string) =>
    `Лист «${name}» скрыт: покажите его (правый щелчок по ярлычку листа → Показать) и повторите.`,
  badAddress: (address: string) => `Неверный адрес ячейки «${address}».`,
};

const BAD_NAME_CHARS = /[:\\/?*[\]]/;

/** Why Excel would refuse this as a sheet name; null when it is fine. */
export function sheetNameProblem(name: string): string | null {
  if (
    !name.trim() ||
    name.length > 31 ||
    BAD_NAME_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  )
    return `Недопустимое имя листа «${name}»: нужно от 1 до 31 символа, без : \\ / ? * [ ] и без апострофа по краям.`;
  if (name.toLowerCase() === "history")
    return `Имя листа «${name}» зарезервировано в Excel: выберите другое.`;
  return null;
}
