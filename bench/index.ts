/**
 * `npm run bench`: every benchmark side by side with its baseline in the same run; results in bench/results.json.
 * Speed is measured here, never in timed tests.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { benchDeadlines } from "./deadline.bench";
import { benchRead } from "./read.bench";
import { benchAnnotate } from "./annotate.bench";
import { benchMonitoring } from "./monitoring.bench";
import { benchConsolidate } from "./consolidate.bench";
import { benchLayouts } from "./layouts.bench";

async function main(): Promise<void> {
  const results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown" },
    read: await benchRead(),
    deadlines: await benchDeadlines(),
    annotate: await benchAnnotate(),
    monitoring: await benchMonitoring(),
    consolidate: await benchConsolidate(),
    // A correctness count over many generated layouts (issue 14), not a speed ratio.
    layouts: benchLayouts(5000, 1),
  };
  const out = resolve(__dirname, "results.json");
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
  console.log(`Результаты записаны в ${out}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
