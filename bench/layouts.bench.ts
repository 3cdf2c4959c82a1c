/**
 * The layout generator's larger run: many more layouts than CI draws (test/domain/recognition.layouts.test.ts),
 * each read and compared with the content's expected reading. Reports how many read right, the first
 * counterexamples, and the time per layout. Run alone: `npx tsx bench/layouts.bench.ts [runs] [seed]`.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { layoutArbitrary, readLayout } from "../test/fixtures/layouts/check";
import { combinationCount, expectedReading, normalizeLayout } from "../test/fixtures/layouts/render";

export interface LayoutsBench {
  combinations: string;
  runs: number;
  distinct: number;
  right: number;
  msPerLayout: number;
  counterexamples: unknown[];
}

export function benchLayouts(runs = 5000, seed = 1): LayoutsBench {
  const layouts = fc.sample(layoutArbitrary(), { numRuns: runs, seed }).map(normalizeLayout);
  const seen = new Set<string>();
  const counterexamples: unknown[] = [];
  let right = 0;
  const started = performance.now();
  for (const l of layouts) {
    seen.add(JSON.stringify(l));
    const got = readLayout(l);
    const want = expectedReading(l);
    if (isDeepStrictEqual(got, want)) right++;
    else if (counterexamples.length < 5) counterexamples.push({ layout: l, got, want });
  }
  const ms = performance.now() - started;
  return {
    combinations: combinationCount().toString(),
    runs,
    distinct: seen.size,
    right,
    msPerLayout: Math.round((ms / runs) * 100) / 100,
    counterexamples,
  };
}

if (require.main === module) {
  const r = benchLayouts(Number(process.argv[2] ?? 5000), Number(process.argv[3] ?? 1));
  console.log(JSON.stringify(r, null, 2));
  process.exit(r.right === r.runs ? 0 : 1);
}
