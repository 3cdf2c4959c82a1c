export * from "./fingerprint";
export * from "./template";
export * from "./schools";
export * from "./file-names";
export * from "./layout";
export { planMonitoringWorkbook, ACTIVITY_STATUSES } from "./workbook-plan";
export { planSchoolForm, FORM_INDICATOR_SHEET, FORM_ACTIVITY_SHEET, type SchoolForm } from "./form-plan";
