/**
 * Playwright steps of the «Контроль» pane in the preview: open seed 004 (2022: every dated deadline is past),
 * add the control columns, see «Сводка» and its chart; set statuses in the grid with the cells' drop-down, type
 * a completion date and a document, and see «Сводка» change; check the downloaded file holds the entries;
 * click an overdue item to select its row; write the report for 2022-Q2.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { writeWorkbookGrid } from "../../src/xlsx/write";
import { seedFixtures } from "../fixtures/seeds";

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

/** Waits until the summary's bar of `status` shows `text` («2 · 6.5%»): it re-reads after each edit. */
async function waitBar(page: Page, status: string, text: string): Promise<void> {
  await page
    .waitForFunction(
      ([st, want]) =>
        document
          .querySelector(`[data-testid="summary-bar"][data-status="${st}"]`)
          ?.textContent?.replace(/\s+/g, " ")
          .includes(want) ?? false,
      [status, text] as const,
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(
        `«${status || "без статуса"}»: ожидалось «${text}», показано «${await bar(page, status)}»`,
      );
    });
}

const cell = (page: Page, address: string) => page.locator(`[data-testid="grid"] td[data-cell="${address}"]`);

async function waitCell(page: Page, address: string, text: string): Promise<void> {
  await page.waitForFunction(
    // The cell's text, without the drop-down's arrow drawn in a selected list cell.
    ([a, want]) =>
      document.querySelector(`[data-testid="grid"] td[data-cell="${a}"]`)?.firstElementChild?.textContent ===
      want,
    [address, text] as const,
  );
}

/** A status chosen as a user does: select the cell, open its drop-down (Excel's arrow), click the item. */
async function pick(page: Page, address: string, status: string, h?: Helpers): Promise<void> {
  await cell(page, address).click();
  await page.getByTestId("cell-list-button").click();
  await page.getByTestId("cell-dropdown-list").waitFor();
  if (h) await h.shot(page, "preview-dropdown.png");
  await page.getByRole("option", { name: status, exact: true }).click();
  await waitCell(page, address, status);
}

/**
 * Typing into a cell and Enter, as in Excel. F2 first: Playwright sends letters outside the US layout as bare
 * text input, without the key press that starts an edit over a selected cell.
 */
async function type(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  if (!/^[\x20-\x7e]/.test(text)) await page.keyboard.press("F2");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await waitCell(page, address, text);
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

  await step("Контроль: статусы из выпадающего списка в таблице, дата и документ меняют сводку", async () => {
    // Statuses as a user sets them: the cell's drop-down (by mouse and by keyboard), a typed list value.
    await pick(page, "F8", "Выполнено", h);
    await pick(page, "F10", "Выполнено");
    // F11 in the formula bar: typed text over a list cell is checked against the list, its spelling kept.
    await page.keyboard.press("ArrowDown");
    await page.getByTestId("formula-bar").click();
    await page.keyboard.type("в работе");
    await page.keyboard.press("Enter");
    await waitCell(page, "F11", "В работе");
    // F13 by keyboard only: Enter moved the selection to F12; arrow down, Alt+↓ opens the drop-down, End goes to
    // its last item («Отменено»), one up is «Не выполнено», Enter picks it.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Alt+ArrowDown");
    await page.getByTestId("cell-dropdown-list").waitFor();
    for (const key of ["End", "ArrowUp", "Enter"]) await page.keyboard.press(key);
    await waitCell(page, "F13", "Не выполнено");

    // A completion date and a document typed in; a date the validation refuses keeps the cell as it was.
    await type(page, "G8", "25.04.2022");
    await type(page, "H8", "Приказ № 12 от 25.04.2022");
    await type(page, "I8", "=1+2"); // stays text, never a formula
    await cell(page, "G10").click();
    await page.keyboard.type("31.02.2022");
    await page.keyboard.press("Enter");
    const refusal = await page.getByTestId("edit-error").innerText();
    h.expectTrue(refusal.includes("ДД.ММ.ГГГГ"), `отказ: «${refusal}»`);
    await page.keyboard.press("Escape");
    await waitCell(page, "G10", ""); // the refused date left the cell as it was

    // «Сводка» re-reads by itself: 2 done, 1 in progress, 1 not done, 27 without status of 31 (shares by hand).
    await waitBar(page, "Выполнено", "2 · 6.5%");
    await waitBar(page, "В работе", "1 · 3.2%");
    await waitBar(page, "Не выполнено", "1 · 3.2%");
    await waitBar(page, "", "27 · 87.1%");
    h.expectEqual((await page.getByTestId("summary-total").innerText()).trim(), "Мероприятий: 31", "всего");
    await page.getByTestId("summary-overdue").getByTestId("summary-link").first().click();
    await h.shot(page, "control-summary.png");

    // The downloaded file holds the entries: the list value, a real date, the formula-looking text as text.
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await file.path());
    const ws = wb.worksheets.find((w) => w.getCell("F7").value === "Статус")!;
    h.expectEqual(ws.getCell("F8").value, "Выполнено", "F8 в файле");
    h.expectEqual(ws.getCell("F11").value, "В работе", "F11 в файле");
    const done = ws.getCell("G8").value;
    h.expectTrue(done instanceof Date && done.toISOString().startsWith("2022-04-25"), `G8 в файле: ${done}`);
    h.expectEqual(ws.getCell("I8").type, ExcelJS.ValueType.String, "I8 — текст");
    h.expectEqual(ws.getCell("I8").value, "=1+2", "I8 в файле");
  });

  await step("Контроль: отчёт за квартал считает статусы, введённые в таблице", async () => {
    await page.getByTestId("report-quarter").fill("2022-Q2");
    await page.getByTestId("report-write").click();
    await page.getByTestId("control-done").filter({ hasText: "Отчёт 2022-Q2" }).waitFor();
    const tabs = await page
      .getByTestId("sheet-tab")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-name")));
    h.expectTrue(tabs.includes("Отчёт 2022-Q2"), `листы: ${tabs.join(", ")}`);
    // The report's totals (column B, rows 5–12: Не начато … Всего) count the statuses chosen above.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="grid"]')?.getAttribute("data-sheet") === "Отчёт 2022-Q2",
    );
    const totals = [];
    for (let row = 5; row <= 12; row++) totals.push((await cell(page, `B${row}`).innerText()).trim());
    h.expectEqual(totals, ["0", "1", "2", "0", "1", "0", "27", "31"], "итоги отчёта по статусам");
    await h.shot(page, "control-report.png");
  });
}
