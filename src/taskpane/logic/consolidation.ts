/** What the «Свод» pane shows, from a consolidation: the acceptance picture, totals against targets, whom to call. */
import type { Consolidation } from "../../domain/consolidation/consolidate";

export interface Acceptance {
  received: number;
  accepted: number;
  withRemarks: number;
  rejected: number;
  superseded: number;
  missing: number;
}

export function acceptance(c: Consolidation): Acceptance {
  const n = (v: string) => c.returns.filter((r) => r.verdict === v).length;
  return {
    received: c.returns.length,
    accepted: n("accepted"),
    withRemarks: n("accepted_with_remarks"),
    rejected: n("rejected"),
    superseded: n("superseded"),
    missing: c.missing.length,
  };
}

export interface TotalBar {
  indicator: string;
  value: number | null;
  target: number | null;
  /** Value against target, % (lower-better already turned around); null without a target. */
  attainment: number | null;
}

export function totalBars(c: Consolidation): TotalBar[] {
  return c.totals
    .filter((t) => t.type !== "text")
    .map((t) => ({
      indicator: t.indicator,
      value: t.type === "yesno" ? (t.share ?? null) : t.value,
      target: t.target ?? null,
      attainment: t.attainment ?? null,
    }));
}

/** The schools to call back, one a line, with why: nothing accepted from them. */
export function callBackList(c: Consolidation): string {
  return c.missing
    .map((school) => {
      const rejected = c.returns.filter((r) => r.school === school && r.verdict === "rejected");
      return rejected.length
        ? `${school} — форма отклонена: ${rejected[0].reasons[0]?.message ?? ""}`
        : school;
    })
    .join("\n");
}
