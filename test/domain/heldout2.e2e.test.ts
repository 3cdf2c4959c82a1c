/**
 * End to end through `checkWorkbook` on the second held-out set (test/fixtures/heldout2): twenty roadmaps in
 * styles none of the other fixtures use, with readings written by hand before the engine saw them.
 *
 * First run (before any fix): FIRST_RUN_PLACEHOLDER
 */
import { HELDOUT2_EXPECTED } from "../fixtures/heldout2/expected";
import { heldout2Cases } from "../fixtures/heldout2/workbooks";
import { describeReadings } from "../fixtures/heldout/check-readings";

const cases = new Map(heldout2Cases().map((c) => [c.id, c]));

describe("second held-out fixtures", () => {
  it("has a reading for every workbook, twenty of them", () => {
    expect(HELDOUT2_EXPECTED.map((e) => e.id).sort()).toEqual([...cases.keys()].sort());
    expect(HELDOUT2_EXPECTED).toHaveLength(20);
  });
});

describeReadings("held-out 2", HELDOUT2_EXPECTED, cases);
