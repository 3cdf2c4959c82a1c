/**
 * From checked returns to the consolidated result (the contract's `consolidate --json`): which return of each
 * school is used (the newest saved; the others superseded), the verdicts, the schools with nothing accepted,
 * the values used, the totals and the activity statuses.
 *
 * Records merge by file identity (name + content hash): rereading a file replaces its record, a late file is
 * added, so a run with the earlier records plus new files equals one run with all of them.
 */
import type { IndicatorType, ConsolidationTemplate } from "./template";
import { ReturnRecord, type ReturnReason, type SchoolValue, type Verdict } from "./record";
import { round2 } from "./russian-number";
import { UNUSED_FORM_RULES } from "./check-return";

export interface ReturnVerdict {
  file: string;
  /** The record's key (not in the JSON). */
  key: string;
  school: string | null;
  verdict: Verdict;
  reasons: ReturnReason[];
}

export interface Total {
  indicator: string;
  type: IndicatorType;
  /** share: Σnum/Σden×100; count: Σ; number: mean; yesno: number of «Да»; dynamics: Σ this period; text: null. */
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** yesno: the share of «Да» among the answers, %. */
  share?: number;
  /** dynamics: Σ of the previous period, and this minus previous. */
  previous?: number;
  change?: number;
  /** Schools whose value went into the total. */
  schools: number;
  /** The target for the quarter's year, and value against it (%; for lower-better, target against value). */
  target?: number;
  attainment?: number | null;
}

export interface ActivityTotal {
  activity: string;
  byStatus: Record<string, number>;
}

export interface Consolidation {
  template: ConsolidationTemplate["template"];
  returns: ReturnVerdict[];
  missing: string[];
  values: (SchoolValue & { school: string })[];
  totals: Total[];
  activities: ActivityTotal[];
  /** The record used per expected school (null: nothing accepted), in the template's school order. */
  used: { school: string; record: ReturnRecord | null }[];
  /** Every record, merged (to store for the next run). */
  records: ReturnRecord[];
}

/** Earlier records and new ones: a record of the same file (same key) is replaced, nothing is doubled. */
export function mergeRecords(
  earlier: readonly ReturnRecord[],
  fresh: readonly ReturnRecord[],
): ReturnRecord[] {
  const byKey = new Map<string, ReturnRecord>();
  for (const r of earlier) byKey.set(r.key, r);
  for (const r of fresh) byKey.set(r.key, r);
  return [...byKey.values()].sort((a, b) => a.file.localeCompare(b.file) || a.key.localeCompare(b.key));
}

/** Newer first: the later save time; a known time beats an unknown one; then the later file name, then key. */
function newer(a: ReturnRecord, b: ReturnRecord): number {
  const ta = a.savedAt ? Date.parse(a.savedAt) : NaN;
  const tb = b.savedAt ? Date.parse(b.savedAt) : NaN;
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) return tb - ta;
  if (Number.isFinite(ta) !== Number.isFinite(tb)) return Number.isFinite(ta) ? -1 : 1;
  return b.file.localeCompare(a.file) || b.key.localeCompare(a.key);
}

/** A form with nothing filled or nothing readable: never used, its school stays missing (check-return.ts says why). */
function isEmptyForm(r: ReturnRecord): boolean {
  return r.reasons.some((x) => UNUSED_FORM_RULES.has(x.rule));
}

