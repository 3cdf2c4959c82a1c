/** A CliIo over the real file system that collects stdout/stderr, to run `roadmap consolidate` in-process. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { CliIo } from "../../src/cli/io";
import { UserFacingError } from "../../src/domain/host";

export function nodeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (f) => {
      try {
        return await fs.readFile(f);
      } catch {
        throw new UserFacingError(`Файл не найден: ${f}`);
      }
    },
    writeFile: async (f, b) => {
      await fs.mkdir(path.dirname(path.resolve(f)), { recursive: true });
      await fs.writeFile(f, b);
    },
    rename: (from, to) => fs.rename(from, to),
    removeFile: (f) => fs.unlink(f),
    listFolder: async (dir) => {
      try {
        if (!(await fs.stat(dir)).isDirectory()) return null;
      } catch {
        return null;
      }
      return (await fs.readdir(dir))
        .filter((n) => !n.startsWith(".") && !n.startsWith("~$"))
        .map((n) => path.join(dir, n))
        .sort();
    },
    mtime: async (f) => {
      try {
        return (await fs.stat(f)).mtimeMs;
      } catch {
        return null;
      }
    },
    samePath: (a, b) => path.resolve(a) === path.resolve(b),
    baseName: (f) => path.basename(f),
    today: () => "2024-03-31",
  };
}
