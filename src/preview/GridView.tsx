/**
 * A read-only view of one sheet, Excel-like: column letters, row numbers, the file's column widths, merged
 * cells, selection (click, shift-click for a range), highlights, the formula bar and the sheet tabs.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import { cellText, columnLetter, parseA1, type CellValue, type SheetGrid } from "../domain/grid";
import type { SheetInfo } from "../domain/host";
import type { Translate } from "../taskpane/i18n";
import { FormulaBar } from "./FormulaBar";
import { MAX_COLS, MAX_ROWS, cellsOf, key, layoutSheet, type GridLayout } from "./grid-layout";
import type { CellRef } from "./observable-host";
import { SheetTabs } from "./SheetTabs";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  scroller: { flexGrow: 1, overflow: "auto", minHeight: 0, position: "relative" },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "12px",
    lineHeight: "16px",
    fontFamily: "Calibri, Carlito, 'Segoe UI', sans-serif",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    width: "44px",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: "22px",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    minWidth: "44px",
    padding: "0 4px",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: "center",
    verticalAlign: "top",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    padding: "2px 4px",
    scrollMarginTop: "24px", // clear the sticky column letters
    scrollMarginLeft: "48px", // and the sticky row numbers
    verticalAlign: "top",
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  clamp: {
    display: "-webkit-box",
    WebkitBoxOrient: "vertical",
    WebkitLineClamp: 4,
    overflow: "hidden",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  // As in Excel, text runs on over empty cells to its right instead of wrapping.
  spill: { whiteSpace: "pre", overflow: "hidden", textOverflow: "clip" },
  number: { textAlign: "right" },
  highlighted: { backgroundColor: "#FFD8A8" },
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground3,
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

function display(v: CellValue): string {
  if (typeof v === "boolean") return v ? "ИСТИНА" : "ЛОЖЬ";
  if (typeof v === "string" && v.startsWith("#")) return v; // error values are shown as Excel shows them
  return cellText(v);
}

/**
 * A one-line text with empty, unmerged cells to its right runs on over them, as in Excel, up to the first
 * cell that holds something: the width it may take in pixels, or null when it stays in its own cell.
 */
function spillWidth(grid: SheetGrid, layout: GridLayout, r: number, c: number): number | null {
  const v = grid.rows[r]?.[c];
  if (typeof v !== "string" || v.includes("\n") || layout.spans.has(key(r, c))) return null;
  let width = layout.widths[c];
  let k = c + 1;
  for (; k < layout.colCount; k++) {
    const at = key(r, k);
    if (layout.covered.has(at) || layout.spans.has(at) || cellText(grid.rows[r]?.[k] ?? null) !== "") break;
    width += layout.widths[k];
  }
  return k > c + 1 ? width - 8 : null; // 8: the cell's own padding
}

