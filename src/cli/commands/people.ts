/** `roadmap people <in.xlsx> -o <out.xlsx> [--json]` (contract): the sheet «Ответственные» on a file. */
import { writePeopleSheet } from "../../app/people";
import { recognise } from "../../app/recognise";
import { UserFacingError } from "../../domain/host";
import { contractPeople } from "../../domain/people-directory";
import { printJson, writingCommand } from "../writing";

const NO_ROADMAP_PEOPLE =
  "В книге не найдено ни одной таблицы дорожной карты: ответственных брать неоткуда. Проверьте, что таблица вставлена вместе с шапкой.";

export const peopleCommand = writingCommand({
  name: "people",
  synopsis: "<файл.xlsx> -o <результат.xlsx> [--json]",
  summary:
    "составить справочник ответственных и записать лист «Ответственные» (существующие строки не меняются)",
  options: ["json"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  async change({ host }) {
    const recognised = await recognise(host);
    // Contract: a command that needs a roadmap, given a workbook without one, is refused (exit 2, nothing written).
    if (recognised.tables.length === 0) throw new UserFacingError(NO_ROADMAP_PEOPLE);
    return writePeopleSheet(host, recognised);
  },
  report(outcome, { args, io, out }) {
    if (args.json) printJson(io, { people: contractPeople(outcome.directory) });
    else io.stdout(`${outcome.plan.summary}. Записано: ${out}\n`);
  },
});
