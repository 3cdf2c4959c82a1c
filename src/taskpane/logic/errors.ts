import type { Translate } from "../i18n";

/**
 * What the user reads when a command fails: a UserFacingError's Russian message as is, anything else
 * wrapped in «Не удалось выполнить команду: …» — first line only, never a stack.
 * Checked by name too: the error may come from another bundle's copy of the class.
 */
export function userMessage(error: unknown, t: Translate): string {
  if (error instanceof Error && error.name === "UserFacingError" && error.message.trim())
    return error.message;
  const raw =
    error instanceof Error
      ? error.message
      : typeof error === "string"
        ? error
        : error && typeof error === "object" && "message" in error
          ? String((error as { message: unknown }).message)
          : String(error);
  const firstLine = raw.split(/\r?\n/).find((l) => l.trim() && !/^\s*at\s/.test(l)) ?? "";
  const clipped = firstLine.length > 300 ? `${firstLine.slice(0, 300)}…` : firstLine;
  return t("errorGeneric", { message: clipped.trim() || t("errorUnknown") });
}
