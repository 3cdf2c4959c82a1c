/**
 * «Отчёт о выполнении» for a calendar quarter: the contract's `report` JSON, and the sheet «Отчёт YYYY-QN»
 * (replaced, never duplicated, on a rerun) laid out to print on A4: totals by status with a chart, the
 * activities due in the quarter (overdue first), and the same by responsible person.
 */
import { plural } from "../ru/plural";
import { z } from "zod";
import type { EditOp, EditPlan } from "../edit-plan";
import type { CellValue } from "../grid";
import {
  Signal,
  STATUS_LIST,
  type ActivityRow,
  type IsoDate,
  type RoadmapTable,
  type Status,
} from "../model";
import { buildPeopleDirectory, findInDirectory, type PeopleDirectory } from "../people-directory";
import { isDueInQuarter, type QuarterRef } from "../quarter";
import { personName } from "../responsible";
import { formatRuDate } from "../russian-dates";
import { isoToSerial, DATE_FORMAT } from "./annotate";
import { reportSheetTitle } from "./sheets";

/** The contract's `report --json`. */
export const QuarterReport = z.object({
  quarter: z.string(),
  start: z.string(),
  end: z.string(),
  tables: z.array(
    z.object({
      sheet: z.string(),
      /** Every activity of the table; "" = no status yet. */
      byStatus: z.record(z.string(), z.number().int()),
      due: z.array(
        z.object({ row: z.number().int(), signal: Signal.nullable(), status: z.string().nullable() }),
      ),
      overdue: z.array(z.number().int()),
      byPerson: z.array(
        z.object({
          person: z.string(),
          activities: z.number().int(),
          done: z.number().int(),
          overdue: z.number().int(),
        }),
      ),
    }),
  ),
});
export type QuarterReport = z.infer<typeof QuarterReport>;

export function reportSheetName(q: Pick<QuarterRef, "id">): string {
  return reportSheetTitle(q.id);
}

const SIGNAL_TEXT: Record<Signal, string> = {
  overdue: "Просрочено",
  due_soon: "Срок в ближайшие 14 дней",
  done: "Выполнено",
  done_late: "Выполнено с нарушением срока",
};
const SIGNAL_ORDER: Record<string, number> = { overdue: 0, due_soon: 1, done_late: 2, done: 3 };

const isDone = (s: Status | null) => s === "Выполнено" || s === "Выполнено с нарушением срока";

function activities(t: RoadmapTable): ActivityRow[] {
  return t.rows.filter((r): r is ActivityRow => r.kind === "activity");
}

/** Responsible persons of an activity, named as the people directory names them (one name per person). */
function personsOf(a: ActivityRow, dir: PeopleDirectory): string[] {
  const names = a.responsible.persons.map((p) => {
    const m = findInDirectory(dir, p);
    return (m.exact ?? m.close)?.name ?? personName(p);
  });
  return [...new Set(names)];
}

function dueIn(t: RoadmapTable, q: QuarterRef): ActivityRow[] {
  return activities(t).filter((a) => isDueInQuarter(a.deadline, q, t.period, a.dueDate));
}

function byDueOrder(a: ActivityRow, b: ActivityRow): number {
  return (SIGNAL_ORDER[a.signal ?? ""] ?? 4) - (SIGNAL_ORDER[b.signal ?? ""] ?? 4) || a.row - b.row;
}

