/**
 * Steps for issue 9 (what a new user found): findings that stay true after a change, a table given by hand when
 * none is found, the pane→file→CLI round trip, the preview's care for unsaved work, the formula bar, the
 * English toolbar. Registered by one line in run.ts; each step opens the file it needs.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { Locator, Page } from "playwright-core";
import { richWorkbook } from "../xlsx/rich-package";

export interface E2E {
  page: Page;
  step: (name: string, fn: () => Promise<void>) => Promise<boolean>;
  expectEqual: <T>(actual: T, expected: T, what: string) => void;
  expectTrue: (cond: boolean, what: string) => void;
  shot: (page: Page, name: string) => Promise<void>;
}

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "samples", "roadmap-sample.xlsx");
const SEED_001 = path.join(ROOT, "test", "fixtures", "xlsx", "001-pasted.xlsx");
const SEED_002 = path.join(ROOT, "test", "fixtures", "xlsx", "002-pasted.xlsx");
const SEED_003 = path.join(ROOT, "test", "fixtures", "xlsx", "003-pasted.xlsx");
/** Seed 002 pasted: the rows continuing an activity's text, by hand in test/fixtures/seeds.ts. */
const SEED_002_CONTINUATIONS = [61, 65, 69, 74, 79, 83, 87, 91, 96, 103, 109, 113, 121, 125];
const SHEET = "Горячий Ключ 2023";
const SECOND = "Зея 2022";

/** Opens a file through the toolbar, agreeing to drop unsaved changes if asked; waits for its grid. */
async function openFile(page: Page, file: string): Promise<void> {
  const accept = (d: { accept: () => Promise<void> }) => void d.accept().catch(() => undefined);
  page.once("dialog", accept);
  await page.getByTestId("file-input").setInputFiles(file);
  await page.waitForFunction(
    (name) => document.querySelector('[data-testid="opened"]')?.textContent?.includes(name) ?? false,
    path.basename(file),
  );
  page.off("dialog", accept);
  await page.locator('[data-testid="grid"] td').first().waitFor();
}

function card(page: Page, sheet: string): Locator {
  return page.locator(`[data-testid="table-card"][data-sheet="${sheet}"]`);
}

