/**
 * A view of one sheet, Excel-like: column letters, row numbers, the file's column widths, merged cells,
 * selection (click, shift-click for a range, arrow keys, Tab), highlights, the formula bar and the sheet tabs.
 * Cells are edited as in Excel (double-click, F2, Enter or typing; a drop-down where the cell has a list); the
 * page reads the entry against the cell's validation and writes it as an EditPlan.
 */
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { ENTRY_MESSAGES, type CellInput } from "../domain/cell-entry";
import { cellText, columnLetter, parseA1, type CellValue, type SheetGrid } from "../domain/grid";
import type { SheetInfo } from "../domain/host";
import type { Translate } from "../taskpane/i18n";
import { ListEditor, TextEditor, type EditEnd } from "./CellEditor";
import { ErrorBar } from "./ErrorBar";
import { FormulaBar } from "./FormulaBar";
import { MAX_COLS, MAX_ROWS, cellsOf, key, layoutSheet, stepFrom, type GridLayout } from "./grid-layout";
import type { CellRef } from "./observable-host";
import { SheetTabs } from "./SheetTabs";
import { useCellEditing, type CellEdit } from "./use-cell-editing";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  scroller: {
    flexGrow: 1,
    overflow: "auto",
    minHeight: 0,
    position: "relative",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
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
    position: "relative", // the editor and the list button sit over the cell
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
  // Excel's arrow at the right of a selected cell that has a drop-down.
  listButton: {
    position: "absolute",
    top: 0,
    right: 0,
    width: "18px",
    height: "20px",
    minWidth: "18px",
    padding: 0,
    fontSize: "10px",
    borderRadius: 0,
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

const MOVES: Record<string, [number, number]> = {
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
};

const END_MOVES: Partial<Record<EditEnd, [number, number]>> = {
  down: [1, 0],
  up: [-1, 0],
  right: [0, 1],
  left: [0, -1],
};

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
  inputOf = null,
  onCommit,
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
  /** What the cell's validation and protection allow; null keeps the grid read-only. */
  inputOf?: ((row: number, col: number) => CellInput | null) | null;
  /** Writes a typed entry; resolves to the Russian reason it was refused, or null. */
  onCommit?: (row: number, col: number, text: string) => Promise<string | null>;
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
  /** The cell keys act on: the selection's first, or A1. */
  const activeCell = firstRange ? { row: firstRange.top, col: firstRange.left } : { row: 0, col: 0 };
  const single = firstRange !== null && selected.size === 1;

  const focusGrid = () => scroller.current?.focus({ preventScroll: true });
  const moveFrom = (row: number, col: number, dr: number, dc: number) => {
    if (!layout) return;
    const next = stepFrom(layout, row, col, dr, dc);
    onCell(next.row, next.col, false);
  };
  const valueAt = useCallback((row: number, col: number) => grid?.rows[row]?.[col] ?? null, [grid]);
  const onEnded = (e: CellEdit, end: EditEnd) => {
    const move = END_MOVES[end];
    if (move) moveFrom(e.row, e.col, move[0], move[1]);
    focusGrid();
  };
  const editing = useCellEditing({
    sheet: grid?.name ?? null,
    valueAt,
    inputOf: onCommit ? inputOf : null,
    onCommit: onCommit ?? (async () => null),
    onEnded,
  });
  const { edit, cancel } = editing;
  // Another sheet shown: an edit in progress is dropped, as a tab click in Excel would first ask.
  const cancelEdit = useRef(cancel);
  cancelEdit.current = cancel;
  useEffect(() => cancelEdit.current(), [grid?.name]);
  const editable = !!onCommit && !!inputOf;
  const selectedInput =
    editable && single && grid && inputOf ? inputOf(activeCell.row, activeCell.col) : null;

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (edit || !grid || e.target !== e.currentTarget) return;
    const move = MOVES[e.key];
    if (e.altKey && e.key === "ArrowDown" && selectedInput?.validation?.rule.kind === "list") {
      // Excel's Alt+↓ opens a cell's drop-down.
      e.preventDefault();
      editing.start(activeCell.row, activeCell.col, "cell");
    } else if (move) {
      e.preventDefault();
      moveFrom(activeCell.row, activeCell.col, move[0], move[1]);
    } else if (e.key === "Tab" && layout) {
      // At the edge Tab leaves the grid, so the keyboard is never trapped in it.
      const next = stepFrom(layout, activeCell.row, activeCell.col, 0, e.shiftKey ? -1 : 1);
      if (next.row === activeCell.row && next.col === activeCell.col) return;
      e.preventDefault();
      onCell(next.row, next.col, false);
    } else if (!editable || !firstRange) {
      return;
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      editing.start(activeCell.row, activeCell.col, "cell");
    } else if ((e.key === "Delete" || e.key === "Backspace") && single) {
      e.preventDefault();
      void editing.clear(activeCell.row, activeCell.col);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      editing.start(activeCell.row, activeCell.col, "cell", e.key);
    }
  };

  // The protection refusal is the product's own text, so it follows the pane's language (the cell-entry domain
  // speaks Russian only); a validation's message is the workbook's text and is shown as written.
  const locked = !!grid && editing.problem === ENTRY_MESSAGES.locked(grid.name);

  const editor = (r: number, c: number) => {
    if (!edit || edit.at !== "cell" || edit.row !== r || edit.col !== c) return null;
    // The editor's clicks must not reach the cell below (which would select it again and steal the focus).
    const stop = (ev: { stopPropagation: () => void }) => ev.stopPropagation();
    return (
      <div onClick={stop} onDoubleClick={stop} onMouseDown={stop}>
        {edit.kind === "list" ? (
          <ListEditor
            value={edit.original}
            items={edit.items}
            label={t("editList", { address: edit.address })}
            clearLabel={t("editClear")}
            onPick={(item) => void editing.finish("stay", item)}
            onCancel={editing.cancel}
          />
        ) : (
          <TextEditor
            value={edit.draft}
            label={t("editCell", { address: edit.address })}
            placeholder={edit.kind === "date" ? t("editDate") : undefined}
            testId="cell-editor"
            onChange={editing.change}
            onEnd={(end) => void editing.finish(end)}
          />
        )}
      </div>
    );
  };

  const barEditor =
    edit && edit.at === "bar" ? (
      <TextEditor
        inBar
        value={edit.draft}
        label={t("editCell", { address: edit.address })}
        placeholder={edit.kind === "date" ? t("editDate") : undefined}
        testId="formula-bar-input"
        onChange={editing.change}
        onEnd={(end) => void editing.finish(end)}
      />
    ) : null;

  return (
    <div className={s.root}>
      <FormulaBar
        address={firstCell}
        text={edit ? edit.draft : firstText}
        label={t("formulaBar")}
        empty={t("formulaBarEmpty")}
        editLabel={firstCell ? t("formulaBarEdit", { address: firstCell }) : undefined}
        editor={barEditor}
        onStartEdit={
          editable && single && !edit ? () => editing.start(activeCell.row, activeCell.col, "bar") : undefined
        }
      />
      {editing.problem ? (
        <ErrorBar
          title={locked ? t("editLockedTitle") : t("editRefused")}
          closeLabel={t("closeMessage")}
          testId="edit-error"
          onClose={() => editing.setProblem(null)}
        >
          {locked ? t("editLocked", { sheet: grid?.name ?? "" }) : editing.problem}
        </ErrorBar>
      ) : null}
      <div className={s.hidden} aria-live="polite" data-testid="grid-announce">
        {firstCell && !edit
          ? firstText
            ? t("gridSelected", { address: firstCell, text: firstText })
            : t("gridSelectedEmpty", { address: firstCell })
          : ""}
      </div>
      <div
        className={s.scroller}
        ref={scroller}
        data-testid="grid"
        data-sheet={grid?.name ?? ""}
        tabIndex={0}
        role="region"
        aria-label={t("gridLabel", { sheet: grid?.name ?? "" })}
        onKeyDown={onKey}
      >
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
                        onClick={(e) => {
                          onCell(r, c, e.shiftKey);
                          focusGrid();
                        }}
                        onDoubleClick={() => editable && editing.start(r, c, "cell")}
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
                        {editor(r, c)}
                        {selectedInput?.validation?.rule.kind === "list" &&
                        !edit &&
                        r === activeCell.row &&
                        c === activeCell.col ? (
                          <Button
                            className={s.listButton}
                            size="small"
                            tabIndex={-1}
                            aria-label={t("editListOpen", { address: firstCell ?? "" })}
                            data-testid="cell-list-button"
                            onClick={(ev) => {
                              ev.stopPropagation();
                              editing.start(r, c, "cell");
                            }}
                          >
                            ▾
                          </Button>
                        ) : null}
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
