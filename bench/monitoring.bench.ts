/**
 * Monitoring benchmark: the monitoring workbook and the forms for 300 schools × 25 indicators (createMonitoring
 * + makeForms through the .xlsx host: validation, protection, defined names, fingerprint), against writing the
 * same cells (every value and formula of the same plans) with plain ExcelJS, same run. Time and total size.
 * Run alone: npx tsx bench/monitoring.bench.ts
 */
import ExcelJS from "exceljs";
import { makeForms } from "../src/app/forms";
import { createMonitoring } from "../src/app/monitoring";
import type { EditPlan } from "../src/domain/edit-plan";
import type { CellValue, WorkbookGrid } from "../src/domain/grid";
import { planMonitoringWorkbook, planSchoolForm, type MonitoringTemplate } from "../src/domain/monitoring";
import { XlsxWorkbookHost } from "../src/xlsx/host";
import { writeWorkbookGrid } from "../src/xlsx/write";

const SCHOOLS = 300;
const INDICATORS = 25;
const WORDING = [
  "Доля педагогов, прошедших курсы повышения квалификации по теме",
  "Количество обучающихся, не преодолевших минимальный порог по предмету",
  "Средний балл ОГЭ по предмету",
  "Наличие программы наставничества по направлению",
  "Положительная динамика результатов ВПР по предмету",
];

/** A roadmap with an indicator table of 25 rows (targets for 2025) and 20 activities due in 2025-Q1. */
function workbook(): WorkbookGrid {
  const rows: CellValue[][] = [
    ["План мероприятий («дорожная карта») на 2025 год"],
    ["№", "Мероприятие", "Срок", "Ответственный"],
  ];
  for (let i = 1; i <= 20; i++)
    rows.push([
      `${i}.`,
      `Мероприятие ${i} по повышению качества образования`,
      "до 20.03.2025",
      "Иванова А.А.",
    ]);
  rows.push(
    [],
    ["Целевые показатели"],
    ["№", "Наименование показателя", "Ед. изм.", "Базовое значение", "2025", "2026"],
  );
  for (let i = 0; i < INDICATORS; i++) {
    const text = `${WORDING[i % WORDING.length]} № ${i + 1}`;
    const yes = text.startsWith("Наличие");
    rows.push([i + 1, text, null, yes ? "нет" : 10 + i, yes ? "да" : 20 + i, yes ? "да" : 30 + i]);
  }
  return {
    sheets: [{ name: "Лист1", rows, merges: [], hiddenRows: [], hiddenColumns: [], protected: false }],
  };
}

/** The cells of a plan (values and formulas) written with plain ExcelJS: the baseline. */
async function plainExcelJs(plan: EditPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const op of plan.ops) {
    if (op.op === "addSheet") wb.addWorksheet(op.sheet);
    else if (op.op === "setValues")
      op.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== null) wb.getWorksheet(op.sheet)!.getCell(op.row + i + 1, op.col + j + 1).value = v;
        }),
      );
    else if (op.op === "setFormulas")
      op.formulas.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f)
            wb.getWorksheet(op.sheet)!.getCell(op.row + i + 1, op.col + j + 1).value = {
              formula: f.slice(1),
            };
        }),
      );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function benchMonitoring() {
  const input = await writeWorkbookGrid(workbook());
  const schools = Array.from(
    { length: SCHOOLS },
    (_, i) => `МБОУ «Средняя общеобразовательная школа № ${i + 1}»`,
  );

  let t0 = performance.now();
  const host = await XlsxWorkbookHost.open(input, "bench.xlsx");
  const created = await createMonitoring(host, { quarter: "2025-Q1", schools });
  const monitoringBytes = await host.toBuffer();
  const tMonitoring = performance.now() - t0;
  t0 = performance.now();
  const reopened = await XlsxWorkbookHost.open(monitoringBytes, "m.xlsx");
  const forms = await makeForms(reopened, (n) => XlsxWorkbookHost.empty(n));
  const tForms = performance.now() - t0;
  const formsBytes = forms.forms.reduce((s, f) => s + f.bytes.length, 0);

  const t: MonitoringTemplate = created.template;
  t0 = performance.now();
  const baseMonitoring = await plainExcelJs(planMonitoringWorkbook(t));
  const tBaseMonitoring = performance.now() - t0;
  t0 = performance.now();
  let baseFormsBytes = 0;
  for (const school of t.schools)
    baseFormsBytes += (await plainExcelJs(planSchoolForm(t, school).plan)).length;
  const tBaseForms = performance.now() - t0;

  const ms = (x: number) => Math.round(x);
  return {
    schools: t.schools.length,
    indicators: t.indicators.length,
    activities: t.activities.length,
    ours: {
      monitoringMs: ms(tMonitoring),
      monitoringBytes: monitoringBytes.length,
      formsMs: ms(tForms),
      formsBytes,
      msPerForm: Math.round((tForms / SCHOOLS) * 10) / 10,
    },
    plainExcelJs: {
      monitoringMs: ms(tBaseMonitoring),
      monitoringBytes: baseMonitoring.length,
      formsMs: ms(tBaseForms),
      formsBytes: baseFormsBytes,
    },
    ratio: {
      monitoringTime: Math.round((tMonitoring / tBaseMonitoring) * 100) / 100,
      formsTime: Math.round((tForms / tBaseForms) * 100) / 100,
      totalSize:
        Math.round(((monitoringBytes.length + formsBytes) / (baseMonitoring.length + baseFormsBytes)) * 100) /
        100,
    },
    note: "ours includes reading the roadmap, recognition, validation, protection, defined names and the fingerprint; the baseline writes only the same values and formulas",
  };
}

if (require.main === module) {
  benchMonitoring().then((r) => console.log(JSON.stringify(r, null, 2)));
}
