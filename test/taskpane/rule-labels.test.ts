/**
 * Every rule id the checking engine can emit has its own title in both languages (red-team defect 8: the six
 * status rules showed as three groups named «Прочее»). The ids are read from the validation sources, so a new
 * rule without a title fails here; the contract's status ids are listed by hand to guard the reading.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { translator, type Language } from "../../src/taskpane/i18n";
import { ruleFamilyTitle, ruleTitle } from "../../src/taskpane/logic/findings";

const VALIDATION = path.join(__dirname, "../../src/domain/validation");

function emittedRules(): string[] {
  const ids = new Set<string>();
  for (const f of readdirSync(VALIDATION).filter((n) => n.endsWith(".ts"))) {
    const text = readFileSync(path.join(VALIDATION, f), "utf8");
    for (const m of text.matchAll(/"([a-z]+\.[a-z]+(?:-[a-z]+)*)"/g)) ids.add(m[1]);
  }
  return [...ids].sort();
}

const CONTRACT_STATUS_RULES = [
  "status.unknown-value",
  "status.done-without-evidence",
  "status.done-without-date",
  "status.date-in-future",
  "status.late-not-marked",
  "status.not-done-without-reason",
];

describe("rule titles in the «Проверка» pane", () => {
  const rules = emittedRules();

  test("the reading of the sources finds the contract's status rules", () => {
    expect(rules).toEqual(expect.arrayContaining(CONTRACT_STATUS_RULES));
    expect(rules.length).toBeGreaterThan(25);
  });

  test.each(["ru", "en"] as Language[])("%s: every rule has a family of its own and a title", (lang) => {
    const t = translator(lang);
    const untitled = rules.filter(
      (rule) =>
        ruleFamilyTitle(rule, t) === t("family_other") || ruleTitle(rule, t) === ruleFamilyTitle(rule, t),
    );
    expect(untitled).toEqual([]);
  });

  test("the status rules read as the user says them", () => {
    expect(ruleTitle("status.done-without-evidence", translator("ru"))).toBe(
      "Исполнение · выполнено без подтверждающего документа",
    );
    expect(ruleTitle("status.unknown-value", translator("en"))).toBe("Execution · status not in the list");
  });
});
