/**
 * Playwright steps of the «Свод» pane, after the monitoring steps made the 2022-Q2 monitoring sheet for three
 * schools: download the forms, fill them here as schools would (two of them, one with a numerator above its
 * denominator, plus many resubmitted copies so the progress bar has something to show), pick them, watch the
 * progress move, cancel once, run again, and see the acceptance picture, the chart and «Приём форм».
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import type { Fingerprint } from "../../src/domain/monitoring/fingerprint";
import { fill, typedFor } from "../consolidation/fill-forms";

type Step = (name: string, fn: () => Promise<void>) => Promise<boolean>;
interface Helpers {
  expectEqual<T>(actual: T, expected: T, what: string): void;
  expectTrue(cond: boolean, what: string): void;
  shot(page: Page, name: string): Promise<void>;
}

const COPIES = 150;

async function filledForms(
  page: Page,
): Promise<{ files: { name: string; mimeType: string; buffer: Buffer }[]; faulty: boolean }> {
  await page.getByTestId("tab-monitoring").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("monitoring-forms").click(),
  ]);
  const zip = await JSZip.loadAsync(readFileSync((await download.path()) as string));
  const names = Object.keys(zip.files)
    .filter((n) => n.endsWith(".xlsx"))
    .sort();
  const out: { name: string; mimeType: string; buffer: Buffer }[] = [];
  let faulty = false;
  const mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  for (const [k, name] of names.slice(0, 2).entries()) {
    const bytes = await zip.file(name)!.async("uint8array");
    const fpJson = await fingerprintOf(bytes);
    const typed = typedFor(fpJson, k + 1);
    const share = fpJson.inputs.find((i) => i.part === "numerator");
    if (k === 1 && share) {
      typed[share.indicator] = { numerator: 30, denominator: 10 };
      faulty = true;
    }
    const filledBytes = await fill(bytes, typed, new Date("2022-06-20T10:00:00Z"));
    out.push({ name, mimeType: mime, buffer: Buffer.from(filledBytes) });
    // Older copies of the first school's form: superseded by the one above.
    if (k === 0)
      for (let c = 0; c < COPIES; c++)
        out.push({
          name: `копия-${c + 1}.xlsx`,
          mimeType: mime,
          buffer: Buffer.from(await fill(bytes, typedFor(fpJson, c + 10), new Date("2022-06-01T10:00:00Z"))),
        });
  }
  out.push({ name: "письмо.xlsx", mimeType: mime, buffer: Buffer.from("Форму пришлём позже") });
  return { files: out, faulty };
}

async function fingerprintOf(bytes: Uint8Array): Promise<Fingerprint> {
  const { readReturn } = await import("../../src/returns/read-return");
  const r = await readReturn({ file: "f.xlsx", bytes });
  return JSON.parse(r.fingerprintText ?? "null") as Fingerprint;
}

export async function consolidateSteps(page: Page, step: Step, h: Helpers): Promise<void> {
  await step(
    "Свод: выбор форм, ход чтения, отмена, повторный запуск, картина приёма, диаграмма, «Приём форм»",
    async () => {
      const { files, faulty } = await filledForms(page);
      await page.getByTestId("tab-consolidate").click();
      const input = page.getByTestId("consolidate-files");

      await input.setInputFiles(files);
      await page.getByTestId("consolidate-progress").waitFor();
      await page.getByTestId("consolidate-cancel").click();
      await page.getByTestId("consolidate-done").waitFor();
      const cancelled = await page.getByTestId("consolidate-done").innerText();
      h.expectTrue(cancelled.includes("Отменено"), `отмена: «${cancelled}»`);
      h.expectTrue(
        (
          await page
            .getByTestId("sheet-tab")
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-name")))
        ).every((n) => n !== "Приём форм"),
        "после отмены свод записан",
      );

      await input.setInputFiles(files);
      const seen = new Set<string>();
      const progress = page.getByTestId("consolidate-current");
      for (let i = 0; i < 40 && (await progress.count()); i++) {
        seen.add(await progress.innerText().catch(() => ""));
        await page.waitForTimeout(25);
      }
      h.expectTrue(seen.size > 1, `ход чтения не менялся: ${[...seen].join(" | ")}`);
      await page.getByTestId("consolidate-picture").waitFor({ timeout: 60000 });
      h.expectTrue(
        (await page.getByTestId("consolidate-done").innerText()).includes("Свод за 2022-Q2 записан"),
        "итог свода",
      );
      h.expectEqual(await page.getByTestId("count-received").innerText(), String(files.length), "получено");
      // The second school's numerator above its denominator (when the sample has a share) is a remark.
      h.expectEqual(await page.getByTestId("count-accepted").innerText(), faulty ? "1" : "2", "принято");
      h.expectEqual(await page.getByTestId("count-remarks").innerText(), faulty ? "1" : "0", "с замечаниями");
      h.expectEqual(await page.getByTestId("count-rejected").innerText(), "1", "отклонено");
      h.expectEqual(await page.getByTestId("count-missing").innerText(), "1", "нет формы");
      h.expectTrue((await page.getByTestId("consolidate-bar").count()) > 0, "диаграмма пуста");
      h.expectTrue(
        (await page.getByTestId("consolidate-calls").innerText()).length > 0,
        "список звонков пуст",
      );
      const tabs = await page
        .getByTestId("sheet-tab")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-name")));
      h.expectTrue(tabs.includes("Приём форм") && tabs.includes("Свод 2022-Q2"), `листы: ${tabs.join(", ")}`);
      await h.shot(page, "consolidate.png");
    },
  );
}
