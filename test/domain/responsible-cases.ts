/**
 * Hand-written expectations for the «Ответственные» reader: every responsible cell of the five seed documents
 * (../shared/seeds; seed 001 has no roadmap table), the seed 002/000/003 cells folded from continuation rows,
 * and cases of what users elsewhere write. Persons are "Фамилия И.О.", in the order they appear.
 */
import type { ActivityRow, RoadmapTable, TableRow } from "../../src/domain/model";
import { readResponsible, type NameOrder } from "../../src/domain/responsible";
import {
  SEED_000,
  SEED_002_INSTITUTIONAL,
  SEED_002_MUNICIPAL,
  SEED_003,
  SEED_004,
} from "./responsible-cases-seeds";

export { EXTRA } from "./responsible-cases-extra";
export {
  FOLDED,
  SEED_000,
  SEED_002_INSTITUTIONAL,
  SEED_002_MUNICIPAL,
  SEED_003,
  SEED_004,
} from "./responsible-cases-seeds";

export interface ResponsibleCase {
  text: string;
  persons: string[];
  roles: string[];
  /** Name order of the document, when the case depends on it. */
  nameOrder?: NameOrder;
  /** Positions read for each person (same order), when the case checks them. */
  positions?: (string | null)[];
  note?: string;
}

export const SEED_CASES: Record<string, ResponsibleCase[]> = {
  "seed 000 «Ответственные лица»": SEED_000,
  "seed 002 «…на муниципальном уровне»": SEED_002_MUNICIPAL,
  "seed 002 «…на институциональном уровне»": SEED_002_INSTITUTIONAL,
  "seed 003 «Исполнители»": SEED_003,
  "seed 004 «Ответственные исполнители»": SEED_004,
};

// ---------------------------------------------------------------- hand-built tables for directory and rule tests

export interface ActivitySpec {
  /** First sheet row (1-based). */
  row: number;
  responsible: string;
  number?: string | null;
  section?: string | null;
  /** Sheet rows spanned, when the activity has continuation rows. */
  rows?: number[];
  activity?: string;
  /** The «Сроки» cell as written (empty when absent). */
  deadline?: string;
}

/** A recognised table as the recogniser would hand it over: activity rows with their responsible cells read. */
export function roadmapTable(
  specs: ActivitySpec[],
  opts: { sheet?: string; responsible?: string[]; sections?: { row: number; text: string }[] } = {},
): RoadmapTable {
  const activities: ActivityRow[] = specs.map((s) => ({
    row: s.row,
    kind: "activity",
    number: s.number === undefined ? `${s.row}.` : s.number,
    section: s.section ?? null,
    rows: s.rows ?? [s.row],
    activity: s.activity ?? `Мероприятие в строке ${s.row}`,
    deadline: {
      raw: s.deadline ?? "",
      type: s.deadline ? "unspecified" : "missing",
      start: null,
      end: null,
      recurrence: null,
    },
    responsible: readResponsible(s.responsible),
    result: null,
    evidence: null,
    status: null,
    doneDate: null,
    evidenceLink: null,
    comment: null,
    dueDate: null,
    signal: null,
  }));
  const sections: TableRow[] = (opts.sections ?? []).map((s) => ({
    row: s.row,
    kind: "section",
    text: s.text,
  }));
  const rows: TableRow[] = [{ row: 1, kind: "header" as const }, ...sections, ...activities].sort(
    (a, b) => a.row - b.row,
  );
  const last = Math.max(1, ...specs.flatMap((s) => s.rows ?? [s.row]));
  return {
    sheet: opts.sheet ?? "Лист1",
    range: `A1:F${last}`,
    headerRows: [1],
    title: null,
    period: null,
    approved: null,
    columns: {
      number: "A",
      activity: "B",
      form: null,
      deadline: "C",
      responsible: opts.responsible ?? ["E"],
      result: null,
      evidence: null,
      status: null,
      doneDate: null,
      evidenceLink: null,
      comment: null,
      dueDate: null,
    },
    rows,
  };
}
