/**
 * Deadline reading: our reader against chrono-node's Russian parser, on the same hand-written cases, in the
 * same run: the tuned set (test/domain/deadline-cases.ts: every seed cell plus what other regions write) and
 * the held-out set (test/domain/deadline-heldout-cases.ts: cells from other regions written before the
 * reader was run on them). Speed is measured over both sets together.
 * Run alone: npx tsx bench/deadline.bench.ts
 *
 * Fairness rule for chrono (it returns dates, not our types):
 * - chrono gets the case's approval date (else the period's start) as its reference date, so it can
 *   infer a missing year as well as it knows how; it runs both with and without `forwardDate` (a plan's
 *   dates lie ahead) and its better score counts.
 * - A chrono date matches an expected day when it is that day, or when chrono itself marks the day as
 *   not certain ("Февраль 2023") and the year and month agree — a month is not punished for its day.
 * - date: some result starts on the expected day. by_date: some result (start or end) matches the
 *   expected end. range, month, month_range, quarter: the earliest result start matches the expected
 *   start and the latest result end (or start) matches the expected end — chrono may split "Апрель-май"
 *   into two results and still be counted right. multiple: every expected point is matched by some result.
 * - missing, unspecified, event_based, unparsed: right only when chrono finds nothing (there is no date).
 * - recurring and whole_period: chrono cannot express them; counted wrong.
 * Ours is right when type, start, end, recurrence (and points, where the case lists them) all equal the
 * hand-written expectation — a stricter rule than chrono's.
 */
import * as chrono from "chrono-node";
import { readDeadline } from "../src/domain/deadline";
import type { IsoDate } from "../src/domain/model";
import { ALL_CASES, type DeadlineCase } from "../test/domain/deadline-cases";
import { HELDOUT_CASES } from "../test/domain/deadline-heldout-cases";

const TIMED_CASES: DeadlineCase[] = [...ALL_CASES, ...HELDOUT_CASES];

type ChronoResult = ReturnType<typeof chrono.ru.parse>[number];
type ChronoComponents = ChronoResult["start"];

const TARGET_MS = 1000;

function refDate(c: DeadlineCase): Date {
  const iso = c.ctx.approved ?? c.ctx.period?.start ?? "2023-09-01";
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
}

function matches(comp: ChronoComponents | null | undefined, iso: IsoDate | null): boolean {
  if (!comp || !iso) return false;
  const y = comp.get("year");
  const m = comp.get("month");
  const d = comp.get("day");
  if (y !== Number(iso.slice(0, 4)) || m !== Number(iso.slice(5, 7))) return false;
  return d === Number(iso.slice(8, 10)) || !comp.isCertain("day");
}

function dayKey(comp: ChronoComponents): number {
  return (comp.get("year") ?? 0) * 10000 + (comp.get("month") ?? 0) * 100 + (comp.get("day") ?? 0);
}

export function chronoIsRight(c: DeadlineCase, results: ChronoResult[]): boolean {
  const x = c.expected;
  switch (x.type) {
    case "missing":
    case "unspecified":
    case "event_based":
    case "unparsed":
      return results.length === 0;
    case "recurring":
    case "whole_period":
      return false;
    case "date":
      return results.some((r) => matches(r.start, x.start));
    case "by_date":
      return results.some((r) => matches(r.start, x.end) || matches(r.end, x.end));
    case "multiple":
      return (x.points ?? []).every((p) =>
        results.some(
          (r) => matches(r.start, p.start ?? p.end) || matches(r.end, p.end) || matches(r.start, p.end),
        ),
      );
    default: {
      if (results.length === 0) return false;
      const starts = results.map((r) => r.start).sort((a, b) => dayKey(a) - dayKey(b));
      const ends = results.map((r) => r.end ?? r.start).sort((a, b) => dayKey(a) - dayKey(b));
      return matches(starts[0], x.start) && matches(ends[ends.length - 1], x.end);
    }
  }
}

function oursIsRight(c: DeadlineCase): boolean {
  const d = readDeadline(c.raw, c.ctx);
  const x = c.expected;
  const same = d.type === x.type && d.start === x.start && d.end === x.end && d.recurrence === x.recurrence;
  return same && (!x.points || JSON.stringify(d.points) === JSON.stringify(x.points));
}

