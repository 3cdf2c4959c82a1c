/**
 * Playwright steps of the «Контроль» pane in the preview: open seed 004 (2022: every dated deadline is past),
 * add the control columns, see «Сводка» and its chart; open the same roadmap with statuses typed in and see
 * «Сводка» change; click an overdue item to select its row; write the report for 2022-Q2.
 * The preview's grid has no cell editing, so the statuses come typed in a file rather than from the drop-down.
 */
import type { Page } from "playwright-core";
import { writeWorkbookGrid } from "../../src/xlsx/write";
import { seedFixtures } from "../fixtures/seeds";
import { seed004WithStatuses } from "../control/seed-statuses";

type Step = (name: string, fn: () => Promise<void>) => Promise<boolean>;
interface Helpers {
  expectEqual<T>(actual: T, expected: T, what: string): void;
  expectTrue(cond: boolean, what: string): void;
  shot(page: Page, name: string): Promise<void>;
}

/** Opens workbook bytes through the toolbar, agreeing to drop unsaved changes; waits for its grid. */
async function open(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const accept = (d: { accept: () => Promise<void> }) => void d.accept().catch(() => undefined);
  page.once("dialog", accept);
  await page.getByTestId("file-input").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(bytes),
  });
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="opened"]')?.textContent?.includes(n) ?? false,
    name,
  );
  page.off("dialog", accept);
  await page.locator('[data-testid="grid"] td').first().waitFor();
}

async function bar(page: Page, status: string): Promise<string> {
  const text = await page.locator(`[data-testid="summary-bar"][data-status="${status}"]`).innerText();
  return text.replace(/\s+/g, " ");
}

export async function controlSteps(page: Page, step: Step, h: Helpers): Promise<void> {
  await step("Контроль: столбцы контроля, сводка с диаграммой", async () => {
    const seed = seedFixtures().find((f) => f.id === "004-clean")!.workbook;
    await open(page, "zeya.xlsx", await writeWorkbookGrid(seed, { realDates: true }));
    await page.getByTestId("tab-control").click();
    await page.getByTestId("control-add").click();
    await page.getByTestId("control-done").waitFor();
    const done = await page.getByTestId("control-done").innerText();
    h.expectTrue(done.includes("«Статус»") && done.includes("«Контрольный срок»"), `итог: «${done}»`);
    await page.getByTestId("summary-chart").waitFor();
    h.expectEqual((await page.getByTestId("summary-total").innerText()).trim(), "Мероприятий: 31", "всего");
    h.expectTrue((await bar(page, "")).includes("31 · 100%"), "все без статуса");
    await h.shot(page, "control.png");
  });

  await step("Контроль: статусы меняют сводку, просроченное выделяет строку, отчёт за квартал", async () => {
    await open(page, "zeya-status.xlsx", await writeWorkbookGrid(seed004WithStatuses(), { realDates: true }));
    await page.getByTestId("tab-control").click();
    await page.getByTestId("summary-refresh").click();
    await page.getByTestId("summary-chart").waitFor();
    const doneBar = await bar(page, "Выполнено");
    h.expectTrue(doneBar.includes("3 · 9.7%"), `выполнено: ${doneBar}`);
    h.expectTrue((await bar(page, "Не выполнено")).includes("2 · 6.5%"), "не выполнено");
    await page.getByTestId("summary-overdue").getByTestId("summary-link").first().click();
    await h.shot(page, "control-summary.png");
    await page.getByTestId("report-quarter").fill("2022-Q2");
    await page.getByTestId("report-write").click();
    await page.getByTestId("control-done").filter({ hasText: "Отчёт 2022-Q2" }).waitFor();
    const tabs = await page
      .getByTestId("sheet-tab")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-name")));
    h.expectTrue(tabs.includes("Отчёт 2022-Q2"), `листы: ${tabs.join(", ")}`);
    await h.shot(page, "control-report.png");
  });
}