export function consolidate(t: ConsolidationTemplate, records: readonly ReturnRecord[]): Consolidation {
  const bySchool = new Map<string, ReturnRecord[]>();
  for (const r of records)
    if (!r.rejected && r.school && !isEmptyForm(r))
      bySchool.set(r.school, [...(bySchool.get(r.school) ?? []), r]);
  const usedKeys = new Set<string>();
  const used = t.schools.map((school) => {
    const list = (bySchool.get(school) ?? []).slice().sort(newer);
    const record = list[0] ?? null;
    if (record) usedKeys.add(record.key);
    return { school, record };
  });
  const returns: ReturnVerdict[] = records.map((r) => ({
    file: r.file,
    key: r.key,
    school: r.school,
    verdict: r.rejected
      ? "rejected"
      : isEmptyForm(r)
        ? "accepted_with_remarks"
        : !usedKeys.has(r.key)
          ? "superseded"
          : r.reasons.length
            ? "accepted_with_remarks"
            : "accepted",
    reasons: r.reasons,
  }));
  const missing = used.filter((u) => !u.record).map((u) => u.school);
  const values = used.flatMap((u) =>
    u.record ? u.record.values.map((v) => ({ school: u.school, ...v })) : [],
  );
  const year = t.template.quarter.slice(0, 4);
  const totals = t.indicators.map((ind) => {
    const vs = values.filter((v) => v.indicator === ind.id);
    const total = totalOf(ind.id, ind.type, vs);
    const target = ind.targets[year];
    if (target !== undefined && total.value !== null && ind.type !== "text") {
      const value = ind.type === "yesno" ? (total.share ?? null) : total.value;
      total.target = target;
      total.attainment = attainment(value, target, ind.direction);
    }
    return total;
  });
  const activities = t.activities.map((a) => {
    const byStatus: Record<string, number> = {};
    for (const u of used) {
      const s = u.record?.activities.find((x) => x.activity === a.id);
      if (s) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    }
    return { activity: a.id, byStatus };
  });
  return { template: t.template, returns, missing, values, totals, activities, used, records: [...records] };
}

/** Value against target, %: higher-better value/target; lower-better target/value. Null when undefined. */
export function attainment(
  value: number | null,
  target: number,
  direction: "higher" | "lower" | null,
): number | null {
  if (value === null) return null;
  if (direction === "lower") return value === 0 ? (target >= 0 ? 100 : null) : round2((target / value) * 100);
  return target === 0 ? null : round2((value / target) * 100);
}

export function totalOf(indicator: string, type: IndicatorType, vs: readonly SchoolValue[]): Total {
  const nums = vs.map((v) => v.value).filter((x): x is number => typeof x === "number");
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  switch (type) {
    case "share": {
      const withParts = vs.filter((v) => v.numerator !== undefined && v.denominator !== undefined);
      const n = sum(withParts.map((v) => v.numerator as number));
      const d = sum(withParts.map((v) => v.denominator as number));
      return {
        indicator,
        type,
        value: d > 0 ? round2((n / d) * 100) : null,
        numerator: n,
        denominator: d,
        schools: withParts.length,
      };
    }
    case "count":
      return { indicator, type, value: round2(sum(nums)), schools: nums.length };
    case "number":
      return {
        indicator,
        type,
        value: nums.length ? round2(sum(nums) / nums.length) : null,
        schools: nums.length,
      };
    case "yesno": {
      const answers = vs.filter((v) => v.value === "Да" || v.value === "Нет");
      const yes = answers.filter((v) => v.value === "Да").length;
      return {
        indicator,
        type,
        value: yes,
        share: answers.length ? round2((yes / answers.length) * 100) : 0,
        schools: answers.length,
      };
    }
    case "dynamics": {
      const withPrev = vs.filter((v) => typeof v.value === "number" && v.previous !== undefined);
      const cur = round2(sum(withPrev.map((v) => v.value as number)));
      const prev = round2(sum(withPrev.map((v) => v.previous as number)));
      return {
        indicator,
        type,
        value: cur,
        previous: prev,
        change: round2(cur - prev),
        schools: withPrev.length,
      };
    }
    default:
      return { indicator, type, value: null, schools: vs.length };
  }
}

/** The contract's JSON document. */
export function consolidationJson(c: Consolidation): unknown {
  return {
    template: c.template,
    returns: c.returns.map((r) => ({
      file: r.file,
      school: r.school,
      verdict: r.verdict,
      reasons: r.reasons.map(({ rule, severity, cell, message }) => ({ rule, severity, cell, message })),
    })),
    missing: c.missing,
    values: c.values,
    // The contract's total fields, with the yes/no share and the dynamics' previous sum it asks for in words;
    // the target, attainment and change are the consolidated sheet's, not the document's.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    totals: c.totals.map(({ target, attainment, change, ...total }) => total),
    activities: c.activities,
  };
}
