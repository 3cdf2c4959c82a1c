/**
 * Reading what a school typed into a number cell the Russian way: «10,5», «10 %», «45,5%», «1 200» with
 * spaces, non-breaking or thin spaces between digit groups, a Unicode minus. Anything else is text — and
 * text beginning with «=» or «@» is never evaluated, it is simply not a number.
 */
import type { CellValue } from "../grid";

export type NumberReading =
  { kind: "empty" } | { kind: "number"; value: number; percent: boolean } | { kind: "text"; text: string };

const GROUP_SPACES = /[\u0020\u00a0\u202f\u2009\u2007]/g;
/** Digits with optional thousands groups (already without spaces), an optional decimal part after «,» or «.». */
const PLAIN = /^[+\-−–]?(\d+)([.,]\d+)?$/;
const GROUPED = /^[+\-−–]?\d{1,3}(?:[\u0020\u00a0\u202f\u2009\u2007]\d{3})+(?:[.,]\d+)?$/;

export function readRussianNumber(v: CellValue | undefined): NumberReading {
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number")
    return Number.isFinite(v)
      ? { kind: "number", value: v, percent: false }
      : { kind: "text", text: String(v) };
  if (typeof v === "boolean") return { kind: "text", text: v ? "ИСТИНА" : "ЛОЖЬ" };
  const text = v.trim();
  if (text === "") return { kind: "empty" };
  let body = text;
  let percent = false;
  if (/%$/.test(body)) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  const compact = body.replace(GROUP_SPACES, "");
  // «1 200» is grouped; «1 2» is two numbers, not one.
  if (compact !== body && !GROUPED.test(body)) return { kind: "text", text };
  if (!PLAIN.test(compact)) return { kind: "text", text };
  const normalized = compact.replace(/^[−–]/, "-").replace(",", ".");
  const value = Number(normalized);
  if (!Number.isFinite(value)) return { kind: "text", text };
  return { kind: "number", value: Object.is(value, -0) ? 0 : value, percent };
}

export type YesNoReading =
  { kind: "empty" } | { kind: "yesno"; value: "Да" | "Нет" } | { kind: "text"; text: string };

/** «Да»/«Нет» in any case, with a trailing dot. TRUE/FALSE is not an answer from the list: it is flagged, not guessed. */
export function readYesNo(v: CellValue | undefined): YesNoReading {
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "boolean") return { kind: "text", text: v ? "ИСТИНА" : "ЛОЖЬ" };
  const text = String(v).trim();
  if (text === "") return { kind: "empty" };
  const word = text.replace(/\.$/, "").trim().toLowerCase();
  if (word === "да") return { kind: "yesno", value: "Да" };
  if (word === "нет") return { kind: "yesno", value: "Нет" };
  return { kind: "text", text };
}

/** Round half away from zero to 2 decimals, without 1.005 → 1.00 float surprises. */
export function round2(x: number): number {
  const r = Math.round((Math.abs(x) + Number.EPSILON) * 100) / 100;
  return x < 0 ? -r : r;
}
