/**
 * «Показатели» / `roadmap indicators`: the indicator lists of the workbook with the user's corrections
 * (remembered in the workbook) applied; `correctIndicator` remembers one more.
 */
import { UserFacingError, type WorkbookHost } from "../domain/host";
import { readIndicators, type Indicator, type IndicatorCorrection } from "../domain/indicators";
import { recognise, type Recognised } from "./recognise";
import { loadSettings, updateSettings } from "./settings";

export interface IndicatorsOutcome {
  recognised: Recognised;
  indicators: Indicator[];
  /** Russian lines: repeats dropped. */
  warnings: string[];
}

export const NO_INDICATORS =
  "В книге не найден список показателей: нужен перечень строк «Доля …», «Количество …», «Наличие …» под заголовком, таблица показателей с базовым значением и целями по годам или цели в столбце результатов дорожной карты.";

/** The indicators; throws UserFacingError (Russian) when the workbook has none. */
export async function indicators(host: WorkbookHost, recognised?: Recognised): Promise<IndicatorsOutcome> {
  const r = recognised ?? (await recognise(host));
  const { indicators: list, warnings } = readIndicators(r.workbook, r.tables, r.settings.indicators);
  if (!list.length) throw new UserFacingError(NO_INDICATORS);
  return { recognised: r, indicators: list, warnings };
}

/** Remember the user's change of an indicator's type, direction, unit or targets. */
export async function correctIndicator(
  host: WorkbookHost,
  id: string,
  fix: IndicatorCorrection,
): Promise<void> {
  const settings = await loadSettings(host);
  const merged = { ...settings.indicators[id], ...fix };
  if (fix.targets) merged.targets = { ...settings.indicators[id]?.targets, ...fix.targets };
  await updateSettings(host, { indicators: { ...settings.indicators, [id]: merged } });
}
