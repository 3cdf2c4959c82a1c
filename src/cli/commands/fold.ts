/** `roadmap fold <in.xlsx> -o <out.xlsx> [--json]` (contract): «Исправить вставку из Word» on a file. */
import { applyFold, previewFold } from "../../app/fold";
import { recognise } from "../../app/recognise";
import { UserFacingError } from "../../domain/host";
import { printJson, writingCommand } from "../writing";
import { checkReport } from "./check";

const NO_ROADMAP_FOLD =
  "В книге не найдено ни одной таблицы дорожной карты: склеивать нечего. Проверьте, что таблица вставлена вместе с шапкой.";

export const foldCommand = writingCommand({
  name: "fold",
  synopsis: "<файл.xlsx> -o <результат.xlsx> [--json]",
  summary: "склеить строки, разорванные при вставке из Word (копия листа сохраняется как «… (исходный)»)",
  options: ["json", "today"],
  positional: { min: 1, max: 1, what: "файл .xlsx" },
  async change({ host }) {
    // One recognition for the proposal and the fold's first pass: nothing is written between them.
    const recognised = await recognise(host);
    // Contract: a command that needs a roadmap, given a workbook without one, is refused (exit 2, nothing written).
    if (recognised.tables.length === 0) throw new UserFacingError(NO_ROADMAP_FOLD);
    const preview = await previewFold(host, recognised);
    // Rows as in the input file: the proposal is made before anything is written.
    const joins = preview.folds.flatMap((f) =>
      f.proposal.joins.map((j) => ({ sheet: j.sheet, into: j.into, rows: j.rows })),
    );
    const leftForUser = preview.folds.flatMap((f) =>
      f.proposal.leftForUser.map((l) => ({ sheet: l.sheet, row: l.row, reason: l.reason })),
    );
    const outcome = await applyFold(host, {}, recognised);
    // Continuation rows only on protected sheets: the fold cannot be done (contract: exit 2, nothing written).
    // When other sheets were folded, the protected ones are said on stderr and the rest is written.
    if (outcome.blocked.length > 0 && outcome.rows === 0)
      throw new UserFacingError(outcome.blocked.join(" "));
    return { joins, leftForUser, outcome };
  },
  async report({ joins, leftForUser, outcome }, { args, io, host, out, today }) {
    for (const b of outcome.blocked) io.stderr(`${b}\n`);
    if (args.json) {
      const { report } = await checkReport(host, io.baseName(out), today);
      printJson(io, { joins, leftForUser, check: report });
    } else {
      io.stdout(
        outcome.rows > 0
          ? `Склеено строк: ${outcome.rows}. Копии исходных листов: ${outcome.backups.join(", ")}. Записано: ${out}\n`
          : `Разорванных строк нет — книга записана без изменений: ${out}\n`,
      );
    }
  },
});
