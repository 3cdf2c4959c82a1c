/**
 * Checking one returned form against the template: is it a form of this template and quarter, from an
 * expected school; can every input be found with certainty; does every value fit its type. The result is a
 * ReturnRecord: the values that passed, and every reason with the cell it concerns.
 */
import { STATUS_LIST } from "../model";
import type { CellValue } from "../grid";
import { Fingerprint, FINGERPRINT_MARKER, type FormInput } from "../monitoring/fingerprint";
import { locateActivityField, locateInput, type Location } from "./locate";
import { readRussianNumber, readYesNo, round2 } from "./russian-number";
import type { ReturnReason, ReturnRecord, SchoolValue, ActivityStatus } from "./record";
import { cellKey, type ConsolidationTemplate, type ReturnReading, type TemplateIndicator } from "./template";

const DONE = new Set(["Выполнено", "Выполнено с нарушением срока"]);

const PART_RU: Record<FormInput["part"], string> = {
  numerator: "числитель",
  denominator: "знаменатель",
  value: "значение",
  previous: "значение прошлого периода",
};

/** School names compared the way people retype them: case, «ё», quotes, runs of spaces and «№» spacing. */
export function schoolKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"„“”']/g, "")
    .replace(/№\s*/g, "№ ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The expected schools by key, computed once per template (hundreds of returns are checked against it). */
const schoolIndex = new WeakMap<ConsolidationTemplate, Map<string, string>>();
function expectedSchools(t: ConsolidationTemplate): Map<string, string> {
  let index = schoolIndex.get(t);
  if (!index) {
    index = new Map(t.schools.map((s) => [schoolKey(s), s]));
    schoolIndex.set(t, index);
  }
  return index;
}

function savedAt(r: ReturnReading): string | null {
  return r.modified ?? r.fileModified ?? null;
}

function base(r: ReturnReading): ReturnRecord {
  return {
    file: r.file,
    key: r.key,
    savedAt: savedAt(r),
    school: null,
    rejected: false,
    reasons: [],
    values: [],
    activities: [],
  };
}

function reject(rec: ReturnRecord, rule: string, message: string): ReturnRecord {
  return {
    ...rec,
    rejected: true,
    reasons: [...rec.reasons, { rule, severity: "error", cell: null, message }],
  };
}

export function parseFingerprint(text: string | null): Fingerprint | null | "damaged" {
  if (text === null) return null;
  try {
    const parsed = Fingerprint.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : "damaged";
  } catch {
    return "damaged";
  }
}

export function checkReturn(t: ConsolidationTemplate, r: ReturnReading): ReturnRecord {
  const rec = base(r);
  if (r.problem) return reject(rec, "return.unreadable", r.problem);
  const fp = parseFingerprint(r.fingerprintText);
  if (fp === null)
    return reject(
      rec,
      "return.no-fingerprint",
      "В файле нет отметки формы мониторинга (скрытого листа формы): это не форма, выданная по этому шаблону, или она создана заново вручную.",
    );
  if (fp === "damaged")
    return reject(
      rec,
      "return.fingerprint-damaged",
      "Отметка формы повреждена и не читается: попросите школу заполнить выданную форму заново.",
    );
  if (fp.marker !== FINGERPRINT_MARKER)
    return reject(rec, "return.no-fingerprint", "Это не форма мониторинга.");
  const school = expectedSchools(t).get(schoolKey(fp.school)) ?? null;
  rec.school = school ?? fp.school;
  if (fp.template.id !== t.template.id)
    return reject(
      rec,
      "return.other-template",
      `Форма сделана по другому шаблону мониторинга (${fp.template.id}), а не по этому (${t.template.id}).`,
    );
  if (fp.template.quarter !== t.template.quarter)
    return reject(
      rec,
      "return.other-quarter",
      `Форма за другой квартал: ${fp.template.quarter}, а собирается ${t.template.quarter}.`,
    );
  if (!school)
    return reject(
      rec,
      "return.unexpected-school",
      `Школы «${fp.school}» нет в списке школ этого мониторинга.`,
    );

  const reasons: ReturnReason[] = [];
  if (fp.template.version !== t.template.version)
    reasons.push({
      rule: "return.old-version",
      severity: "warning",
      cell: null,
      message:
        fp.template.version < t.template.version
          ? `Форма старой версии шаблона: версия ${fp.template.version}, действующая — ${t.template.version}. Прочитаны показатели, которые в ней есть.`
          : `Форма версии ${fp.template.version}, новее шаблона этой книги (версия ${t.template.version}).`,
    });
  structureReasons(fp, r, reasons);
  const values = readValues(t, fp, r, reasons);
  const activities = readActivities(t, fp, r, reasons);
  schoolCellReason(fp, r, reasons);
  return {
    ...rec,
    school,
    reasons: unusedFormReasons(fp, r, reasons, values, activities),
    values,
    activities,
  };
}

export const EMPTY_RULE = "return.empty";
/** Not one value or status could be read: every input's sheet or name is gone (check-return.ts, unusedFormReasons). */
export const NOTHING_READ_RULE = "return.nothing-read";
/** The rules that mark a return as no school's answer: consolidation never uses it (consolidate.ts). */
export const UNUSED_FORM_RULES: ReadonlySet<string> = new Set([EMPTY_RULE, NOTHING_READ_RULE]);
const BLANK_RULES = new Set(["return.value-missing", "return.status-missing"]);
const NOT_FOUND_RULE = "return.input-not-found";

/**
 * A form from which nothing could be taken is not a school's answer: one reason says why instead of a reason
 * per cell, and consolidation does not use it (the school stays missing). Two cases: nothing filled (every
 * value and status blank, every input found) and nothing found (every input blank or not found by its name,
 * e.g. «Показатели» renamed by a program that left the names behind). The contract's list of rejections has
 * neither, so the verdict stays «accepted_with_remarks».
 */
function unusedFormReasons(
  fp: Fingerprint,
  r: ReturnReading,
  reasons: ReturnReason[],
  values: SchoolValue[],
  activities: ActivityStatus[],
): ReturnReason[] {
  const inputReasons = reasons.filter((x) => x.indicator !== undefined);
  const nothingTaken =
    values.length === 0 &&
    activities.every((a) => a.status === "") &&
    inputReasons.length > 0 &&
    inputReasons.every((x) => BLANK_RULES.has(x.rule) || x.rule === NOT_FOUND_RULE);
  if (!nothingTaken) return reasons;
  const notFound = inputReasons.some((x) => x.rule === NOT_FOUND_RULE);
  return [
    ...reasons.filter((x) => !BLANK_RULES.has(x.rule) && x.rule !== NOT_FOUND_RULE),
    notFound
      ? { rule: NOTHING_READ_RULE, severity: "error", cell: null, message: nothingReadMessage(fp, r) }
      : {
          rule: EMPTY_RULE,
          severity: "error",
          cell: null,
          message:
            "Форма не заполнена: нет ни одного значения показателя и ни одного статуса мероприятия. Она не учтена в своде, школа считается не сдавшей форму.",
        },
  ];
}

/** Why no input was found: the sheets the names point to that the file lacks, else the names lost. */
function nothingReadMessage(fp: Fingerprint, r: ReturnReading): string {
  const missingSheets = new Set<string>();
  let namesLost = 0;
  const note = (loc: Location) => {
    if (loc.ok) return;
    if (loc.why === "sheet-missing") missingSheets.add(loc.sheet);
    else namesLost++;
  };
  for (const input of fp.inputs) note(locateInput(input, r.names, r.sheets));
  for (const act of fp.activityInputs) note(locateActivityField(act, "status", r.names, r.sheets));
  const why: string[] = [];
  if (missingSheets.size)
    why.push(
      `${missingSheets.size > 1 ? "листы" : "лист"} ${[...missingSheets].map((s) => `«${s}»`).join(", ")} не ${missingSheets.size > 1 ? "найдены" : "найден"} по имени (возможно, ${missingSheets.size > 1 ? "переименованы или удалены" : "переименован или удалён"})`,
    );
  if (namesLost) why.push(`у ячеек ввода удалены имена или сами ячейки (${namesLost})`);
  return `Ни одно значение формы не прочитано: ${why.join("; ")}, поэтому ячейки ввода не найдены. Форма не учтена в своде, школа считается не сдавшей форму: попросите её прислать выданную форму, не переименовывая листов и не удаляя ячеек.`;
}

function where(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, "")}`;
}

function notFoundMessage(what: string, loc: Extract<Location, { ok: false }>): string {
  if (loc.why === "sheet-missing")
    // The name's sheet is gone by that name: usually renamed (the names were not moved with it), so say that.
    return `Нельзя с уверенностью найти ${what}: лист «${loc.sheet}» не найден по имени (возможно, он переименован). Значение не прочитано, чтобы не взять чужую ячейку.`;
  const why =
    loc.why === "name-missing"
      ? "имя этой ячейки удалено из книги"
      : "ячейка удалена вместе со строкой или столбцом (#ССЫЛКА!)";
  return `Нельзя с уверенностью найти ${what}: ${why}. Значение не прочитано, чтобы не взять чужую ячейку.`;
}

/** Renamed sheets, once each. */
function structureReasons(fp: Fingerprint, r: ReturnReading, reasons: ReturnReason[]): void {
  const renamed = new Map<string, string>();
  for (const input of fp.inputs) {
    const loc = locateInput(input, r.names, r.sheets);
    if (loc.ok && loc.sheetRenamed) renamed.set(input.sheet, loc.at.sheet);
  }
  for (const [from, to] of renamed)
    reasons.push({
      rule: "return.sheet-renamed",
      severity: "warning",
      cell: null,
      message: `Лист «${from}» переименован в «${to}»; ячейки найдены по именам.`,
    });
}

function normalizeLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
}

function words(s: string): Set<string> {
  return new Set(
    normalizeLabel(s)
      .split(" ")
      .filter((w) => w.length > 2),
  );
}

/** The label beside an indicator's inputs was edited: a text in its row resembles the label but is not it. */
function renamedLabel(
  indicator: TemplateIndicator,
  sheet: string,
  row: number,
  col: string,
  r: ReturnReading,
): string | null {
  const want = normalizeLabel(indicator.text);
  const texts = Object.entries(r.rowTexts)
    .filter(([k]) => {
      const m = /^(.*)!([A-Z]+)(\d+)$/.exec(k);
      return (
        !!m &&
        m[1] === sheet &&
        Number(m[3]) === row &&
        (m[2].length < col.length || (m[2].length === col.length && m[2] < col))
      );
    })
    .map(([, v]) => v);
  if (texts.some((t) => normalizeLabel(t).includes(want))) return null;
  const wantWords = words(indicator.text);
  for (const t of texts) {
    const got = words(t);
    if (got.size === 0) continue;
    let common = 0;
    for (const w of got) if (wantWords.has(w)) common++;
    if (common / Math.max(wantWords.size, 1) >= 0.4) return t;
  }
  return null;
}

type PartValue = { ok: true; value: number | string | null } | { ok: false };

function readPart(
  input: FormInput,
  indicator: TemplateIndicator,
  r: ReturnReading,
  reasons: ReturnReason[],
): PartValue {
  const what = `${PART_RU[input.part]} показателя ${indicator.id} «${indicator.text}»`;
  const loc = locateInput(input, r.names, r.sheets);
  if (!loc.ok) {
    reasons.push({
      rule: "return.input-not-found",
      severity: "error",
      cell: where(input.sheet, input.cell),
      message: notFoundMessage(what, loc),
      indicator: indicator.id,
    });
    return { ok: false };
  }
  const cell = where(loc.at.sheet, loc.at.cell);
  if (loc.moved)
    reasons.push({
      rule: "return.layout-changed",
      severity: "warning",
      cell,
      message: `В форме вставлены или удалены строки или столбцы: ${what} найден по имени в ${loc.at.cell} (в бланке был в ${input.cell.replace(/\$/g, "")}).`,
      indicator: indicator.id,
    });
  const raw: CellValue = r.cells[cellKey(loc.at.sheet, loc.at.cell)] ?? null;
  const err = (rule: string, message: string): PartValue => {
    reasons.push({ rule, severity: "error", cell, message, indicator: indicator.id });
    return { ok: false };
  };
  if (input.type === "text") {
    const text = raw === null ? "" : String(raw).trim();
    if (!text) return err("return.value-missing", `Не заполнено: ${what}.`);
    return { ok: true, value: text };
  }
  if (input.type === "yesno") {
    const yn = readYesNo(raw);
    if (yn.kind === "empty") return err("return.value-missing", `Не заполнено: ${what}.`);
    if (yn.kind === "text")
      return err("return.not-yes-no", `Ожидается «Да» или «Нет», а написано «${yn.text}»: ${what}.`);
    return { ok: true, value: yn.value };
  }
  const n = readRussianNumber(raw);
  if (n.kind === "empty") return err("return.value-missing", `Не заполнено: ${what}.`);
  if (n.kind === "text")
    return err("return.not-a-number", `Ожидается число, а написано «${n.text}»: ${what}.`);
  if (input.type === "integer") {
    if (n.value < 0) return err("return.negative", `Отрицательное количество (${n.value}): ${what}.`);
    if (!Number.isInteger(n.value))
      return err(
        "return.not-integer",
        `Ожидается целое число, а написано ${String(n.value).replace(".", ",")}: ${what}.`,
      );
  }
  if (indicator.type === "count" && n.value < 0)
    return err("return.negative", `Отрицательное количество (${n.value}): ${what}.`);
  if (indicator.unit === "%" && indicator.type === "number" && (n.value < 0 || n.value > 100))
    return err("return.value-out-of-range", `Процент вне 0–100 (${n.value}): ${what}.`);
  return { ok: true, value: n.value };
}

function readValues(
  t: ConsolidationTemplate,
  fp: Fingerprint,
  r: ReturnReading,
  reasons: ReturnReason[],
): SchoolValue[] {
  const out: SchoolValue[] = [];
  const formIds = new Set(fp.indicators.map((i) => i.id));
  for (const fi of fp.indicators) {
    const ti = t.indicators.find((i) => i.id === fi.id);
    if (!ti) {
      reasons.push({
        rule: "return.indicator-unknown",
        severity: "warning",
        cell: null,
        message: `Показателя ${fi.id} «${fi.text}» нет в шаблоне этой книги: он не учтён.`,
      });
      continue;
    }
    if (normalizeLabel(fi.text) !== normalizeLabel(ti.text))
      reasons.push({
        rule: "return.indicator-renamed",
        severity: "warning",
        cell: null,
        message: `Показатель ${ti.id} в форме назван иначе, чем в шаблоне: «${fi.text}» вместо «${ti.text}».`,
        indicator: ti.id,
      });
  }
  for (const ti of t.indicators) {
    if (!formIds.has(ti.id)) {
      reasons.push({
        rule: "return.indicator-absent",
        severity: "warning",
        cell: null,
        message: `В форме нет показателя ${ti.id} «${ti.text}» (форма старой версии?).`,
        indicator: ti.id,
      });
      continue;
    }
    const inputs = fp.inputs.filter((i) => i.indicator === ti.id);
    const parts = new Map<FormInput["part"], PartValue>();
    const errorsBefore = reasons.filter((x) => x.severity === "error").length;
    for (const input of inputs) parts.set(input.part, readPart(input, ti, r, reasons));
    const first = inputs[0];
    if (first) {
      const loc = locateInput(first, r.names, r.sheets);
      if (loc.ok) {
        const m = /^([A-Z]+)(\d+)$/.exec(loc.at.cell);
        const renamed = m ? renamedLabel(ti, loc.at.sheet, Number(m[2]), m[1], r) : null;
        if (renamed)
          reasons.push({
            rule: "return.indicator-renamed",
            severity: "warning",
            cell: null,
            message: `Название показателя ${ti.id} в форме изменено: «${renamed}» вместо «${ti.text}». Значение прочитано по имени ячейки.`,
            indicator: ti.id,
          });
      }
    }
    const num = (p: FormInput["part"]): number | null => {
      const v = parts.get(p);
      return v && v.ok && typeof v.value === "number" ? v.value : null;
    };
    const anyError = reasons.filter((x) => x.severity === "error").length > errorsBefore;
    if (anyError) continue;
    const cellOf = (p: FormInput["part"]) => {
      const input = inputs.find((i) => i.part === p);
      if (!input) return null;
      const loc = locateInput(input, r.names, r.sheets);
      return loc.ok ? where(loc.at.sheet, loc.at.cell) : where(input.sheet, input.cell);
    };
    const mismatch = () =>
      reasons.push({
        rule: "return.indicator-changed",
        severity: "warning",
        cell: null,
        message: `Ячейки показателя ${ti.id} в форме не соответствуют его типу в шаблоне: значение не учтено.`,
        indicator: ti.id,
      });
    if (ti.type === "share") {
      const n = num("numerator");
      const d = num("denominator");
      if (n === null || d === null) {
        mismatch();
        continue;
      }
      if (n > d) {
        reasons.push({
          rule: "return.numerator-above-denominator",
          severity: "error",
          cell: cellOf("numerator"),
          message: `Числитель (${n}) больше знаменателя (${d}) у показателя ${ti.id} «${ti.text}».`,
          indicator: ti.id,
        });
        continue;
      }
      if (d === 0) {
        reasons.push({
          rule: "return.zero-denominator",
          severity: "error",
          cell: cellOf("denominator"),
          message: `Знаменатель равен нулю у показателя ${ti.id} «${ti.text}»: долю не посчитать.`,
          indicator: ti.id,
        });
        continue;
      }
      out.push({ indicator: ti.id, value: round2((n / d) * 100), numerator: n, denominator: d });
    } else if (ti.type === "dynamics") {
      const cur = num("value");
      const prev = num("previous");
      if (cur === null || prev === null) {
        mismatch();
        continue;
      }
      out.push({ indicator: ti.id, value: cur, previous: prev });
    } else {
      const v = parts.get("value");
      if (!v || !v.ok || v.value === null) {
        mismatch();
        continue;
      }
      if ((ti.type === "count" || ti.type === "number") && typeof v.value !== "number") {
        mismatch();
        continue;
      }
      if (ti.type === "yesno" && v.value !== "Да" && v.value !== "Нет") {
        mismatch();
        continue;
      }
      out.push({ indicator: ti.id, value: v.value });
    }
  }
  return out;
}

function readActivities(
  t: ConsolidationTemplate,
  fp: Fingerprint,
  r: ReturnReading,
  reasons: ReturnReason[],
): ActivityStatus[] {
  const out: ActivityStatus[] = [];
  for (const act of fp.activityInputs) {
    const ta = t.activities.find((a) => a.id === act.activity);
    if (!ta) continue;
    const what = `мероприятия ${ta.id} «${ta.activity}»`;
    const loc = locateActivityField(act, "status", r.names, r.sheets);
    if (!loc.ok) {
      reasons.push({
        rule: "return.input-not-found",
        severity: "error",
        cell: where(act.sheet, act.status),
        message: notFoundMessage(`статус ${what}`, loc),
        indicator: ta.id,
      });
      continue;
    }
    const cell = where(loc.at.sheet, loc.at.cell);
    const raw = r.cells[cellKey(loc.at.sheet, loc.at.cell)];
    const text = raw === null || raw === undefined ? "" : String(raw).trim();
    if (text === "") {
      reasons.push({
        rule: "return.status-missing",
        severity: "warning",
        cell,
        message: `Не указан статус ${what}.`,
        indicator: ta.id,
      });
      out.push({ activity: ta.id, status: "" });
      continue;
    }
    const status = STATUS_LIST.find((s) => s.toLowerCase() === text.toLowerCase().replace(/\s+/g, " "));
    if (!status) {
      reasons.push({
        rule: "return.status-unknown",
        severity: "error",
        cell,
        message: `Статус «${text}» не из списка у ${what}: он не учтён.`,
        indicator: ta.id,
      });
      continue;
    }
    out.push({ activity: ta.id, status });
    if (DONE.has(status)) {
      const ev = locateActivityField(act, "evidence", r.names, r.sheets);
      const evText = ev.ok ? String(r.cells[cellKey(ev.at.sheet, ev.at.cell)] ?? "").trim() : "";
      if (!evText)
        reasons.push({
          rule: "return.done-without-evidence",
          severity: "warning",
          cell: ev.ok ? where(ev.at.sheet, ev.at.cell) : where(act.sheet, act.evidence),
          message: `Статус «${status}» без подтверждающего документа у ${what}.`,
          indicator: ta.id,
        });
    }
  }
  return out;
}

function schoolCellReason(fp: Fingerprint, r: ReturnReading, reasons: ReturnReason[]): void {
  // After inserted rows the recorded school cell no longer holds the name; that is the layout reason already.
  if (reasons.some((x) => x.rule === "return.layout-changed")) return;
  const sheet = r.sheets.find((s) => s.toLowerCase() === fp.schoolCell.sheet.toLowerCase());
  if (!sheet) return;
  const v = r.cells[cellKey(sheet, fp.schoolCell.cell)];
  const text = v === null || v === undefined ? "" : String(v).trim();
  if (text && !schoolKey(text).includes(schoolKey(fp.school)))
    reasons.push({
      rule: "return.school-name-changed",
      severity: "warning",
      cell: where(sheet, fp.schoolCell.cell),
      message: `Название школы на листе изменено: «${text}», а форма выдана для «${fp.school}».`,
    });
}
