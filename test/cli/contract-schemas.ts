/**
 * The JSON documents of the headless contract (../shared/contract.md) as strict zod schemas, written from the
 * contract's text and examples, not from src/domain/model.ts: a field the contract does not name, a missing
 * field or a wrong type fails. Where the contract leaves null-vs-absent open, the comment says which reading.
 */
import { z } from "zod";

const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Cell = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/);
const Col = z.string().regex(/^[A-Z]{1,3}$/);
const Row = z.number().int().positive();
export const STATUSES = [
  "Не начато",
  "В работе",
  "Выполнено",
  "Выполнено с нарушением срока",
  "Не выполнено",
  "Отменено",
] as const;
const Status = z.enum(STATUSES);

// "`start`/`end`: ISO dates … for `multiple`, the earliest and the latest point, with every point listed in
// `points`": `points` only on a multiple deadline; a point is a window like the deadline's.
const Point = z.strictObject({ start: Iso.nullable(), end: Iso });
export const ContractDeadline = z
  .strictObject({
    raw: z.string(),
    type: z.enum([
      "date",
      "by_date",
      "range",
      "month",
      "month_range",
      "quarter",
      "multiple",
      "recurring",
      "whole_period",
      "event_based",
      "unspecified",
      "missing",
      "unparsed",
    ]),
    start: Iso.nullable(),
    end: Iso.nullable(),
    recurrence: z.enum(["weekly", "monthly", "quarterly", "per_school_term", "yearly"]).nullable(),
    points: z.array(Point).min(1).optional(),
  })
  .refine((d) => (d.type === "multiple") === (d.points !== undefined), "points iff multiple")
  .refine((d) => d.type !== "by_date" || d.start === null, "by_date has no start");

const Activity = z.strictObject({
  row: Row,
  kind: z.literal("activity"),
  number: z.string().nullable(),
  section: z.string().nullable(),
  rows: z.array(Row).min(1),
  activity: z.string(),
  deadline: ContractDeadline,
  responsible: z.strictObject({
    raw: z.string(),
    // "`initials` are written with dots and no spaces ("Н.В.")"
    persons: z.array(
      z.strictObject({ surname: z.string().min(1), initials: z.string().regex(/^(?:[А-ЯЁA-Z]\.)+$/) }),
    ),
    roles: z.array(z.string().refine((s) => s === s.trim() && s !== "", "roles trimmed")),
  }),
  result: z.string().nullable(),
  evidence: z.string().nullable(),
  status: Status.nullable(),
  doneDate: Iso.nullable(),
  evidenceLink: z.string().nullable(),
  comment: z.string().nullable(),
  dueDate: Iso.nullable(),
  signal: z.enum(["overdue", "due_soon", "done", "done_late"]).nullable(),
});

const TableRow = z.discriminatedUnion("kind", [
  z.strictObject({ row: Row, kind: z.literal("header") }),
  z.strictObject({ row: Row, kind: z.literal("section"), text: z.string() }),
  z.strictObject({ row: Row, kind: z.literal("continuation") }),
  Activity,
]);

const Table = z.strictObject({
  sheet: z.string(),
  range: z.string().regex(/^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/),
  headerRows: z.array(Row),
  title: z.string().nullable(),
  period: z.strictObject({ start: Iso, end: Iso }).nullable(),
  approved: Iso.nullable(),
  columns: z.strictObject({
    number: Col.nullable(),
    activity: Col.nullable(),
    form: Col.nullable(),
    deadline: Col.nullable(),
    responsible: z.array(Col),
    result: Col.nullable(),
    evidence: Col.nullable(),
    status: Col.nullable(),
    doneDate: Col.nullable(),
    evidenceLink: Col.nullable(),
    comment: Col.nullable(),
    dueDate: Col.nullable(),
  }),
  rows: z.array(TableRow),
});

// The example gives a finding its cell; a finding about the whole sheet (period.missing) has none: null.
export const Finding = z.strictObject({
  rule: z.string().regex(/^[a-z]+\.[a-z-]+$/),
  severity: z.enum(["error", "warning", "info"]),
  sheet: z.string(),
  cell: Cell.nullable(),
  message: z.string().min(1),
  suggestion: z.string().nullable(),
});

export const CheckDoc = z.strictObject({
  file: z.string(),
  tables: z.array(Table),
  findings: z.array(Finding),
});
export type CheckDoc = z.infer<typeof CheckDoc>;
export type ContractActivity = z.infer<typeof Activity>;

