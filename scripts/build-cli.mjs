// Bundles the `roadmap` CLI (src/cli/main.ts) into build/cli.js for bin/roadmap.js.
// Runs on `npm ci` (the "prepare" script), so it must be quick and quiet; exceljs stays an external
// dependency (it is in "dependencies"), everything else (domain, zod) is bundled.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

try {
  await build({
    entryPoints: [path.join(root, "src/cli/main.ts")],
    outfile: path.join(root, "build/cli.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["exceljs"],
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
  // The worker threads that read school returns in parallel (src/returns/pool.ts looks for it beside cli.js).
  await build({
    entryPoints: [path.join(root, "src/returns/worker.ts")],
    outfile: path.join(root, "build/returns-worker.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    legalComments: "none",
    logLevel: "warning",
  });
} catch (e) {
  console.error("Не удалось собрать CLI (build/cli.js):", e instanceof Error ? e.message : e);
  process.exit(1);
}
