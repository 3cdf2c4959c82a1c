/**
 * Browser end-to-end test of the preview (run by scripts/e2e.mjs, which builds and serves dist/).
 * Drives the real task pane over the bundled sample workbook and saves screenshots to test/e2e/screens/.
 */
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { consolidateSteps } from "./consolidate.steps";
import { monitoringSteps } from "./monitoring.steps";
import { trustSteps } from "./trust.steps";
import { controlSteps } from "./control.steps";
import { cellEditingSteps } from "./cell-editing.steps";

const BASE = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
const SCREENS = path.resolve(__dirname, "screens");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The sample's content, counted by hand from assets/samples/roadmap-sample.xlsx. Sheet «Горячий Ключ 2023»
 * (seed 000): activities numbered 1.–48., three section rows, and four activities (7, 11, 19, 44) split at a
 * page break, each into an empty row plus a row continuing the text: 8 continuation rows (57–58, 62–63,
 * 73–74, 104–105 of the sheet), of which the card counts the 4 a reader sees (58, 63, 74, 105; the empty rows
 * are folded away with them). Sheet «Зея 2022» (seed 004): 31 numbered activities, no sections.
 */
const SHEET = "Горячий Ключ 2023";
const SAMPLE = {
  activities: 48,
  sections: 3,
  continuations: 4,
  /** Sheet rows the fold deletes: the 4 broken rows and the 4 empty rows before them. */
  foldedRows: 8,
  sectionNames: ["Краевой уровень", "Муниципальный уровень", "Уровень образовательной организации"],
};
const SECOND = { sheet: "Зея 2022", activities: 31, sections: 0, continuations: 0 };

let passed = 0;
let failed = 0;
let currentPage: Page | null = null;

/** E2E_ONLY=control (or main, monitoring, consolidate, trust, editing): one group's steps, for a quick run while working. */
const ONLY = process.env.E2E_ONLY ?? null;
let group: "main" | "monitoring" | "consolidate" | "trust" | "control" | "editing" | "always" = "always";

async function step(name: string, fn: () => Promise<void>): Promise<boolean> {
  if (ONLY && group !== "always" && group !== ONLY) return true;
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`✓ ${name} (${Date.now() - started} мс)`);
    return true;
  } catch (e) {
    failed++;
    const message = e instanceof Error ? e.message.split("\n").slice(0, 6).join("\n   ") : String(e);
    console.log(`✗ ${name}\n   ${message}`);
    if (currentPage) {
      // What the page looked like when the step failed, outside the repository.
      const file = path.join(os.tmpdir(), `roadmap-e2e-failed-${failed}.png`);
      await currentPage.screenshot({ path: file, timeout: 5000 }).then(
        () => console.log(`   снимок: ${file}`),
        () => undefined,
      );
    }
    return false;
  }
}

function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: ожидалось ${JSON.stringify(expected)}, получено ${JSON.stringify(actual)}`);
}

function expectTrue(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

const columnOf = (cell: string) => cell.replace(/\d+/, "");
const rowOf = (cell: string) => cell.replace(/[A-Z]+/, "");

/** A merged cell is drawn at its top-left: the same column letters or the same row is enough to be sure. */
function expectSameCell(drawn: string, cell: string): void {
  expectTrue(
    drawn === cell || columnOf(drawn) === columnOf(cell) || rowOf(drawn) === rowOf(cell),
    `выделена ${drawn}, а замечание про ${cell}`,
  );
}

/** A count shown on the card of the table on `sheet`. */
async function countText(page: Page, testId: string, sheet = SHEET): Promise<number> {
  const text = await card(page, sheet).getByTestId(testId).innerText();
  return Number(text.trim());
}

function card(page: Page, sheet: string) {
  return page.locator(`[data-testid="table-card"][data-sheet="${sheet}"]`);
}

/** Waits until a count on the card of the table on `sheet` shows `expected`. */
async function waitForCount(page: Page, sheet: string, testId: string, expected: number): Promise<void> {
  await page.waitForFunction(([selector, n]) => document.querySelector(selector)?.textContent?.trim() === n, [
    `[data-testid="table-card"][data-sheet="${sheet}"] [data-testid="${testId}"]`,
    String(expected),
  ] as const);
}

/** Waits until the card of the table on `sheet` shows `text`. */
async function waitForCardText(page: Page, sheet: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([selector, t]) => document.querySelector(selector)?.textContent?.includes(t) ?? false,
    [`[data-testid="table-card"][data-sheet="${sheet}"]`, text] as const,
  );
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="sheet-tab"][data-name="${name}"]`).click();
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="grid"]')?.getAttribute("data-sheet") === n,
    name,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250); // let Fluent's motion settle
  await page.screenshot({ path: path.join(SCREENS, name) });
}

