/** Column roles from content: what the header left unnamed, named from what the columns hold. */
import { assignedColumns, type HeaderInfo } from "./header";
import { SheetView } from "./sheet-view";
import { isNumbering, looksLikeDeadline, looksLikePerson, serialToDateText } from "./text";

/** Fill roles the header did not name (or named slightly off) from what the columns hold. */
export function inferFromContent(view: SheetView, header: HeaderInfo): void {
  const a = header.columns;
  const first = header.rows[header.rows.length - 1] + 1;
  const sample: number[] = [];
  let blank = 0;
  for (let r = first; r < view.height && sample.length < 40 && r < first + 120 && blank < 2; r++) {
    const n = view.nonEmpty(r, header.left, header.right).length;
    blank = n === 0 ? blank + 1 : 0;
    if (n >= 2) sample.push(r);
  }
  if (sample.length === 0) return;
  // A «№» column whose header cell was left empty sits just left of the header's first text.
  const before = header.left - 1;
  if (a.number === null && before >= 0 && !view.text(header.rows[0], before)) {
    const numbered = sample.filter((r) => isNumbering(view.text(r, before))).length;
    if (numbered >= Math.max(2, sample.length * 0.6)) {
      header.left = before;
      header.labels.unshift("");
      a.number = before;
    }
  }
  const taken = assignedColumns(a);
  const stats = (c: number) => {
    let n = 0;
    let numbering = 0;
    let deadline = 0;
    let person = 0;
    let len = 0;
    for (const r of sample) {
      const v = view.value(r, c);
      const t = view.text(r, c);
      if (!t) continue;
      n++;
      len += t.length;
      if (isNumbering(t)) numbering++;
      if (looksLikeDeadline(t) || (typeof v === "number" && serialToDateText(v))) deadline++;
      if (looksLikePerson(t)) person++;
    }
    return { n, numbering, deadline, person, avgLen: n ? len / n : 0 };
  };
  const free: number[] = [];
  for (let c = header.left; c <= header.right; c++) if (!taken.has(c)) free.push(c);
  const byCol = new Map(free.map((c) => [c, stats(c)]));
  const pick = (test: (s: ReturnType<typeof stats>) => boolean): number | null => {
    for (const c of free) {
      const s = byCol.get(c)!;
      if (!taken.has(c) && s.n >= Math.min(3, sample.length) && test(s)) {
        taken.add(c);
        return c;
      }
    }
    return null;
  };
  // One role named by the header lets content name the others; content alone never makes a roadmap.
  const namedActivity = a.activity !== null;
  const namedOther = a.deadline !== null || a.responsible.length > 0;
  if (a.number === null) a.number = pick((s) => s.numbering / s.n >= 0.6);
  if (a.deadline === null && namedActivity)
    a.deadline = pick((s) => s.deadline / s.n >= 0.6 && s.avgLen < 80);
  if (a.responsible.length === 0 && namedActivity) {
    const c = pick((s) => s.person / s.n >= 0.5 && s.avgLen < 150);
    if (c !== null) a.responsible.push(c);
  }
  if (a.activity === null && namedOther) {
    a.activity = pick((s) => s.avgLen >= 40 && s.numbering === 0 && s.deadline / s.n < 0.3);
  }
}
