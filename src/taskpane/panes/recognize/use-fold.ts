/**
 * The fold's preview and confirmation for the pane: the proposal of every table (joins with their text before
 * and after, rows left for the user), the user's answers, and the fold with those answers. The proposal is
 * re-made from the same recognition when an answer changes (an included row can make the next one joinable).
 */
import { useState } from "react";
import { applyFold, previewFold, type FoldChoices, type FoldPreview } from "../../../app/fold";
import { usePane, type Recognition } from "../../context";
import type { FoldAnswers, FoldView } from "./FoldPanel";
import type { Notice, Run } from "./notice";

const NO_ANSWERS: FoldAnswers = { exclude: new Set(), include: new Set() };

/** The answers as the command takes them: per sheet, rows by number. */
export function choicesOf(answers: FoldAnswers): FoldChoices {
  const out: Record<string, { exclude: number[]; include: number[] }> = {};
  const add = (key: string, list: "exclude" | "include") => {
    const cut = key.lastIndexOf("|");
    const sheet = key.slice(0, cut);
    (out[sheet] ??= { exclude: [], include: [] })[list].push(Number(key.slice(cut + 1)));
  };
  for (const k of answers.exclude) add(k, "exclude");
  for (const k of answers.include) add(k, "include");
  return out;
}

function viewOf(preview: FoldPreview): FoldView {
  return {
    joins: preview.folds.flatMap((f) => f.proposal.joins),
    left: preview.folds.flatMap((f) => f.proposal.leftForUser),
    backups: preview.folds.flatMap((f) => (f.backup ? [f.backup] : [])),
  };
}

export function useFold(run: Run, setError: (m: string) => void, setNotice: (n: Notice | null) => void) {
  const { host, recognize } = usePane();
  const [view, setView] = useState<FoldView | null>(null);
  const [answers, setAnswers] = useState<FoldAnswers>(NO_ANSWERS);
  const [basis, setBasis] = useState<Recognition | null>(null);

  const open = () =>
    run(async () => {
      setNotice(null);
      const r = await recognize();
      const preview = await previewFold(host, r);
      if (preview.blocked.length) setError(preview.blocked.join(" "));
      const next = viewOf(preview);
      if (next.joins.length || next.left.length) {
        setBasis(r);
        setAnswers(NO_ANSWERS);
        setView(next);
      } else if (!preview.blocked.length) setNotice({ key: "foldNothing" });
    });

  const answer = (next: FoldAnswers) =>
    run(async () => {
      setAnswers(next);
      if (basis) setView(viewOf(await previewFold(host, basis, choicesOf(next))));
    });

  const close = () => {
    setView(null);
    setBasis(null);
  };

  const confirm = () => {
    const choices = choicesOf(answers);
    close();
    return run(async () => {
      const { rows } = await applyFold(host, choices);
      await recognize();
      setNotice(rows > 0 ? { key: "foldDone", params: { rows } } : { key: "foldNothing" });
    });
  };

  /** Selects rows first..last of a sheet across its used width, so the user sees them in the grid. */
  const show = (sheet: string, first: number, last: number) =>
    run(async () => {
      const table = basis?.tables.find((x) => x.sheet === sheet);
      const letters = table?.range.match(/[A-Z]+/g) ?? ["A", "A"];
      await host.select(sheet, `${letters[0]}${first}:${letters[1] ?? letters[0]}${last}`);
    });

  return { view, answers, open, answer, close, confirm, show };
}
