/** The typed fake of the Excel JavaScript API used by the adapter's tests (see ./context.ts for the rules). */
export { FakeExcel, FakeRequestContext, jsonBytes, putValues, readValues } from "./context";
export { FakeOfficeError } from "./errors";
export { EXCEL_API_BY_VERSION, FakeSheetState, parseAddress } from "./world";
export type { FakeCellValue, FakeExcelOptions, FakeTableState } from "./world";