/** Every finding the pane lists (rule groups opened), as «rule|sheet|cell», once they are fresh. */
async function listedFindings(page: Page): Promise<string[]> {
  await page.waitForFunction(() => !document.querySelector('[data-testid="findings-stale"]'));
  await page.getByTestId("findings-total").waitFor();
  const closed = page.locator(
    '[data-testid^="severity-"] .fui-AccordionHeader__button[aria-expanded="false"]',
  );
  while (await closed.count()) await closed.first().click();
  return page
    .getByTestId("finding")
    .evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.getAttribute("data-rule")}|${e.getAttribute("data-sheet")}|${e.getAttribute("data-cell")}`,
      ),
    );
}

async function check(page: Page): Promise<string[]> {
  await page.getByTestId("tab-validate").click();
  await page.getByTestId("validate").click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="validate"][disabled]'));
  return listedFindings(page);
}

export async function trustSteps({ page, step, expectEqual, expectTrue, shot }: E2E): Promise<void> {
  await step("открытие файла: сказано, что открыто, таблица видна, активный лист отмечен", async () => {
    await openFile(page, SAMPLE);
    const opened = await page.getByTestId("opened").innerText();
    expectEqual(opened, "Открыта книга «roadmap-sample.xlsx»: 2 листа.", "сообщение об открытии");
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="grid"]')?.getAttribute("data-sheet") === n,
      SHEET,
    );
    const header = page.locator('[data-testid="grid"] td[data-cell="A46"]');
    await header.waitFor();
    const box = await header.boundingBox();
    const view = await page.getByTestId("grid").boundingBox();
    expectTrue(
      !!box && !!view && box.y >= view.y && box.y < view.y + view.height,
      "шапка таблицы (строка 46) не прокручена в видимую область",
    );
    expectEqual(
      await page.locator('[data-testid="sheet-tab"][data-active="true"]').getAttribute("data-name"),
      SHEET,
      "отмеченный ярлычок",
    );
  });

  await step("после «Исправить вставку из Word» «Проверка» показывает свежие замечания", async () => {
    const before = await check(page);
    await page.getByTestId("tab-recognize").click();
    await page.getByTestId("fold").click();
    await page.getByTestId("fold-confirm").click();
    await page.getByTestId("notice").waitFor();
    await page.getByTestId("tab-validate").click();
    const after = await listedFindings(page);
    expectTrue(
      JSON.stringify(after) !== JSON.stringify(before),
      "замечания не изменились после удаления строк",
    );
    const fresh = await check(page);
    expectEqual(after, fresh, "замечания после исправления (против новой проверки)");
    // A finding about a deadline points at a cell holding a deadline: nothing moved under it.
    const deadline = page.locator('[data-testid="finding"][data-rule="deadline.outside-period"]').first();
    if (await deadline.count()) {
      const cell = (await deadline.getAttribute("data-cell")) ?? "";
      await deadline.getByTestId("finding-go").click();
      const selected = page.locator('[data-testid="grid"] td[data-selected="true"]').first();
      await selected.waitFor();
      expectEqual(await selected.getAttribute("data-cell"), cell, "выделенная ячейка");
      expectTrue((await selected.innerText()).trim() !== "", `замечание указывает на пустую ячейку ${cell}`);
    }
  });

  await step("несохранённые изменения: другой файл открывается только после вопроса", async () => {
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss().catch(() => undefined);
    });
    await page.getByTestId("file-input").setInputFiles(SEED_001);
    await page.waitForFunction(() => true);
    await page.waitForTimeout(300);
    expectTrue(/не скачаны/.test(asked), `нет вопроса о несохранённых изменениях: «${asked}»`);
    expectEqual(await page.getByTestId("file-name").innerText(), "roadmap-sample.xlsx", "открытая книга");
    const unload = await page.evaluate(() => {
      const e = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expectTrue(unload, "закрытие вкладки не спрашивает о несохранённых изменениях");
  });

  await step("исправления из предпросмотра, скачанные в файл, командная строка читает так же", async () => {
    await page.getByTestId("tab-recognize").click();
    await card(page, SECOND).getByTestId("range-input").fill("A7:E20");
    await card(page, SECOND).getByTestId("save-overrides").click();
    await page.waitForFunction(([sel, n]) => document.querySelector(sel)?.textContent?.trim() === n, [
      `[data-testid="table-card"][data-sheet="${SECOND}"] [data-testid="count-activities"]`,
      "13",
    ] as const);
    await card(page, SECOND).getByTestId("period-input").fill("2024-2025 учебный год");
    await card(page, SECOND).getByTestId("period-save").click();
    await page.waitForFunction(
      ([sel, text]) => document.querySelector(sel)?.textContent?.includes(text) ?? false,
      [`[data-testid="table-card"][data-sheet="${SECOND}"]`, "01.09.2024 – 31.08.2025"] as const,
    );
    const all = await check(page);
    await page.getByTestId("dismiss").first().click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="finding"]').length === n - 1,
      all.length,
    );
    // A whole kind of findings hidden: gone from the list, listed among the hidden, remembered for the CLI.
    const rule = "responsible.vague-role";
    const group = page.locator(`[data-testid="finding"][data-rule="${rule}"]`);
    expectTrue((await group.count()) > 0, `нет замечаний ${rule}`);
    await page.locator(`[data-testid="hide-rule"][data-rule="${rule}"]`).click();
    await page.locator(`[data-testid="show-rule"][data-rule="${rule}"]`).waitFor();
    expectEqual(await group.count(), 0, "замечания скрытого вида в списке");
    const paneFindings = (await listedFindings(page)).sort();
    expectTrue(!paneFindings.some((f) => f.startsWith(`${rule}|`)), "скрытый вид среди замечаний");
    await page.getByTestId("tab-recognize").click();
    const paneTables = await page
      .getByTestId("table-card")
      .evaluateAll((els) =>
        els.map(
          (e) =>
            `${e.getAttribute("data-sheet")}|${e.querySelector('[data-testid="table-range"]')?.textContent}|${
              e.querySelector('[data-testid="count-activities"]')?.textContent
            }`,
        ),
      );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download").click(),
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "roadmap-e2e-")), "result.xlsx");
    await download.saveAs(file);
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT });
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, "bin", "roadmap.js"), "check", file, "--json"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    const report = JSON.parse(out) as {
      tables: { sheet: string; range: string; rows: { kind: string }[] }[];
      findings: { rule: string; sheet: string; cell: string | null }[];
    };
    const cliTables = report.tables.map(
      (t) => `${t.sheet}|${t.range}|${t.rows.filter((r) => r.kind === "activity").length}`,
    );
    const cliFindings = report.findings.map((f) => `${f.rule}|${f.sheet}|${f.cell ?? ""}`).sort();
    expectEqual(cliTables, paneTables, "таблицы: командная строка против области задач");
    expectEqual(cliFindings, paneFindings, "замечания: командная строка против области задач");
  });

  await step(
    "предпросмотр склейки: каждая склейка с текстом до и после, склейку можно исключить",
    async () => {
      await openFile(page, SEED_002);
      await page.getByTestId("tab-recognize").click();
      await page.getByTestId("fold").click();
      const panel = page.getByTestId("fold-panel");
      await panel.waitFor();
      const joins = panel.getByTestId("fold-join");
      const rows = (await joins.evaluateAll((els) => els.map((e) => e.getAttribute("data-rows") ?? "")))
        .flatMap((r) => r.split(","))
        .map(Number);
      expectEqual(rows, SEED_002_CONTINUATIONS, "присоединяемые строки");
      // Every join shows its text after the fold, and that text holds the joined row's text.
      const first = joins.first();
      const into = Number(await first.getAttribute("data-into"));
      const joined = Number((await first.getAttribute("data-rows")) ?? "");
      const joinedText = (
        await page.locator(`[data-testid="grid"] td[data-cell="B${joined}"]`).innerText()
      ).trim();
      const after = await first.getByTestId("fold-after").allInnerTexts();
      expectTrue(
        joinedText !== "" && after.some((t) => t.includes(joinedText.slice(0, 20))),
        "текст после склейки",
      );
      await first.getByTestId("fold-keep").uncheck();
      await page.waitForFunction(
        (n) =>
          document.querySelector('[data-testid="fold-confirm"]')?.textContent?.includes(`(${n} `) ?? false,
        SEED_002_CONTINUATIONS.length - 1,
      );
      const second = joins.nth(1);
      await second.getByTestId("fold-show").click();
      const secondInto = Number(await second.getAttribute("data-into"));
      await page
        .locator(`[data-testid="grid"] td[data-selected="true"][data-cell="A${secondInto}"]`)
        .waitFor();
      await panel.evaluate((e) => e.scrollIntoView({ block: "start" }));
      await shot(page, "fold-preview.png");
      await page.getByTestId("fold-confirm").click();
      await page.getByTestId("notice").waitFor();
      // The join left out: its row is still there, with its own text, under the same activity.
      await page.waitForFunction(
        ([cell, text]) =>
          document.querySelector(`[data-testid="grid"] td[data-cell="${cell}"]`)?.textContent?.trim() ===
          text,
        [`B${joined}`, joinedText] as const,
      );
      expectTrue(into < joined, "склейка идёт в строку мероприятия выше");
    },
  );

  await step("строка за скачком нумерации (6 → 16) не склеивается без решения пользователя", async () => {
    await openFile(page, SEED_003);
    await page.getByTestId("tab-recognize").click();
    await page.getByTestId("fold").click();
    const panel = page.getByTestId("fold-panel");
    await panel.waitFor();
    const left = panel.locator('[data-testid="fold-left"][data-row="21"]');
    await left.waitFor();
    expectTrue(/6 → 16/.test(await left.innerText()), "в причине нет скачка нумерации");
    expectEqual(await panel.getByTestId("fold-join").count(), 0, "склеек без решения пользователя");
    expectTrue(await page.getByTestId("fold-confirm").isDisabled(), "«Исправить» доступна без склеек");
    await left.getByTestId("fold-include").click(); // the row then moves to the joins
    await panel.locator('[data-testid="fold-join"][data-rows="21"]').waitFor();
    await page.getByTestId("fold-cancel").click();
    await panel.waitFor({ state: "detached" });
  });

  await step("ячейка по щелчку показывает весь текст, Shift+щелчок выделяет диапазон", async () => {
    await openFile(page, SEED_001);
    const long = page.locator('[data-testid="grid"] td[data-cell="A21"]');
    await long.click();
    const text = (await long.textContent()) ?? "";
    expectTrue(text.length > 150, "в A21 ожидался длинный текст");
    expectEqual(await page.getByTestId("formula-bar").innerText(), text, "строка формул");
    expectEqual(await page.getByTestId("formula-address").innerText(), "A21", "адрес в строке формул");
  });

  await step("таблица не найдена: пользователь выделяет диапазон и говорит «это таблица»", async () => {
    await page.getByTestId("tab-recognize").click();
    await page.getByTestId("recognize").click();
    await page.getByTestId("nothing-found").waitFor();
    const manual = page.getByTestId("manual-range");
    await manual.waitFor();
    await page.locator('[data-testid="grid"] td[data-cell="A66"]').click();
    await page.locator('[data-testid="grid"] td[data-cell="A70"]').click({ modifiers: ["Shift"] });
    await page.locator('[data-testid="grid"] td[data-cell="A70"][data-selected="true"]').waitFor();
    await manual.getByTestId("manual-take-selection").click();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="manual-range-input"]') as HTMLInputElement | null)?.value ===
        "A66:A70",
    );
    await shot(page, "manual-range.png");
    await manual.getByTestId("manual-confirm").click();
    const table = card(page, "Лист1");
    await table.waitFor();
    expectEqual((await table.getByTestId("table-range").innerText()).trim(), "A66:A70", "диапазон таблицы");
    await page.getByTestId("recognize").click();
    await page.getByTestId("tables-found").waitFor();
    expectEqual(
      await card(page, "Лист1").count(),
      1,
      "таблица, указанная вручную, после повторного распознавания",
    );
  });

  await step(
    "файл с диаграммой и сводной таблицей: сказано, что не сохранится; диаграмма в скачанном файле сдвинута",
    async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "roadmap-e2e-")), "с диаграммой.xlsx");
      fs.writeFileSync(file, await richWorkbook(["chart", "pivot"]));
      await openFile(page, file);
      const losses = await page.getByTestId("preview-losses").innerText();
      expectTrue(/сводн\S* таблиц/.test(losses), `предупреждение о сводной таблице: «${losses}»`);
      expectTrue(!/диаграмм/.test(losses), "о диаграмме не предупреждают: она сохранится");
      await shot(page, "preview-losses.png");
      await page.getByTestId("tab-control").click();
      await page.getByTestId("control-add").click();
      await page.getByTestId("control-done").waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("download").click(),
      ]);
      const saved = path.join(path.dirname(file), "result.xlsx");
      await download.saveAs(saved);
      const zip = await JSZip.loadAsync(fs.readFileSync(saved));
      const chart = await zip.file("xl/charts/chart1.xml")?.async("string");
      // The data block F:G right of the table moves by the five control columns to K:L (rich-package.ts).
      expectTrue(chart?.includes("$K$4:$K$6") ?? false, "ссылка диаграммы сдвинута на столбцы контроля");
      await page.getByTestId("tab-recognize").click();
    },
  );

  await step("English: the preview's toolbar and hints, no button inside a button", async () => {
    await page.getByTestId("lang-en").click();
    expectEqual((await page.getByTestId("open-file").innerText()).trim(), "Open .xlsx…", "open button");
    expectEqual(
      (await page.getByTestId("download").innerText()).trim(),
      "Download result",
      "download button",
    );
    expectEqual(
      await page.getByTestId("file-input").getAttribute("aria-label"),
      "Workbook .xlsx to preview",
      "file input",
    );
    expectTrue(/^Opened «/.test(await page.getByTestId("opened").innerText()), "what was opened, in English");
    await check(page);
    const nested = await page.evaluate(
      () => document.querySelectorAll('button button, [role="button"] button, button [role="button"]').length,
    );
    expectEqual(nested, 0, "buttons inside buttons");
    await page.getByTestId("lang-ru").click();
  });
}