/** The report's numbers. `tables` carry signals (checkWorkbook with today); `directory` the user's, if any. */
export function buildQuarterReport(
  tables: RoadmapTable[],
  q: QuarterRef,
  directory: PeopleDirectory | null,
): QuarterReport {
  const dir = directory ?? buildPeopleDirectory(tables);
  return {
    quarter: q.id,
    start: q.start,
    end: q.end,
    tables: tables.map((t) => {
      const all = activities(t);
      const byStatus: Record<string, number> = Object.fromEntries([...STATUS_LIST, ""].map((s) => [s, 0]));
      for (const a of all) byStatus[a.status ?? ""]++;
      const due = dueIn(t, q).sort(byDueOrder);
      const people = new Map<string, { activities: number; done: number; overdue: number }>();
      for (const a of due) {
        for (const name of personsOf(a, dir)) {
          const p = people.get(name) ?? { activities: 0, done: 0, overdue: 0 };
          p.activities++;
          if (isDone(a.status)) p.done++;
          if (a.signal === "overdue") p.overdue++;
          people.set(name, p);
        }
      }
      return {
        sheet: t.sheet,
        byStatus,
        due: due.map((a) => ({ row: a.row, signal: a.signal, status: a.status })),
        overdue: all.filter((a) => a.signal === "overdue").map((a) => a.row),
        byPerson: [...people.entries()]
          .sort((x, y) => y[1].overdue - x[1].overdue || x[0].localeCompare(y[0], "ru"))
          .map(([person, v]) => ({ person, ...v })),
      };
    }),
  };
}

const ROMAN = ["I", "II", "III", "IV"];

/**
 * The sheet «Отчёт YYYY-QN». Everything the user reads is text or a number written as a value (no formula comes
 * from user text); the chart reads the totals block.
 */
