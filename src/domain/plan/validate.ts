/**
 * The one preflight of an EditPlan, used by every host before it touches the workbook: a plan that fails here
 * changes nothing anywhere (the Office.js batch is not a transaction, so this must run before anything is queued).
 * It walks the plan in order, keeping track of the sheets the plan itself adds, copies, deletes, hides and
 * protects, so each op is judged against the workbook as it will be at that point.
 */
import { rangeA1, type CellRange, type CellValue, type GridTable } from "../grid";
import type { EditOp, EditPlan, ValidationRule } from "../edit-plan";
import { HOST_MESSAGES, sheetNameProblem } from "../workbook-format/host-messages";
import { tableAfterInsert, tableExtended } from "./tables";
import type { SheetVisibility } from "./workbook-model";

/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface SheetFacts {
  name: string;
  visibility: SheetVisibility;
  /** null when the host cannot tell (Excel 2016): the host's own refusal is worded instead. */
  protected: boolean | null;
}

export interface WorkbookFacts {
  sheets: SheetFacts[];
  /**
   * A cell's current value, for the check that a merge covers only empty cells; undefined when the host did not
   * read it (the check then trusts the planner for that cell).
   */
  cell?: (sheet: string, row: number, col: number) => CellValue | undefined;
  /**
   * Whether a cell is locked; given by a host that knows it, so values may go into the unlocked (input) cells of
   * a protected sheet, as Excel lets a user type there. Without it every write to a protected sheet is refused.
   */
  locked?: (sheet: string, row: number, col: number) => boolean;
  /**
   * The Excel Tables of each sheet (by sheet name); absent when the host did not read them (the host's own refusal
   * is worded instead). A table's range may be unknown to a host that read only names.
   */
  tables?: (Omit<GridTable, "range" | "columns"> & {
    sheet: string;
    range?: CellRange;
    columns?: string[];
  })[];
}

export const PLAN_MESSAGES = {
  sheetNotFound: HOST_MESSAGES.sheetNotFound,
  sheetProtected: HOST_MESSAGES.sheetProtected,
  sheetExists: (name: string) => `Лист с именем «${name}» уже есть в книге: выберите другое имя.`,
  lastVisibleSheet: (name: string) =>
    `Лист «${name}» — последний видимый лист книги: Excel не позволяет его скрыть или удалить.`,
  mergeOverData: (sheet: string, address: string) =>
    `Нельзя объединить ячейки ${address} на листе «${sheet}»: в них уже есть данные, они были бы потеряны.`,
  badDefinedName: (name: string) =>
    `Недопустимое имя «${name}» для именованного диапазона: нужно начинать с буквы или «_», без пробелов, не похоже на адрес ячейки, до 255 символов.`,
  internal: (what: string) => `Внутренняя ошибка плана правки: ${what}.`,
  tableNotFound: (table: string, sheet: string) =>
    `Таблица «${table}» не найдена на листе «${sheet}»: возможно, её переименовали, удалили или преобразовали в диапазон. Выполните команду заново.`,
  tableColumnExists: (table: string, column: string) =>
    `В таблице «${table}» уже есть столбец «${column}»: переименуйте его или удалите и повторите.`,
  tableOverData: (table: string, sheet: string, address: string) =>
    `Нельзя расширить таблицу «${table}» на листе «${sheet}»: в ячейках ${address} справа от неё есть данные, они были бы потеряны.`,
};

const internal = PLAN_MESSAGES.internal;

/** Excel's rule for defined names (as far as the file formats agree): null when fine. */
export function definedNameProblem(name: string): string | null {
  const ok =
    name.length >= 1 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    // Not a cell address in A1 or R1C1 style, and not the bare R / C.
    !/^[A-Za-z]{1,3}\d{1,7}$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name) &&
    !/^[Rr]\d+$|^[Cc]\d+$/.test(name);
  return ok ? null : PLAN_MESSAGES.badDefinedName(name);
}

function isIndex(n: number, max: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < max;
}

function rangeProblem(r: CellRange): string | null {
  if (!isIndex(r.top, MAX_ROWS) || !isIndex(r.bottom, MAX_ROWS) || !isIndex(r.left, MAX_COLUMNS))
    return internal("неверный номер строки или столбца в диапазоне");
  if (!isIndex(r.right, MAX_COLUMNS)) return internal("неверный номер строки или столбца в диапазоне");
  if (r.top > r.bottom || r.left > r.right) return internal("перевёрнутый диапазон");
  return null;
}

