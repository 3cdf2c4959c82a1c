/** `roadmap report <in.xlsx> -o <out.xlsx> --quarter YYYY-QN [--today D] [--json]` (contract). */
import { writeQuarterReport } from "../../app/report";
import { openWorkbook, otherNotices, outputPath, saveWorkbook } from "../files";
import { EXIT_OK, type Subcommand } from "../io";

export const reportCommand: Subcommand = {
  name: "report",
  synopsis: "<файл.xlsx> -o <результат.xlsx> --quarter ГГГГ-QN [--today ГГГГ-ММ-ДД] [--json]",
  summary:
    "отчёт о выполнении за квартал: лист «Отчёт ГГГГ-QN» (итоги по статусам, сроки квартала, ответственные)",
  options: ["json", "today", "out", "quarter"],
  required: ["out", "quarter"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  async run(args, io) {
    const input = args.positional[0];
    const out = outputPath(io, args.out as string, [input]);
    const today = args.today ?? io.today();
    const host = await openWorkbook(io, input);
    const outcome = await writeQuarterReport(host, { quarter: args.quarter as string, today });
    await saveWorkbook(io, host, out);
    io.stderr(`${outcome.plan.summary}\n`);
    for (const n of otherNotices(host, outcome.notices)) io.stderr(`${n}\n`);
    if (args.json) io.stdout(JSON.stringify(outcome.report, null, 2) + "\n");
    else io.stdout(`Записано: ${out}\n`);
    return EXIT_OK;
  },
};
