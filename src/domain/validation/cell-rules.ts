/**
 * Cells whose value cannot be read at all: an Excel error (#REF!, #N/A, #DIV/0! …) or a formula saved without its
 * calculated value (a file written by a program that does not calculate). Readers see such a cell as empty; this
 * says what is really there, so the user fixes the formula instead of typing a deadline beside it. The findings
 * on the same cell that only say «empty» (deadline.missing, responsible.missing) give way (validate.ts).
 */
import { cellAt, columnIndex, isErrorValue, type WorkbookGrid } from "../grid";
import type { ActivityRow, Finding, RoadmapTable } from "../model";

type Columns = RoadmapTable["columns"];

/** What the reader lost, by the column's role, and the ending of «не прочитан» that agrees with it. */
const ROLE_WHAT: Partial<Record<keyof Columns, [string, string]>> = {
  number: ["номер пункта", ""],
  activity: ["название мероприятия", "о"],
  form: ["форма мероприятия", "а"],
  deadline: ["срок мероприятия", ""],
  responsible: ["ответственный за мероприятие", ""],
  result: ["результат мероприятия", ""],
  evidence: ["подтверждающий документ мероприятия", ""],
  status: ["статус мероприятия", ""],
  doneDate: ["дата выполнения мероприятия", "а"],
  evidenceLink: ["подтверждающий документ мероприятия", ""],
  comment: ["комментарий к мероприятию", ""],
  dueDate: ["контрольный срок мероприятия", ""],
};

/** Why Excel shows the error, in the words of its own help. */
const ERROR_CAUSE: Record<string, string> = {
  "#REF!": "формула ссылается на удалённую ячейку или лист",
  "#N/A": "формула не нашла значение (ВПР, ПОИСКПОЗ)",
  "#DIV/0!": "в формуле деление на ноль",
  "#VALUE!": "в формуле значение не того типа",
  "#NAME?": "в формуле неизвестное имя или функция",
  "#NUM!": "в формуле недопустимое число",
  "#NULL!": "в формуле неверный диапазон",
};

function label(row: ActivityRow): string {
  if (row.number) return ` ${row.number.replace(/\.$/, "")}`;
  const name = row.activity.replace(/\s+/g, " ").trim();
  if (!name) return "";
  return ` «${name.length > 60 ? `${name.slice(0, 59).trimEnd()}…` : name}»`;
}

export function unreadableCellFindings(tables: readonly RoadmapTable[], wb: WorkbookGrid): Finding[] {
  const out: Finding[] = [];
  for (const table of tables) {
    const sheet = wb.sheets.find((s) => s.name === table.sheet);
    if (!sheet) continue;
    const uncalculated = new Set(sheet.uncalculated ?? []);
    const roles: [keyof Columns, string][] = [];
    for (const [role, letters] of Object.entries(table.columns) as [
      keyof Columns,
      string | string[] | null,
    ][])
      for (const letter of Array.isArray(letters) ? letters : letters ? [letters] : [])
        roles.push([role, letter]);
    for (const row of table.rows) {
      if (row.kind !== "activity") continue;
      for (const r of row.rows)
        for (const [role, col] of roles) {
          const cell = `${col}${r}`;
          const [noun, ending] = ROLE_WHAT[role] ?? ["значение мероприятия", "о"];
          const what = `${noun}${label(row)} не прочитан${ending}`;
          const v = cellAt(sheet, r - 1, columnIndex(col));
          if (typeof v === "string" && isErrorValue(v)) {
            const error = v.trim();
            out.push({
              rule: "cell.error-value",
              severity: "error",
              sheet: table.sheet,
              cell,
              message: `В ячейке ошибка ${error} — ${what}`,
              suggestion: `${ERROR_CAUSE[error] ? `${capital(ERROR_CAUSE[error])}: и` : "И"}справьте формулу или впишите значение вместо неё`,
            });
          } else if (uncalculated.has(cell)) {
            out.push({
              rule: "cell.not-calculated",
              severity: "warning",
              sheet: table.sheet,
              cell,
              message: `В ячейке формула без вычисленного значения — ${what}`,
              suggestion:
                "Файл сохранён программой, которая не вычисляет формулы: откройте его в Excel или LibreOffice и сохраните, либо впишите значение",
            });
          }
        }
    }
  }
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