function blockProblem(row: number, col: number, cells: unknown[][]): string | null {
  if (!isIndex(row, MAX_ROWS) || !isIndex(col, MAX_COLUMNS))
    return internal("отрицательный номер строки или столбца");
  const width = cells.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  if (row + cells.length > MAX_ROWS || col + width > MAX_COLUMNS)
    return internal("блок выходит за пределы листа");
  return null;
}

const COLOR = /^[0-9A-Fa-f]{6}$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoOk(s: string | undefined): boolean {
  if (s === undefined) return true;
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) && Number(m[1]) >= 1900;
}

function ruleProblem(rule: ValidationRule): string | null {
  switch (rule.kind) {
    case "list":
      return rule.list.length === 0 || rule.list.some((s) => typeof s !== "string" || s === "")
        ? internal("пустой раскрывающийся список")
        : null;
    case "date":
      if (!isoOk(rule.min) || !isoOk(rule.max)) return internal("неверная дата в проверке данных");
      return rule.min && rule.max && rule.min > rule.max ? internal("нижняя граница больше верхней") : null;
    case "whole":
    case "decimal": {
      const bad = (n: number | undefined) =>
        n !== undefined && (!Number.isFinite(n) || (rule.kind === "whole" && !Number.isInteger(n)));
      if (bad(rule.min) || bad(rule.max)) return internal("неверная граница числа в проверке данных");
      return rule.min !== undefined && rule.max !== undefined && rule.min > rule.max
        ? internal("нижняя граница больше верхней")
        : null;
    }
  }
}

/** Ops that change nothing inside a sheet: allowed whatever the sheet's protection. */
const WORKBOOK_LEVEL = new Set<EditOp["op"]>([
  "copySheet",
  "addSheet",
  "deleteSheet",
  "setSheetVisibility",
  "setDefinedName",
  "protectSheet",
]);

interface SheetState {
  name: string;
  visibility: SheetVisibility;
  protected: boolean | null;
  /** Protected by this plan: later ops on the sheet would be refused by Excel. */
  protectedByPlan: boolean;
  /** Created by this plan: every cell is empty. */
  fresh: boolean;
}

/**
 * The first reason the plan cannot be applied to this workbook, in Russian; null when it can. Planner mistakes
 * (negative rows, a formula without "=") are worded as internal errors: the user can only report them.
 */
export function validatePlan(plan: EditPlan, facts: WorkbookFacts): string | null {
  const sheets: SheetState[] = facts.sheets.map((s) => ({
    ...s,
    protectedByPlan: false,
    fresh: false,
  }));
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  /** Cells written so far by the plan, per sheet, only where a merge will look (see mergeCells). */
  const merges = plan.ops.filter((op): op is Extract<EditOp, { op: "merge" }> => op.op === "merge");
  const written = new Map<string, Map<string, boolean>>();
  const noteWrite = (sheet: string, r: number, c: number, filled: boolean) => {
    const key = sheet.toLowerCase();
    if (!merges.some((m) => m.sheet.toLowerCase() === key && inside(m.range, r, c))) return;
    let map = written.get(key);
    if (!map) written.set(key, (map = new Map()));
    map.set(`${r},${c}`, filled);
  };

  const tables = new TableState(facts);

  for (const op of plan.ops) {
    if (op.op === "extendTable") {
      const problem = tables.extend(op, find(op.sheet)?.name ?? op.sheet);
      if (problem) return problem;
    }
    if (op.op === "insertColumns") tables.insert(op.sheet, op.col, op.count);
    if (op.op === "addSheet") {
      if (find(op.sheet)) continue;
      const problem = sheetNameProblem(op.sheet);
      if (problem) return problem;
      sheets.push({
        name: op.sheet,
        visibility: op.hidden ?? "visible",
        protected: false,
        protectedByPlan: false,
        fresh: true,
      });
      continue;
    }
    const sheet = find(op.sheet);
    if (!sheet) return PLAN_MESSAGES.sheetNotFound(op.sheet);
    if (!WORKBOOK_LEVEL.has(op.op)) {
      if (sheet.protected === true && !sheet.protectedByPlan && !intoUnlockedCells(op, facts))
        return PLAN_MESSAGES.sheetProtected(sheet.name);
      if (sheet.protectedByPlan)
        return internal(`лист «${sheet.name}» защищается раньше, чем в него вносятся изменения`);
    }
    const problem = opProblem(op, sheet, sheets, facts, written);
    if (problem) return problem;
    switch (op.op) {
      case "copySheet":
        sheets.splice(sheets.indexOf(sheet) + 1, 0, {
          name: op.newName,
          visibility: sheet.visibility,
          protected: sheet.protected,
          protectedByPlan: sheet.protectedByPlan,
          fresh: false,
        });
        break;
      case "deleteSheet":
        sheets.splice(sheets.indexOf(sheet), 1);
        break;
      case "setSheetVisibility":
        sheet.visibility = op.visibility;
        break;
      case "protectSheet":
        if (sheet.protected !== true) sheet.protectedByPlan = true;
        break;
      case "setValues":
        op.values.forEach((row, i) =>
          row?.forEach((v, j) => noteWrite(op.sheet, op.row + i, op.col + j, v !== null && v !== "")),
        );
        break;
      case "setFormulas":
        op.formulas.forEach((row, i) =>
          row?.forEach((f, j) => {
            if (f !== null) noteWrite(op.sheet, op.row + i, op.col + j, true);
          }),
        );
        break;
      case "setHyperlink":
        noteWrite(op.sheet, op.row, op.col, true);
        break;
      default:
        break;
    }
  }
  return null;
}

