/**
 * An indicator (показатель) the authority monitors: the contract's `indicators` JSON (../shared/contract.md).
 */
import { z } from "zod";

export const IndicatorType = z.enum(["share", "count", "number", "yesno", "dynamics", "text"]);
export type IndicatorType = z.infer<typeof IndicatorType>;

/** Which way is better. */
export const Direction = z.enum(["higher", "lower"]);
export type Direction = z.infer<typeof Direction>;

/** A base or target value as read: a number, «Да»/«Нет», or other short text. */
export const IndicatorValue = z.union([z.number(), z.string()]);
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const Indicator = z.object({
  id: z.string(),
  text: z.string(),
  type: IndicatorType,
  unit: z.string().nullable(),
  direction: Direction.nullable(),
  base: IndicatorValue.nullable(),
  /** By year ("2025"), where written. */
  targets: z.record(z.string(), IndicatorValue),
  sheet: z.string(),
  cell: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

/** What the user changed in the pane for one indicator (by id); remembered in the workbook settings. */
export const IndicatorCorrection = z.object({
  type: IndicatorType.optional(),
  direction: Direction.nullable().optional(),
  unit: z.string().nullable().optional(),
  targets: z.record(z.string(), IndicatorValue).optional(),
});
export type IndicatorCorrection = z.infer<typeof IndicatorCorrection>;

export const IndicatorCorrections = z.record(z.string(), IndicatorCorrection);
export type IndicatorCorrections = z.infer<typeof IndicatorCorrections>;
