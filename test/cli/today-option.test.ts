/** --today is common to every subcommand (contract): accepted by each, still checked as a calendar date. */
import { parseSubcommandArgs } from "../../src/cli/args";
import { SUBCOMMANDS } from "../../src/cli/commands";
import { roadmapWorkbook, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";

const spec = (name: string) => SUBCOMMANDS.find((c) => c.name === name)!;

describe("--today", () => {
  it.each([
    ["people", ["a.xlsx", "-o", "b.xlsx"]],
    ["indicators", ["a.xlsx"]],
    ["forms", ["m.xlsx", "-o", "формы"]],
    ["consolidate", ["m.xlsx", "ф.xlsx", "-o", "с.xlsx"]],
    ["monitoring", ["a.xlsx", "--quarter", "2024-Q1", "-o", "m.xlsx"]],
  ])("%s takes it", (name, rest) => {
    expect(parseSubcommandArgs([...rest, "--today", "2024-03-15"], spec(name))).toMatchObject({
      ok: true,
      args: { today: "2024-03-15" },
    });
    expect(parseSubcommandArgs([...rest, "--today", "2024-02-30"], spec(name))).toMatchObject({ ok: false });
  });

  it("people with --today writes the same sheet as without", async () => {
    const book = await xlsx(roadmapWorkbook());
    const a = await runInMemory(["people", "in.xlsx", "-o", "out.xlsx", "--json"], { "in.xlsx": book });
    const b = await runInMemory(["people", "in.xlsx", "-o", "out.xlsx", "--json", "--today", "2030-01-01"], {
      "in.xlsx": book,
    });
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(
      JSON.parse(b.stdout)
        .people.map((p: { person: string }) => p.person)
        .sort(),
    ).toEqual(["Иванова А.Б.", "Петров В.Г.", "Сидорова Д.Е."]);
  });
});
