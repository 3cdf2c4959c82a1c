/** The worker-thread pool gives the same readings, in the order of the files, as reading them one by one. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readReturnFromDisk } from "../../src/returns/disk";
import { readReturnFiles } from "../../src/returns/pool";
import { correctFill, makeTemplate, schoolNames } from "./fixtures";
import { writeForm } from "./form-file";

test("pool readings equal one-by-one readings, in order; progress reaches the total; a missing file is a problem", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "roadmap-pool-"));
  try {
    const t = makeTemplate(schoolNames(20));
    const files: string[] = [];
    for (let i = 0; i < 20; i++) {
      const f = path.join(dir, `s${i}.xlsx`);
      writeFileSync(f, await writeForm(t, t.schools[i], correctFill(i)));
      files.push(f);
    }
    files.push(path.join(dir, "missing.xlsx"));
    const progress: number[] = [];
    const pooled = await readReturnFiles(files, { threads: 2, onProgress: (done) => progress.push(done) });
    const single = await Promise.all(files.map((f) => readReturnFromDisk(f)));
    expect(pooled).toEqual(single);
    expect(pooled.map((r) => r.file)).toEqual(files);
    expect(progress[progress.length - 1]).toBe(21);
    expect(pooled[20].problem).toBe("Файл не найден.");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60000);
