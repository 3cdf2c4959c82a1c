/** `roadmap forms -o <dir>`: a file given as the folder is refused up front (one Russian line, no progress, nothing written). */
import path from "node:path";
import { roadmapWorkbook, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";

let monitoring: Uint8Array;
beforeAll(async () => {
  const r = await runInMemory(
    ["monitoring", "plan.xlsx", "--quarter", "2024-Q2", "--schools", "list.txt", "-o", "m.xlsx"],
    { "plan.xlsx": await xlsx(roadmapWorkbook(true)), "list.txt": "МБОУ СОШ № 1\nМБОУ СОШ № 2\n" },
  );
  expect(r.code).toBe(0);
  monitoring = r.files.get(path.resolve("m.xlsx"))!;
});

describe("forms -o", () => {
  it("an existing file: exit 2, one line, nothing written", async () => {
    const r = await runInMemory(["forms", "m.xlsx", "-o", "old.xlsx"], {
      "m.xlsx": monitoring,
      "old.xlsx": "x",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "В -o указан файл «old.xlsx», а формы пишутся в папку: укажите папку (её создадут, если её нет).\n",
    );
    expect(r.written).toEqual([]);
  });

  it("a folder under a file: exit 2, one line, nothing written", async () => {
    const r = await runInMemory(["forms", "m.xlsx", "-o", "old.xlsx/формы"], {
      "m.xlsx": monitoring,
      "old.xlsx": "x",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "Папку «old.xlsx/формы» создать нельзя: «old.xlsx» — файл, а не папка. Укажите в -o другую папку.\n",
    );
    expect(r.written).toEqual([]);
  });

  it("a folder that does not exist yet is made: a form per school", async () => {
    const r = await runInMemory(["forms", "m.xlsx", "-o", "новая/формы/"], { "m.xlsx": monitoring });
    expect(r.code).toBe(0);
    expect(r.written).toHaveLength(2);
    for (const f of r.written) expect(path.dirname(f)).toBe("новая/формы");
  });
});
