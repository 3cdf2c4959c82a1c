/**
 * `roadmap <subcommand>`: dispatch to the subcommand table (src/cli/commands/). Every subcommand calls the same
 * src/app command the task pane calls, through the .xlsx host, so the pane and the CLI give the same result.
 * All I/O comes through CliIo so tests can run it in-process.
 */
import { UserFacingError } from "../domain/host";
import { parseSubcommandArgs } from "./args";
import { SUBCOMMANDS } from "./commands";
import { EXIT_FAIL, EXIT_OK, GENERIC_FAILURE as GENERIC_FAILURE_TEXT, oneLine, type CliIo } from "./io";

export { EXIT_FAIL, EXIT_OK, GENERIC_FAILURE, oneLine, type CliIo, type Subcommand } from "./io";

export function helpText(): string {
  const lines = [
    "roadmap — дорожные карты ШНОР в книгах Excel (.xlsx): проверка, столбцы контроля, мониторинг, свод",
    "",
    "Использование:",
    ...SUBCOMMANDS.map((c) => `  roadmap ${c.name} ${c.synopsis}\n      ${c.summary}`),
    "",
    "Общие параметры:",
    "  --json               один документ JSON в stdout (ход работы — в stderr)",
    "  --today ГГГГ-ММ-ДД   считать сегодняшней эту дату; по умолчанию — текущая дата",
    "  -o <путь>            куда записать результат (исходные файлы не изменяются)",
    "  -h, --help           эта справка",
    "",
    "Коды завершения:",
    "  0  работа выполнена (какие бы замечания ни нашлись)",
    "  2  работу выполнить нельзя (нет файла, не .xlsx, защищён паролем, повреждён, неверные параметры;",
    "     в книге нет дорожной карты для fold, people, annotate, report, нет показателей для indicators и",
    "     monitoring, нет шаблона мониторинга для forms и consolidate): причина — одной строкой в stderr,",
    "     ничего не записано. check на книге без дорожной карты так и сообщает, код 0",
    "",
  ];
  return lines.join("\n");
}

export const USAGE = `Использование: roadmap <${SUBCOMMANDS.map((c) => c.name).join("|")}> … Справка: roadmap --help`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    io.stdout(helpText());
    return EXIT_OK;
  }
  if (argv.length === 0) {
    io.stderr(USAGE + "\n");
    return EXIT_FAIL;
  }
  const [name, ...rest] = argv;
  const sub = SUBCOMMANDS.find((c) => c.name === name);
  if (!sub) {
    io.stderr(oneLine(`Неизвестная команда «${name}». ${USAGE}`) + "\n");
    return EXIT_FAIL;
  }
  const parsed = parseSubcommandArgs(rest, sub);
  if (!parsed.ok) {
    io.stderr(oneLine(parsed.message) + "\n");
    return EXIT_FAIL;
  }
  try {
    return await sub.run(parsed.args, io);
  } catch (e) {
    io.debug?.(e);
    io.stderr(oneLine(e instanceof UserFacingError ? e.message : GENERIC_FAILURE_TEXT) + "\n");
    return EXIT_FAIL;
  }
}
