/** One rule's findings under a collapsed header with its count; the rule can be hidden as a whole. */
import {
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Link,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../../../domain/model";
import { findingKey } from "../../../domain/validation/validate";
import type { Translate } from "../../i18n";
import { ruleTitle } from "../../logic/findings";
import { FindingCard } from "./FindingCard";
import { FindingsCount } from "./FindingsCount";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  findings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hide: { alignSelf: "flex-end", fontSize: tokens.fontSizeBase200 },
});

export function RuleGroup({
  rule,
  findings,
  dismissed,
  stale,
  t,
  onGo,
  onToggleDismiss,
  onHideRule,
}: {
  rule: string;
  findings: Finding[];
  dismissed: ReadonlySet<string>;
  stale: boolean;
  t: Translate;
  onGo: (sheet: string, cell: string) => void;
  onToggleDismiss: (f: Finding) => void;
  onHideRule: (rule: string) => void;
}) {
  const s = useStyles();
  return (
    <AccordionItem value={rule}>
      <AccordionHeader size="small">
        <span className={s.header} data-testid="rule-group" data-rule={rule}>
          {/* The rule id only as a tooltip, for support: the pane itself stays in the user's language. */}
          <span className={s.title} title={rule}>
            {ruleTitle(rule, t)}
          </span>
          <FindingsCount count={findings.length} t={t} size="small" />
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={s.findings}>
          {findings.map((f, i) => (
            <FindingCard
              key={`${findingKey(f)}#${i}`}
              finding={f}
              dismissed={dismissed.has(findingKey(f))}
              stale={stale}
              t={t}
              onGo={onGo}
              onToggleDismiss={() => onToggleDismiss(f)}
            />
          ))}
          <Link
            as="button"
            className={s.hide}
            onClick={() => onHideRule(rule)}
            data-testid="hide-rule"
            data-rule={rule}
          >
            {t("hideRule")}
          </Link>
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
