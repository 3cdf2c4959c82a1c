/**
 * Playwright steps of typing in the preview's grid beyond «Контроль»'s: a status cell holding a value outside its
 * list (an old status) keeps it when a keyboard user opens the drop-down and presses Enter; a locked cell of a
 * protected sheet is refused in the pane's language.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";

type Step = (name: string, fn: () => Promise<void>) => Promise<boolean>;
interface Helpers {
  expectEqual<T>(actual: T, expected: T, what: string): void;
}

const STATUSES = ["Не начато", "В работе", "Выполнено", "Не выполнено"];

/** A roadmap whose «Статус» has a drop-down and, in E4, a status typed before the list existed. */
async function oldStatusBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  ws.getCell("A1").value = "Дорожная карта на 2023 год";
  ["№", "Мероприятие", "Сроки", "Ответственные", "Статус"].forEach(
    (h, i) => (ws.getCell(2, i + 1).value = h),
  );
  for (let r = 3; r <= 5; r++) {
    ws.getCell(r, 1).value = `${r - 2}.`;
    ws.getCell(r, 2).value = `Мероприятие ${r - 2}`;
    ws.getCell(r, 3).value = "Май 2023";
    ws.getCell(r, 4).value = "Огурцова Т.Н.";
    ws.getCell(r, 5).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${STATUSES.join(",")}"`],
    };
  }
  ws.getCell("E3").value = "Выполнено";
  ws.getCell("E4").value = "выполнено частично";
  const locked = wb.addWorksheet("Защищён");
  locked.getCell("A1").value = "закрыто";
  await locked.protect("", {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function cellEditingSteps(page: Page, step: Step, h: Helpers): Promise<void> {
  await step("Ввод: Enter в открытом списке оставляет в ячейке статус не из списка", async () => {
    const accept = (d: { accept: () => Promise<void> }) => void d.accept().catch(() => undefined);
    page.once("dialog", accept);
    await page.getByTestId("file-input").setInputFiles({
      name: "old-status.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await oldStatusBook()),
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="opened"]')?.textContent?.includes("old-status") ?? false,
    );
    page.off("dialog", accept);
    const text = (a: string) =>
      page
        .locator(`[data-testid="grid"] td[data-cell="${a}"]`)
        .evaluate((e) => e.firstElementChild?.textContent?.trim() ?? "");
    await page.locator('[data-testid="grid"] td[data-cell="E4"]').click();
    await page.keyboard.press("Alt+ArrowDown");
    await page.getByTestId("cell-dropdown-list").waitFor();
    await page.keyboard.press("Enter");
    await page.getByTestId("cell-dropdown-list").waitFor({ state: "detached" });
    h.expectEqual(await text("E4"), "выполнено частично", "E4 после Enter");
    h.expectEqual(await text("E3"), "Выполнено", "E3");
  });

  await step("Ввод: отказ в ячейке защищённого листа на английском, когда панель на английском", async () => {
    await page.locator('[data-testid="sheet-tab"][data-name="Защищён"]').click();
    await page.getByTestId("lang-en").click();
    try {
      await page.locator('[data-testid="grid"][data-sheet="Защищён"] td[data-cell="A1"]').click();
      await page.keyboard.press("F2");
      const refusal = await page.getByTestId("edit-error").innerText();
      h.expectEqual(
        refusal.replace(/\s+/g, " ").replace(" ✕", "").trim(),
        "The sheet is protectedThe cell is on the protected sheet «Защищён» and is not open for entry. To change it, unprotect the sheet (Review → Unprotect Sheet).",
        "отказ",
      );
    } finally {
      await page
        .getByTestId("edit-error-dismiss")
        .click()
        .catch(() => undefined);
      await page.getByTestId("lang-ru").click();
    }
  });
}
