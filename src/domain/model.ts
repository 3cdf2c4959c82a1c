/**
 * The engine's output types, as zod schemas. Their JSON shape is the headless contract
 * (../shared/contract.md): the CLI prints exactly these objects, so change them only with the contract.
 */
import { z } from "zod";

/** ISO date "YYYY-MM-DD". */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof IsoDate>;

/** The roadmap's period: a calendar year ("в 2023 году"), a school year ("2023-2024 уч. год") or explicit dates. */
export const Period = z.object({ start: IsoDate, end: IsoDate });
export type Period = z.infer<typeof Period>;

export const DeadlineType = z.enum([
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
]);
export type DeadlineType = z.infer<typeof DeadlineType>;

export const Recurrence = z.enum(["weekly", "monthly", "quarterly", "per_school_term", "yearly"]);
export type Recurrence = z.infer<typeof Recurrence>;

/** One control point of a `multiple` deadline: the window in which it is due. */
export const DeadlinePoint = z.object({ start: IsoDate.nullable(), end: IsoDate });
export type DeadlinePoint = z.infer<typeof DeadlinePoint>;

/**
 * The structured reading of a «Сроки» cell. `start`/`end` bound the window in which the activity is due
 * (for by_date start is null; for recurring and whole_period, the period's bounds; for multiple, the
 * earliest and the latest point, each listed in `points`).
 */
export const Deadline = z.object({
  raw: z.string(),
  type: DeadlineType,
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  recurrence: Recurrence.nullable(),
  points: z.array(DeadlinePoint).optional(),
});
export type Deadline = z.infer<typeof Deadline>;

/** A named person: initials with dots and no spaces ("Н.В."). */
export const Person = z.object({ surname: z.string(), initials: z.string() });
export type Person = z.infer<typeof Person>;

/** The reading of a «Ответственные» cell: the people named, and the non-person parts as written. */
export const Responsible = z.object({
  raw: z.string(),
  persons: z.array(Person),
  roles: z.array(z.string()),
});
export type Responsible = z.infer<typeof Responsible>;

/** The status list of the control columns, exactly as the contract («Status list and signals») gives it. */
export const Status = z.enum([
  "Не начато",
  "В работе",
  "Выполнено",
  "Выполнено с нарушением срока",
  "Не выполнено",
  "Отменено",
]);
export type Status = z.infer<typeof Status>;
export const STATUS_LIST: readonly Status[] = Status.options;

/** An activity's signal for a given today: see src/domain/control/signal.ts. */
export const Signal = z.enum(["overdue", "due_soon", "done", "done_late"]);
export type Signal = z.infer<typeof Signal>;

export const ColumnRole = z.enum([
  "number",
  "activity",
  "form",
  "deadline",
  "responsible",
  "result",
  "evidence",
  "status",
  "doneDate",
  "evidenceLink",
  "comment",
  "dueDate",
]);
export type ColumnRole = z.infer<typeof ColumnRole>;

/** Sheet column letters of each role; null where absent. */
export const TableColumns = z.object({
  number: z.string().nullable(),
  activity: z.string().nullable(),
  form: z.string().nullable(),
  deadline: z.string().nullable(),
  responsible: z.array(z.string()),
  result: z.string().nullable(),
  evidence: z.string().nullable(),
  status: z.string().nullable(),
  doneDate: z.string().nullable(),
  evidenceLink: z.string().nullable(),
  comment: z.string().nullable(),
  /** «Контрольный срок»: the due date as a real date (the add-in writes the deadline's end; the user may correct it). */
  dueDate: z.string().nullable(),
});
export type TableColumns = z.infer<typeof TableColumns>;

export const HeaderRow = z.object({ row: z.number().int(), kind: z.literal("header") });
export const SectionRow = z.object({ row: z.number().int(), kind: z.literal("section"), text: z.string() });
/** A row whose text was folded into the activity above it (a cell split at a page break). */
export const ContinuationRow = z.object({ row: z.number().int(), kind: z.literal("continuation") });
export const ActivityRow = z.object({
  row: z.number().int(),
  kind: z.literal("activity"),
  /** Numbering as written ("1.", "2.1"), or null when the row has none. */
  number: z.string().nullable(),
  section: z.string().nullable(),
  /** Sheet rows the activity spans, continuation rows folded in. */
  rows: z.array(z.number().int()),
  activity: z.string(),
  deadline: Deadline,
  responsible: Responsible,
  result: z.string().nullable(),
  evidence: z.string().nullable(),
  /** A value of the status list, or null (empty, unknown text, or no status column). */
  status: Status.nullable(),
  /** ISO date from the «Дата выполнения» column. */
  doneDate: IsoDate.nullable(),
  /** The confirming document as written (text, or a link's text). */
  evidenceLink: z.string().nullable(),
  comment: z.string().nullable(),
  /** ISO date in «Контрольный срок» (the user may have corrected it); wins over the deadline's end. */
  dueDate: IsoDate.nullable(),
  /** Computed with today (`check --today`); null where no today was given. */
  signal: Signal.nullable(),
});
export const TableRow = z.discriminatedUnion("kind", [HeaderRow, SectionRow, ActivityRow, ContinuationRow]);
export type HeaderRow = z.infer<typeof HeaderRow>;
export type SectionRow = z.infer<typeof SectionRow>;
export type ActivityRow = z.infer<typeof ActivityRow>;
export type ContinuationRow = z.infer<typeof ContinuationRow>;
export type TableRow = z.infer<typeof TableRow>;

/** A recognised roadmap table. Row numbers are 1-based sheet rows, as the user sees them. */
export const RoadmapTable = z.object({
  sheet: z.string(),
  range: z.string(),
  headerRows: z.array(z.number().int()),
  title: z.string().nullable(),
  period: Period.nullable(),
  approved: IsoDate.nullable(),
  columns: TableColumns,
  rows: z.array(TableRow),
  /**
   * A table read in parts (its headerless continuation after an indicator table, seed 003): the range of each
   * part. `range` then spans them all and the rows between the parts are not the table's.
   */
  parts: z.array(z.string()).optional(),
});
export type RoadmapTable = z.infer<typeof RoadmapTable>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** Something wrong (or worth a look) in a roadmap, pinned to a cell. Messages are Russian. */
export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  sheet: z.string(),
  cell: z.string().nullable(),
  message: z.string(),
  suggestion: z.string().nullable(),
});
export type Finding = z.infer<typeof Finding>;

/** The whole output of `roadmap check --json`. */
export const CheckReport = z.object({
  file: z.string(),
  tables: z.array(RoadmapTable),
  findings: z.array(Finding),
});
export type CheckReport = z.infer<typeof CheckReport>;