export function GridView({
  sheets,
  active,
  grid,
  selection,
  highlights,
  fileWidths,
  t,
  onSheet,
  onCell,
  follow = true,
}: {
  sheets: SheetInfo[];
  active: string | null;
  grid: SheetGrid | null;
  selection: CellRef | null;
  highlights: readonly CellRef[];
  /** Pixel widths the file sets per column (undefined where none). */
  fileWidths: readonly (number | undefined)[];
  t: Translate;
  onSheet: (name: string) => void;
  /** A cell clicked (0-based); `extend` when Shift was held, to select a range. */
  onCell: (row: number, col: number, extend: boolean) => void;
  /** Scroll the selection into view (a selection the pane made, not one the user clicked). */
  follow?: boolean;
}) {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const layout = useMemo(
    () => (grid ? layoutSheet(grid, MAX_ROWS, MAX_COLS, fileWidths) : null),
    [grid, fileWidths],
  );

  const selected = useMemo(
    () =>
      layout && selection && grid && selection.sheet === grid.name
        ? cellsOf(selection.address, layout)
        : new Set<string>(),
    [layout, selection, grid],
  );
  const tinted = useMemo(() => {
    const out = new Set<string>();
    if (!layout || !grid) return out;
    for (const h of highlights)
      if (h.sheet === grid.name) for (const k of cellsOf(h.address, layout)) out.add(k);
    return out;
  }, [layout, highlights, grid]);
  const selRows = useMemo(() => new Set([...selected].map((k) => Number(k.split(",")[0]))), [selected]);
  const selCols = useMemo(() => new Set([...selected].map((k) => Number(k.split(",")[1]))), [selected]);

  useEffect(() => {
    if (!follow || !selected.size || !scroller.current) return;
    const first = [...selected][0];
    const el = scroller.current.querySelector<HTMLElement>(`[data-rc="${first}"]`);
    // A single cell is centred; a range (a whole table) starts at the top.
    el?.scrollIntoView({
      block: selected.size === 1 ? "center" : "start",
      inline: "nearest",
      behavior: "auto",
    });
  }, [selected, follow]);

  // The formula bar shows the selection's first cell (a merge's value sits there too).
  const firstCell =
    selection && grid && selection.sheet === grid.name ? selection.address.split(":")[0] : null;
  const firstRange = firstCell ? parseA1(firstCell) : null;
  const firstText = firstRange && grid ? display(grid.rows[firstRange.top]?.[firstRange.left] ?? null) : "";
  return (
    <div className={s.root}>
      <FormulaBar address={firstCell} text={firstText} label={t("formulaBar")} empty={t("formulaBarEmpty")} />
      <div className={s.scroller} ref={scroller} data-testid="grid" data-sheet={grid?.name ?? ""}>
        {grid && layout ? (
          <table
            className={s.table}
            aria-label={grid.name}
            // A set width makes the fixed layout keep the columns' widths whatever text runs on over them.
            style={{ width: 44 + layout.widths.reduce((a, w) => a + w, 0) }}
          >
            <colgroup>
              <col style={{ width: 44 }} />
              {layout.widths.map((w, c) => (
                <col key={c} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th className={s.corner} />
                {layout.widths.map((_w, c) => (
                  <th key={c} className={mergeClasses(s.colHead, selCols.has(c) && s.headActive)} scope="col">
                    {columnLetter(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: layout.rowCount }, (_x, r) => (
                <tr key={r}>
                  <th className={mergeClasses(s.rowHead, selRows.has(r) && s.headActive)} scope="row">
                    {r + 1}
                  </th>
                  {Array.from({ length: layout.colCount }, (_y, c) => {
                    const k = key(r, c);
                    const spill = spillWidth(grid, layout, r, c);
                    if (layout.covered.has(k)) return null;
                    const span = layout.spans.get(k);
                    const v = grid.rows[r]?.[c] ?? null;
                    return (
                      <td
                        key={c}
                        rowSpan={span?.rowSpan}
                        colSpan={span?.colSpan}
                        data-rc={k}
                        data-cell={`${columnLetter(c)}${r + 1}`}
                        data-selected={selected.has(k) ? "true" : undefined}
                        data-highlighted={tinted.has(k) ? "true" : undefined}
                        onClick={(e) => onCell(r, c, e.shiftKey)}
                        className={mergeClasses(
                          s.cell,
                          typeof v === "number" && s.number,
                          tinted.has(k) && s.highlighted,
                          selected.has(k) && (selected.size === 1 ? s.selected : s.inRange),
                        )}
                      >
                        {spill !== null ? (
                          <div className={s.spill} style={{ width: spill }}>
                            {display(v)}
                          </div>
                        ) : (
                          <div className={s.clamp}>{display(v)}</div>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className={s.empty}>—</div>
        )}
        {layout && layout.hiddenByCap > 0 ? (
          <Caption1 className={s.note} block data-testid="grid-capped">
            {t("gridCapped", { shown: MAX_ROWS, count: layout.hiddenByCap })}
          </Caption1>
        ) : null}
      </div>
      <SheetTabs sheets={sheets} active={active} label={t("gridSheets")} onSheet={onSheet} />
    </div>
  );
}
