/**
 * How a number cell reads, from its number format: both adapters (Office.js and .xlsx) turn date-formatted
 * numbers into text through this one module, so a workbook gives the same grid in Excel and in the preview.
 */
import type { CellValue } from "./grid";
import { monthTitle } from "./ru";

export type FormatKind = "date" | "month" | "monthOnly" | "time" | "none";

/**
 * A day → date; month and year without a day → a month («Сентябрь 2023», which the deadline reader must see as a
 * month, not as the 1st); hours/seconds only → time; anything else is a plain number. Invariant format codes
 * ("dd.mm.yyyy", "[$-419]mmmm yyyy") and localised letters ("ДД.ММ.ГГГГ") are both understood.
 */
export function numberFormatKind(format: string | null | undefined): FormatKind {
  if (!format) return "none";
  const f = format
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .toLowerCase();
  if (f === "general" || f === "основной" || f === "@") return "none";
  const hasD = /d|д/.test(f);
  const hasY = /y|г/.test(f);
  const hasM = /m|м/.test(f);
  const hasTime = /h|s|ч|с/.test(f);
  if (hasD) return "date";
  if (hasY && hasM) return "month";
  if (hasY) return "date";
  if (hasTime) return "time";
  if (hasM) return "monthOnly";
  return "none";
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A UTC instant shown as the grid wants it: «ДД.ММ.ГГГГ», «Сентябрь 2023», «Сентябрь», «ЧЧ:ММ». */
export function formatDateCell(d: Date, kind: Exclude<FormatKind, "none">): CellValue {
  switch (kind) {
    case "time":
      return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    case "month":
      return `${monthTitle(d.getUTCMonth() + 1)} ${d.getUTCFullYear()}`;
    case "monthOnly":
      return monthTitle(d.getUTCMonth() + 1);
    case "date":
      return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  }
}
