/**
 * The command line of `roadmap <subcommand> …`: one parser for every subcommand. Each subcommand declares the
 * options it takes (src/cli/commands/); anything else is a one-line Russian usage error.
 */
export type OptionName = "json" | "today" | "out" | "quarter" | "schools";

export interface ParsedArgs {
  positional: string[];
  json: boolean;
  today: string | null;
  out: string | null;
  quarter: string | null;
  schools: string | null;
}

export interface ArgsSpec {
  /** Subcommand name, for messages. */
  name: string;
  /** "<файл.xlsx> [--json] [--today ГГГГ-ММ-ДД]" */
  synopsis: string;
  options: readonly OptionName[];
  positional: { min: number; max: number | null; what: string };
  /** Options that must be given. */
  required?: readonly OptionName[];
}

const SPELLINGS: Record<string, OptionName> = {
  "--json": "json",
  "--today": "today",
  "-o": "out",
  "--out": "out",
  "--output": "out",
  "--quarter": "quarter",
  "--schools": "schools",
};

const VALUE_HINT: Record<Exclude<OptionName, "json">, string> = {
  today: "дата ГГГГ-ММ-ДД, например 2024-03-15",
  out: "путь к файлу или папке результата",
  quarter: "квартал ГГГГ-QN, например 2024-Q1",
  schools: "файл со списком школ (по одной в строке)",
};

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

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

export function parseSubcommandArgs(argv: readonly string[], spec: ArgsSpec): ParseResult {
  const usage = `Использование: roadmap ${spec.name} ${spec.synopsis}. Справка: roadmap --help`;
  const fail = (message: string): ParseResult => ({ ok: false, message: `${message} ${usage}` });
  const args: ParsedArgs = {
    positional: [],
    json: false,
    today: null,
    out: null,
    quarter: null,
    schools: null,
  };
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositional || !a.startsWith("-") || a === "-") {
      args.positional.push(a);
      continue;
    }
    if (a === "--") {
      onlyPositional = true;
      continue;
    }
    const eq = a.indexOf("=");
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const name = SPELLINGS[flag];
    // --today is common to every subcommand (contract, «Common to every subcommand»): where nothing depends on the
    // date it is accepted and changes nothing, so one script can pass it to every command.
    if (!name || !(spec.options.includes(name) || name === "today"))
      return fail(`Неизвестный параметр «${a}».`);
    if (name === "json") {
      args.json = true;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "")
      return fail(`После ${flag} ${name === "today" ? "нужна" : "нужен"} ${VALUE_HINT[name]}.`);
    if (name === "today" && !isRealIsoDate(value))
      return {
        ok: false,
        message: `Неверная дата в --today: «${value}»; нужна дата ГГГГ-ММ-ДД, например 2024-03-15.`,
      };
    args[name] = value;
  }
  for (const name of spec.required ?? [])
    if (args[name] === null || args[name] === false)
      return fail(
        `Не указан параметр ${name === "out" ? "-o" : `--${name}`} (${VALUE_HINT[name as Exclude<OptionName, "json">] ?? ""}).`,
      );
  const n = args.positional.length;
  if (n < spec.positional.min) return fail(`Не указан ${spec.positional.what}.`);
  if (spec.positional.max !== null && n > spec.positional.max)
    return fail(`Лишние аргументы: ${args.positional.slice(spec.positional.max).join(" ")}.`);
  return { ok: true, args };
}
