/**
 * Annotate benchmark: «Добавить столбцы контроля» on the synthetic 10,000-activity roadmap (read the .xlsx,
 * recognise, plan, apply, save), beside the bare ExcelJS load of the same file and its load + save in the same
 * run (ratios), and the Office.js sync count of the same command on the typed fake Excel.
 * Run alone: `npx tsx bench/annotate.bench.ts`.
 */
import ExcelJS from "exceljs";
import { addControlColumns } from "../src/app/annotate";
import { ExcelWorkbookHost } from "../src/excel/host";
import { XlsxWorkbookHost } from "../src/xlsx/host";
import { writeWorkbookGrid } from "../src/xlsx/write";
import { FakeExcel } from "../test/fake-excel";
import { median, rawExcelJs, syntheticRoadmap } from "./read.bench";

const REPEATS = 3;

/** The least any file-to-file command costs: ExcelJS loads the file and saves it again. */
async function rawLoadSave(data: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return ((await wb.xlsx.writeBuffer()) as unknown as Uint8Array).byteLength;
}

async function annotateFile(data: Uint8Array): Promise<number> {
  const host = await XlsxWorkbookHost.open(data, "bench.xlsx");
  await addControlColumns(host);
  return (await host.toBuffer()).length;
}

async function syncs(activities: number): Promise<number> {
  const excel = new FakeExcel();
  const host = new ExcelWorkbookHost(excel.run, { isSetSupported: excel.requirements.isSetSupported });
  const grid = syntheticRoadmap(activities);
  excel.addSheet(
    grid.sheets[0].name,
    grid.sheets[0].rows.map((r) => r.map((v) => v ?? "")),
  );
  excel.syncCount = 0;
  await addControlColumns(host);
  return excel.syncCount;
}

export async function benchAnnotate(): Promise<object> {
  const grid = syntheticRoadmap();
  const data = await writeWorkbookGrid(grid, { realDates: true });
  await rawExcelJs(data);
  await annotateFile(data);
  const raw: number[] = [];
  const roundTrip: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    let t = performance.now();
    await rawExcelJs(data);
    raw.push(performance.now() - t);
    t = performance.now();
    await rawLoadSave(data);
    roundTrip.push(performance.now() - t);
    t = performance.now();
    await annotateFile(data);
    ours.push(performance.now() - t);
  }
  const rawMs = median(raw);
  const ourMs = median(ours);
  return {
    name: "annotate",
    activities: 10_000,
    repeats: REPEATS,
    rawExcelJsLoadMedianMs: Math.round(rawMs),
    annotateMedianMs: Math.round(ourMs),
    ratioAnnotateToRawLoad: Math.round((ourMs / rawMs) * 100) / 100,
    rawExcelJsLoadSaveMedianMs: Math.round(median(roundTrip)),
    ratioAnnotateToRawLoadSave: Math.round((ourMs / median(roundTrip)) * 100) / 100,
    officeJsSyncs: { activities10: await syncs(10), activities10000: await syncs(10_000) },
  };
}

if (typeof require !== "undefined" && require.main === module) {
  benchAnnotate().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
