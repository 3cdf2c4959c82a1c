/** The count of a group of findings as a badge, named «3 замечания» for a screen reader (a bare number says nothing). */
import { CounterBadge, type CounterBadgeProps } from "@fluentui/react-components";
import type { Translate } from "../../i18n";

export function FindingsCount({
  count,
  t,
  size,
}: {
  count: number;
  t: Translate;
  size?: CounterBadgeProps["size"];
}) {
  return (
    <CounterBadge
      count={count}
      role="img"
      aria-label={t("findingsCount", { count })}
      size={size}
      appearance="ghost"
      color="informative"
      overflowCount={999}
    />
  );
}
