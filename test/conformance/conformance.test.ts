/**
 * One suite, every host: the same plans applied to the in-memory host, the .xlsx host (through a written file) and
 * the typed fake Excel must give the same workbook, compared through the normalised model cell by cell.
 */
import { SCENARIOS } from "./plans";
import { memoryResult, xlsxResult } from "./hosts";

describe.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
  test(".xlsx host = in-memory host", async () => {
    const { snapshot } = await xlsxResult(scenario);
    expect(snapshot).toEqual(memoryResult(scenario));
  });
});
