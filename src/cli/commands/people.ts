/** `roadmap people <in.xlsx> -o <out.xlsx> [--json]` (contract): the sheet «Ответственные» on a file. */
import { writePeopleSheet } from "../../app/people";
import { contractPeople } from "../../domain/people-directory";
import { printJson, writingCommand } from "../writing";

export const peopleCommand = writingCommand({
  name: "people",
  synopsis: "<файл.xlsx> -o <результат.xlsx> [--json]",
  summary:
    "составить справочник ответственных и записать лист «Ответственные» (существующие строки не меняются)",
  options: ["json"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  change: ({ host }) => writePeopleSheet(host),
  report(outcome, { args, io, out }) {
    if (args.json) printJson(io, { people: contractPeople(outcome.directory) });
    else io.stdout(`${outcome.plan.summary}. Записано: ${out}\n`);
  },
});
