/**
 * The workbook as an EditPlan sees it, beyond values: what every host must end up with after a plan, in one
 * normalised, JSON-comparable shape. The in-memory host (./apply-model.ts) works on it directly; the .xlsx and
 * Office.js hosts are read into it by the conformance suite (test/conformance), so "the same plan gives the same
 * workbook" is checked cell by cell.
 *
 * Cells are keyed by A1 address ("B7"). A cell has an entry only when something about it is not the default
 * (a value, a formula, a number format other than General, a validation, a link, unlocked, a style).
 */
import { a1, type CellRange, type CellValue } from "../grid";
import type { ValidationRule } from "../edit-plan";

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface CellStyle {
  bold?: boolean;
  /** "RRGGBB" */
  fill?: string;
  wrap?: boolean;
  border?: boolean;
  /** "RRGGBB" */
  fontColor?: string;
}

export interface ModelValidation {
  rule: ValidationRule;
  /** The Russian error shown on a bad entry (hosts write a default per kind when the op gives none). */
  message: string;
}

export interface ModelCell {
  /** The value; null where the cell holds a formula (its cached result is the host's business). */
  value?: CellValue;
  /** "=…" */
  formula?: string;
  numberFormat?: string;
  validation?: ModelValidation;
  /** URL, file path, or "#'Лист'!A1" inside the workbook. */
  hyperlink?: string;
  /** Only false is recorded: every cell is locked unless unlocked. */
  locked?: false;
  style?: CellStyle;
}

export interface ModelConditionalFormat {
  /** A1 range ("E7:E40"). */
  ref: string;
  /** "=…", written for the range's top-left cell. */
  formula: string;
  fill: string;
  fontColor?: string;
}

export interface ModelPageLayout {
  orientation: "portrait" | "landscape";
  fitToWidth: boolean;
  /** A1 range or undefined. */
  printArea?: string;
  /** 0-based inclusive row span. */
  repeatRows?: { top: number; bottom: number };
}

export interface ModelChart {
  type: "column" | "bar" | "pie";
  /** A1 ranges. */
  data: string;
  anchor: string;
  title: string;
}

/** An Excel Table (ListObject): what Excel needs to agree with the cells (see ./tables.ts). */
export interface ModelTable {
  name: string;
  /** A1 range of the whole table (header, body, totals). */
  ref: string;
  columns: string[];
  showHeaders: boolean;
  showTotals: boolean;
}

export interface ModelSheet {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  cells: Record<string, ModelCell>;
  /** A1 ranges, sorted. */
  merges: string[];
  conditionalFormats: ModelConditionalFormat[];
  freeze: { rows: number; cols: number } | null;
  layout: ModelPageLayout | null;
  charts: ModelChart[];
  /** The AutoFilter's range (A1), absent when none. */
  autoFilter?: string;
  /** 0-based; absent when none. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Excel Tables, by name; absent when none. */
  tables?: ModelTable[];
}

export interface ModelWorkbook {
  /** In tab order. */
  sheets: ModelSheet[];
  /** Workbook-scoped defined names → "'Лист'!A1:B2" (sheet quoted as Excel would, no $). */
  names: Record<string, string>;
}

export function emptyModelSheet(name: string, visibility: SheetVisibility = "visible"): ModelSheet {
  return {
    name,
    visibility,
    protected: false,
    cells: {},
    merges: [],
    conditionalFormats: [],
    freeze: null,
    layout: null,
    charts: [],
  };
}

/** A sheet name as a formula prefix: quoted unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "'Лист 1'!A1:B2" → { sheet, ref }, $ dropped; null when it is not a sheet-qualified A1 reference. */
export function splitSheetRef(text: string): { sheet: string; ref: string } | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'\s]+))!(.+)$/.exec(text.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, ref: m[3].replace(/\$/g, "").toUpperCase() };
}

/** A single-cell range prints as "A1", a larger one as "A1:B2" (Excel's way). */
export function rangeRef(r: CellRange): string {
  const a = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${a1(r.bottom, r.right)}`;
}

/**
 * The model in a canonical order (sheets keep tab order; merges, conditional formats and charts sorted; empty
 * cells dropped), so two hosts' workbooks compare with a plain deep equality.
 */
export function normaliseModel(wb: ModelWorkbook): ModelWorkbook {
  const byKey = <T>(xs: T[]) =>
    [...xs].sort((a, b) =>
      JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0,
    );
  return {
    names: Object.fromEntries(Object.entries(wb.names).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    sheets: wb.sheets.map((s) => {
      const cells: Record<string, ModelCell> = {};
      for (const key of Object.keys(s.cells).sort()) {
        const c = s.cells[key];
        const out: ModelCell = {};
        if (c.formula !== undefined) out.formula = c.formula;
        else if (c.value !== undefined && c.value !== null && c.value !== "") out.value = c.value;
        if (c.numberFormat !== undefined && c.numberFormat !== "General") out.numberFormat = c.numberFormat;
        if (c.validation) out.validation = c.validation;
        if (c.hyperlink) out.hyperlink = c.hyperlink;
        if (c.locked === false) out.locked = false;
        if (c.style) {
          const style: CellStyle = {};
          if (c.style.bold) style.bold = true;
          if (c.style.fill) style.fill = c.style.fill.toUpperCase();
          if (c.style.wrap) style.wrap = true;
          if (c.style.border) style.border = true;
          if (c.style.fontColor) style.fontColor = c.style.fontColor.toUpperCase();
          if (Object.keys(style).length) out.style = style;
        }
        if (Object.keys(out).length) cells[key] = out;
      }
      const { tables, ...rest } = s;
      return {
        ...rest,
        ...(tables?.length ? { tables: [...tables].sort((a, b) => (a.name < b.name ? -1 : 1)) } : {}),
        cells,
        merges: [...s.merges].sort(),
        conditionalFormats: byKey(s.conditionalFormats),
        charts: byKey(s.charts),
      };
    }),
  };
}
