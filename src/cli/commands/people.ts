/** `roadmap people <in.xlsx> -o <out.xlsx> [--json]` (contract): the sheet «Ответственные» on a file. */
import { writePeopleSheet } from "../../app/people";
import { contractPeople } from "../../domain/people-directory";
import { openWorkbook, outputPath, saveWorkbook } from "../files";
import { EXIT_OK, type Subcommand } from "../io";

export const peopleCommand: Subcommand = {
  name: "people",
  synopsis: "<файл.xlsx> -o <результат.xlsx> [--json]",
  summary:
    "составить справочник ответственных и записать лист «Ответственные» (существующие строки не меняются)",
  options: ["json", "out"],
  required: ["out"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  async run(args, io) {
    const input = args.positional[0];
    const out = outputPath(io, args.out as string, [input]);
    const host = await openWorkbook(io, input);
    const outcome = await writePeopleSheet(host);
    await saveWorkbook(io, host, out);
    if (args.json) {
      const people = contractPeople(outcome.directory);
      io.stdout(JSON.stringify({ people }, null, 2) + "\n");
    } else io.stdout(`${outcome.plan.summary}. Записано: ${out}\n`);
    return EXIT_OK;
  },
};
