/**
 * Errors the fake throws, shaped like OfficeExtension.Error (name, code, message, debugInfo) so the adapter's
 * error mapping is exercised against the same fields it sees in Excel.
 */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "AccessDenied"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    // Office.js errors are named "RichApi.Error"; the adapter must go by `code`, not by class.
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** The text Office.js gives for PropertyNotLoaded (Office.js client-side check, before any round trip). */
export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", what);
}

export function apiNotFound(member: string, set: string): FakeOfficeError {
  return new FakeOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of Excel (${member}, ExcelApi ${set}).`,
    member,
  );
}

export function accessDenied(sheet: string): FakeOfficeError {
  return new FakeOfficeError(
    "AccessDenied",
    "The cell or chart you're trying to change is on a protected sheet.",
    sheet,
  );
}
