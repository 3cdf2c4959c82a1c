/**
 * `roadmap consolidate <monitoring.xlsx> <return.xlsx|dir>… -o <svod.xlsx> [--json]` (../shared/contract.md):
 * reads the returned forms on every core, consolidates them into a copy of the monitoring workbook and
 * writes it to -o. Progress on stderr; with --json the contract's document on stdout and nothing else.
 * Bad arguments or an unusable monitoring workbook: exit 2, one Russian line, nothing written.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { consolidateReturns, type ConsolidateResult } from "../../app/consolidate";
import { VERDICT_RU } from "../../domain/consolidation/record";
import { UserFacingError } from "../../domain/host";
import { readReturnFiles } from "../../returns/pool";
import { XlsxWorkbookHost } from "../../xlsx/host";

export const CONSOLIDATE_USAGE =
  "Использование: roadmap consolidate <мониторинг.xlsx> <форма.xlsx|папка>… -o <свод.xlsx> [--json]";

/** Files a folder contributes: spreadsheets (also .xls/.ods, so they are reported, not silently skipped). */
const RETURN_EXT = /\.(xlsx|xlsm|xls|ods)$/i;

interface Args {
  monitoring: string;
  inputs: string[];
  out: string;
  json: boolean;
  threads: number | null;
}

export function parseConsolidateArgs(argv: readonly string[]): Args | string {
  const files: string[] = [];
  let out: string | null = null;
  let json = false;
  let threads: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "-o" || a === "--output") {
      out = argv[++i] ?? "";
      if (!out) return `После ${a} нужен путь к файлу свода. ${CONSOLIDATE_USAGE}`;
    } else if (a.startsWith("--threads=")) {
      threads = Number(a.slice("--threads=".length));
      if (!Number.isInteger(threads) || threads < 1) return `Неверное число потоков: «${a}».`;
    } else if (a.startsWith("-") && a !== "-") return `Неизвестный параметр «${a}». ${CONSOLIDATE_USAGE}`;
    else files.push(a);
  }
  if (files.length === 0) return `Не указан файл мониторинга. ${CONSOLIDATE_USAGE}`;
  if (files.length === 1) return `Не указаны формы школ (файлы или папка). ${CONSOLIDATE_USAGE}`;
  if (!out) return `Не указан файл свода: добавьте -o <свод.xlsx>. ${CONSOLIDATE_USAGE}`;
  if (!/\.xlsx$/i.test(out))
    return `Свод записывается в книгу .xlsx: укажите после -o имя файла с расширением .xlsx.`;
  return { monitoring: files[0], inputs: files.slice(1), out, json, threads };
}

/** Every return file named or found in a named folder (not recursive), sorted, each once. */
export async function collectReturnFiles(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      throw new UserFacingError(`Файл или папка не найдены: ${input}`);
    }
    if (stat.isDirectory()) {
      const names = (await fs.readdir(input)).filter(
        (n) => RETURN_EXT.test(n) && !n.startsWith("~$") && !n.startsWith("."),
      );
      names.sort((a, b) => a.localeCompare(b));
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  return [...new Set(out.map((f) => path.resolve(f)))].map(
    (abs) => out.find((f) => path.resolve(f) === abs) ?? abs,
  );
}

export interface ConsolidateIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export async function runConsolidate(
  argv: readonly string[],
  io: ConsolidateIo,
): Promise<ConsolidateResult | string> {
  const args = parseConsolidateArgs(argv);
  if (typeof args === "string") return args;
  const outAbs = path.resolve(args.out);
  if (outAbs === path.resolve(args.monitoring))
    return "Файл свода (-o) совпадает с файлом мониторинга: входные файлы не перезаписываются, укажите другое имя.";
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(args.monitoring);
  } catch {
    return `Файл мониторинга не найден или не читается: ${args.monitoring}`;
  }
  const host = await XlsxWorkbookHost.open(bytes, path.basename(args.monitoring));
  const files = await collectReturnFiles(args.inputs);
  if (files.length === 0) return "В указанных папках нет форм (.xlsx).";
  if (files.some((f) => path.resolve(f) === outAbs))
    return "Файл свода (-o) совпадает с одной из форм: входные файлы не перезаписываются, укажите другое имя.";
  const step = Math.max(1, Math.round(files.length / 20));
  const readings = await readReturnFiles(files, {
    threads: args.threads ?? undefined,
    onProgress: (done, total, file) => {
      if (done % step === 0 || done === total)
        io.stderr(`Прочитано форм: ${done} из ${total} (${path.basename(file)})\n`);
    },
  });
  const result = await consolidateReturns(host, { readings });
  await fs.writeFile(args.out, await host.toBuffer());
  io.stderr(`Свод записан в ${args.out}\n`);
  io.stdout(args.json ? JSON.stringify(result.json, null, 2) + "\n" : textSummary(result));
  return result;
}

function textSummary(r: ConsolidateResult): string {
  const c = r.consolidation;
  const lines = [
    `Свод за ${c.template.quarter}: файлов ${c.returns.length}, школ без принятой формы ${c.missing.length}.`,
  ];
  for (const ret of c.returns) {
    lines.push(
      `${path.basename(ret.file)} — ${ret.school ?? "школа неизвестна"}: ${VERDICT_RU[ret.verdict]}`,
    );
    for (const reason of ret.reasons)
      lines.push(`    ${reason.cell ? `${reason.cell}: ` : ""}${reason.message}`);
  }
  if (c.missing.length) lines.push(`Не прислали или отклонены: ${c.missing.join("; ")}`);
  return lines.join("\n") + "\n";
}
