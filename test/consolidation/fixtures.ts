/**
 * A template and form fingerprints built from a schema in the tests (the layout the monitoring helper's forms
 * use may differ; consolidation only relies on the fingerprint, so any layout that the fingerprint describes
 * must work). Sheet «Показатели»: indicator label in B, inputs in C (and D); «Мероприятия»: status/document/comment
 * in D/E/F.
 */
import type { CellValue } from "../../src/domain/grid";
import {
  FINGERPRINT_MARKER,
  activityInputName,
  inputName,
  type Fingerprint,
  type FormInput,
  type InputPart,
} from "../../src/domain/monitoring/fingerprint";
import type {
  ConsolidationTemplate,
  ReturnReading,
  TemplateIndicator,
} from "../../src/domain/consolidation/template";
import { cellKey } from "../../src/domain/consolidation/template";

export const INDICATORS: TemplateIndicator[] = [
  {
    id: "I01",
    text: "Доля педагогов, прошедших диагностику профессиональных дефицитов",
    type: "share",
    unit: "%",
    direction: "higher",
    targets: { "2024": 80 },
  },
  {
    id: "I02",
    text: "Количество уроков, посещённых администрацией",
    type: "count",
    unit: null,
    direction: "higher",
    targets: { "2024": 500 },
  },
  {
    id: "I03",
    text: "Средний балл ОГЭ по математике",
    type: "number",
    unit: "балл",
    direction: "higher",
    targets: {},
  },
  {
    id: "I04",
    text: "Наличие в ОО системы наставничества",
    type: "yesno",
    unit: null,
    direction: "higher",
    targets: { "2024": 100 },
  },
  {
    id: "I05",
    text: "Положительная динамика результатов ВПР (число обучающихся, преодолевших порог)",
    type: "dynamics",
    unit: null,
    direction: "higher",
    targets: {},
  },
  {
    id: "I06",
    text: "Количество пропусков уроков без уважительной причины",
    type: "count",
    unit: null,
    direction: "lower",
    targets: { "2024": 40 },
  },
];

export const ACTIVITIES = [
  { id: "A01", activity: "Заседание рабочей группы по реализации программы" },
  { id: "A02", activity: "Посещение уроков администрацией" },
];

export function schoolNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `МБОУ СОШ № ${i + 1}`);
}

export function makeTemplate(schools = schoolNames(5), version = 1): ConsolidationTemplate {
  return {
    template: { id: "TPL-2024-Q1-abc", version, quarter: "2024-Q1" },
    schools,
    indicators: INDICATORS,
    activities: ACTIVITIES,
  };
}

const IND_SHEET = "Показатели";
const ACT_SHEET = "Мероприятия";
export const FIRST_INDICATOR_ROW = 7;

function partsOf(type: TemplateIndicator["type"]): { part: InputPart; type: FormInput["type"] }[] {
  switch (type) {
    case "share":
      return [
        { part: "numerator", type: "integer" },
        { part: "denominator", type: "integer" },
      ];
    case "dynamics":
      return [
        { part: "value", type: "number" },
        { part: "previous", type: "number" },
      ];
    case "count":
      return [{ part: "value", type: "integer" }];
    case "yesno":
      return [{ part: "value", type: "yesno" }];
    case "text":
      return [{ part: "value", type: "text" }];
    default:
      return [{ part: "value", type: "number" }];
  }
}

export function makeFingerprint(t: ConsolidationTemplate, school: string): Fingerprint {
  const inputs: FormInput[] = [];
  t.indicators.forEach((ind, i) => {
    partsOf(ind.type).forEach((p, k) => {
      inputs.push({
        indicator: ind.id,
        part: p.part,
        sheet: IND_SHEET,
        cell: `${String.fromCharCode(67 + k)}${FIRST_INDICATOR_ROW + i}`,
        type: p.type,
        name: inputName(ind.id, p.part),
      });
    });
  });
  const activityInputs = t.activities.map((a, i) => ({
    activity: a.id,
    sheet: ACT_SHEET,
    status: `D${5 + i}`,
    evidence: `E${5 + i}`,
    comment: `F${5 + i}`,
    names: {
      status: activityInputName(a.id, "status"),
      evidence: activityInputName(a.id, "evidence"),
      comment: activityInputName(a.id, "comment"),
    },
  }));
  return {
    marker: FINGERPRINT_MARKER,
    template: t.template,
    school,
    indicators: t.indicators.map((i) => ({ id: i.id, text: i.text })),
    inputs,
    activityInputs,
    schoolCell: { sheet: IND_SHEET, cell: "B3" },
  };
}

/** Values a school types, by indicator id → part → value; activities → [status, evidence]. */
export interface Filled {
  values: Record<string, Partial<Record<InputPart, CellValue>>>;
  activities: Record<string, [CellValue, CellValue]>;
}

export function correctFill(seed: number): Filled {
  const den = 10 + (seed % 17);
  return {
    values: {
      I01: { numerator: Math.min(den, 3 + (seed % 11)), denominator: den },
      I02: { value: 4 + (seed % 9) },
      I03: { value: 3 + (seed % 5) / 4 },
      I04: { value: seed % 3 === 0 ? "Нет" : "Да" },
      I05: { value: 20 + (seed % 7), previous: 18 + (seed % 5) },
      I06: { value: seed % 6 },
    },
    activities: { A01: ["Выполнено", "Протокол № 3"], A02: [seed % 2 ? "В работе" : "Не начато", null] },
  };
}

/** A reading as a reader would return it for an unaltered, filled form. */
export function makeReading(
  t: ConsolidationTemplate,
  school: string,
  fill: Filled,
  file = `${school}.xlsx`,
): ReturnReading {
  const fp = makeFingerprint(t, school);
  const names: Record<string, string> = {};
  const cells: Record<string, CellValue> = {};
  const rowTexts: Record<string, string> = {};
  for (const input of fp.inputs) {
    names[input.name] = `'${input.sheet}'!$${input.cell.replace(/(\d+)/, "$$$1")}`;
    cells[cellKey(input.sheet, input.cell)] = fill.values[input.indicator]?.[input.part] ?? null;
  }
  t.indicators.forEach((ind, i) => (rowTexts[cellKey(IND_SHEET, `B${FIRST_INDICATOR_ROW + i}`)] = ind.text));
  for (const a of fp.activityInputs) {
    for (const f of ["status", "evidence", "comment"] as const)
      names[a.names[f]] = `${a.sheet}!$${a[f][0]}$${a[f].slice(1)}`;
    const [status, evidence] = fill.activities[a.activity] ?? [null, null];
    cells[cellKey(a.sheet, a.status)] = status;
    cells[cellKey(a.sheet, a.evidence)] = evidence;
  }
  cells[cellKey(IND_SHEET, "B3")] = school;
  return {
    file,
    key: `${file}|${school}`,
    modified: "2024-03-20T10:00:00Z",
    fileModified: null,
    problem: null,
    fingerprintText: JSON.stringify(fp),
    sheets: [IND_SHEET, ACT_SHEET, "_RoadmapForm"],
    names,
    cells,
    rowTexts,
  };
}
