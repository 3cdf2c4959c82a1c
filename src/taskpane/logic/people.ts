/** The people directory as the «Ответственные» pane lists it. */
import type { PeopleDirectory } from "../../domain/people-directory";

export interface PersonLine {
  name: string;
  positions: string[];
  activities: number;
  sections: string[];
  /** Other spellings than the canonical name (empty when written one way only). */
  variants: string[];
  /** What they do by when: each activity with its deadline and sheet. */
  assigned: { sheet: string; row: number; activity: string; deadline: string }[];
}

/** One line per person, most activities first, then alphabetically (Russian collation). */
export function personLines(dir: PeopleDirectory): PersonLine[] {
  return dir.people
    .map((p) => ({
      name: p.name,
      positions: p.positions,
      activities: p.activities,
      sections: p.sections,
      variants: p.variants.filter((v) => v.replace(/\s+/g, " ").trim() !== p.name),
      assigned: p.assigned,
    }))
    .sort((a, b) => b.activities - a.activities || a.name.localeCompare(b.name, "ru"));
}
