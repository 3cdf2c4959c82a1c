/**
 * Rules over whole tables: the same roadmap pasted twice on one sheet is read as two tables, and every activity
 * would be counted — and checked — twice. Across sheets the same plan is normal (one sheet per school from a
 * template), so only repeats on one sheet are reported.
 */
import { parseA1, a1 } from "../grid";
import type { ActivityRow, Finding, RoadmapTable } from "../model";
import { normalizeRuText } from "../ru";

function activityTexts(t: RoadmapTable): string[] {
  return t.rows
    .filter((r): r is ActivityRow => r.kind === "activity")
    .map((r) => normalizeRuText(r.activity));
}

export function tableFindings(tables: RoadmapTable[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, RoadmapTable>();
  for (const t of tables) {
    const texts = activityTexts(t);
    // One activity alike is a coincidence; a repeat needs a real list.
    if (texts.length < 2) continue;
    const key = JSON.stringify([t.sheet, texts]);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, t);
      continue;
    }
    const range = parseA1(t.range);
    out.push({
      rule: "structure.duplicate-table",
      severity: "warning",
      sheet: t.sheet,
      cell: range ? a1(range.top, range.left) : null,
      message: `Таблица ${t.range} повторяет таблицу ${first.range} выше на листе: те же мероприятия в том же порядке`,
      suggestion: "Удалите повторную вставку, если она сделана по ошибке",
    });
  }
  return out;
}