export const FoldDoc = z.strictObject({
  joins: z.array(z.strictObject({ sheet: z.string(), into: Row, rows: z.array(Row).min(1) })),
  leftForUser: z.array(z.strictObject({ sheet: z.string(), row: Row, reason: z.string().min(1) })),
  check: CheckDoc,
});

export const PeopleDoc = z.strictObject({
  people: z.array(
    z.strictObject({
      person: z.string(),
      positions: z.array(z.string()),
      activities: z.array(
        z.strictObject({ sheet: z.string(), row: Row, activity: z.string(), deadline: z.string() }),
      ),
    }),
  ),
});

const Count = z.number().int().nonnegative();
export const ReportDoc = z.strictObject({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  start: Iso,
  end: Iso,
  tables: z.array(
    z.strictObject({
      sheet: z.string(),
      byStatus: z.strictObject({
        "Не начато": Count,
        "В работе": Count,
        Выполнено: Count,
        "Выполнено с нарушением срока": Count,
        "Не выполнено": Count,
        Отменено: Count,
        "": Count,
      }),
      due: z.array(
        z.strictObject({
          row: Row,
          signal: z.enum(["overdue", "due_soon", "done", "done_late"]).nullable(),
          status: Status.nullable(),
        }),
      ),
      overdue: z.array(Row),
      byPerson: z.array(
        z.strictObject({ person: z.string(), activities: Count, done: Count, overdue: Count }),
      ),
    }),
  ),
});

export const Indicator = z.strictObject({
  id: z.string().min(1),
  text: z.string().min(1),
  type: z.enum(["share", "count", "number", "yesno", "dynamics", "text"]),
  unit: z.string().nullable(),
  direction: z.enum(["higher", "lower"]).nullable(),
  base: z.number().nullable(),
  targets: z.record(z.string().regex(/^\d{4}$/), z.number()),
  sheet: z.string(),
  cell: Cell,
});
export const IndicatorsDoc = z.strictObject({ indicators: z.array(Indicator) });

const Template = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().positive(),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
});
const MonitoringActivity = z.strictObject({
  id: z.string(),
  sheet: z.string(),
  row: Row,
  activity: z.string(),
});
export const MonitoringDoc = z.strictObject({
  template: Template,
  indicators: z.array(Indicator),
  activities: z.array(MonitoringActivity),
});
export const FormsDoc = MonitoringDoc.extend({
  forms: z.array(
    z.strictObject({
      school: z.string(),
      file: z.string(),
      inputs: z.array(
        z.strictObject({
          indicator: z.string(),
          part: z.enum(["numerator", "denominator", "value", "previous"]),
          sheet: z.string(),
          cell: Cell,
          type: z.enum(["integer", "number", "yesno", "text"]),
        }),
      ),
      activityInputs: z.array(
        z.strictObject({
          activity: z.string(),
          sheet: z.string(),
          status: Cell,
          evidence: Cell,
          comment: Cell,
        }),
      ),
    }),
  ),
});

// `values`: the example is a share's, with numerator and denominator. For other types they are left out
// (absent, not null), and a dynamics value carries its `previous` (the input part of that name): our reading.
const Value = z.strictObject({
  school: z.string(),
  indicator: z.string(),
  value: z.union([z.number(), z.string()]),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  previous: z.number().optional(),
});
const Total = z.strictObject({
  indicator: z.string(),
  type: z.enum(["share", "count", "number", "yesno", "dynamics", "text"]),
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  previous: z.number().optional(),
  schools: Count,
});
export const ConsolidateDoc = z.strictObject({
  template: Template,
  returns: z.array(
    z.strictObject({
      file: z.string(),
      school: z.string().nullable(),
      verdict: z.enum(["accepted", "accepted_with_remarks", "rejected", "superseded"]),
      reasons: z.array(
        z.strictObject({
          rule: z.string().regex(/^return\.[a-z-]+$/),
          severity: z.enum(["error", "warning"]),
          cell: z.string().nullable(),
          message: z.string().min(1),
        }),
      ),
    }),
  ),
  missing: z.array(z.string()),
  values: z.array(Value),
  totals: z.array(Total),
  activities: z.array(
    z.strictObject({ activity: z.string(), byStatus: z.record(z.enum([...STATUSES, ""]), Count) }),
  ),
});