export function planReportSheet(
  sheetNames: readonly string[],
  tables: RoadmapTable[],
  q: QuarterRef,
  report: QuarterReport,
  today: IsoDate,
): EditPlan {
  const name = reportSheetName(q);
  const ops: EditOp[] = [];
  if (sheetNames.some((s) => s.toLowerCase() === name.toLowerCase()))
    ops.push({ op: "deleteSheet", sheet: name });
  ops.push({ op: "addSheet", sheet: name });
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const headers: number[] = [];
  rows.push([
    `Отчёт о выполнении дорожной карты за ${ROMAN[q.quarter - 1]} квартал ${q.year} г. (${formatRuDate(q.start)} – ${formatRuDate(q.end)})`,
  ]);
  bold.push(0);
  rows.push([
    `Сформирован ${formatRuDate(today)}. Статусы — по столбцу «Статус» таблиц на ${formatRuDate(today)}.`,
  ]);
  rows.push([]);
  // Totals by status over every activity of every table.
  const total = (s: string) => report.tables.reduce((n, t) => n + (t.byStatus[s] ?? 0), 0);
  const all = report.tables.reduce((n, t) => n + Object.values(t.byStatus).reduce((a, b) => a + b, 0), 0);
  const totalsTop = rows.length;
  headers.push(rows.length);
  rows.push(["Статус", "Мероприятий", "Доля, %"]);
  for (const s of [...STATUS_LIST, ""]) {
    const n = total(s);
    rows.push([s || "Без статуса", n, all ? Math.round((n / all) * 1000) / 10 : 0]);
  }
  const totalsBottom = rows.length - 1;
  rows.push(["Всего", all, all ? 100 : 0]);
  bold.push(rows.length - 1);
  rows.push([]);
  // Activities due in the quarter, overdue first.
  rows.push([`Мероприятия со сроком в ${ROMAN[q.quarter - 1]} квартале ${q.year} г.`]);
  bold.push(rows.length - 1);
  const dueHeader = rows.length;
  headers.push(dueHeader);
  rows.push([
    "Лист",
    "Строка",
    "№",
    "Мероприятие",
    "Срок",
    "Контрольный срок",
    "Ответственные",
    "Статус",
    "Дата выполнения",
    "Подтверждающий документ",
    "Комментарий",
    "Сигнал",
  ]);
  const entries = tables
    .flatMap((t) => dueIn(t, q).map((a) => ({ t, a })))
    .sort((x, y) => byDueOrder(x.a, y.a));
  for (const { t, a } of entries) {
    const due = a.dueDate ?? a.deadline.end;
    rows.push([
      t.sheet,
      a.row,
      a.number,
      a.activity,
      a.deadline.raw,
      due ? isoToSerial(due) : null,
      a.responsible.raw,
      a.status,
      a.doneDate ? isoToSerial(a.doneDate) : null,
      a.evidenceLink,
      a.comment,
      a.signal ? SIGNAL_TEXT[a.signal] : null,
    ]);
  }
  if (entries.length === 0) rows.push(["В этом квартале мероприятий со сроком нет."]);
  rows.push([]);
  // By responsible person (names as in the people directory).
  rows.push(["По ответственным (мероприятия со сроком в квартале)"]);
  bold.push(rows.length - 1);
  headers.push(rows.length);
  rows.push(["Ответственный", "Мероприятий", "Выполнено", "Просрочено"]);
  const people = new Map<string, { activities: number; done: number; overdue: number }>();
  for (const t of report.tables) {
    for (const p of t.byPerson) {
      const x = people.get(p.person) ?? { activities: 0, done: 0, overdue: 0 };
      x.activities += p.activities;
      x.done += p.done;
      x.overdue += p.overdue;
      people.set(p.person, x);
    }
  }
  for (const [person, v] of [...people.entries()].sort(
    (x, y) => y[1].overdue - x[1].overdue || x[0].localeCompare(y[0], "ru"),
  )) {
    rows.push([person, v.activities, v.done, v.overdue]);
  }
  if (people.size === 0) rows.push(["Ответственные-люди в мероприятиях квартала не названы."]);

  const width = 12;
  const padded = rows.map((r) => [...r, ...Array<CellValue>(Math.max(0, width - r.length)).fill(null)]);
  ops.push({ op: "setValues", sheet: name, row: 0, col: 0, values: padded });
  // The two date columns of the due list: the same values again, with the date format (one block each).
  if (entries.length > 0) {
    for (const col of [5, 8]) {
      const values = padded.slice(dueHeader + 1, dueHeader + 1 + entries.length).map((r) => [r[col]]);
      ops.push({ op: "setValues", sheet: name, row: dueHeader + 1, col, values, numberFormat: DATE_FORMAT });
    }
  }
  for (const r of bold)
    ops.push({ op: "setStyle", sheet: name, range: { top: r, bottom: r, left: 0, right: 0 }, bold: true });
  for (const r of headers) {
    const right = r === dueHeader ? width - 1 : r === totalsTop ? 2 : 3;
    ops.push({
      op: "setStyle",
      sheet: name,
      range: { top: r, bottom: r, left: 0, right },
      bold: true,
      fill: "D9E1F2",
      wrap: true,
      border: true,
    });
  }
  if (entries.length > 0) {
    ops.push({
      op: "setStyle",
      sheet: name,
      range: { top: dueHeader + 1, bottom: dueHeader + entries.length, left: 0, right: width - 1 },
      wrap: true,
      border: true,
    });
  }
  ops.push({
    op: "setColumnWidths",
    sheet: name,
    widths: [14, 8, 6, 48, 18, 12, 24, 16, 12, 28, 28, 16].map((w, col) => ({ col, width: w })),
  });
  ops.push({
    op: "addChart",
    sheet: name,
    type: "column",
    data: { top: totalsTop, bottom: totalsBottom, left: 0, right: 1 },
    anchor: { top: totalsTop, bottom: totalsBottom + 6, left: 4, right: 9 },
    title: `Мероприятия по статусам, ${q.id}`,
  });
  ops.push({
    op: "setPageLayout",
    sheet: name,
    orientation: "landscape",
    fitToWidth: true,
    printArea: { top: 0, left: 0, bottom: rows.length - 1, right: width - 1 },
    repeatRows: { top: dueHeader, bottom: dueHeader },
  });
  return {
    summary: `Лист «${name}»${ops[0].op === "deleteSheet" ? " будет заменён" : " будет добавлен"}: ${plural(entries.length, "мероприятие", "мероприятия", "мероприятий")} со сроком в квартале.`,
    ops,
  };
}