/** Values written only into unlocked cells: allowed on a protected sheet. */
function intoUnlockedCells(op: EditOp, facts: WorkbookFacts): boolean {
  const locked = facts.locked;
  if (op.op !== "setValues" || !locked) return false;
  return op.values.every((line, i) => line.every((_v, j) => !locked(op.sheet, op.row + i, op.col + j)));
}

type FactTable = NonNullable<WorkbookFacts["tables"]>[number];

/** The tables as the plan leaves them op by op, and the sheet columns the plan inserted (empty by construction). */
class TableState {
  private readonly tables: FactTable[] | null;
  private readonly inserts: { sheet: string; col: number; count: number }[] = [];
  private readonly facts: WorkbookFacts;

  constructor(facts: WorkbookFacts) {
    this.facts = facts;
    this.tables = facts.tables ? facts.tables.map((t) => structuredClone(t)) : null;
  }

  insert(sheet: string, col: number, count: number): void {
    const key = sheet.toLowerCase();
    this.inserts.push({ sheet: key, col, count });
    for (const t of this.tables ?? []) {
      if (t.sheet.toLowerCase() !== key || !t.range || !t.columns) continue;
      Object.assign(t, tableAfterInsert(t as GridTable, col, count).table);
    }
  }

  /** The column a cell had before the plan's inserts; null when it is in an inserted (empty) column. */
  private original(sheet: string, col: number): number | null {
    let c = col;
    for (const ins of [...this.inserts].reverse()) {
      if (ins.sheet !== sheet.toLowerCase()) continue;
      if (c >= ins.col + ins.count) c -= ins.count;
      else if (c >= ins.col) return null;
    }
    return c;
  }

  extend(op: Extract<EditOp, { op: "extendTable" }>, sheetName: string): string | null {
    if (op.columns.length === 0 || op.columns.some((n) => typeof n !== "string" || !n.trim()))
      return internal("у нового столбца таблицы нет имени");
    const lower = op.columns.map((n) => n.trim().toLowerCase());
    if (new Set(lower).size !== lower.length) return internal("имена новых столбцов таблицы повторяются");
    if (!this.tables) return null;
    const t = this.tables.find(
      (x) =>
        x.name.toLowerCase() === op.table.toLowerCase() && x.sheet.toLowerCase() === op.sheet.toLowerCase(),
    );
    if (!t) return PLAN_MESSAGES.tableNotFound(op.table, sheetName);
    const clash = t.columns?.find((c) => lower.includes(c.trim().toLowerCase()));
    if (clash) return PLAN_MESSAGES.tableColumnExists(t.name, clash);
    if (!t.range || !t.columns) return null;
    const r = t.range;
    if (r.right + op.columns.length >= MAX_COLUMNS) return internal("столбцы выходят за пределы листа");
    const area = { top: r.top, bottom: r.bottom, left: r.right + 1, right: r.right + op.columns.length };
    for (let c = area.left; c <= area.right; c++) {
      const before = this.original(op.sheet, c);
      if (before === null) continue;
      for (let row = area.top; row <= area.bottom; row++)
        if (hasValue(this.facts.cell?.(op.sheet, row, before) ?? null))
          return PLAN_MESSAGES.tableOverData(t.name, sheetName, rangeA1(area));
    }
    Object.assign(t, tableExtended(t as GridTable, op.columns).table);
    return null;
  }
}