async function sheetTabs(page: Page): Promise<string[]> {
  return page
    .getByTestId("sheet-tab")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-name") ?? ""));
}

async function gridRowCount(page: Page): Promise<number> {
  return page.locator('[data-testid="grid"] tbody tr').count();
}

async function main(): Promise<number> {
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      timeout: 30_000,
    });
  } catch (e) {
    console.log(`✗ запуск Chromium (${CHROMIUM}): ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: "ru-RU" });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  currentPage = page;
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(BASE) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));

  try {
    const opened = await step("предпросмотр открывается на примере книги", async () => {
      await page.goto(`${BASE}/`, { waitUntil: "load" });
      await page.getByTestId("taskpane").waitFor();
      await page.locator('[data-testid="grid"] td').first().waitFor();
      expectEqual(await page.getByTestId("file-name").innerText(), "roadmap-sample.xlsx", "имя файла");
      expectTrue((await sheetTabs(page)).length > 0, "нет ярлычков листов");
    });
    if (!opened) return finish();
    group = "main";

    await step("«Распознать»: числа мероприятий, разделов и строк-продолжений", async () => {
      await page.getByTestId("recognize").click();
      await page.getByTestId("table-card").first().waitFor();
      expectEqual(await page.getByTestId("table-card").count(), 2, "таблиц");
      expectEqual(await countText(page, "count-activities"), SAMPLE.activities, "мероприятий");
      expectEqual(await countText(page, "count-sections"), SAMPLE.sections, "разделов");
      expectEqual(await countText(page, "count-continuations"), SAMPLE.continuations, "строк-продолжений");
      expectEqual(
        await countText(page, "count-activities", SECOND.sheet),
        SECOND.activities,
        `мероприятий (${SECOND.sheet})`,
      );
      expectEqual(
        await countText(page, "count-sections", SECOND.sheet),
        SECOND.sections,
        `разделов (${SECOND.sheet})`,
      );
      expectEqual(
        await countText(page, "count-continuations", SECOND.sheet),
        SECOND.continuations,
        `строк-продолжений (${SECOND.sheet})`,
      );
      const sections = await card(page, SHEET).locator('[data-testid="sections"] li').allInnerTexts();
      expectEqual(
        sections.map((s) => s.trim()),
        SAMPLE.sectionNames,
        "разделы",
      );
      // The range on the card selects the table in the workbook.
      await card(page, SHEET).getByTestId("table-range").click();
      await page.locator('[data-testid="grid"] td[data-selected="true"][data-cell="A46"]').waitFor();
      await shot(page, "recognize.png");
    });

    await step("«Проверка»: замечания есть, щелчок выделяет ячейку в книге", async () => {
      await page.getByTestId("tab-validate").click();
      await page.getByTestId("validate").click();
      await page.getByTestId("findings-total").waitFor();
      // A long list starts collapsed to rules: open the first rule group.
      if (!(await page.getByTestId("finding").count()))
        await page.locator(".fui-AccordionHeader__button").first().click();
      await page.getByTestId("finding").first().waitFor();
      const total = await page.getByTestId("finding").count();
      expectTrue(total > 0, "замечаний нет");
      const withCell = page.locator('[data-testid="finding"]:not([data-cell=""])').first();
      const cell = (await withCell.getAttribute("data-cell")) ?? "";
      const sheet = (await withCell.getAttribute("data-sheet")) ?? "";
      await withCell.getByTestId("finding-go").click();
      const selected = page.locator('[data-testid="grid"] td[data-selected="true"]').first();
      await selected.waitFor();
      expectEqual(await page.getByTestId("grid").getAttribute("data-sheet"), sheet, "лист в предпросмотре");
      expectSameCell((await selected.getAttribute("data-cell")) ?? "", cell);
      expectTrue(await selected.isVisible(), "выделенная ячейка не прокручена в видимую область");
      await page.getByTestId("highlight").click();
      await page.locator('[data-testid="grid"] td[data-highlighted="true"]').first().waitFor();
      await shot(page, "validate.png");
      await page.getByTestId("clear-highlight").click();
      await page.waitForFunction(() => !document.querySelector('td[data-highlighted="true"]'));
    });

    await step("замечание открывается с клавиатуры: фокус на нём и Enter", async () => {
      const selected = page.locator('[data-testid="grid"] td[data-selected="true"]').first();
      const before = (await selected.getAttribute("data-cell")) ?? "";
      const closed = page.locator('.fui-AccordionHeader__button[aria-expanded="false"]');
      while (await closed.count()) await closed.first().click();
      const withCell = page.locator('[data-testid="finding"]:not([data-cell=""])');
      const cells = await withCell.evaluateAll((els) => els.map((e) => e.getAttribute("data-cell") ?? ""));
      // Another row and another column, so the selection left by the click above cannot pass for it.
      const index = cells.findIndex((c) => columnOf(c) !== columnOf(before) && rowOf(c) !== rowOf(before));
      expectTrue(index >= 0, `нет замечания не в строке и не в столбце ${before}`);
      await withCell.nth(index).getByTestId("finding-go").focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (b) =>
          document
            .querySelector('[data-testid="grid"] td[data-selected="true"]')
            ?.getAttribute("data-cell") !== b,
        before,
      );
      expectSameCell((await selected.getAttribute("data-cell")) ?? "", cells[index]);
    });

    await step("«Скрыть» замечание и «Показать скрытые»", async () => {
      const before = await page.getByTestId("finding").count();
      await page.getByTestId("dismiss").first().click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="finding"]').length === n - 1,
        before,
      );
      await page.getByTestId("toggle-dismissed").click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="finding"]').length === n,
        before,
      );
      // Restore it so later screenshots show the workbook as shipped.
      await page.getByTestId("dismiss").filter({ hasText: "Вернуть" }).first().click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="toggle-dismissed"]'));
    });

    await step(
      "«Исправить вставку из Word»: подтверждение, копия листа, строки-продолжения удалены",
      async () => {
        await page.getByTestId("tab-recognize").click();
        await showSheet(page, SHEET);
        const rowsBeforeFold = await gridRowCount(page);
        const tabsBefore = await sheetTabs(page);
        await page.getByTestId("fold").click();
        const preview = page.getByTestId("fold-preview");
        await preview.waitFor();
        const text = await preview.innerText();
        expectTrue(
          text.includes(String(SAMPLE.continuations)),
          `в предупреждении нет числа строк: «${text}»`,
        );
        await page.getByTestId("fold-confirm").click();
        await page.getByTestId("notice").waitFor();
        expectEqual(
          await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null),
          "fold",
          "фокус после закрытия окна подтверждения",
        );
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="sheet-tab"]').length > n,
          tabsBefore.length,
        );
        const tabs = await sheetTabs(page);
        expectTrue(
          tabs.some((n) => /исходн/i.test(n)),
          `нет копии исходного листа среди ярлычков: ${tabs.join(", ")}`,
        );
        expectEqual(await countText(page, "count-continuations"), 0, "строк-продолжений после исправления");
        expectEqual(
          await countText(page, "count-activities"),
          SAMPLE.activities,
          "мероприятий после исправления",
        );
        await showSheet(page, SHEET);
        const rowsAfter = await gridRowCount(page);
        expectTrue(
          rowsAfter <= rowsBeforeFold - SAMPLE.foldedRows,
          `в листе было ${rowsBeforeFold} строк, стало ${rowsAfter}: строки-продолжения не удалены`,
        );
        await shot(page, "fold.png");
      },
    );

    await step("повторное «Исправить вставку из Word» ничего не меняет", async () => {
      const tabs = await sheetTabs(page);
      await page.getByTestId("fold").click();
      await page.getByText("Разорванных строк не найдено").waitFor();
      expectEqual(await sheetTabs(page), tabs, "ярлычки листов");
    });

    await step("«Ответственные»: список людей и лист «Ответственные»", async () => {
      await page.getByTestId("tab-people").click();
      await page.getByTestId("people-build").click();
      await page.getByTestId("person").first().waitFor();
      expectTrue((await page.getByTestId("person").count()) > 0, "список людей пуст");
      // Who does what, and by when: each person lists their activities with deadline and sheet.
      const first = page.getByTestId("person").first();
      await first.getByTestId("person-activity").first().waitFor();
      const line = await first.getByTestId("person-deadline").first().innerText();
      expectTrue(/(срок: .+|срок не указан) · .+, строка \d+/.test(line), `строка мероприятия: «${line}»`);
      await page.getByTestId("people-sheet").click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="sheet-tab"]')].some(
          (e) => e.getAttribute("data-name") === "Ответственные",
        ),
      );
      await page.getByTestId("people-done").waitFor();
      await shot(page, "people.png");
    });

    await step("исправление диапазона таблицы запоминается в книге и сбрасывается", async () => {
      await page.getByTestId("tab-recognize").click();
      const second = card(page, SECOND.sheet);
      // Rows 8–20 of «Зея 2022» hold activities 1.–13.
      await second.getByTestId("range-input").fill("A7:E20");
      await second.getByTestId("save-overrides").click();
      await waitForCount(page, SECOND.sheet, "count-activities", 13);
      await page.getByTestId("recognize").click();
      await page.getByTestId("tables-found").waitFor();
      expectEqual(
        await countText(page, "count-activities", SECOND.sheet),
        13,
        "мероприятий после повторного распознавания",
      );
      await second.getByTestId("reset-overrides").click();
      await waitForCount(page, SECOND.sheet, "count-activities", SECOND.activities);
    });

    await step("период, которого нет в заголовке, задаётся вручную и запоминается в книге", async () => {
      const second = card(page, SECOND.sheet);
      await second.getByTestId("period-input").fill("2024-2025 учебный год");
      await second.getByTestId("period-save").click();
      await waitForCardText(page, SECOND.sheet, "01.09.2024 – 31.08.2025");
      await page.getByTestId("recognize").click();
      await page.getByTestId("tables-found").waitFor();
      expectTrue(
        (await second.innerText()).includes("01.09.2024 – 31.08.2025"),
        "период не сохранился после повторного распознавания",
      );
      await second.getByTestId("reset-overrides").click();
      await waitForCardText(page, SECOND.sheet, "01.01.2022 – 31.12.2022");
    });

    await step("строгость «только роль, без фамилии» настраивается и запоминается", async () => {
      await page.getByTestId("tab-validate").click();
      await page.getByTestId("validate").click();
      await page.getByTestId("findings-total").waitFor();
      const group = (severity: string) =>
        page.locator(
          `[data-testid="severity-${severity}"] [data-testid="rule-group"][data-rule="responsible.vague-role"]`,
        );
      await group("info").waitFor();
      await page.getByTestId("vague-severity").click();
      await page.getByRole("option", { name: "ошибку" }).click();
      await group("error").waitFor();
      expectEqual(await group("info").count(), 0, "правило осталось среди подсказок");
      await page.getByTestId("validate").click();
      await group("error").waitFor();
      await page.getByTestId("vague-severity").click();
      await page.getByRole("option", { name: "подсказку" }).click();
      await group("info").waitFor();
      await page.getByTestId("tab-recognize").click();
    });

    await step("не-.xlsx файл: понятное сообщение, книга остаётся открытой", async () => {
      page.once("dialog", (d) => void d.accept().catch(() => undefined)); // the workbook has unsaved changes: agree to open another
      await page.getByTestId("file-input").setInputFiles({
        name: "протокол.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from("Это не книга Excel, а просто текст."),
      });
      const error = page.getByTestId("preview-error");
      await error.waitFor();
      const text = await error.innerText();
      expectTrue(/[А-Яа-я]/.test(text) && !/\bat\s|Error:/.test(text), `сообщение об ошибке: «${text}»`);
      expectEqual(await page.getByTestId("file-name").innerText(), "roadmap-sample.xlsx", "открытая книга");
    });

    await step("переключение на английский", async () => {
      await page.getByTestId("lang-en").click();
      expectEqual((await page.getByTestId("tab-recognize").innerText()).trim(), "Table", "вкладка");
      await page.getByTestId("tab-recognize").click();
      expectTrue(
        (await page.getByTestId("recognize").innerText()).startsWith("Recognise"),
        "кнопка не переведена",
      );
      await shot(page, "en.png");
      page.once("dialog", (d) => void d.accept().catch(() => undefined)); // leave the page although changes were not downloaded
      await page.reload({ waitUntil: "load" });
      await page.getByTestId("taskpane").waitFor();
      expectEqual(
        (await page.getByTestId("tab-recognize").innerText()).trim(),
        "Table",
        "язык не запомнился",
      );
      await page.getByTestId("lang-ru").click();
    });

    group = "monitoring";
    await monitoringSteps(page, step, { expectEqual, expectTrue, shot });
    group = "consolidate";
    await consolidateSteps(page, step, { expectEqual, expectTrue, shot });
    // Last: these steps open other files.
    group = "trust";
    await trustSteps({ page, step, expectEqual, expectTrue, shot });
    group = "control";
    await controlSteps(page, step, { expectEqual, expectTrue, shot });
    group = "editing";
    await cellEditingSteps(page, step, { expectEqual });
    group = "always";

    await step("никаких обращений к сети и ошибок на странице", async () => {
      expectEqual(foreign, [], "запросы не к своему серверу");
      expectEqual(pageErrors, [], "ошибки JavaScript");
    });
  } finally {
    await browser.close().catch(() => undefined);
  }
  return finish();
}

function finish(): number {
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    failed++;
    console.log(`✗ e2e: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    finish();
    process.exit(1);
  },
);
