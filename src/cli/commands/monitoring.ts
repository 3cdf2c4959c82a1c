/**
 * `roadmap monitoring <workbook.xlsx> --quarter YYYY-QN --schools <list.txt> -o <monitoring.xlsx> [--json]`
 * (contract): the monitoring sheets for a quarter. Without --schools, the schools listed in the workbook.
 */
import { plural } from "../../domain/ru/plural";
import { createMonitoring, quarterOrThrow, templateJson } from "../../app/monitoring";
import { UserFacingError } from "../../domain/host";
import { parseSchoolList, schoolsFromWorkbook } from "../../domain/monitoring";
import { decodeTextFile } from "../text-file";
import { printJson, writingCommand } from "../writing";

export const monitoringCommand = writingCommand({
  name: "monitoring",
  synopsis: "<файл.xlsx> --quarter ГГГГ-QN --schools <список.txt> -o <мониторинг.xlsx> [--json]",
  summary:
    "создать листы мониторинга квартала: показатели × школы с целями и формулами, мероприятия квартала",
  options: ["json", "quarter", "schools"],
  required: ["quarter"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  otherInputs: async (args) => (args.schools ? [args.schools] : []),
  precheck: (args) => void quarterOrThrow(args.quarter as string),
  async change({ args, io, host }) {
    let schools: string[];
    // Warnings are printed once the work is done: a refusal is one line on stderr, nothing else.
    const warnings: string[] = [];
    if (args.schools) {
      const text = decodeTextFile(await io.readFile(args.schools), args.schools);
      const list = parseSchoolList(text);
      warnings.push(...list.warnings.map((w) => `${args.schools}: ${w}`));
      schools = list.schools;
    } else {
      schools = schoolsFromWorkbook(await host.readWorkbook()).schools;
    }
    if (!schools.length)
      throw new UserFacingError(
        args.schools
          ? `Список школ «${args.schools}» пуст: укажите по одной школе в строке.`
          : "Не указан список школ (--schools <список.txt>), и в книге его нет.",
      );
    const result = await createMonitoring(host, { quarter: args.quarter as string, schools });
    return { result, warnings };
  },
  report({ result, warnings }, { args, io, out }) {
    for (const w of [...warnings, ...result.warnings]) io.stderr(w + "\n");
    const t = result.template;
    if (args.json) printJson(io, templateJson(t));
    else
      io.stdout(
        `Шаблон ${t.id}, версия ${t.version}: ${plural(t.indicators.length, "показатель", "показателя", "показателей")}, ${plural(t.schools.length, "школа", "школы", "школ")}, ${plural(t.activities.length, "мероприятие", "мероприятия", "мероприятий")} квартала. Записано: ${out}\n`,
      );
  },
});