/**
 * Strings per second of each reader over the cases. The two run in alternating slices (about TARGET_MS
 * each in total) so that a busy machine slows both alike.
 */
function throughputs(readers: Array<(c: DeadlineCase) => unknown>): number[] {
  for (const read of readers) for (const c of TIMED_CASES) read(c); // warm up
  const counts = readers.map(() => 0);
  const times = readers.map(() => 0);
  const SLICES = 10;
  for (let slice = 0; slice < SLICES; slice++) {
    readers.forEach((read, k) => {
      const t0 = performance.now();
      while (performance.now() - t0 < TARGET_MS / SLICES) {
        for (const c of TIMED_CASES) read(c);
        counts[k] += TIMED_CASES.length;
      }
      times[k] += performance.now() - t0;
    });
  }
  return counts.map((n, k) => Math.round((n / times[k]) * 1000));
}

interface SetScore {
  cases: number;
  ours: { correct: number; accuracy: number };
  chrono: { correct: number; accuracy: number };
  oursMissed: string[];
}

function share(k: number, n: number): number {
  return Math.round((k / n) * 1000) / 1000;
}

function scoreSet(cases: DeadlineCase[], forwardDate: boolean): SetScore {
  const ours = cases.filter(oursIsRight);
  const chronoRight = cases.filter((c) =>
    chronoIsRight(c, chrono.ru.parse(c.raw, refDate(c), { forwardDate })),
  ).length;
  return {
    cases: cases.length,
    ours: { correct: ours.length, accuracy: share(ours.length, cases.length) },
    chrono: { correct: chronoRight, accuracy: share(chronoRight, cases.length) },
    oursMissed: cases.filter((c) => !ours.includes(c)).map((c) => c.raw),
  };
}

export async function benchDeadlines(): Promise<object> {
  const oursRight = ALL_CASES.filter(oursIsRight);
  const chronoRightWith = (forwardDate: boolean) =>
    ALL_CASES.filter((c) => chronoIsRight(c, chrono.ru.parse(c.raw, refDate(c), { forwardDate })));
  const plain = chronoRightWith(false);
  const forward = chronoRightWith(true);
  const forwardDate = forward.length > plain.length;
  const chronoRight = forwardDate ? forward : plain;
  // Chrono gets its better forwardDate setting on the held-out set too.
  const heldPlain = scoreSet(HELDOUT_CASES, false);
  const heldForward = scoreSet(HELDOUT_CASES, true);
  const heldout = heldForward.chrono.correct > heldPlain.chrono.correct ? heldForward : heldPlain;
  const [oursSpeed, chronoSpeed] = throughputs([
    (c) => readDeadline(c.raw, c.ctx),
    (c) => chrono.ru.parse(c.raw, refDate(c), { forwardDate }),
  ]);
  return {
    name: "deadlines",
    cases: ALL_CASES.length,
    ours: {
      correct: oursRight.length,
      accuracy: share(oursRight.length, ALL_CASES.length),
      stringsPerSecond: oursSpeed,
    },
    chrono: {
      correct: chronoRight.length,
      accuracy: share(chronoRight.length, ALL_CASES.length),
      stringsPerSecond: chronoSpeed,
      forwardDate,
      correctWithoutForwardDate: plain.length,
      correctWithForwardDate: forward.length,
    },
    heldout: { ...heldout, chronoForwardDate: heldout === heldForward },
    speedCases: TIMED_CASES.length,
    speedRatioOursToChrono: Math.round((oursSpeed / chronoSpeed) * 100) / 100,
    oursMissed: ALL_CASES.filter((c) => !oursRight.includes(c)).map((c) => c.raw),
    fairness:
      "chrono: reference date = approval date, forwardDate on or off whichever scores better (chosen per set); a day chrono marks uncertain matches by year and month; ranges match on earliest start and latest end over all results; missing/unspecified/event/unparsed right only when chrono finds nothing; recurring/whole_period wrong. Ours: type, start, end, recurrence, points all equal. Speed over tuned and held-out cases together.",
  };
}

if (typeof require !== "undefined" && require.main === module) {
  benchDeadlines().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
