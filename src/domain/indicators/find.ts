/**
 * Where indicators are written in a workbook, in the three shapes the domain uses:
 * - a list of indicator lines under a heading («Критерии и показатели…», «Целевые показатели:»), bulleted,
 *   numbered or bare (Word bullets are lost on paste), or a run of at least three «Доля…/Количество…» lines;
 * - a table with an indicator column and a unit, a base value and/or year columns (targets by year);
 * - a roadmap's result column holding a target («Прохождение тестирования 100%», «100% обучились»).
 * Roadmap tables themselves are never read as lists or indicator tables.
 */
import { a1, cellText, parseA1, type CellRange, type SheetGrid, type WorkbookGrid } from "../grid";
import type { RoadmapTable } from "../model";
import type { Direction, IndicatorType, IndicatorValue } from "./model";
import {
  classifyWording,
  countUnit,
  hasStrongIndicatorHead,
  markerKind,
  normaliseWording,
  readIndicatorValue,
  resultTargetShape,
  stripListText,
  targetDirection,
  targetInText,
  type MarkerKind,
} from "./wording";

export interface FoundIndicator {
  text: string;
  type: IndicatorType;
  unit: string | null;
  direction: Direction | null;
  base: IndicatorValue | null;
  targets: Record<string, IndicatorValue>;
  sheet: string;
  cell: string;
  source: "list" | "table" | "result";
}

const MAX_ITEM = 300;
const NAME_HEADER = /показател|индикатор|критери/;
const UNIT_HEADER = /ед\.?\s*изм|единиц/;
const BASE_HEADER = /базов|исходн|на начало|факт/;
/** A target column with no year in its header («Целевое значение»): the roadmap's year is meant. */
const TARGET_HEADER = /целев|планов|ожидаем/;
const YEAR = /(?<!\d)(20\d\d)(?!\d)/;

function inRanges(ranges: CellRange[], r: number, c = -1): boolean {
  return ranges.some((g) => r >= g.top && r <= g.bottom && (c < 0 || (c >= g.left && c <= g.right)));
}

function filledCells(sheet: SheetGrid, r: number): { c: number; text: string }[] {
  const out: { c: number; text: string }[] = [];
  (sheet.rows[r] ?? []).forEach((v, c) => {
    const text = cellText(v);
    if (text) out.push({ c, text });
  });
  return out;
}

// --- tables ------------------------------------------------------------------------------------------

interface TableLayout {
  headerTop: number;
  headerBottom: number;
  nameCol: number;
  unitCol: number | null;
  baseCol: number | null;
  years: { col: number; year: string }[];
}

function tableHeaderAt(sheet: SheetGrid, r: number, defaultYear: string | null): TableLayout | null {
  const cells = filledCells(sheet, r);
  if (cells.length < 2) return null;
  const name = cells.find((x) => x.text.length <= 60 && NAME_HEADER.test(normaliseWording(x.text)));
  if (!name) return null;
  let unitCol: number | null = null;
  let baseCol: number | null = null;
  const years: { col: number; year: string }[] = [];
  let headerBottom = r;
  const scan = (row: { c: number; text: string }[]) => {
    for (const { c, text } of row) {
      if (c === name.c) continue;
      const t = normaliseWording(text);
      if (UNIT_HEADER.test(t)) unitCol = c;
      else if (BASE_HEADER.test(t)) baseCol = c;
      else if (YEAR.test(t) && t.length <= 40) years.push({ col: c, year: YEAR.exec(t)![1] });
      else if (TARGET_HEADER.test(t) && defaultYear && t.length <= 40)
        years.push({ col: c, year: defaultYear });
    }
  };
  scan(cells);
  // A second header row: years under a merged «Период, год», with nothing in the name column.
  const next = filledCells(sheet, r + 1);
  if (
    next.length &&
    !next.some((x) => x.c === name.c) &&
    next.every((x) => YEAR.test(x.text) && x.text.length <= 12)
  ) {
    scan(next);
    headerBottom = r + 1;
  }
  if (unitCol === null && baseCol === null && years.length === 0) return null;
  return { headerTop: r, headerBottom, nameCol: name.c, unitCol, baseCol, years };
}

function unitOf(raw: string): string | null {
  const t = normaliseWording(raw);
  if (!t || /^да\s*\/\s*нет$/.test(t)) return null;
  if (t === "%" || /^проц/.test(t)) return "%";
  if (/^балл/.test(t)) return "балл";
  return raw.trim();
}

