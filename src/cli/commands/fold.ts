/** `roadmap fold <in.xlsx> -o <out.xlsx> [--json]` (contract): «Исправить вставку из Word» on a file. */
import { applyFold, previewFold } from "../../app/fold";
import { recognise } from "../../app/recognise";
import { openWorkbook, outputPath, saveWorkbook } from "../files";
import { EXIT_OK, type Subcommand } from "../io";
import { checkReport } from "./check";

export const foldCommand: Subcommand = {
  name: "fold",
  synopsis: "<файл.xlsx> -o <результат.xlsx> [--json]",
  summary: "склеить строки, разорванные при вставке из Word (копия листа сохраняется как «… (исходный)»)",
  options: ["json", "out", "today"],
  required: ["out"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  async run(args, io) {
    const input = args.positional[0];
    const out = outputPath(io, args.out as string, [input]);
    const host = await openWorkbook(io, input);
    // One recognition for the proposal and the fold's first pass: nothing is written between them.
    const recognised = await recognise(host);
    const preview = await previewFold(host, recognised);
    // Rows as in the input file: the proposal is made before anything is written.
    const joins = preview.folds.flatMap((f) =>
      f.proposal.joins.map((j) => ({ sheet: j.sheet, into: j.into, rows: j.rows })),
    );
    const leftForUser = preview.folds.flatMap((f) =>
      f.proposal.leftForUser.map((l) => ({ sheet: l.sheet, row: l.row, reason: l.reason })),
    );
    const outcome = await applyFold(host, {}, recognised);
    await saveWorkbook(io, host, out);
    if (args.json) {
      const { report } = await checkReport(host, io.baseName(out), args.today ?? io.today());
      io.stdout(JSON.stringify({ joins, leftForUser, check: report }, null, 2) + "\n");
    } else {
      io.stdout(
        outcome.rows > 0
          ? `Склеено строк: ${outcome.rows}. Копии исходных листов: ${outcome.backups.join(", ")}. Записано: ${out}\n`
          : `Разорванных строк нет — книга записана без изменений: ${out}\n`,
      );
    }
    return EXIT_OK;
  },
};
