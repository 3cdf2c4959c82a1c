/**
 * Rules over the «Сроки» of each activity: missing, unread, vague, inverted, outside the roadmap's period,
 * over before the roadmap was approved, overdue. The deadline is the one recognition already read
 * (row.deadline); only the literal years of its raw text are looked at again.
 */
import { mentionedYears } from "../deadline";
import { isSchoolYearPeriod } from "../deadline/frame";
import type { ActivityRow, Deadline, Finding, IsoDate, Period, RoadmapTable } from "../model";
import { foldWord } from "../ru";
import { formatRuDate, fromIso, toIso, daysInMonth } from "../russian-dates";

export interface DeadlineRuleOptions {
  /** For deadline.overdue; null or absent skips it. */
  today?: IsoDate | null;
}

/** Types whose start/end are real control dates (not the period's bounds, not empty). */
const DATED = new Set<Deadline["type"]>([
  "date",
  "by_date",
  "range",
  "month",
  "month_range",
  "quarter",
  "multiple",
]);

/** Status text that closes an activity: «выполнено», «исполнено», «done», «отменено». */
const DONE =
  /(?:^|[^а-я])(?:выполнен|исполнен|сделан|завершен|реализован|проведен|отменен|снят[оа]?\s+с\s+контрол)|\bdone\b|\bcompleted?\b|[✓✔]/;
const NOT_DONE =
  /(?:^|[^а-я])не\s+(?:выполн|исполн|сделан|заверш|реализ|провед)|частичн|не\s+начат|в\s+процессе|в\s+работе|\bnot\s+done\b/;

export function isDoneStatus(status: string | null): boolean {
  if (!status) return false;
  const s = foldWord(status);
  // A checkbox-like column: «да», «+», «yes».
  if (/^(?:да|\+|yes|true)$/.test(s.trim())) return true;
  return DONE.test(s) && !NOT_DONE.test(s);
}

/** «2023», «2023–2024 уч. год», «2023–2025», or the dates. */
export function periodLabel(period: Period): string {
  const s = fromIso(period.start);
  const e = fromIso(period.end);
  const janToDec = s.month === 1 && s.day === 1 && e.month === 12 && e.day === 31;
  if (janToDec && s.year === e.year) return String(s.year);
  if (isSchoolYearPeriod(period)) return `${s.year}–${e.year} уч. год`;
  if (janToDec) return `${s.year}–${e.year}`;
  return `${formatRuDate(period.start)} – ${formatRuDate(period.end)}`;
}

function shiftYear(iso: IsoDate, by: number): IsoDate {
  const { year, month, day } = fromIso(iso);
  return toIso(year + by, month, Math.min(day, daysInMonth(year + by, month)));
}

/** The windows a deadline asks for: every point of a multiple, else its one window. */
function windows(d: Deadline): Period[] {
  if (d.type === "multiple") return (d.points ?? []).map((p) => ({ start: p.start ?? p.end, end: p.end }));
  if (!d.end) return [];
  return [{ start: d.start ?? d.end, end: d.end }];
}

const inside = (w: Period, p: Period) => w.end >= p.start && w.start <= p.end;
const within = (w: Period, p: Period) => w.start >= p.start && w.end <= p.end;

