/** `roadmap annotate <in.xlsx> -o <out.xlsx> [--today D] [--json]` (contract): the control columns on a file. */
import { addControlColumns } from "../../app/annotate";
import { otherNotices } from "../files";
import { printJson, writingCommand } from "../writing";
import { checkReport } from "./check";

export const annotateCommand = writingCommand({
  name: "annotate",
  synopsis: "<файл.xlsx> -o <результат.xlsx> [--today ГГГГ-ММ-ДД] [--json]",
  summary:
    "добавить к дорожным картам столбцы контроля («Статус», «Дата выполнения», «Подтверждающий документ», «Комментарий», «Контрольный срок») и цветовые сигналы сроков",
  options: ["json", "today"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  change: ({ host }) => addControlColumns(host),
  async report(outcome, { args, io, host, out, today }) {
    io.stderr(`${outcome.annotate.plan.summary}\n`);
    for (const n of otherNotices(host, outcome.notices)) io.stderr(`${n}\n`);
    if (args.json) printJson(io, (await checkReport(host, io.baseName(out), today)).report);
    else io.stdout(`${outcome.written ? "Записано" : "Изменений нет, записана копия"}: ${out}\n`);
  },
});
