import type { ruEdit } from "./ru-edit";

export const enEdit: Record<keyof typeof ruEdit, string> = {
  gridLabel:
    "Sheet «{sheet}»: arrow keys and Tab select a cell, Enter, F2 or typing start editing, Alt+↓ opens the cell's list, Delete clears the cell",
  gridSelected: "Cell {address}: {text}",
  gridSelectedEmpty: "Cell {address}: empty",
  editCell: "Editing cell {address}: Enter saves, Esc cancels, Alt+Enter adds a line",
  editDate: "A date as DD.MM.YYYY",
  editList: "Value of cell {address} from the list",
  editListOpen: "Open the list of values of cell {address}",
  editClear: "(empty)",
  editLockedTitle: "The sheet is protected",
  editLocked:
    "The cell is on the protected sheet «{sheet}» and is not open for entry. To change it, unprotect the sheet (Review → Unprotect Sheet).",
  editRefused: "Invalid value",
  formulaBarEdit: "Contents of cell {address}: click or press Enter to edit",
  closeMessage: "Dismiss the message",
};
