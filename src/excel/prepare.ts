/**
 * The reads an apply needs before writing (one sync, +1 when conditional formats must be matched by formula), so
 * an apply makes a constant number of round trips besides its chunks of writes.
 */
import type { EditOp } from "../domain/edit-plan";
import { rangeA1, type CellValue } from "../domain/grid";
import { UserFacingError } from "../domain/host";
import { validatePlan, type WorkbookFacts } from "../domain/plan/validate";
import { splitSheetRef } from "../domain/plan/workbook-model";
import { LISTS_SHEET, inlineList } from "../domain/workbook-format/settings-format";
import type { Prepared } from "./apply";
import type { ExcelRequirements } from "./requirements";
import { sameName, type KnownSheet, type PendingSheet } from "./shapes";

/**
 * Reads some plans need before writing, in one sync: copy sources (no ExcelApi 1.7), the lists sheet, the cells a
 * merge covers (checked again with them), the workbook's names, the conditional formats a removal looks at (+1
 * sync for their formulas). So an apply makes a constant number of syncs besides its chunks.
 */
export async function prepareApply(
  req: ExcelRequirements,
  queueSheet: (ws: Excel.Worksheet, name: string, withValues: boolean) => PendingSheet,
  context: Excel.RequestContext,
  ops: EditOp[],
  known: KnownSheet[],
  facts: WorkbookFacts,
): Promise<Prepared & { copies: Map<string, PendingSheet> }> {
  const copies = new Map<string, PendingSheet>();
  const exists = (n: string) => known.some((s) => sameName(s.name, n));
  let queued = false;
  if (!req.supports("copySheet")) {
    for (const op of ops) {
      if (op.op !== "copySheet" || copies.has(op.sheet.toLowerCase())) continue;
      copies.set(
        op.sheet.toLowerCase(),
        queueSheet(context.workbook.worksheets.getItem(op.sheet), op.sheet, true),
      );
      queued = true;
    }
  }
  let listsRange: Excel.Range | null = null;
  const longLists = ops.some(
    (op) =>
      (op.op === "setListValidation" && inlineList(op.list) === null) ||
      (op.op === "setValidation" && op.rule.kind === "list" && inlineList(op.rule.list) === null),
  );
  const listsSheetExists = exists(LISTS_SHEET);
  if (longLists && listsSheetExists && req.supports("dataValidation")) {
    listsRange = context.workbook.worksheets.getItem(LISTS_SHEET).getUsedRange();
    listsRange.load(["values", "rowIndex", "columnIndex"]);
    queued = true;
  }
  // Merges over existing sheets: their cells' values, for the merge-over-data check.
  const mergeReads = ops
    .filter((op): op is Extract<EditOp, { op: "merge" }> => op.op === "merge" && exists(op.sheet))
    .map((op) => {
      const r = context.workbook.worksheets.getItem(op.sheet).getRange(rangeA1(op.range)).load("values");
      queued = true;
      return { op, r };
    });
  const needNames =
    req.supports("definedNames") && ops.some((op) => op.op === "setDefinedName" || op.op === "deleteSheet");
  const names = needNames ? context.workbook.names.load(["items/name", "items/value"]) : null;
  if (names) queued = true;
  const cfSheets = req.supports("conditionalFormats")
    ? [
        ...new Set(
          ops
            .filter((op) => op.op === "removeConditionalFormats" && exists(op.sheet))
            .map((op) => op.sheet.toLowerCase()),
        ),
      ]
    : [];
  const cfCollections = cfSheets.map((sheet) => {
    const c = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    c.load(["items/id", "items/type"]);
    queued = true;
    return { sheet, c };
  });
  if (queued) await context.sync();

  if (mergeReads.length) {
    const values = new Map(mergeReads.map(({ op, r }) => [op, r.values]));
    const problem = validatePlan(
      { summary: "", ops },
      {
        ...facts,
        cell: (sheet, row, col) => {
          for (const [op, v] of values) {
            if (!sameName(op.sheet, sheet)) continue;
            const x = v[row - op.range.top]?.[col - op.range.left];
            if (x !== undefined) return x as CellValue;
          }
          return undefined;
        },
      },
    );
    if (problem) throw new UserFacingError(problem);
  }

  const conditionalFormats: Prepared["conditionalFormats"] = new Map();
  const custom = cfCollections.flatMap(({ sheet, c }) =>
    c.items.filter((cf) => cf.type === "Custom").map((cf) => ({ sheet, cf })),
  );
  if (custom.length) {
    const rules = custom.map(({ cf }) => cf.custom.rule.load("formula"));
    await context.sync();
    custom.forEach(({ sheet, cf }, i) => {
      const list = conditionalFormats.get(sheet) ?? [];
      list.push({ cf, formula: rules[i].formula ?? "" });
      conditionalFormats.set(sheet, list);
    });
  }

  const nameMap = new Map<string, string>();
  const nameSheets = new Map<string, string>();
  for (const item of names?.items ?? []) {
    nameMap.set(item.name.toLowerCase(), item.name);
    const at = splitSheetRef(String(item.value ?? ""));
    if (at) nameSheets.set(item.name, at.sheet);
  }
  return {
    copies,
    listColumns: listsRange ? listColumnsOf(listsRange) : null,
    listsSheetExists,
    names: nameMap,
    nameSheets,
    conditionalFormats,
    protectedSheets: new Set(known.filter((s) => s.protected).map((s) => s.name.toLowerCase())),
  };
}

/** The lists sheet's columns from its used range (a column's list runs from row 1 to its first empty cell). */
function listColumnsOf(listsRange: Excel.Range): string[][] {
  const values = listsRange.values as unknown[][];
  const left = listsRange.columnIndex;
  const top = listsRange.rowIndex;
  const listColumns: string[][] = [];
  for (let c = 0; c < (values[0]?.length ?? 0); c++) {
    const col: string[] = [];
    for (let r = 0; r < values.length; r++) {
      const v = values[r][c];
      if (v === "" || v === null || v === undefined) break;
      col.push(String(v));
    }
    listColumns[left + c] = top === 0 ? col : [];
  }
  for (let c = 0; c < listColumns.length; c++) listColumns[c] ??= [];
  return listColumns;
}
