/**
 * Consolidation benchmark: 500 returns (300 schools' forms, then 200 more: resubmissions saved later and
 * faulty returns) consolidated by `roadmap consolidate` (reader on worker threads, checks, the written
 * workbook), beside the plain single-thread ExcelJS read of the same files (load each, touch every cell) in
 * the same run, each side in a fresh process (consolidate-child.ts). Time and peak memory (the process's max RSS,
 * worker threads included) of each; ratio ours / ExcelJS.
 * Run alone: `npx tsx bench/consolidate.bench.ts`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XlsxWorkbookHost } from "../src/xlsx/host";
import { makeForms } from "../src/app/forms";
import { createMonitoring } from "../src/app/monitoring";
import { fill, typedFor } from "../test/consolidation/fill-forms";
import { schoolNames } from "../test/consolidation/fixtures";

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

/** One side, timed inside a fresh process (see consolidate-child.ts) so its memory peak is its own. */
function inChild(args: string[]): { ms: number; peakRssMb: number; returns: number } {
  const child = path.join(__dirname, "consolidate-child.ts");
  const r = spawnSync(process.execPath, ["--import", "tsx", child, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`consolidate-child ${args[0]}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { ms: number; peakRssMb: number; returns: number };
}

export async function benchConsolidate(): Promise<object> {
  const dir = mkdtempSync(path.join(tmpdir(), "roadmap-bench-consolidate-"));
  try {
    const { monitoring, returns } = await makeFiles(dir);
    const files = readdirSync(returns).map((f) => path.join(returns, f));
    const bytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
    const ours: { ms: number; peakRssMb: number }[] = [];
    const raw: { ms: number; peakRssMb: number }[] = [];
    let summary = { returns: 0 };
    for (let r = 0; r < REPEATS; r++) {
      const plain = inChild(["plain", returns]);
      raw.push({ ms: plain.ms, peakRssMb: plain.peakRssMb });
      const mine = inChild(["ours", monitoring, returns, path.join(dir, `svod-${r}.xlsx`)]);
      ours.push({ ms: mine.ms, peakRssMb: mine.peakRssMb });
      summary = { returns: mine.returns };
    }
    const best = (xs: { ms: number }[]) => Math.min(...xs.map((x) => x.ms));
    const peak = (xs: { peakRssMb: number }[]) => Math.max(...xs.map((x) => x.peakRssMb));
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
      note: "ours = the whole `consolidate` (read on worker threads, check, write the workbook); plain = ExcelJS load of every file, one thread; each side in a fresh process, timed inside it, peak = that process's max RSS",
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
