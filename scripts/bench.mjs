// Runs the TypeScript benchmarks with tsx (no build step); results go to bench/results.json.
import { spawnSync } from "node:child_process";
const r = spawnSync(process.execPath, ["--import", "tsx", "bench/index.ts"], { stdio: "inherit" });
process.exit(r.status ?? 1);