function inside(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function opProblem(
  op: EditOp,
  sheet: SheetState,
  sheets: SheetState[],
  facts: WorkbookFacts,
  written: Map<string, Map<string, boolean>>,
): string | null {
  const exists = (name: string) => sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  const visibleOthers = () => sheets.filter((s) => s !== sheet && s.visibility === "visible").length;
  switch (op.op) {
    case "copySheet":
      return (
        sheetNameProblem(op.newName) ?? (exists(op.newName) ? PLAN_MESSAGES.sheetExists(op.newName) : null)
      );
    case "deleteSheet":
      return sheet.visibility === "visible" && visibleOthers() === 0
        ? PLAN_MESSAGES.lastVisibleSheet(sheet.name)
        : null;
    case "setSheetVisibility":
      return op.visibility !== "visible" && sheet.visibility === "visible" && visibleOthers() === 0
        ? PLAN_MESSAGES.lastVisibleSheet(sheet.name)
        : null;
    case "setValues":
      return blockProblem(op.row, op.col, op.values);
    case "setFormulas":
      if (
        op.formulas.some((row) => row?.some((f) => f !== null && (typeof f !== "string" || !/^=./.test(f))))
      )
        return internal("формула должна начинаться со знака «=»");
      return blockProblem(op.row, op.col, op.formulas);
    case "deleteRows":
      return op.rows.some((r) => !isIndex(r, MAX_ROWS)) ? internal("неверный номер удаляемой строки") : null;
    case "insertColumns":
      if (!isIndex(op.col, MAX_COLUMNS) || !Number.isInteger(op.count) || op.count < 1)
        return internal("неверный номер или число вставляемых столбцов");
      return op.col + op.count > MAX_COLUMNS ? internal("столбцы выходят за пределы листа") : null;
    case "unmerge":
    case "setLocked":
      return rangeProblem(op.range);
    case "merge": {
      const bad = rangeProblem(op.range);
      if (bad) return bad;
      return mergeProblem(op.sheet, op.range, sheet.fresh, facts, written.get(op.sheet.toLowerCase()));
    }
    case "setListValidation":
      return rangeProblem(op.range) ?? ruleProblem({ kind: "list", list: op.list });
    case "setValidation":
      return rangeProblem(op.range) ?? ruleProblem(op.rule);
    case "addConditionalFormat":
      if (!/^=./.test(op.formula))
        return internal("формула условного формата должна начинаться со знака «=»");
      if (!COLOR.test(op.fill) || (op.fontColor !== undefined && !COLOR.test(op.fontColor)))
        return internal("цвет задаётся как RRGGBB");
      return rangeProblem(op.range);
    case "removeConditionalFormats":
      return op.marker.trim() ? null : internal("пустая метка условных форматов");
    case "setHyperlink":
      if (!op.target.trim()) return internal("пустой адрес ссылки");
      return blockProblem(op.row, op.col, [[op.text]]);
    case "setDefinedName":
      return definedNameProblem(op.name) ?? rangeProblem(op.range);
    case "freezePanes":
      return isIndex(op.rows, MAX_ROWS) && isIndex(op.cols, MAX_COLUMNS)
        ? null
        : internal("неверное число закреплённых строк или столбцов");
    case "setPageLayout":
      if (op.printArea) {
        const bad = rangeProblem(op.printArea);
        if (bad) return bad;
      }
      if (op.repeatRows) {
        const { top, bottom } = op.repeatRows;
        if (!isIndex(top, MAX_ROWS) || !isIndex(bottom, MAX_ROWS) || top > bottom)
          return internal("неверные повторяемые строки");
      }
      return null;
    case "setStyle":
      if (
        (op.fill !== undefined && !COLOR.test(op.fill)) ||
        (op.fontColor !== undefined && !COLOR.test(op.fontColor))
      )
        return internal("цвет задаётся как RRGGBB");
      return rangeProblem(op.range);
    case "addChart":
      return rangeProblem(op.data) ?? rangeProblem(op.anchor);
    case "setAutoFilter":
      return rangeProblem(op.range);
    case "setColumnWidths":
      return op.widths.some((w) => !isIndex(w.col, MAX_COLUMNS) || !(w.width > 0))
        ? internal("неверная ширина столбца")
        : null;
    case "addSheet":
    case "protectSheet":
    case "extendTable":
      return null;
  }
}

function mergeProblem(
  sheet: string,
  range: CellRange,
  fresh: boolean,
  facts: WorkbookFacts,
  written: Map<string, boolean> | undefined,
): string | null {
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      if (r === range.top && c === range.left) continue;
      const planned = written?.get(`${r},${c}`);
      const filled = planned !== undefined ? planned : !fresh && hasValue(facts.cell?.(sheet, r, c) ?? null);
      if (filled) return PLAN_MESSAGES.mergeOverData(sheet, rangeA1(range));
    }
  }
  return null;
}

function hasValue(v: CellValue): boolean {
  return v !== null && v !== "";
}
