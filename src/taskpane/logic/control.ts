/**
 * «Сводка»: the status picture of the recognised tables, filtered by person and section — counts and shares by
 * status, by section and by person, and the overdue and due-soon lists. Pure, so it is tested without React.
 */
import { STATUS_LIST, type ActivityRow, type RoadmapTable } from "../../domain/model";
import { buildPeopleDirectory, findInDirectory, type PeopleDirectory } from "../../domain/people-directory";
import { personName } from "../../domain/responsible";

export interface SummaryItem {
  sheet: string;
  row: number;
  activity: string;
  due: string | null;
  status: string | null;
}

export interface StatusSummary {
  total: number;
  /** In the contract's order; "" = no status yet. */
  byStatus: { status: string; count: number; share: number }[];
  bySection: { section: string; total: number; done: number; overdue: number }[];
  byPerson: { person: string; total: number; done: number; overdue: number }[];
  overdue: SummaryItem[];
  dueSoon: SummaryItem[];
  people: string[];
  sections: string[];
}

export interface SummaryFilter {
  person: string | null;
  section: string | null;
}

const NO_SECTION = "—";
const done = (a: ActivityRow) => a.status === "Выполнено" || a.status === "Выполнено с нарушением срока";

function namesOf(a: ActivityRow, dir: PeopleDirectory): string[] {
  return [
    ...new Set(
      a.responsible.persons.map((p) => {
        const m = findInDirectory(dir, p);
        return (m.exact ?? m.close)?.name ?? personName(p);
      }),
    ),
  ];
}

function tally<K extends string>(
  map: Map<K, { total: number; done: number; overdue: number }>,
  key: K,
  a: ActivityRow,
) {
  const x = map.get(key) ?? { total: 0, done: 0, overdue: 0 };
  x.total++;
  if (done(a)) x.done++;
  if (a.signal === "overdue") x.overdue++;
  map.set(key, x);
}

/** `tables` as checked (with signals for today). */
export function statusSummary(
  tables: RoadmapTable[],
  directory: PeopleDirectory | null,
  filter: SummaryFilter,
): StatusSummary {
  const dir = directory ?? buildPeopleDirectory(tables);
  const all = tables.flatMap((t) =>
    t.rows
      .filter((r): r is ActivityRow => r.kind === "activity")
      .map((a) => ({ t, a, names: namesOf(a, dir), section: a.section ?? NO_SECTION })),
  );
  const people = [...new Set(all.flatMap((x) => x.names))].sort((a, b) => a.localeCompare(b, "ru"));
  const sections = [...new Set(all.map((x) => x.section))];
  const shown = all.filter(
    (x) =>
      (!filter.person || x.names.includes(filter.person)) &&
      (!filter.section || x.section === filter.section),
  );
  const counts = new Map<string, number>([...STATUS_LIST, ""].map((s) => [s, 0]));
  const bySection = new Map<string, { total: number; done: number; overdue: number }>();
  const byPerson = new Map<string, { total: number; done: number; overdue: number }>();
  for (const { a, names, section } of shown) {
    counts.set(a.status ?? "", (counts.get(a.status ?? "") ?? 0) + 1);
    tally(bySection, section, a);
    for (const n of names) tally(byPerson, n, a);
  }
  const total = shown.length;
  const item = ({ t, a }: (typeof all)[number]): SummaryItem => ({
    sheet: t.sheet,
    row: a.row,
    activity: a.activity,
    due: a.dueDate ?? a.deadline.end,
    status: a.status,
  });
  const byDue = (x: SummaryItem, y: SummaryItem) => (x.due ?? "").localeCompare(y.due ?? "") || x.row - y.row;
  return {
    total,
    byStatus: [...counts.entries()].map(([status, count]) => ({
      status,
      count,
      share: total ? Math.round((count / total) * 1000) / 10 : 0,
    })),
    bySection: [...bySection.entries()].map(([section, v]) => ({ section, ...v })),
    byPerson: [...byPerson.entries()]
      .map(([person, v]) => ({ person, ...v }))
      .sort((x, y) => y.overdue - x.overdue || x.person.localeCompare(y.person, "ru")),
    overdue: shown
      .filter((x) => x.a.signal === "overdue")
      .map(item)
      .sort(byDue),
    dueSoon: shown
      .filter((x) => x.a.signal === "due_soon")
      .map(item)
      .sort(byDue),
    people,
    sections,
  };
}

/** The current calendar quarter of an ISO date: «2025-Q2». */
export function quarterOf(iso: string): string {
  const [y, m] = iso.split("-").map(Number);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
