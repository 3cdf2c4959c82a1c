// Placeholder until the responsible-persons reader lands: everything is kept as one role.
import type { Responsible } from "./model";

export interface ResponsibleContext {
  /** Name order decided from the whole document (see inferNameOrder). */
  nameOrder?: "surname-first" | "initials-first";
}

export function readResponsible(raw: string | null | undefined, _ctx: ResponsibleContext = {}): Responsible {
  const text = (raw ?? "").trim();
  return { raw: text, persons: [], roles: text ? [text] : [] };
}

export function inferNameOrder(_cells: string[]): "surname-first" | "initials-first" {
  return "surname-first";
}
