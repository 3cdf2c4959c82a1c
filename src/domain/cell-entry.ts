/**
 * What a user types into a cell (the browser preview's cell editor), read as Excel reads an entry: against the
 * cell's data validation, its number format and the sheet's protection. The outcome becomes an EditPlan
 * (`setValues`), so a typed value goes through the same path, preflight and change notice as a command's write.
 *
 * Text beginning with «=», «+», «-» or «@» stays text: the editor never makes a formula.
 */
import { DATE_FORMAT } from "./control/annotate";
import { numberFormatKind } from "./cell-format";
import { readRussianNumber } from "./consolidation/russian-number";
import type { EditPlan, ValidationRule } from "./edit-plan";
import { a1, type CellValue } from "./grid";
import { defaultValidationMessage, isoToSerial } from "./plan/references";

/** What the workbook says about one cell before the user types into it. */
export interface CellInput {
  /** The cell's data validation; null when it has none or one the add-in cannot read (anything is accepted). */
  validation: { rule: ValidationRule; message: string } | null;
  /** The cell's number format ("General", "@", "dd.mm.yyyy"…); null when it has none. */
  numberFormat: string | null;
  /** Cells are locked unless unlocked; it only matters on a protected sheet. */
  locked: boolean;
  sheetProtected: boolean;
}

export type Entry = { ok: true; value: CellValue; numberFormat?: string } | { ok: false; message: string };

export const ENTRY_MESSAGES = {
  locked: (sheet: string) =>
    `Ячейка на защищённом листе «${sheet}» не открыта для ввода. Чтобы изменить её, снимите защиту листа (Рецензирование → Снять защиту листа).`,
  dateBounds: (min?: string, max?: string) =>
    min && max
      ? `Допустимы даты с ${ruDate(min)} по ${ruDate(max)}.`
      : min
        ? `Допустимы даты не раньше ${ruDate(min)}.`
        : `Допустимы даты не позже ${ruDate(max ?? "")}.`,
  numberBounds: (min?: number, max?: number) =>
    min !== undefined && max !== undefined
      ? `Допустимы числа от ${min} до ${max}.`
      : min !== undefined
        ? `Допустимы числа не меньше ${min}.`
        : `Допустимы числа не больше ${max}.`,
};

/** "2024-03-01" → «01.03.2024». */
function ruDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** Why the cell cannot be typed into at all (Excel refuses as soon as typing starts); null when it can. */
export function entryRefusal(input: CellInput, sheet: string): string | null {
  return input.sheetProtected && input.locked ? ENTRY_MESSAGES.locked(sheet) : null;
}

const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** «1.3.2024», «01.03.2024» or «2024-03-01» → ISO date; null when it is not a calendar date. */
export function readTypedDate(text: string): string | null {
  const t = text.trim();
  const dotted = DOTTED_DATE.exec(t);
  const iso = ISO_DATE.exec(t);
  const [y, m, d] = dotted
    ? [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  // Excel's 1900 date system starts in 1900; serials before March 1900 are off by Excel's leap-year bug.
  if (y < 1901 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The date format a typed date gets: the cell's own when it already shows dates, else «ДД.ММ.ГГГГ». */
function dateFormatFor(input: CellInput): string {
  return input.numberFormat && numberFormatKind(input.numberFormat) === "date"
    ? input.numberFormat
    : DATE_FORMAT;
}

const FORMULA_START = /^[=+\-@]/;

/** Read `text` as the value the cell will hold, or the Russian reason it is refused (the old value stays). */
export function readEntry(text: string, input: CellInput, sheet: string): Entry {
  const refusal = entryRefusal(input, sheet);
  if (refusal) return { ok: false, message: refusal };
  const trimmed = text.trim();
  // An empty entry clears the cell: every validation the add-in writes allows blanks.
  if (trimmed === "") return { ok: true, value: null };
  const v = input.validation;
  if (!v) return readFree(text, input);
  const refuse = (extra?: string): Entry => ({
    ok: false,
    message: [v.message || defaultValidationMessage(v.rule), extra].filter(Boolean).join(" "),
  });
  const rule = v.rule;
  switch (rule.kind) {
    case "list": {
      // Excel compares list entries without regard to case; the list's own spelling is stored.
      const item =
        rule.list.find((x) => x === trimmed) ??
        rule.list.find((x) => x.trim().toLocaleLowerCase("ru") === trimmed.toLocaleLowerCase("ru"));
      return item === undefined ? refuse() : { ok: true, value: item };
    }
    case "date": {
      const iso = readTypedDate(trimmed);
      if (!iso) return refuse();
      if ((rule.min && iso < rule.min) || (rule.max && iso > rule.max))
        return refuse(ENTRY_MESSAGES.dateBounds(rule.min, rule.max));
      return { ok: true, value: isoToSerial(iso), numberFormat: dateFormatFor(input) };
    }
    case "whole":
    case "decimal": {
      const n = readRussianNumber(trimmed);
      if (n.kind !== "number") return refuse();
      const value = n.percent ? n.value / 100 : n.value;
      if (rule.kind === "whole" && !Number.isInteger(value)) return refuse();
      if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))
        return refuse(ENTRY_MESSAGES.numberBounds(rule.min, rule.max));
      return { ok: true, value };
    }
  }
}

/** No validation: numbers and whole dates become numbers and dates, as Excel reads them; the rest stays text. */
function readFree(text: string, input: CellInput): Entry {
  const trimmed = text.trim();
  if (input.numberFormat === "@" || FORMULA_START.test(trimmed)) return { ok: true, value: text };
  const n = readRussianNumber(trimmed);
  if (n.kind === "number")
    return n.percent
      ? { ok: true, value: n.value / 100, ...(input.numberFormat ? {} : { numberFormat: "0%" }) }
      : { ok: true, value: n.value };
  const iso = readTypedDate(trimmed);
  if (iso && DOTTED_DATE.test(trimmed))
    return { ok: true, value: isoToSerial(iso), numberFormat: dateFormatFor(input) };
  return { ok: true, value: text };
}

/** The accepted entry as the one-cell plan every host applies. */
export function entryPlan(
  sheet: string,
  row: number,
  col: number,
  entry: Extract<Entry, { ok: true }>,
): EditPlan {
  return {
    summary: `Ввод в ячейку ${a1(row, col)} листа «${sheet}»`,
    ops: [
      {
        op: "setValues",
        sheet,
        row,
        col,
        values: [[entry.value]],
        ...(entry.numberFormat ? { numberFormat: entry.numberFormat } : {}),
      },
    ],
  };
}
