/**
 * «Формы для школ» / `roadmap forms`: one workbook per school from the monitoring template remembered in the
 * workbook (createMonitoring). Each form is built as an EditPlan applied to a blank workbook the caller makes
 * (the .xlsx host: in the pane a lazily loaded chunk, in the CLI a file); all forms are made before any is
 * written, so a failure writes nothing.
 */
import { UserFacingError, type WorkbookHost } from "../domain/host";
import {
  formFileNames,
  planSchoolForm,
  type Fingerprint,
  type MonitoringTemplate,
} from "../domain/monitoring";
import { loadSettings } from "./settings";

/** A blank workbook to build a form in, and its bytes once built. */
export interface FormWorkbook {
  apply: WorkbookHost["apply"];
  toBuffer(): Promise<Uint8Array>;
}

export interface SchoolFormFile {
  school: string;
  /** Safe on Windows, unique («МБОУ СОШ № 1.xlsx»). */
  fileName: string;
  bytes: Uint8Array;
  fingerprint: Fingerprint;
}

export interface FormsOutcome {
  template: MonitoringTemplate;
  forms: SchoolFormFile[];
}

export const NO_TEMPLATE =
  "В книге нет шаблона мониторинга: сначала создайте лист мониторинга («Создать лист мониторинга» или roadmap monitoring).";

export async function monitoringTemplate(host: WorkbookHost, quarter?: string): Promise<MonitoringTemplate> {
  const setting = (await loadSettings(host)).monitoring;
  const t = setting?.templates[quarter ?? setting.template.quarter];
  if (!t) throw new UserFacingError(quarter ? `В книге нет шаблона мониторинга за ${quarter}.` : NO_TEMPLATE);
  return t;
}

export async function makeForms(
  host: WorkbookHost,
  blank: (name: string) => FormWorkbook | Promise<FormWorkbook>,
  opts: { quarter?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<FormsOutcome> {
  const template = await monitoringTemplate(host, opts.quarter);
  if (!template.schools.length) throw new UserFacingError("В шаблоне мониторинга нет ни одной школы.");
  const names = formFileNames(template.schools);
  const forms: SchoolFormFile[] = [];
  for (let i = 0; i < template.schools.length; i++) {
    const school = template.schools[i];
    const { plan, fingerprint } = planSchoolForm(template, school);
    const wb = await blank(names[i]);
    await wb.apply(plan);
    forms.push({ school, fileName: names[i], bytes: await wb.toBuffer(), fingerprint });
    opts.onProgress?.(i + 1, template.schools.length);
  }
  return { template, forms };
}
