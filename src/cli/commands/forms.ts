/** `roadmap forms <monitoring.xlsx> -o <dir> [--json]` (contract): one .xlsx per school in <dir>. */
import path from "node:path";
import { makeForms } from "../../app/forms";
import { UserFacingError } from "../../domain/host";
import { templateJson } from "../../app/monitoring";
import { XlsxWorkbookHost } from "../../xlsx/host";
import { openWorkbook } from "../files";
import { EXIT_OK, type CliIo, type Subcommand } from "../io";
import { writeAllOrNothing } from "../write-set";

/** -o must be a folder, or a path where one can be made: refused up front when it, or a folder above it, is a file. */
async function checkFormsFolder(io: CliIo, dir: string): Promise<void> {
  for (let at = dir; ; at = path.dirname(at)) {
    if ((await io.listFolder(at)) !== null) return;
    if ((await io.mtime(at)) !== null)
      throw new UserFacingError(
        at === dir
          ? `В -o указан файл «${dir}», а формы пишутся в папку: укажите папку (её создадут, если её нет).`
          : `Папку «${dir}» создать нельзя: «${at}» — файл, а не папка. Укажите в -o другую папку.`,
      );
    if (path.dirname(at) === at) return;
  }
}

export const formsCommand: Subcommand = {
  name: "forms",
  synopsis: "<мониторинг.xlsx> -o <папка> [--json]",
  summary: "сделать формы для школ: по файлу .xlsx на школу, с защитой, проверкой ввода и отпечатком шаблона",
  options: ["json", "out", "quarter"],
  required: ["out"],
  positional: { min: 1, max: 1, what: "файл мониторинга .xlsx" },
  async run(args, io) {
    const dir = (args.out as string).replace(/[\\/]+$/, "");
    await checkFormsFolder(io, dir);
    const host = await openWorkbook(io, args.positional[0], true);
    const outcome = await makeForms(host, (name) => XlsxWorkbookHost.empty(name), {
      quarter: args.quarter ?? undefined,
      onProgress: (done, total) => {
        if (done === total || done % 50 === 0) io.stderr(`Формы: ${done} из ${total}\n`);
      },
    });
    // Every form is built before the first is written, and the set is written all or nothing (write-set.ts):
    // a failure part-way leaves the folder as it was, never a half set that could be sent out.
    const files = outcome.forms.map((f) => ({ ...f, path: `${dir}/${f.fileName}` }));
    await writeAllOrNothing(io, dir, files);
    if (args.json) {
      io.stdout(
        JSON.stringify(
          {
            ...templateJson(outcome.template),
            forms: files.map((f) => ({
              school: f.school,
              file: f.path,
              inputs: f.fingerprint.inputs.map(({ indicator, part, sheet, cell, type }) => ({
                indicator,
                part,
                sheet,
                cell,
                type,
              })),
              activityInputs: f.fingerprint.activityInputs.map(
                ({ activity, sheet, status, evidence, comment }) => ({
                  activity,
                  sheet,
                  status,
                  evidence,
                  comment,
                }),
              ),
            })),
          },
          null,
          2,
        ) + "\n",
      );
    } else
      io.stdout(
        `Форм: ${files.length} (шаблон ${outcome.template.id}, версия ${outcome.template.version}). Папка: ${dir}\n`,
      );
    return EXIT_OK;
  },
};
