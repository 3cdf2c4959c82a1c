/**
 * The state of one cell edit in the preview's grid: which cell, what the user typed, which editor (text, date,
 * drop-down) the cell's validation asks for; committing hands the text to the page, which reads it against the
 * validation and applies it as an EditPlan. A refused entry keeps the old value and says why.
 */
import { useCallback, useRef, useState } from "react";
import { entryRefusal, type CellInput } from "../domain/cell-entry";
import { a1, type CellValue } from "../domain/grid";
import type { EditEnd } from "./CellEditor";

export interface CellEdit {
  row: number;
  col: number;
  address: string;
  draft: string;
  /** The text the edit started from: committing it unchanged writes nothing. */
  original: string;
  kind: "text" | "date" | "list";
  items: string[];
  /** Where the user is typing: over the cell or in the formula bar. */
  at: "cell" | "bar";
}

/** The text an edit starts from: the cell as the grid shows it (dates already read as «ДД.ММ.ГГГГ»). */
export function editText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "ИСТИНА" : "ЛОЖЬ";
  return String(v);
}

export function useCellEditing({
  sheet,
  valueAt,
  inputOf,
  onCommit,
  onEnded,
}: {
  sheet: string | null;
  valueAt: (row: number, col: number) => CellValue;
  /** The cell's validation, format and protection; null when the grid (or the cell's sheet, gone) is read-only. */
  inputOf: ((row: number, col: number) => CellInput | null) | null;
  /** Writes the text; resolves to the Russian reason it was refused, or null when written. */
  onCommit: (row: number, col: number, text: string) => Promise<string | null>;
  /** The edit is over (moving the selection as `end` says, unless "stay"/"cancel"). */
  onEnded: (edit: CellEdit, end: EditEnd) => void;
}) {
  const [edit, setEdit] = useState<CellEdit | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<CellEdit | null>(null);
  const busy = useRef(false);
  const put = (next: CellEdit | null) => {
    current.current = next;
    setEdit(next);
  };

  /** Starts editing (typed: the first key typed over the cell); false when the cell may not be edited. */
  const start = useCallback(
    (row: number, col: number, at: "cell" | "bar", typed?: string): boolean => {
      if (!inputOf || !sheet || busy.current) return false;
      const input = inputOf(row, col);
      if (!input) return false;
      const refusal = entryRefusal(input, sheet);
      if (refusal) {
        setProblem(refusal);
        return false;
      }
      const rule = input.validation?.rule;
      const original = editText(valueAt(row, col));
      put({
        row,
        col,
        address: a1(row, col),
        draft: typed ?? original,
        original,
        // Typing over a list cell, or editing it in the formula bar, is free text checked on commit.
        kind:
          rule?.kind === "list" && typed === undefined && at === "cell"
            ? "list"
            : rule?.kind === "date"
              ? "date"
              : "text",
        items: rule?.kind === "list" ? [...new Set(rule.list)] : [],
        at,
      });
      setProblem(null);
      return true;
    },
    [inputOf, sheet, valueAt],
  );

  const change = useCallback((draft: string) => {
    const e = current.current;
    if (e) put({ ...e, draft });
  }, []);

  /** Ends the edit; `text` overrides the draft (a drop-down pick). */
  const finish = useCallback(
    async (end: EditEnd, text?: string) => {
      const e = current.current;
      if (!e || busy.current) return;
      const value = text ?? e.draft;
      if (end === "cancel" || value === e.original) {
        if (end === "cancel") setProblem(null); // Esc answers the refusal, as Excel's «Отмена»
        put(null);
        onEnded(e, end === "cancel" ? "cancel" : end);
        return;
      }
      busy.current = true;
      try {
        const refused = await onCommit(e.row, e.col, value);
        if (refused) {
          setProblem(refused);
          // Enter or Tab: the text stays in the editor to be corrected (Excel's «Повторить»); leaving closes it.
          if (end === "stay" || e.kind === "list") {
            put(null);
            onEnded(e, "cancel");
          } else put({ ...e, draft: value });
          return;
        }
        setProblem(null);
        put(null);
        onEnded(e, end);
      } finally {
        busy.current = false;
      }
    },
    [onCommit, onEnded],
  );

  const cancel = useCallback(() => {
    const e = current.current;
    if (!e || busy.current) return;
    put(null);
    onEnded(e, "cancel");
  }, [onEnded]);

  /** Delete on a selected cell: empties it, through the same checks as typing. */
  const clear = useCallback(
    async (row: number, col: number) => {
      if (!inputOf || !sheet || busy.current || editText(valueAt(row, col)) === "") return;
      const input = inputOf(row, col);
      if (!input) return;
      const refusal = entryRefusal(input, sheet);
      if (refusal) {
        setProblem(refusal);
        return;
      }
      busy.current = true;
      try {
        setProblem(await onCommit(row, col, ""));
      } finally {
        busy.current = false;
      }
    },
    [inputOf, sheet, valueAt, onCommit],
  );

  return { edit, problem, setProblem, start, change, finish, cancel, clear };
}
