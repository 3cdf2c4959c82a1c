/**
 * `roadmap forms -o <dir>` writes the set of forms all or nothing: a failure part-way (a target that cannot be
 * written, a file locked by another program) leaves the folder as it was — no new form, no temporary file, the
 * earlier run's forms with their old contents — and says in one Russian line what failed (exit 2).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { roadmapWorkbook, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";
import { buildCli, roadmap } from "./roadmap";

const SCHOOLS = ["МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ СОШ № 3"];
const EARLIER = "форма прошлого запуска";
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let dir = "";
const at = (...f: string[]) => path.join(dir, ...f);
/** The forms' file names in the order they are written, from a run into a folder of its own. */
let names: string[] = [];

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(path.join(tmpdir(), "roadmap-forms-set-"));
  writeFileSync(at("plan.xlsx"), await xlsx(roadmapWorkbook(true)));
  writeFileSync(at("schools.txt"), SCHOOLS.join("\n") + "\n");
  const mon = roadmap(
    "monitoring",
    at("plan.xlsx"),
    "--quarter",
    "2024-Q2",
    "--schools",
    at("schools.txt"),
    "-o",
    at("mon.xlsx"),
  );
  expect([mon.code, mon.stderr]).toEqual([0, ""]);
  const first = roadmap("forms", at("mon.xlsx"), "-o", at("first"), "--json");
  expect(first.code).toBe(0);
  names = (JSON.parse(first.stdout) as { forms: { file: string }[] }).forms.map((f) => path.basename(f.file));
  expect(names).toHaveLength(3);
}, 180000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneRussianLine(r: { code: number | null; stdout: string; stderr: string }) {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
  // Progress lines first («Формы: 3 из 3»), then the one line that says what failed.
  expect(r.stderr).toMatch(/\nФормы не записаны[^\n]*\n$/);
  expect(r.stderr.split("\n").filter((l) => /не записаны/.test(l))).toHaveLength(1);
}

describe("forms -o on the real file system, the last form's name taken by a folder", () => {
  it("an empty folder stays without forms", () => {
    mkdirSync(at("fresh", names[2]), { recursive: true });
    const r = roadmap("forms", at("mon.xlsx"), "-o", at("fresh"));
    expectOneRussianLine(r);
    expect(r.stderr).toContain(`на месте формы «${at("fresh", names[2])}» — папка с тем же именем.`);
    expect(readdirSync(at("fresh"))).toEqual([names[2]]);
  });

  it("an earlier run's forms keep their contents; nothing new, nothing temporary is left", () => {
    mkdirSync(at("again", names[2]), { recursive: true });
    writeFileSync(at("again", names[0]), EARLIER + " 1");
    writeFileSync(at("again", names[1]), EARLIER + " 2");
    const r = roadmap("forms", at("mon.xlsx"), "-o", at("again"));
    expectOneRussianLine(r);
    expect(readdirSync(at("again")).sort()).toEqual([...names].sort());
    expect(readFileSync(at("again", names[0]), "utf8")).toBe(EARLIER + " 1");
    expect(readFileSync(at("again", names[1]), "utf8")).toBe(EARLIER + " 2");
  });

  it("once the folder is removed, the run replaces the earlier forms and leaves only the three forms", () => {
    rmSync(at("again", names[2]), { recursive: true });
    const r = roadmap("forms", at("mon.xlsx"), "-o", at("again"));
    expect(r.code).toBe(0);
    expect(readdirSync(at("again")).sort()).toEqual([...names].sort());
    for (const n of names) expect(readFileSync(at("again", n)).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("forms -o with a form of the earlier run open in another program (in memory)", () => {
  it("the rename fails: the earlier forms are back, nothing else in the folder", async () => {
    const mon = readFileSync(at("mon.xlsx"));
    const earlier = Object.fromEntries(names.map((n, k) => [`out/${n}`, `${EARLIER} ${k}`]));
    const r = await runInMemory(
      ["forms", "mon.xlsx", "-o", "out"],
      { "mon.xlsx": mon, ...earlier },
      ["out"],
      [`out/${names[1]}`],
    );
    expectOneRussianLine(r);
    expect(r.stderr).toContain(`файл занят другой программой (закройте его): out/${names[1]}.`);
    const inOut = [...r.files.keys()].filter((f) => path.dirname(f) === path.resolve("out"));
    expect(inOut.sort()).toEqual(names.map((n) => path.resolve("out", n)).sort());
    names.forEach((n, k) => expect(text(r.files.get(path.resolve("out", n))!)).toBe(`${EARLIER} ${k}`));
  });
});
