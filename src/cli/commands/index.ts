/** The subcommands of `roadmap`, in the order the help lists them. One file a subcommand. */
import type { Subcommand } from "../io";
import { checkCommand } from "./check";
import { consolidateCommand } from "./consolidate";
import { foldCommand } from "./fold";
import { peopleCommand } from "./people";
import { annotateCommand } from "./annotate";
import { reportCommand } from "./report";
import { indicatorsCommand } from "./indicators";
import { monitoringCommand } from "./monitoring";
import { formsCommand } from "./forms";

export const SUBCOMMANDS: Subcommand[] = [
  checkCommand,
  foldCommand,
  peopleCommand,
  annotateCommand,
  reportCommand,
  indicatorsCommand,
  monitoringCommand,
  formsCommand,
  consolidateCommand,
];
