/** `roadmap indicators` without --json: numbers the Russian way («база 3,1»); --json keeps them numbers. */
import { sheet, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";

const book = {
  sheets: [
    sheet("Показатели", [
      ["Показатели эффективности"],
      ["Наименование показателя", "Базовое значение", "2024", "2025"],
      ["Средний балл ОГЭ по математике", 3.1, 3.35, 3.5],
    ]),
  ],
};

describe("roadmap indicators", () => {
  it("text: decimal comma in the base and the targets", async () => {
    const r = await runInMemory(["indicators", "in.xlsx"], { "in.xlsx": await xlsx(book) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("; база 3,1; цели 2024: 3,35, 2025: 3,5;");
    expect(r.stdout).not.toMatch(/\d\.\d/);
  });

  it("--json: the same values as numbers", async () => {
    const r = await runInMemory(["indicators", "in.xlsx", "--json"], { "in.xlsx": await xlsx(book) });
    const doc = JSON.parse(r.stdout) as { indicators: { base: unknown; targets: unknown }[] };
    expect(doc.indicators[0]).toMatchObject({ base: 3.1, targets: { "2024": 3.35, "2025": 3.5 } });
  });
});
