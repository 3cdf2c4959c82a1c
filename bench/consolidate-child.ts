/**
 * One side of the consolidation benchmark in a process of its own, so its peak memory is its own: a process's
 * resident memory rarely shrinks, and the side measured second in a shared process would read as ~0 MB.
 * `consolidate-child.ts ours <monitoring.xlsx> <returns dir> <out.xlsx>` or `… plain <returns dir>`;
 * prints {"ms", "peakRssMb", "returns"} (peak RSS of the whole process, worker threads included).
 */
import ExcelJS from "exceljs";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { runCli } from "../src/cli/run";
import { nodeIo } from "../test/consolidation/node-io";

async function plainExcelJsRead(dir: string): Promise<number> {
  let cells = 0;
  for (const f of readdirSync(dir)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, f)) as unknown as ArrayBuffer);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)));
  }
  return cells;
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  const started = performance.now();
  let returns = 0;
  if (mode === "ours") {
    const io = nodeIo();
    const code = await runCli(["consolidate", args[0], args[1], "-o", args[2], "--json"], io);
    if (code !== 0) throw new Error(io.err.join(""));
    returns = (JSON.parse(io.out.join("")) as { returns: unknown[] }).returns.length;
  } else {
    await plainExcelJsRead(args[0]);
    returns = readdirSync(args[0]).length;
  }
  const ms = Math.round(performance.now() - started);
  // maxRSS is in kilobytes.
  const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(JSON.stringify({ ms, peakRssMb, returns }));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
