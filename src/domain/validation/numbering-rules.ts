/**
 * Numbering as written: duplicates, gaps and order. Numbers are compared per sheet, across the tables of
 * that sheet, because a roadmap interrupted by another table (seed 003) continues its numbering below it.
 */
import { a1, columnIndex } from "../grid";
import type { ActivityRow, Finding, RoadmapTable } from "../model";

/** "1." → [1]; "2.1" → [2, 1]; "3)" → [3]; "IV" and other text → null. */
export function parseNumber(text: string | null): number[] | null {
  if (!text) return null;
  // Any natural number in each part (a 50,000-row plan numbers past 9999); 15 digits keep Number exact.
  const m = /^\s*(\d{1,15}(?:\s*\.\s*\d{1,15})*)\s*[.)]?\s*$/.exec(text);
  if (!m) return null;
  return m[1].split(".").map((s) => Number(s.trim()));
}

interface Numbered {
  table: RoadmapTable;
  row: ActivityRow;
  path: number[];
}

function cellOf(table: RoadmapTable, row: ActivityRow): string {
  const col = table.columns.number ?? table.columns.activity ?? "A";
  return a1(row.row - 1, columnIndex(col));
}

function describeMissing(missing: number[], prefix: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < missing.length) {
    let j = i;
    while (j + 1 < missing.length && missing[j + 1] === missing[j] + 1) j++;
    parts.push(j > i ? `${prefix}${missing[i]}–${prefix}${missing[j]}` : `${prefix}${missing[i]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

export function numberingFindings(tables: RoadmapTable[]): Finding[] {
  const findings: Finding[] = [];
  const bySheet = new Map<string, RoadmapTable[]>();
  for (const t of tables) bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), t]);

  for (const [sheet, sheetTables] of bySheet) {
    const numbered: Numbered[] = [];
    let unnumbered = 0;
    let activities = 0;
    for (const table of sheetTables) {
      for (const row of table.rows) {
        if (row.kind !== "activity") continue;
        activities++;
        const path = parseNumber(row.number);
        if (path) numbered.push({ table, row, path });
        else unnumbered++;
      }
    }
    if (activities === 0) continue;

    if (numbered.length === 0) {
      const t = sheetTables[0];
      findings.push({
        rule: "numbering.absent",
        severity: "info",
        sheet,
        cell: t.range.split(":")[0],
        message: `Мероприятия на листе «${sheet}» не пронумерованы (${activities})`,
        suggestion: "Пронумеруйте мероприятия, чтобы на них можно было ссылаться в отчётах",
      });
      continue;
    }
    if (unnumbered > 0) {
      for (const table of sheetTables)
        for (const row of table.rows)
          if (row.kind === "activity" && !parseNumber(row.number))
            findings.push({
              rule: "numbering.missing",
              severity: "warning",
              sheet,
              cell: cellOf(table, row),
              message: row.number
                ? `Номер «${row.number}» не похож на номер пункта`
                : `У мероприятия «${short(row.activity)}» нет номера`,
              suggestion: "Укажите номер пункта",
            });
    }

    // Duplicates: the same full number twice.
    const seen = new Map<string, Numbered>();
    for (const n of numbered) {
      const key = n.path.join(".");
      const first = seen.get(key);
      if (first) {
        findings.push({
          rule: "numbering.duplicate",
          severity: "error",
          sheet,
          cell: cellOf(n.table, n.row),
          message: `Номер ${key} повторяется: уже есть в строке ${first.row.row}`,
          suggestion: "Исправьте номер одного из пунктов",
        });
      } else seen.set(key, n);
    }

    // Gaps and order, level by level: siblings share the parent path.
    const siblings = new Map<string, Numbered[]>();
    for (const n of numbered) {
      const parent = n.path.slice(0, -1).join(".");
      siblings.set(parent, [...(siblings.get(parent) ?? []), n]);
    }
    for (const [parent, list] of siblings) {
      const prefix = parent ? `${parent}.` : "";
      const present = new Set(list.map((n) => n.path[n.path.length - 1]));
      const max = Math.max(...present);
      const start = Math.min(1, ...present);
      const missing: number[] = [];
      for (let k = start; k <= max; k++) if (!present.has(k)) missing.push(k);
      if (missing.length > 0) {
        const firstAfter = list.find((n) => n.path[n.path.length - 1] > missing[0]) ?? list[list.length - 1];
        findings.push({
          rule: "numbering.gap",
          severity: "warning",
          sheet,
          cell: cellOf(firstAfter.table, firstAfter.row),
          message: `В нумерации пропущены пункты ${describeMissing(missing, prefix)}`,
          suggestion: "Проверьте, не потерялись ли мероприятия при вставке, или перенумеруйте пункты",
        });
      }
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1].path[list[i - 1].path.length - 1];
        const cur = list[i].path[list[i].path.length - 1];
        if (cur < prev) {
          findings.push({
            rule: "numbering.order",
            severity: "warning",
            sheet,
            cell: cellOf(list[i].table, list[i].row),
            message: `Пункт ${prefix}${cur} стоит после пункта ${prefix}${prev}: нумерация нарушена`,
            suggestion: "Переставьте строки по порядку номеров или перенумеруйте пункты",
          });
        } else if (cur > prev + 1) {
          const skipped: number[] = [];
          for (let k = prev + 1; k < cur; k++) if (present.has(k)) skipped.push(k);
          if (skipped.length > 0)
            findings.push({
              rule: "numbering.order",
              severity: "warning",
              sheet,
              cell: cellOf(list[i].table, list[i].row),
              message: `После пункта ${prefix}${prev} идёт пункт ${prefix}${cur}; пункты ${describeMissing(skipped, prefix)} стоят ниже`,
              suggestion: "Переставьте строки по порядку номеров или перенумеруйте пункты",
            });
        }
      }
    }
  }
  return findings;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
