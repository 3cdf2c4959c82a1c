/** `roadmap annotate <in.xlsx> -o <out.xlsx> [--today D] [--json]` (contract): the control columns on a file. */
import { addControlColumns } from "../../app/annotate";
import { openWorkbook, otherNotices, outputPath, saveWorkbook } from "../files";
import { EXIT_OK, type Subcommand } from "../io";
import { checkReport } from "./check";

export const annotateCommand: Subcommand = {
  name: "annotate",
  synopsis: "<файл.xlsx> -o <результат.xlsx> [--today ГГГГ-ММ-ДД] [--json]",
  summary:
    "добавить к дорожным картам столбцы контроля («Статус», «Дата выполнения», «Подтверждающий документ», «Комментарий», «Контрольный срок») и цветовые сигналы сроков",
  options: ["json", "today", "out"],
  required: ["out"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  async run(args, io) {
    const input = args.positional[0];
    const out = outputPath(io, args.out as string, [input]);
    const today = args.today ?? io.today();
    const host = await openWorkbook(io, input);
    const outcome = await addControlColumns(host);
    await saveWorkbook(io, host, out);
    io.stderr(`${outcome.annotate.plan.summary}\n`);
    for (const n of otherNotices(host, outcome.notices)) io.stderr(`${n}\n`);
    if (args.json) {
      const { report } = await checkReport(host, io.baseName(out), today);
      io.stdout(JSON.stringify(report, null, 2) + "\n");
    } else io.stdout(`${outcome.written ? "Записано" : "Изменений нет, записана копия"}: ${out}\n`);
    return EXIT_OK;
  },
};
