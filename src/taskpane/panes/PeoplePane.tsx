/** «Ответственные»: the people named in the roadmap, and the «Ответственные» sheet built from them. */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { people, writePeopleSheet, type PeopleOutcome } from "../../app/people";
import { DIRECTORY_SHEET } from "../../domain/people-directory";
import { usePane } from "../context";
import type { MessageKey } from "../i18n";
import { useCommand } from "../use-command";
import { CommandStatus, InfoBar, PaneIntro, useStyles } from "../ui";
import { personLines, type PersonLine } from "../logic/people";
import { PersonCard } from "./people/PersonCard";

const useLocal = makeStyles({
  people: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export function PeoplePane() {
  const { host, t, recognize } = usePane();
  const s = useStyles();
  const local = useLocal();
  const cmd = useCommand(t);
  const [lines, setLines] = useState<PersonLine[] | null>(null);
  const [hasSheet, setHasSheet] = useState(false);
  const [done, setDone] = useState<MessageKey | null>(null);

  const goTo = (sheet: string, row: number) => cmd.run(() => host.select(sheet, `A${row}`));

  const show = (outcome: PeopleOutcome) => {
    setLines(personLines(outcome.directory));
    setHasSheet(outcome.sheetExists);
  };

  const onBuild = () =>
    cmd.run(async () => {
      setDone(null);
      show(await people(host, await recognize()));
    });

  const onSheet = () =>
    cmd.run(async () => {
      setDone(null);
      const outcome = await writePeopleSheet(host);
      show(outcome);
      if (!outcome.written) {
        setDone("peopleSheetNothing");
        return;
      }
      // Show the sheet just written; not being able to select it is no failure of the command.
      await host.select(DIRECTORY_SHEET, "A1").catch(() => undefined);
      setHasSheet(true);
      setDone("peopleSheetDone");
    });

  return (
    <div className={s.pane}>
      <PaneIntro title={t("peopleTitle")} text={t("peopleIntro")} />
      <div className={s.actions}>
        <Button
          appearance={lines ? "secondary" : "primary"}
          onClick={onBuild}
          disabled={cmd.busy}
          data-testid="people-build"
        >
          {t("peopleButton")}
        </Button>
        {lines && lines.length > 0 ? (
          <Button appearance="primary" onClick={onSheet} disabled={cmd.busy} data-testid="people-sheet">
            {hasSheet ? t("updatePeopleSheet") : t("createPeopleSheet")}
          </Button>
        ) : null}
      </div>
      <CommandStatus busy={cmd.busy} error={cmd.error} />
      {done ? (
        <InfoBar intent="success" testId="people-done">
          {t(done)}
        </InfoBar>
      ) : null}
      {lines && lines.length === 0 ? <InfoBar intent="warning">{t("peopleNone")}</InfoBar> : null}
      {lines && lines.length > 0 ? (
        <>
          <Text weight="semibold">{t("peopleCount", { count: lines.length })}</Text>
          <ul className={local.people}>
            {lines.map((p) => (
              <PersonCard key={p.name} person={p} onGo={goTo} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
