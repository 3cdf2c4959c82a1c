/**
 * The indicators of a workbook: found (find.ts), de-duplicated, given stable ids, with the user's corrections
 * (type, direction, unit, targets; remembered in the workbook settings) applied last.
 */
import type { WorkbookGrid } from "../grid";
import type { RoadmapTable } from "../model";
import { findIndicators } from "./find";
import { stableId, textKey } from "./ids";
import type { Indicator, IndicatorCorrections } from "./model";

export * from "./model";
export { classifyWording, readIndicatorValue, targetInText } from "./wording";
export { stableId, textKey } from "./ids";

export interface IndicatorReading {
  indicators: Indicator[];
  /** Russian lines for stderr / the pane: duplicates dropped. */
  warnings: string[];
}

export function readIndicators(
  wb: WorkbookGrid,
  tables: RoadmapTable[],
  corrections: IndicatorCorrections = {},
): IndicatorReading {
  const warnings: string[] = [];
  const byKey = new Map<string, Indicator>();
  const taken = new Set<string>();
  const out: Indicator[] = [];
  for (const f of findIndicators(wb, tables)) {
    const key = textKey(f.text);
    const first = byKey.get(key);
    if (first) {
      // The same indicator in a list and in a table: keep the first place, take the values it lacks.
      if (first.base === null) first.base = f.base;
      first.targets = { ...f.targets, ...first.targets };
      warnings.push(`Показатель «${f.text}» повторяется (${f.sheet}!${f.cell}): повтор пропущен.`);
      continue;
    }
    // The contract's field order, so the JSON reads as the contract shows it.
    const indicator: Indicator = {
      id: stableId("I", f.text, taken),
      text: f.text,
      type: f.type,
      unit: f.unit,
      direction: f.direction,
      base: f.base,
      targets: f.targets,
      sheet: f.sheet,
      cell: f.cell,
    };
    byKey.set(key, indicator);
    out.push(indicator);
  }
  for (const ind of out) {
    const fix = corrections[ind.id];
    if (!fix) continue;
    if (fix.type) {
      ind.type = fix.type;
      if (fix.unit === undefined)
        ind.unit = fix.type === "share" ? "%" : ind.type === "yesno" ? null : ind.unit;
    }
    if (fix.direction !== undefined) ind.direction = fix.direction;
    if (fix.unit !== undefined) ind.unit = fix.unit;
    if (fix.targets) ind.targets = { ...ind.targets, ...fix.targets };
  }
  return { indicators: out, warnings };
}
