/**
 * The «Ответственные» cell → named persons and the remaining roles, as written.
 *
 * Cells mix people ("Грицина Н.В. Огурцова Т.Н." — no separator), people with positions
 * ("Гокова В.Я., руководитель рабочей группы"), roles before names ("Председатель КО Куприенко Е.В.") and
 * bare roles or units ("Руководители ОУ", "МИМС МКОУ «Синявинская СОШ»"). The reader tokenises the cell,
 * pairs every initials cluster with the surname before or after it (the pairing that names the most people,
 * ties broken by the document's name order), reads full names ("Иванова Мария Петровна"), and splits what is
 * left into roles at separators and at words that plainly start a new unit.
 */
import type { Person, Responsible } from "../model";
import { plainText } from "../ru";
import { DROP_RE, LABEL_RE, PLACEHOLDER_RE } from "./lexicon";
import {
  type Found,
  capsOnly,
  findFullNames,
  initSlots,
  initialsOf,
  orderEvidence,
  pairInitials,
  surnameForm,
} from "./names";
import { tokenize } from "./tokens";
import type { PersonMention, ResponsibleContext, ResponsibleDetails } from "./types";
import { type Unit, attachPositions, cleanUnit, hasLetters, sliceText, splitUnits } from "./units";

export { inferNameOrder } from "./names";
export type { NameOrder, PersonMention, ResponsibleContext, ResponsibleDetails } from "./types";

// ---------------------------------------------------------------- reading

function emptyDetails(raw: string): ResponsibleDetails {
  return { raw, persons: [], roles: [] };
}

/**
 * The full reading of a cell: persons with how they were written and their positions, and the roles. Never
 * throws: a reader bug must not take a whole check down, so the cell is then kept as one role.
 */
export function readResponsibleDetails(
  raw: string | null | undefined | unknown,
  ctx: ResponsibleContext = {},
): ResponsibleDetails {
  const rawText = rawTextOf(raw);
  try {
    return readDetailsUnguarded(rawText, ctx);
  } catch {
    const t = rawText.replace(/\s+/g, " ").trim();
    return { raw: rawText, persons: [], roles: t ? [t] : [] };
  }
}

function rawTextOf(raw: unknown): string {
  return typeof raw === "string" ? raw.trim() : raw == null ? "" : String(raw).trim();
}

/** readResponsibleDetails without its safety net, so tests see a reader bug instead of a role. */
export function readDetailsUnguarded(rawText: string, ctx: ResponsibleContext): ResponsibleDetails {
  const s = plainText(rawText);
  // A cell wholly in capitals («ЗАМ. ДИРЕКТОРА ПО УВР КИМ С.А.») lets a short capitals word be a surname.
  const caps = capsOnly(rawText);
  if (PLACEHOLDER_RE.test(s.replace(/\s+/g, " ").trim())) return emptyDetails(rawText);
  const tokens = tokenize(s);
  if (tokens.length === 0) return emptyDetails(rawText);

  const used = new Array<boolean>(tokens.length).fill(false);
  const found: Found[] = findFullNames(tokens, used, caps);
  const slots = initSlots(tokens, used, caps);
  let prefer = ctx.nameOrder;
  if (!prefer) {
    const e = orderEvidence(tokens, caps);
    prefer = e.inf > e.sf ? "initials-first" : "surname-first";
  }
  const choice = pairInitials(slots, prefer);
  slots.forEach((slot, k) => {
    const c = choice[k];
    if (c === "none") return;
    const other = c === "left" ? slot.left : slot.right;
    used[slot.idx] = used[other] = true;
    found.push({
      first: Math.min(slot.idx, other),
      last: Math.max(slot.idx, other),
      surname: surnameForm(tokens[other], caps)!,
      initials: initialsOf(tokens[slot.idx].letters ?? []),
    });
  });
  found.sort((a, b) => a.first - b.first);

  // Units between persons; remember which separators stand between a unit and the persons around it.
  const units: Unit[] = [];
  let cursor = 0;
  for (const f of found) {
    if (f.first > cursor) units.push(...splitUnits(s, tokens, cursor, f.first - 1));
    cursor = f.last + 1;
  }
  if (cursor < tokens.length) units.push(...splitUnits(s, tokens, cursor, tokens.length - 1));

  const kept = units
    .map((u) => ({ ...u, text: cleanUnit(u.text) }))
    .filter((u) => u.text && hasLetters(u.text) && !DROP_RE.test(u.text));
  const roleUnits = kept.filter((u) => !(LABEL_RE.test(u.text) && (found.length > 0 || kept.length > 1)));

  const mentions: PersonMention[] = found.map((f) => ({
    surname: f.surname,
    initials: f.initials,
    written: sliceText(s, tokens, f.first, f.last),
    position: null,
  }));
  attachPositions(tokens, found, roleUnits, mentions);
  return { raw: rawText, persons: mentions, roles: roleUnits.map((u) => u.text) };
}

/** The contract reading of a «Ответственные» cell. Never throws. */
export function readResponsible(raw: string | null | undefined, ctx: ResponsibleContext = {}): Responsible {
  return toContract(readResponsibleDetails(raw, ctx));
}

/** readResponsible without its safety net: the property tests call this one, so a reader bug fails them. */
export function readResponsibleUnguarded(raw: string, ctx: ResponsibleContext = {}): Responsible {
  return toContract(readDetailsUnguarded(rawTextOf(raw), ctx));
}

function toContract(d: ResponsibleDetails): Responsible {
  return {
    raw: d.raw,
    persons: d.persons.map((p) => ({ surname: p.surname, initials: p.initials })),
    roles: d.roles,
  };
}

/** "Грицина Н.В." */
export function personName(p: Person): string {
  return p.initials ? `${p.surname} ${p.initials}` : p.surname;
}
