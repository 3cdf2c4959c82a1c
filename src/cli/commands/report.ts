/** `roadmap report <in.xlsx> -o <out.xlsx> --quarter YYYY-QN [--today D] [--json]` (contract). */
import { writeQuarterReport } from "../../app/report";
import { otherNotices } from "../files";
import { printJson, writingCommand } from "../writing";

export const reportCommand = writingCommand({
  name: "report",
  synopsis: "<файл.xlsx> -o <результат.xlsx> --quarter ГГГГ-QN [--today ГГГГ-ММ-ДД] [--json]",
  summary:
    "отчёт о выполнении за квартал: лист «Отчёт ГГГГ-QN» (итоги по статусам, сроки квартала, ответственные)",
  options: ["json", "today", "quarter"],
  required: ["quarter"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  change: ({ host, args, today }) => writeQuarterReport(host, { quarter: args.quarter as string, today }),
  report(outcome, { args, io, host, out }) {
    io.stderr(`${outcome.plan.summary}\n`);
    for (const n of otherNotices(host, outcome.notices)) io.stderr(`${n}\n`);
    if (args.json) printJson(io, outcome.report);
    else io.stdout(`Записано: ${out}\n`);
  },
});