function readTable(
  sheet: SheetGrid,
  layout: TableLayout,
  stop: CellRange[],
): { found: FoundIndicator[]; range: CellRange } {
  const found: FoundIndicator[] = [];
  let r = layout.headerBottom + 1;
  for (; r < sheet.rows.length; r++) {
    const cells = filledCells(sheet, r);
    if (!cells.length || inRanges(stop, r)) break;
    const name = cellText(sheet.rows[r]?.[layout.nameCol]);
    if (!name) {
      if (cells.length === 1) break;
      continue;
    }
    const unitRaw = layout.unitCol !== null ? cellText(sheet.rows[r]?.[layout.unitCol]) : "";
    const w = classifyWording(name);
    let type = w.type;
    const yesnoUnit = /^да\s*\/\s*нет$/i.test(unitRaw.trim());
    if (yesnoUnit) type = "yesno";
    else if (unitOf(unitRaw) === "%" && (type === "count" || type === "text")) type = "share";
    const unit = yesnoUnit ? null : unitRaw ? unitOf(unitRaw) : w.unit;
    const targets: Record<string, IndicatorValue> = {};
    for (const { col, year } of layout.years) {
      const v = readIndicatorValue(sheet.rows[r]?.[col] ?? null);
      if (v !== null) targets[year] = v;
    }
    found.push({
      text: name.replace(/\s+/g, " ").trim(),
      type,
      unit: type === "yesno" ? null : unit,
      direction: w.direction ?? (type === "text" ? null : "higher"),
      base: layout.baseCol !== null ? readIndicatorValue(sheet.rows[r]?.[layout.baseCol] ?? null) : null,
      targets,
      sheet: sheet.name,
      cell: a1(r, layout.nameCol),
      source: "table",
    });
  }
  return { found, range: { top: layout.headerTop, bottom: r - 1, left: 0, right: 16383 } };
}

// --- lists -------------------------------------------------------------------------------------------

interface Line {
  r: number;
  c: number;
  text: string;
}

function isHeading(text: string): boolean {
  const t = normaliseWording(text);
  if (!/показател|индикатор|критери|целев\S* ориентир/.test(t)) return false;
  if (!(t.endsWith(":") || t.length <= 120)) return false;
  return classifyWording(stripListText(text)).type === "text";
}

function readLists(sheet: SheetGrid, skip: CellRange[]): FoundIndicator[] {
  const lines: (Line | null)[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    if (inRanges(skip, r)) {
      lines.push(null);
      continue;
    }
    const cells = filledCells(sheet, r);
    if (cells.length === 0) continue; // blank rows do not end a list
    lines.push(cells.length === 1 ? { r, c: cells[0].c, text: cells[0].text } : null);
  }
  const out: FoundIndicator[] = [];
  let current: { kind: MarkerKind | null; items: Line[]; headed: boolean } | null = null;
  const flush = () => {
    if (current && current.items.length >= (current.headed ? 1 : 3)) {
      for (const line of current.items) {
        const text = stripListText(line.text);
        const w = classifyWording(text);
        out.push({
          ...w,
          text,
          base: null,
          targets: {},
          sheet: sheet.name,
          cell: a1(line.r, line.c),
          source: "list",
        });
      }
    }
    current = null;
  };
  for (const line of lines) {
    if (!line) {
      flush();
      continue;
    }
    const kind = markerKind(line.text);
    const body = stripListText(line.text);
    const w = classifyWording(body);
    const strong = hasStrongIndicatorHead(line.text);
    const fits = body.length >= 5 && body.length <= MAX_ITEM;
    if (current && fits) {
      const c: { kind: MarkerKind | null; items: Line[]; headed: boolean } = current;
      const ok =
        c.kind === null
          ? w.type !== "text"
          : strong || (kind === c.kind && (w.type !== "text" || /;\s*$/.test(line.text)));
      if (ok) {
        if (c.kind === null) c.kind = kind;
        c.items.push(line);
        continue;
      }
    }
    flush();
    if (isHeading(line.text)) current = { kind: null, items: [], headed: true };
    else if (strong && fits) current = { kind, items: [line], headed: false };
  }
  flush();
  return out;
}

// --- result column -----------------------------------------------------------------------------------

