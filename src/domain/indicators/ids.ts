/**
 * Stable indicator and activity ids: a hash of the normalised text, so the same text keeps its id across runs
 * and whatever is edited elsewhere in the workbook (a sequence number would shift when a line is inserted).
 * FNV-1a, 32 bits, base 36: short enough to read in a form, collisions resolved by a suffix.
 */
import { normaliseWording, stripListText } from "./wording";

export function textKey(text: string): string {
  return stripListText(normaliseWording(text))
    .replace(/\s*-\s*/g, "-")
    .replace(/[()"]/g, "");
}

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** "I" + six base-36 characters; `taken` holds ids already given in this workbook (a collision gets "-2"). */
export function stableId(prefix: "I" | "A", text: string, taken: Set<string>): string {
  const base = prefix + fnv1a(textKey(text)).toString(36).toUpperCase().padStart(7, "0").slice(-6);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
