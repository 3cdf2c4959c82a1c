import type { Finding, RoadmapTable } from "../model";

/** A period that cannot be found: ask the user rather than guess silently. */
export function periodFindings(tables: RoadmapTable[]): Finding[] {
  return tables
    .filter((t) => t.period === null)
    .map((t) => ({
      rule: "period.missing",
      severity: "warning" as const,
      sheet: t.sheet,
      cell: t.range.split(":")[0],
      message: `Не удалось определить период дорожной карты на листе «${t.sheet}»: сроки без года нельзя проверить`,
      suggestion:
        "Укажите период в заголовке над таблицей (например, «на 2024-2025 учебный год» или «в 2025 году») или задайте его в области задач",
    }));
}
