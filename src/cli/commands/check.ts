/** `roadmap check <file.xlsx|dir>… [--json] [--today D] [-o summary.xlsx]` (contract; issue 13 for many files). */
import { z } from "zod";
import { check } from "../../app/check";
import { planCheckSummary, type CheckedFile } from "../../domain/check-summary";
import { UserFacingError, type WorkbookHost } from "../../domain/host";
import { CheckReport, RoadmapTable } from "../../domain/model";
import { XlsxWorkbookHost } from "../../xlsx/host";
import { expandInputs, openWorkbook, outputPath, saveWorkbook } from "../files";
import { formatTextReport } from "../report";
import { EXIT_FAIL, EXIT_OK, oneLine, type CliIo, type Subcommand } from "../io";

/**
 * The contract's `check` document: exactly its fields. A table read in parts keeps `parts` for the pane and the
 * indicator finder, but the contract names no such field, so the document leaves it out (zod drops unknown keys).
 */
const ContractCheckReport = CheckReport.extend({ tables: z.array(RoadmapTable.omit({ parts: true })) });

/** The contract's `check` document of a workbook, with the notices for the text report. */
export async function checkReport(host: WorkbookHost, file: string, today: string) {
  const outcome = await check(host, { today });
  const report: CheckReport = ContractCheckReport.parse({
    file,
    tables: outcome.recognised.tables,
    findings: outcome.findings,
  });
  return { report, notices: outcome.recognised.notices };
}

export const checkCommand: Subcommand = {
  name: "check",
  synopsis: "<файл.xlsx|папка>… [--json] [--today ГГГГ-ММ-ДД] [-o сводка.xlsx]",
  summary:
    "найти и проверить дорожные карты (сроки, ответственные, нумерация, статусы); несколько файлов или папка — сводка по каждому",
  options: ["json", "today", "out"],
  positional: { min: 1, max: null, what: "файл .xlsx или папка" },
  async run(args, io) {
    const today = args.today ?? io.today();
    const many =
      args.positional.length > 1 || args.out !== null || (await io.listFolder(args.positional[0])) !== null;
    if (!many) {
      const file = args.positional[0];
      const { report, notices } = await checkReport(
        await openWorkbook(io, file, true),
        io.baseName(file),
        today,
      );
      io.stdout(
        args.json ? JSON.stringify(report, null, 2) + "\n" : formatTextReport(report, { today, notices }),
      );
      return EXIT_OK;
    }
    return checkMany(args.positional, args.json, args.out, today, io);
  },
};

async function checkMany(
  paths: readonly string[],
  json: boolean,
  out: string | null,
  today: string,
  io: CliIo,
): Promise<number> {
  const files = await expandInputs(io, paths);
  if (files.length === 0) throw new UserFacingError(`В папке нет файлов для проверки: ${paths.join(", ")}`);
  const target = out === null ? null : outputPath(io, out, files);
  const checked: CheckedFile[] = [];
  const texts: string[] = [];
  for (const [i, file] of files.entries()) {
    io.stderr(`Файл ${i + 1} из ${files.length}: ${file}\n`);
    try {
      const { report, notices } = await checkReport(
        await openWorkbook(io, file, true),
        io.baseName(file),
        today,
      );
      checked.push({ path: file, report, error: null });
      if (!json) texts.push(formatTextReport(report, { today, notices }));
    } catch (e) {
      if (!(e instanceof UserFacingError)) io.debug?.(e);
      const error = oneLine(
        e instanceof UserFacingError ? e.message : "внутренняя ошибка программы при чтении файла",
      );
      checked.push({ path: file, report: null, error });
      io.stderr(`${file}: ${error}\n`);
      if (!json) texts.push(`Файл: ${io.baseName(file)}\nНе прочитан: ${error}\n`);
    }
  }
  const read = checked.filter((c) => c.report);
  if (target !== null && read.length > 0) {
    const summary = XlsxWorkbookHost.empty("сводка.xlsx");
    await summary.apply(planCheckSummary(checked));
    await saveWorkbook(io, summary, target);
  }
  if (json)
    io.stdout(
      JSON.stringify(
        checked.map((c) => c.report ?? { file: io.baseName(c.path), error: c.error }),
        null,
        2,
      ) + "\n",
    );
  else io.stdout(texts.join("\n" + "—".repeat(40) + "\n\n"));
  return read.length > 0 ? EXIT_OK : EXIT_FAIL;
}
