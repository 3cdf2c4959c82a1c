/** The count badges of the «Проверка» pane are named for a screen reader («3 замечания»), not a bare number. */
import { renderToStaticMarkup } from "react-dom/server";
import { translator } from "../../src/taskpane/i18n";
import { FindingsCount } from "../../src/taskpane/panes/validate/FindingsCount";

describe("FindingsCount", () => {
  it.each([
    ["ru", 1, "1 замечание"],
    ["ru", 3, "3 замечания"],
    ["ru", 11, "11 замечаний"],
    ["en", 1, "1 finding"],
    ["en", 5, "5 findings"],
  ] as const)("%s, %d: named «%s», showing the number", (lang, count, name) => {
    const html = renderToStaticMarkup(<FindingsCount count={count} t={translator(lang)} />);
    expect(html).toContain(`aria-label="${name}"`);
    expect(html).toContain(`role="img"`);
    expect(html).toMatch(new RegExp(`>${count}<`));
  });
});
