/**
 * Consolidation benchmark: 500 returns (300 schools' forms, then 200 more: resubmissions saved later and
 * faulty returns) consolidated by `roadmap consolidate` (reader on worker threads, checks, the written
 * workbook), beside the plain single-thread ExcelJS read of the same files (load each, touch every cell) in
 * the same run. Time and peak memory (process RSS, worker threads included) of each; ratio ours / ExcelJS.
 * Run alone: `npx tsx bench/consolidate.bench.ts`.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../src/cli/run";
import { XlsxWorkbookHost } from "../src/xlsx/host";
import { makeForms } from "../src/app/forms";
import { createMonitoring } from "../src/app/monitoring";
import { fill, typedFor } from "../test/consolidation/fill-forms";
import { schoolNames } from "../test/consolidation/fixtures";
import { nodeIo } from "../test/consolidation/node-io";

const SCHOOLS = 300;
const EXTRA = 200;
const REPEATS = 2;

/**
 * The monitoring workbook of seed 003 for 300 schools and its forms (the monitoring command's own), filled as
 * schools would; then 200 more returns: resubmissions saved later, some with a numerator above its denominator
 * or text in a number cell.
 */
async function makeFiles(dir: string): Promise<{ monitoring: string; returns: string }> {
  const returns = path.join(dir, "returns");
  mkdirSync(returns);
  const host = await XlsxWorkbookHost.open(
    readFileSync(path.join(__dirname, "../test/fixtures/xlsx/003-pasted.xlsx")),
    "003.xlsx",
  );
  await createMonitoring(host, { quarter: "2025-Q1", schools: schoolNames(SCHOOLS) });
  const monitoring = path.join(dir, "monitoring.xlsx");
  writeFileSync(monitoring, await host.toBuffer());
  const { forms, template } = await makeForms(
    await XlsxWorkbookHost.open(readFileSync(monitoring), "m.xlsx"),
    (n) => XlsxWorkbookHost.empty(n),
  );
  const share = template.indicators.find((i) => i.type === "share")?.id;
  for (let i = 0; i < SCHOOLS; i++) {
    const typed = typedFor(forms[i].fingerprint, i + 1);
    writeFileSync(
      path.join(returns, `school-${i + 1}.xlsx`),
      await fill(forms[i].bytes, typed, new Date("2025-03-20T10:00:00Z")),
    );
  }
  for (let k = 0; k < EXTRA; k++) {
    const i = (k * 7) % SCHOOLS;
    const typed = typedFor(forms[i].fingerprint, k + 1000);
    if (share && k % 3 === 1) typed[share] = { numerator: 50, denominator: 10 };
    if (share && k % 3 === 2) typed[share] = { numerator: "около 5", denominator: 10 };
    writeFileSync(
      path.join(returns, `resubmitted-${k + 1}.xlsx`),
      await fill(forms[i].bytes, typed, new Date("2025-03-28T10:00:00Z")),
    );
  }
  return { monitoring, returns };
}

/** Run `fn` while sampling the process's resident memory; returns the time and the peak above the start. */
async function measure(fn: () => Promise<void>): Promise<{ ms: number; peakMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: Math.round(ms), peakMb: Math.round(((peak - base) / 1048576) * 10) / 10 };
}

async function plainExcelJsRead(files: string[]): Promise<number> {
  let cells = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)));
  }
  return cells;
}

export async function benchConsolidate(): Promise<object> {
  const dir = mkdtempSync(path.join(tmpdir(), "roadmap-bench-consolidate-"));
  try {
    const { monitoring, returns } = await makeFiles(dir);
    const files = readdirSync(returns).map((f) => path.join(returns, f));
    const bytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
    const ours: { ms: number; peakMb: number }[] = [];
    const raw: { ms: number; peakMb: number }[] = [];
    let summary = { returns: 0, missing: 0 };
    for (let r = 0; r < REPEATS; r++) {
      raw.push(await measure(async () => void (await plainExcelJsRead(files))));
      ours.push(
        await measure(async () => {
          const io = nodeIo();
          const code = await runCli(
            ["consolidate", monitoring, returns, "-o", path.join(dir, `svod-${r}.xlsx`), "--json"],
            io,
          );
          if (code !== 0) throw new Error(io.err.join(""));
          const json = JSON.parse(io.out.join("")) as { returns: unknown[]; missing: unknown[] };
          summary = { returns: json.returns.length, missing: json.missing.length };
        }),
      );
    }
    const best = (xs: { ms: number }[]) => Math.min(...xs.map((x) => x.ms));
    const peak = (xs: { peakMb: number }[]) => Math.max(...xs.map((x) => x.peakMb));
    return {
      name: "consolidate",
      files: files.length,
      schools: SCHOOLS,
      totalBytes: bytes,
      ...summary,
      repeats: REPEATS,
      oursBestMs: best(ours),
      plainExcelJsBestMs: best(raw),
      ratioOursToPlainRead: Math.round((best(ours) / best(raw)) * 100) / 100,
      oursPeakRssMb: peak(ours),
      plainExcelJsPeakRssMb: peak(raw),
      oursSamples: ours,
      plainSamples: raw,
      note: "ours = the whole `consolidate` (read on worker threads, check, write the workbook); plain = ExcelJS load of every file, one thread",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchConsolidate().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
