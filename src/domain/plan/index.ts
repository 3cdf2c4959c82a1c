/** EditPlan semantics: the one preflight, the in-memory host and the workbook model hosts are compared on. */
export { validatePlan, definedNameProblem, PLAN_MESSAGES, MAX_ROWS, MAX_COLUMNS } from "./validate";
export type { WorkbookFacts, SheetFacts } from "./validate";
export { applyPlanToGrid, applyPlanToModel } from "./apply-memory";
export * from "./workbook-model";
export * from "./references";
