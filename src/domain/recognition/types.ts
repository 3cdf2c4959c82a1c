/** The recogniser's shared shapes: what a caller passes and gets, and a table's columns as the stages see them. */
import type { ColumnRole, IsoDate, Period, RoadmapTable } from "../model";
import { assignedColumns, type ColumnAssignment } from "./header";
import type { SheetView } from "./sheet-view";

export interface TableOverride {
  sheet: string;
  /** A1, e.g. "A6:F58": the table, header included. */
  range?: string;
  /** Column letters per role; null = the table has no such column. */
  columns?: Partial<Record<ColumnRole, string | string[] | null>>;
  /** The roadmap's period, when the title does not state it (the user is asked rather than guessed for). */
  period?: Period | null;
  /** The approval date, likewise. */
  approved?: IsoDate | null;
}

/** The user's period and approval date for a sheet; they win over what the text above the table says. */
export type GivenContext = Pick<TableOverride, "period" | "approved"> | null;

export type { Notice } from "./notice-text";
import type { Notice } from "./notice-text";

export interface Recognition {
  tables: RoadmapTable[];
  notices: Notice[];
}

export interface RecognizeOptions {
  overrides?: TableOverride[];
}

/** One row of the body as the classifier left it (0-based rows). */
export interface BodyItem {
  kind: "header" | "section" | "activity";
  row: number;
  text?: string;
  /** activity: its continuation rows (0-based), in order; empty rows sandwiched between included. */
  continuation?: number[];
}

export interface Body {
  items: BodyItem[];
  lastRow: number;
}

export interface TableShape {
  left: number;
  right: number;
  columns: ColumnAssignment;
  /** Hidden columns with no role (helper formulas): not read when classifying rows. */
  ignored: Set<number>;
  /**
   * A role column whose header cell is merged over columns with no role of their own («Мероприятие» over B:C):
   * rows of a Word table with uneven cell borders put their text in any of them.
   */
  spill: Map<number, number[]>;
}

export function makeShape(
  view: SheetView,
  left: number,
  right: number,
  columns: ColumnAssignment,
  headerRow: number | null,
): TableShape {
  const roles = assignedColumns(columns);
  const ignored = new Set<number>();
  for (const c of view.sheet.hiddenColumns ?? [])
    if (c >= left && c <= right && !roles.has(c)) ignored.add(c);
  const spill = new Map<number, number[]>();
  if (headerRow !== null) {
    for (const c of roles) {
      const m = view.mergeAt(headerRow, c);
      if (!m || m.right <= c) continue;
      const extra: number[] = [];
      for (let x = c + 1; x <= Math.min(m.right, right) && !roles.has(x); x++) extra.push(x);
      if (extra.length > 0) spill.set(c, extra);
    }
  }
  return { left, right, columns, ignored, spill };
}
