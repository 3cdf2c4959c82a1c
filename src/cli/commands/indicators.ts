/** `roadmap indicators <workbook.xlsx> [--json]` (contract): the indicator lists found in the workbook. */
import { indicators } from "../../app/indicators";
import { openWorkbook } from "../files";
import { EXIT_OK, type Subcommand } from "../io";
import { printJson } from "../writing";

const TYPE_RU = {
  share: "доля",
  count: "количество",
  number: "число",
  yesno: "да/нет",
  dynamics: "динамика",
  text: "текст",
};

/** A value in the readable report: «3,1», the Russian decimal comma (JSON keeps numbers as numbers). */
export function ruValue(v: string | number | boolean): string {
  return typeof v === "number"
    ? v.toLocaleString("ru-RU", { maximumFractionDigits: 10, useGrouping: false })
    : String(v);
}

export const indicatorsCommand: Subcommand = {
  name: "indicators",
  synopsis: "<файл.xlsx> [--json]",
  summary: "найти показатели (перечни, таблицы с целями по годам, цели в столбце результатов)",
  options: ["json"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  async run(args, io) {
    const host = await openWorkbook(io, args.positional[0], true);
    const outcome = await indicators(host);
    for (const w of outcome.warnings) io.stderr(w + "\n");
    if (args.json) {
      printJson(io, { indicators: outcome.indicators });
      return EXIT_OK;
    }
    const lines = outcome.indicators.map((i) => {
      const targets = Object.entries(i.targets)
        .map(([y, v]) => `${y}: ${ruValue(v)}`)
        .join(", ");
      const dir = i.direction === "lower" ? "лучше меньше" : i.direction === "higher" ? "лучше больше" : "";
      return `${i.id}  ${i.text}\n      ${TYPE_RU[i.type]}${i.unit ? `, ${i.unit}` : ""}${dir ? `; ${dir}` : ""}${i.base !== null ? `; база ${ruValue(i.base)}` : ""}${targets ? `; цели ${targets}` : ""}; ${i.sheet}!${i.cell}`;
    });
    io.stdout(`Показателей: ${outcome.indicators.length}\n${lines.join("\n")}\n`);
    return EXIT_OK;
  },
};
