/**
 * Everything the add-in remembers inside a workbook, as one zod schema. Stored by the host on the very hidden
 * sheet `_RoadmapMonitor` (one key a row, JSON text; see src/domain/workbook-format/settings-format.ts), so the task pane in
 * Excel, the browser preview and the CLI read the same corrections from the same file.
 *
 * Each key is parsed on its own: a hand-edited or damaged value falls back to its default and the others
 * still apply. A capability adds its key here, additively.
 */
import { z } from "zod";
import { ColumnRole, IsoDate, Period, Severity } from "../domain/model";
import type { TableOverride } from "../domain/recognition";
import type { WorkbookHost } from "../domain/host";
import { ControlSetting } from "../domain/control/annotate";
import { IndicatorCorrections } from "../domain/indicators/model";
import { MonitoringSetting } from "../domain/monitoring/template";
import { ConsolidationSetting } from "../domain/consolidation/record";

const ColumnLetters = z.union([z.string(), z.array(z.string()), z.null()]);

/** The user's correction of one recognised table (or a table the user marked by hand). */
export const TableOverrideSchema = z.object({
  sheet: z.string(),
  range: z.string().optional(),
  columns: z.partialRecord(ColumnRole, ColumnLetters).optional(),
  period: Period.nullable().optional(),
  approved: IsoDate.nullable().optional(),
});

/** Key → schema with its default. Keys are the names stored in the workbook: never rename one. */
export const SETTINGS_SCHEMA = {
  /** Column roles, table range, period and approval date the user corrected («Распознать таблицу»). */
  overrides: z.array(TableOverrideSchema).catch([]),
  /** findingKey() of findings the user dismissed («Проверка»). */
  dismissed: z.array(z.string()).catch([]),
  /** Rule ids the user hid as a whole («Проверка»). */
  hiddenRules: z.array(z.string()).catch([]),
  /** How loud «only a role, no named person» is: some authorities accept roles, others do not. */
  vagueRoleSeverity: Severity.catch("info"),
  /** What «Добавить столбцы контроля» added, per sheet (src/domain/control/annotate.ts); null before the first run. */
  control: ControlSetting.nullable().catch(null),
  /** The user's corrections of indicators (type, direction, unit, targets) by indicator id («Мониторинг»). */
  indicators: IndicatorCorrections.catch({}),
  /** The monitoring templates made, by quarter, and the last one (the forms are made from it). */
  monitoring: MonitoringSetting.nullable().catch(null),
  /** The returns checked so far for the current template and quarter («Свод»): a rerun merges with them. */
  consolidation: ConsolidationSetting.nullable().catch(null),
} as const;

type Schema = typeof SETTINGS_SCHEMA;
export type WorkbookSettings = { [K in keyof Schema]: z.infer<Schema[K]> };
export type SettingKey = keyof Schema;

/** Every setting, parsed, with defaults for what is absent or damaged. One read of the workbook. */
export async function loadSettings(host: WorkbookHost): Promise<WorkbookSettings> {
  return parseSettings(await host.readSettings());
}

export function parseSettings(stored: Record<string, unknown>): WorkbookSettings {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) out[key] = schema.parse(stored[key]);
  return out as WorkbookSettings;
}

/** Store the given settings (validated first, so a bad value never reaches the workbook). */
export async function updateSettings(host: WorkbookHost, patch: Partial<WorkbookSettings>): Promise<void> {
  for (const key of Object.keys(patch) as SettingKey[]) {
    const value = SETTINGS_SCHEMA[key].parse(patch[key]);
    await host.setSetting(key, value);
  }
}

/** The overrides as the recogniser takes them. */
export function tableOverrides(settings: WorkbookSettings): TableOverride[] {
  return settings.overrides as TableOverride[];
}
