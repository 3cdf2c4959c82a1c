/** The kinds of findings the user hid, each with how many it holds back and «Показать». */
import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Translate } from "../../i18n";
import { ruleTitle } from "../../logic/findings";
import { useStyles } from "../../ui";

const useLocal = makeStyles({
  title: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
});

export function HiddenRules({
  rules,
  t,
  onShow,
}: {
  rules: [string, number][];
  t: Translate;
  onShow: (rule: string) => void;
}) {
  const s = useStyles();
  const local = useLocal();
  if (!rules.length) return null;
  return (
    <div data-testid="hidden-rules">
      <div className={local.title}>{t("hiddenRulesTitle")}</div>
      <ul className={s.list}>
        {rules.map(([rule, count]) => (
          <li key={rule}>
            <Caption1>
              {ruleTitle(rule, t)} — {t("ruleHiddenCount", { count })}.{" "}
              <Link as="button" onClick={() => onShow(rule)} data-testid="show-rule" data-rule={rule}>
                {t("showRule")}
              </Link>
            </Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}