function yearOf(iso: string | null | undefined): string | null {
  return iso ? iso.slice(0, 4) : null;
}

function oneLine(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/[\s.;,]+$/u, "")
    .trim();
}

function readResultTargets(table: RoadmapTable): FoundIndicator[] {
  const col = table.columns.result;
  if (!col) return [];
  const out: FoundIndicator[] = [];
  for (const row of table.rows) {
    if (row.kind !== "activity" || !row.result) continue;
    const target = targetInText(row.result);
    if (target === null) continue;
    const year = yearOf(row.deadline.end) ?? yearOf(table.period?.end);
    const result = oneLine(row.result);
    const shape = resultTargetShape(result);
    const activity = oneLine(row.activity);
    const common = { base: null, sheet: table.sheet, cell: `${col}${row.row}`, source: "result" as const };
    if (shape.bare && activity) {
      // A bare target («100%», «+15% к прошлому году») names nothing: the activity it belongs to does.
      const stated = result.replace(/^[=@]\s*/, "");
      const text = `${activity} — ${stated}`;
      if (shape.relative) {
        // A change against the previous period: the form's two periods measure it; the level is not a target.
        out.push({
          ...common,
          text,
          type: "dynamics",
          unit: null,
          direction: shape.falling ? "lower" : "higher",
          targets: {},
        });
        continue;
      }
      const share = /\d\s*%/.test(stated);
      out.push({
        ...common,
        text,
        type: share ? "share" : "count",
        unit: share ? "%" : countUnit(shape.rest),
        direction: targetDirection(stated),
        targets: year ? { [year]: target } : {},
      });
      continue;
    }
    const text = result;
    const w = classifyWording(text);
    const type: IndicatorType = /\d\s*%/.test(text) ? "share" : w.type === "text" ? "count" : w.type;
    out.push({
      ...common,
      text,
      type,
      unit: type === "share" ? "%" : w.unit,
      direction: targetDirection(text),
      targets: year ? { [year]: target } : {},
    });
  }
  return out;
}

/** Every indicator written in the workbook, in sheet order (lists and tables), then the result-column targets. */
export function findIndicators(wb: WorkbookGrid, tables: RoadmapTable[]): FoundIndicator[] {
  const out: FoundIndicator[] = [];
  const defaultYear = yearOf(tables.find((t) => t.period)?.period?.end);
  for (const sheet of wb.sheets) {
    const roadmaps = tables
      .filter((t) => t.sheet === sheet.name)
      // A roadmap read in parts (seed 003): its rows are the parts', not the indicator table between them.
      .flatMap((t) => (t.parts ?? [t.range]).map((p) => parseA1(p)))
      .filter((g): g is CellRange => g !== null);
    const indicatorTables: CellRange[] = [];
    const fromTables: FoundIndicator[] = [];
    const roadmapHeaders = new Set(
      tables.filter((t) => t.sheet === sheet.name).flatMap((t) => t.headerRows.map((h) => h - 1)),
    );
    for (let r = 0; r < sheet.rows.length; r++) {
      if (roadmapHeaders.has(r)) continue;
      const layout = tableHeaderAt(sheet, r, defaultYear);
      if (!layout) continue;
      // An indicator table right under a roadmap may be taken into the roadmap's range by recognition:
      // inside a roadmap, only an unmistakable header counts (years, a base or a unit column).
      const inside = roadmaps.filter((g) => r >= g.top && r <= g.bottom);
      if (inside.length && !(layout.years.length >= 2 || layout.baseCol !== null || layout.unitCol !== null))
        continue;
      if (
        inside.length &&
        !/^(?:наименование\s+)?(?:показател|индикатор|целев)/i.test(cellText(sheet.rows[r]?.[layout.nameCol]))
      )
        continue;
      const { found, range } = readTable(
        sheet,
        layout,
        roadmaps.filter((g) => !inside.includes(g)),
      );
      if (!found.length) continue;
      fromTables.push(...found);
      indicatorTables.push(range);
      r = range.bottom;
    }
    const fromLists = readLists(sheet, [...roadmaps, ...indicatorTables]);
    out.push(...[...fromLists, ...fromTables].sort((a, b) => rowOf(a.cell) - rowOf(b.cell)));
  }
  for (const t of tables) out.push(...readResultTargets(t));
  return out;
}

function rowOf(cell: string): number {
  return parseA1(cell)?.top ?? 0;
}
