/**
 * Playwright steps of the «Мониторинг» pane over the preview's sample (sheet «Зея 2022», seed 004: a 2022
 * roadmap whose result column holds two targets, «Прохождение тестирования 100%» and «Прохождение курсовой
 * подготовки 100%»). Pick a quarter, paste schools (one repeated), create the monitoring sheet, download the
 * forms' .zip and count one form per school inside it.
 */
import path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";

type Step = (name: string, fn: () => Promise<void>) => Promise<boolean>;
interface Helpers {
  expectEqual<T>(actual: T, expected: T, what: string): void;
  expectTrue(cond: boolean, what: string): void;
  shot(page: Page, name: string): Promise<void>;
}

const SCHOOLS = ["МОАУ ЦО г. Зеи", 'МОБУ "СОШ № 1": корпус 2', "МОАУ ЦО г. Зеи", "", "МОБУ Лицей"];

export async function monitoringSteps(page: Page, step: Step, h: Helpers): Promise<void> {
  await step(
    "Мониторинг: показатели, лист мониторинга за квартал и архив форм, по форме на школу",
    async () => {
      // A dialog left open by an earlier step must not block this one.
      await page.keyboard.press("Escape");
      await page.getByTestId("tab-monitoring").click();
      await page.getByTestId("monitoring-find").click();
      await page.getByTestId("monitoring-count").waitFor();
      h.expectEqual(
        (await page.getByTestId("monitoring-count").innerText()).trim(),
        "Показателей: 2",
        "показатели",
      );
      await page.getByTestId("monitoring-quarter").fill("2022-Q2");
      // A target changed in the pane is remembered in the workbook and read back.
      const target = page.getByTestId("indicator-target").first();
      await target.fill("90");
      await target.blur();
      await page.getByTestId("monitoring-done").waitFor();
      h.expectTrue(
        (await page.getByTestId("monitoring-done").innerText()).includes("сохранено"),
        "исправление цели",
      );
      await page.getByTestId("monitoring-find").click();
      await page.waitForFunction(
        () =>
          (
            document.querySelector(
              '[data-testid="indicator-target"] input, input[data-testid="indicator-target"]',
            ) as HTMLInputElement | null
          )?.value === "90",
      );
      // Each indicator card fits the pane: the target field is whole inside its card, the card inside the pane.
      const overflow = await page.evaluate(() => {
        const pane = document.querySelector('[data-testid="taskpane"]')!.getBoundingClientRect();
        return [...document.querySelectorAll('[data-testid="indicator"]')].flatMap((card) => {
          const box = card.getBoundingClientRect();
          const target = card.querySelector('[data-testid="indicator-target"]')!.getBoundingClientRect();
          const bad = target.right > box.right + 0.5 || box.right > pane.right + 0.5 || target.width < 60;
          return bad
            ? [
                `карточка ${Math.round(box.right)}, цель ${Math.round(target.right)}/${Math.round(target.width)}, панель ${Math.round(pane.right)}`,
              ]
            : [];
        });
      });
      h.expectEqual(overflow, [], "карточки показателей в ширину панели");
      await page.getByTestId("indicator").last().scrollIntoViewIfNeeded();
      await h.shot(page, "monitoring-cards.png");
      await page.getByTestId("monitoring-schools").fill(SCHOOLS.join("\n"));
      await page.getByTestId("monitoring-create").click();
      await page.getByTestId("monitoring-done").waitFor();
      const done = await page.getByTestId("monitoring-done").innerText();
      h.expectTrue(done.includes("Мониторинг 2022-Q2") && done.includes("школ 3"), `итог: «${done}»`);
      h.expectTrue(
        (await page.getByTestId("monitoring-warnings").innerText()).includes("повторяется"),
        "нет предупреждения о повторе",
      );
      const tabs = await page
        .getByTestId("sheet-tab")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-name")));
      h.expectTrue(
        tabs.includes("Мониторинг 2022-Q2") && tabs.includes("Мероприятия 2022-Q2"),
        `листы: ${tabs.join(", ")}`,
      );
      await h.shot(page, "monitoring.png");
      // The result said earlier follows a change of language.
      await page.getByTestId("lang-en").click();
      const doneEn = await page.getByTestId("monitoring-done").innerText();
      h.expectTrue(doneEn.startsWith("Done: sheets «Мониторинг 2022-Q2»"), `итог по-английски: «${doneEn}»`);
      await h.shot(page, "monitoring-en.png");
      await page.getByTestId("lang-ru").click();

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("monitoring-forms").click(),
      ]);
      h.expectEqual(download.suggestedFilename(), "Формы 2022-Q2.zip", "имя архива");
      const file = await download.path();
      h.expectTrue(Boolean(file), "архив не сохранён");
      const { readFileSync } = await import("node:fs");
      const zip = await JSZip.loadAsync(readFileSync(file as string));
      const names = Object.keys(zip.files)
        .filter((n) => n.endsWith(".xlsx"))
        .sort();
      h.expectEqual(
        names,
        ["МОАУ ЦО г. Зеи.xlsx", "МОБУ Лицей.xlsx", "МОБУ СОШ № 1 корпус 2.xlsx"],
        "формы в архиве",
      );
      h.expectTrue(
        names.every((n) => path.basename(n) === n),
        "файлы в подпапках",
      );
    },
  );
}
