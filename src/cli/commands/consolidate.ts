/**
 * `roadmap consolidate <monitoring.xlsx> <return.xlsx|dir>… -o <svod.xlsx> [--json]` (../shared/contract.md):
 * reads the returned forms on every core (src/returns/pool.ts), consolidates them into a copy of the
 * monitoring workbook (src/app/consolidate.ts) and writes it to -o. Progress on stderr; with --json the
 * contract's document on stdout and nothing else. A return that cannot be read is rejected with its reason
 * and the rest go on; a missing input, a bad monitoring workbook or bad arguments: exit 2, nothing written.
 */
import { consolidateReturns, loadTemplate, type ConsolidateResult } from "../../app/consolidate";
import { VERDICT_RU } from "../../domain/consolidation/record";
import { UserFacingError } from "../../domain/host";
import { readReturnFiles } from "../../returns/pool";
import { expandInputs } from "../files";
import type { CliIo } from "../io";
import { printJson, writingCommand } from "../writing";

export const consolidateCommand = writingCommand({
  name: "consolidate",
  synopsis: "<мониторинг.xlsx> <форма.xlsx|папка>… -o <свод.xlsx> [--json]",
  summary:
    "прочитать формы, присланные школами, проверить каждую и записать листы «Свод ГГГГ-QN» и «Приём форм»",
  options: ["json"],
  positional: { min: 2, max: null, what: "файл мониторинга и формы школ (файлы или папки)" },
  otherInputs: (args, io) => returnFiles(io, args.positional.slice(1)),
  async change({ io, host, others: files }) {
    // Refuse a workbook without the template before reading hundreds of files.
    const template = await loadTemplate(host);
    const step = Math.max(1, Math.round(files.length / 20));
    const readings = await readReturnFiles(files, {
      onProgress: (done, total, file) => {
        if (done % step === 0 || done === total)
          io.stderr(`Прочитано форм: ${done} из ${total} (${io.baseName(file)})\n`);
      },
    });
    return consolidateReturns(host, { readings, template });
  },
  report(result, { args, io, out }) {
    io.stderr(`Свод записан: ${out}\n`);
    if (args.json) printJson(io, result.json);
    else io.stdout(textSummary(io, result));
  },
});

/** The files to read: named files as they are (an .xls or .ods is rejected with its reason), folders' .xlsx. */
async function returnFiles(io: CliIo, inputs: readonly string[]): Promise<string[]> {
  const files = await expandInputs(io, inputs);
  for (const f of files)
    if ((await io.mtime(f)) === null) throw new UserFacingError(`Файл формы не найден: ${f}`);
  const unique = files.filter((f, i) => files.findIndex((g) => io.samePath(f, g)) === i);
  if (unique.length === 0) throw new UserFacingError("В указанных папках нет форм (.xlsx).");
  return unique;
}

function textSummary(io: CliIo, r: ConsolidateResult): string {
  const c = r.consolidation;
  const lines = [
    `Свод за ${c.template.quarter}: файлов ${c.returns.length}, школ без принятой формы ${c.missing.length}.`,
  ];
  for (const ret of c.returns) {
    lines.push(`${io.baseName(ret.file)} — ${ret.school ?? "школа неизвестна"}: ${VERDICT_RU[ret.verdict]}`);
    for (const reason of ret.reasons)
      lines.push(`    ${reason.cell ? `${reason.cell}: ` : ""}${reason.message}`);
  }
  if (c.missing.length) lines.push(`Позвонить (нет принятой формы): ${c.missing.join("; ")}`);
  return lines.join("\n") + "\n";
}
