/**
 * Russian plural agreement of a number and its noun: «1 мероприятие», «3 мероприятия», «11 мероприятий»,
 * «21 школа». The form is chosen by Intl.PluralRules("ru") (CLDR), as the task pane's messages are.
 */
const rules = new Intl.PluralRules("ru");

/** The noun's form for `n`: `one` (1, 21), `few` (2–4, 22), `many` (0, 5–20, 25). Fractions take `few`. */
export function pluralWord(n: number, one: string, few: string, many: string): string {
  const category = rules.select(n);
  return category === "one" ? one : category === "few" ? few : category === "many" ? many : few;
}

/** «5 мероприятий»: the number and its noun in the agreeing form. */
export function plural(n: number, one: string, few: string, many: string): string {
  return `${n} ${pluralWord(n, one, few, many)}`;
}
