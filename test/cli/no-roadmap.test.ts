/**
 * A workbook without a roadmap (contract, «Common to every subcommand»): the commands that need one refuse it
 * with their own Russian line (exit 2, nothing written); `check` finds no table and says so (exit 0); --help
 * says which is which.
 */
import { noRoadmapWorkbook, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";

describe("a workbook without a roadmap", () => {
  let book: Uint8Array;
  beforeAll(async () => {
    book = await xlsx(noRoadmapWorkbook());
  });

  it("report refuses it with its own message, not annotate's", async () => {
    const r = await runInMemory(["report", "in.xlsx", "-o", "out.xlsx", "--quarter", "2024-Q1"], {
      "in.xlsx": book,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "В книге не найдено ни одной таблицы дорожной карты: отчёт за квартал строить не по чему. Проверьте, что таблица вставлена вместе с шапкой.\n",
    );
    expect(r.written).toEqual([]);
  });

  it("indicators on a workbook without indicators: exit 2, one Russian line", async () => {
    const r = await runInMemory(["indicators", "in.xlsx", "--json"], { "in.xlsx": book });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^В книге не найден список показателей/);
  });

  it("check reports no table, exit 0", async () => {
    const r = await runInMemory(["check", "in.xlsx", "--json"], { "in.xlsx": book });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: "in.xlsx", tables: [], findings: [] });
  });

  it("--help says exit 2 for the commands that need a roadmap, exit 0 for check", async () => {
    const r = await runInMemory(["--help"], {});
    expect(r.stdout).toContain(
      [
        "  2  работу выполнить нельзя (нет файла, не .xlsx, защищён паролем, повреждён, неверные параметры;",
        "     в книге нет дорожной карты для fold, people, annotate, report, нет показателей для indicators и",
        "     monitoring, нет шаблона мониторинга для forms и consolidate): причина — одной строкой в stderr,",
        "     ничего не записано. check на книге без дорожной карты так и сообщает, код 0",
      ].join("\n"),
    );
  });
});