function short(text: string, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function deadlineFindings(table: RoadmapTable, opts: DeadlineRuleOptions = {}): Finding[] {
  const column = table.columns.deadline;
  // Without a «Сроки» column there is nothing to check per row (recognition reports the column itself).
  if (!column) return [];
  const findings: Finding[] = [];
  for (const row of table.rows) {
    if (row.kind !== "activity") continue;
    const cell = `${column}${row.rows[0] ?? row.row}`;
    const add = (rule: string, severity: Finding["severity"], message: string, suggestion: string | null) =>
      findings.push({ rule, severity, sheet: table.sheet, cell, message, suggestion });
    rowFindings(row, table, opts.today ?? null, add);
  }
  return findings;
}

type Add = (rule: string, severity: Finding["severity"], message: string, suggestion: string | null) => void;

function rowFindings(row: ActivityRow, table: RoadmapTable, today: IsoDate | null, report: Add): void {
  let flagged = false;
  const add: Add = (rule, severity, message, suggestion) => {
    if (rule !== "deadline.vague") flagged = true;
    report(rule, severity, message, suggestion);
  };
  const d = row.deadline;
  const raw = short(d.raw);
  switch (d.type) {
    case "missing":
      add(
        "deadline.missing",
        "error",
        `Не указан срок мероприятия «${short(row.activity)}»`,
        "Укажите срок: дату (15.09.2024), месяц (сентябрь 2024) или период (сентябрь – декабрь 2024)",
      );
      return;
    case "unparsed":
      add(
        "deadline.unparsed",
        "warning",
        `Не удалось прочитать срок «${raw}»`,
        "Запишите срок как дату (15.09.2024), месяц (сентябрь 2024), период (сентябрь – декабрь 2024) или «в течение года»",
      );
      return;
    case "unspecified":
      add(
        "deadline.vague",
        "info",
        `Срок «${raw}» не содержит даты: он зависит от чужого графика или запроса`,
        "Запросите график (план) у того, кто его составляет, и впишите даты контрольных точек в карту",
      );
      break;
    default:
      break;
  }

  const inverted =
    windows(d).find((w) => w.start > w.end) ?? (d.start && d.end && d.start > d.end ? d : null);
  if (inverted && inverted.start && inverted.end) {
    add(
      "deadline.inverted-range",
      "error",
      `В сроке «${raw}» дата окончания (${formatRuDate(inverted.end)}) раньше даты начала (${formatRuDate(inverted.start)})`,
      "Поменяйте даты местами или исправьте год",
    );
    return;
  }

  if (DATED.has(d.type)) {
    const explicit = mentionedYears(d.raw).length > 0;
    const ws = windows(d);
    const period = table.period;
    // Only a year written in the cell can be wrong: an inferred year always lands in the period.
    const outside = period && explicit ? ws.filter((w) => !inside(w, period)) : [];
    const approved = table.approved;
    // A deadline expires at its right end: «Февраль 2023 июнь 2023» is not over before an approval in March.
    const whole: Period | null = d.end ? { start: d.start ?? d.end, end: d.end } : null;
    const early = approved && whole && whole.end < approved ? [whole] : [];
    // Both say «too early» when the date is before the period's start and the approval: keep the one whose bound
    // comes first, it says more (a period that starts before its approval: «вне периода»; otherwise «до утверждения»).
    const tooEarly = period && outside.length > 0 && outside.every((w) => w.end < period.start);
    const keepOutside = !(tooEarly && early.length > 0 && approved && approved < period.start);
    const keepEarly = !(tooEarly && early.length > 0 && approved && period.start <= approved);
    if (period && outside.length > 0 && keepOutside) {
      const shift = [-1, 1].find((by) =>
        outside.every((w) => within({ start: shiftYear(w.start, by), end: shiftYear(w.end, by) }, period)),
      );
      const label = periodLabel(period);
      add(
        "deadline.outside-period",
        "warning",
        `Срок «${raw}» выходит за период дорожной карты (${label})`,
        shift !== undefined
          ? `Проверьте год: возможно, ${fromIso(outside[0].end).year + shift}`
          : `Проверьте срок: он должен попадать в период ${label}`,
      );
    }
    if (approved && early.length > 0 && keepEarly) {
      // A year typed one too low: a year later the point is after approval and inside the period.
      const laterFits =
        explicit &&
        early.every((w) => {
          const moved = { start: shiftYear(w.start, 1), end: shiftYear(w.end, 1) };
          return moved.end >= approved && (!period || within(moved, period));
        });
      add(
        "deadline.before-approval",
        "warning",
        `Срок «${raw}» истекает до утверждения дорожной карты (${formatRuDate(approved)})`,
        laterFits
          ? `Проверьте год: возможно, ${fromIso(early[0].end).year + 1}`
          : "Проверьте срок: если мероприятие уже выполнено до утверждения, отметьте это; иначе укажите новую дату",
      );
    }
  }

  // Overdue needs a status column to know what is done (until then every past deadline would be flagged),
  // and says nothing new about a deadline already flagged as before approval or outside the period.
  // The user's «Контрольный срок» wins over the deadline's end (contract: «Status list and signals»).
  const end = row.dueDate ?? d.end;
  if (today && table.columns.status && !flagged && end && end < today && !isDoneStatus(row.status)) {
    add(
      "deadline.overdue",
      "warning",
      `Срок «${raw}» прошёл (${formatRuDate(end)}), а мероприятие не отмечено как выполненное`,
      "Отметьте выполнение и приложите подтверждающий документ или перенесите срок",
    );
  }
}
