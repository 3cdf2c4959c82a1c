/**
 * Moving A1 references when columns are inserted, and the stored form of validation rules: both hosts that write
 * files themselves (in-memory, .xlsx) must do exactly what Excel does on its own, so it lives here once.
 */
import { columnIndex, columnLetter, type CellRange } from "../grid";
import type { ValidationRule } from "../edit-plan";
import { MAX_COLUMNS } from "./validate";

/**
 * A range after `count` columns were inserted before column `col`: cells at or right of `col` move right; a
 * range that spans the insertion point grows (Excel's rule for merges, conditional formats, names).
 */
export function shiftRangeColumns(r: CellRange, col: number, count: number): CellRange {
  return {
    ...r,
    left: r.left >= col ? r.left + count : r.left,
    right: r.right >= col ? Math.min(r.right + count, MAX_COLUMNS - 1) : r.right,
  };
}

// A reference token: optional sheet ('Лист 1'! or Лист1!), then a cell (B7, $B$7), a column span (B:D), or a
// row span (5:7, untouched). String literals are skipped whole.
const TOKEN =
  /"(?:[^"]|"")*"|(?:'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\p{L}\p{N}_(])|(?:'((?:[^']|'')+)'!|([\p{L}_][\p{L}\p{N}_.]*)!)?(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\p{L}\p{N}_(])/gu;

/**
 * A formula with its column references moved as Excel moves them when `count` columns are inserted before `col`
 * on sheet `target`. `home` is the sheet the formula lives on (unqualified references point there). Row-only
 * references, names and functions are left alone.
 */
export function shiftFormulaColumns(
  formula: string,
  home: string,
  target: string,
  col: number,
  count: number,
): string {
  const same = (sheet: string | undefined) => (sheet ?? home).toLowerCase() === target.toLowerCase();
  const move = (letters: string) => {
    const c = columnIndex(letters);
    return c >= col ? columnLetter(Math.min(c + count, MAX_COLUMNS - 1)) : letters.toUpperCase();
  };
  return formula.replace(
    TOKEN,
    (whole, q1, p1, d1, l1, d2, row, q2, p2, d3, la, d4, lb, offset: number, all: string) => {
      if (whole.startsWith('"')) return whole;
      // A letter or digit right before means we are inside a longer name (e.g. "LOG10"), not a reference.
      const before = all[offset - 1];
      if (before !== undefined && /[\p{L}\p{N}_.]/u.test(before)) return whole;
      if (l1 !== undefined) {
        const sheet = q1 !== undefined ? q1.replace(/''/g, "'") : p1;
        if (!same(sheet)) return whole;
        const prefix = whole.slice(0, whole.length - `${d1}${l1}${d2}${row}`.length);
        return `${prefix}${d1}${move(l1)}${d2}${row}`;
      }
      const sheet = q2 !== undefined ? q2.replace(/''/g, "'") : p2;
      if (!same(sheet)) return whole;
      const prefix = whole.slice(0, whole.length - `${d3}${la}:${d4}${lb}`.length);
      return `${prefix}${d3}${move(la)}:${d4}${move(lb)}`;
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Validation rules as the file stores them (operator and numbers; dates as 1900-system serials).

export type ValidationOperator = "between" | "greaterThanOrEqual" | "lessThanOrEqual";

export interface StoredValidation {
  type: "list" | "date" | "whole" | "decimal";
  operator?: ValidationOperator;
  /** Numbers (dates as serials); for a list, the items. */
  formulae: number[];
}

/** "No lower bound" as the file stores it: Excel insists on a bound, so an open rule gets a sentinel. */
const OPEN_MIN = { date: 1, whole: -2147483648, decimal: -1e15 } as const;

/** ISO date → Excel serial (1900 system; every date the add-in writes is after 1900-03-01). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function serialToIso(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A non-list rule as operator and numbers. */
export function storedBounds(rule: Exclude<ValidationRule, { kind: "list" }>): {
  operator: ValidationOperator;
  formulae: number[];
} {
  const num = (v: string | number | undefined): number | undefined =>
    v === undefined ? undefined : typeof v === "string" ? isoToSerial(v) : v;
  const min = num(rule.min);
  const max = num(rule.max);
  if (min !== undefined && max !== undefined) return { operator: "between", formulae: [min, max] };
  if (max !== undefined) return { operator: "lessThanOrEqual", formulae: [max] };
  return { operator: "greaterThanOrEqual", formulae: [min ?? OPEN_MIN[rule.kind]] };
}

/** The inverse of storedBounds; null when the stored rule is not one the add-in writes. */
export function ruleFromBounds(
  kind: "date" | "whole" | "decimal",
  operator: string | undefined,
  formulae: number[],
): ValidationRule | null {
  const conv = (n: number) => (kind === "date" ? serialToIso(n) : n);
  const [a, b] = formulae;
  if (a === undefined || !Number.isFinite(a)) return null;
  const rule = { kind } as { kind: typeof kind; min?: string | number; max?: string | number };
  if ((operator ?? "between") === "between") {
    if (b === undefined || !Number.isFinite(b)) return null;
    rule.min = conv(a);
    rule.max = conv(b);
  } else if (operator === "lessThanOrEqual") rule.max = conv(a);
  else if (operator === "greaterThanOrEqual") {
    if (a !== OPEN_MIN[kind]) rule.min = conv(a);
  } else return null;
  return rule as ValidationRule;
}

/** The error text a host shows on a bad entry when the op gives none. */
export function defaultValidationMessage(rule: ValidationRule): string {
  switch (rule.kind) {
    case "list":
      return "Выберите значение из раскрывающегося списка.";
    case "date":
      return "Введите дату в виде ДД.ММ.ГГГГ.";
    case "whole":
      return "Введите целое число.";
    case "decimal":
      return "Введите число.";
  }
}
