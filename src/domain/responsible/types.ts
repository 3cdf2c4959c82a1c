/** The readings of a «Ответственные» cell, as the reader gives them. */
import type { Person } from "../model";

export type NameOrder = "surname-first" | "initials-first";

export interface ResponsibleContext {
  /** Name order decided from the whole document (see inferNameOrder). */
  nameOrder?: NameOrder;
}

/** A person as found in a cell, with how it was written and the position attached to it, if any. */
export interface PersonMention extends Person {
  /** The span as written, whitespace collapsed ("Грицина Н. В.", "Т.И.Смирнова"). */
  written: string;
  /** The role unit read as this person's position ("руководитель рабочей группы"), or null. */
  position: string | null;
}

export interface ResponsibleDetails {
  raw: string;
  persons: PersonMention[];
  roles: string[];
}
