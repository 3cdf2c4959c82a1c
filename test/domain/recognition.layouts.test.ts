/**
 * The layout generator's suite: one roadmap's content (test/fixtures/layouts/content.ts) laid out in many ways
 * (render.ts) must read the same every time — the same activities with the same folded text, the same deadline
 * windows, the same persons, the same sections. Expected values come from the content, never from the recogniser.
 *
 * 28 dimensions (header rows, column numbers, wording, deadline as text / quarter grid / month grid / start–end
 * columns, numbering, section placement and label, splits per activity and their style, spacers, repeated headers,
 * stamp, preamble, signatures, start column, calendar or school year, …): 2.7e19 combinations before normalisation
 * (1.3e13 without the per-activity splits). fast-check draws layouts with a fixed seed; LAYOUT_RUNS sets how many
 * (CI: 400), LAYOUT_SEED the seed. The larger run: `npx tsx bench/layouts.bench.ts [runs] [seed]`.
 * First run of the generator, before any fix: 688 of 1,000 layouts read right (sections folded into the activity
 * above in numbered tables; a sentence cut at a page break taken for a section).
 */
import fc from "fast-check";
import {
  ACTIVITY_COUNT,
  combinationCount,
  DIMENSIONS,
  expectedReading,
  normalizeLayout,
  renderLayout,
  SPLIT_KINDS,
  type Layout,
} from "../fixtures/layouts/render";
import { layoutArbitrary, readLayout } from "../fixtures/layouts/check";

const RUNS = Number(process.env.LAYOUT_RUNS ?? 400);
const SEED = Number(process.env.LAYOUT_SEED ?? 20260101);

describe("layout generator", () => {
  it(`covers ${combinationCount()} combinations of layout options`, () => {
    expect(combinationCount()).toBeGreaterThan(1_000_000n);
    expect(Object.keys(DIMENSIONS).length).toBeGreaterThanOrEqual(28);
    expect(SPLIT_KINDS).toHaveLength(4);
  });

  it("reads the plain layout the way the content says (the generator itself is right)", () => {
    const l = normalizeLayout({
      startCol: 0,
      above: "title",
      gapAbove: 0,
      header: "one",
      mergedDown: false,
      columnNumbers: "none",
      wording: 0,
      deadline: "text0",
      gridLabels: 0,
      mark: "х",
      order: "deadlineFirst",
      responsible: "one",
      personForm: "surnameFirst",
      result: "none",
      numbering: "dot",
      sectionPlace: "merged",
      sectionLabel: "plain",
      splits: Array(ACTIVITY_COUNT).fill("none"),
      respSplits: Array(ACTIVITY_COUNT).fill(false),
      spacer: "none",
      below: "none",
      activityCase: "asWritten",
      bullet: "none",
      extra: "none",
      repeatHeader: "none",
      splitStyle: "pageBreak",
      preamble: "none",
      year: "calendar",
      resultPos: "end",
      titleMerged: false,
    });
    const { workbook } = renderLayout(l);
    expect(workbook.sheets[0].rows[1]).toEqual([
      "№ п/п",
      "Наименование мероприятия",
      "Срок исполнения",
      "Ответственный исполнитель",
    ]);
    expect(workbook.sheets[0].rows[3]).toEqual([
      "1.",
      "Формирование муниципальной рабочей группы по сопровождению школ с низкими образовательными результатами",
      "I квартал 2026 г.",
      "Смирнова Е.А., начальник отдела общего образования",
    ]);
    expect(readLayout(l)).toEqual(expectedReading(l));
  });

  it(`reads every layout the same (${RUNS} layouts, seed ${SEED})`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(layoutArbitrary(), (raw: Layout) => {
        const l = normalizeLayout(raw);
        seen.add(JSON.stringify(l));
        expect(readLayout(l)).toEqual(expectedReading(l));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(seen.size).toBeGreaterThan(RUNS * 0.95);
  });
});
