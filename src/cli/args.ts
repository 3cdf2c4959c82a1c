/** Command line of `roadmap`: parsed into what to do, or a one-line Russian usage error. */
export const USAGE =
  "Использование: roadmap check <файл.xlsx> [--json] [--today ГГГГ-ММ-ДД]. Справка: roadmap --help";

export const HELP = `roadmap — проверка дорожных карт в книгах Excel (.xlsx)

Использование:
  roadmap check <файл.xlsx> [--json] [--today ГГГГ-ММ-ДД]
  roadmap consolidate <мониторинг.xlsx> <форма.xlsx|папка>… -o <свод.xlsx> [--json]

Команда check находит на всех видимых листах книги таблицы дорожных карт, читает мероприятия,
сроки и ответственных и проверяет их (сроки вне периода, неясные ответственные, пропуски нумерации…).

Параметры:
  --json               вывести один документ JSON (таблицы и замечания) вместо текстового отчёта
  --today ГГГГ-ММ-ДД   считать сегодняшней эту дату (для просроченных сроков); по умолчанию — текущая дата
  -h, --help           эта справка

Коды завершения:
  0  книга прочитана (какие бы замечания ни нашлись)
  2  книгу прочитать не удалось или команда задана неверно (причина — одной строкой в stderr)
`;

export type CliCommand =
  | { kind: "help" }
  | { kind: "check"; file: string; json: boolean; today: string | null }
  | { kind: "error"; message: string };

/** "2024-02-30" is not a date: check the calendar, not only the shape. */
export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

export function parseArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0) return { kind: "error", message: USAGE };
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") return { kind: "help" };
  const [command, ...rest] = argv;
  if (command !== "check") {
    return { kind: "error", message: `Неизвестная команда «${command}». ${USAGE}` };
  }
  let json = false;
  let today: string | null = null;
  const files: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (onlyFiles || !a.startsWith("-") || a === "-") {
      files.push(a);
    } else if (a === "--") {
      onlyFiles = true;
    } else if (a === "--json") {
      json = true;
    } else if (a === "--today" || a.startsWith("--today=")) {
      const value = a === "--today" ? rest[++i] : a.slice("--today=".length);
      if (value === undefined || value === "")
        return {
          kind: "error",
          message: `После --today нужна дата ГГГГ-ММ-ДД, например 2024-03-15. ${USAGE}`,
        };
      if (!isRealIsoDate(value))
        return {
          kind: "error",
          message: `Неверная дата в --today: «${value}»; нужна дата ГГГГ-ММ-ДД, например 2024-03-15.`,
        };
      today = value;
    } else {
      return { kind: "error", message: `Неизвестный параметр «${a}». ${USAGE}` };
    }
  }
  if (files.length === 0) return { kind: "error", message: `Не указан файл. ${USAGE}` };
  if (files.length > 1)
    return { kind: "error", message: `Укажите один файл, а не ${files.length}. ${USAGE}` };
  return { kind: "check", file: files[0], json, today };
}
