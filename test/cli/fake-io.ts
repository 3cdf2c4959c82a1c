/** The CLI's I/O over a few in-memory files: what it printed and wrote, for tests that call runCli in-process. */
import path from "node:path";
import type { CliIo } from "../../src/cli/run";

export function fakeCliIo(files: Record<string, Uint8Array>, today: string) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, Uint8Array> = {};
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (p) => {
      const f = files[p] ?? written[p];
      if (!f) throw new Error(`no file ${p}`);
      return f;
    },
    writeFile: async (p, bytes) => {
      written[p] = bytes;
    },
    rename: async () => {
      throw new Error("only forms renames files");
    },
    removeFile: async () => {
      throw new Error("only forms removes files");
    },
    listFolder: async () => null,
    mtime: async () => null,
    samePath: (a, b) => path.resolve(a) === path.resolve(b),
    baseName: (p) => path.basename(p),
    today: () => today,
  };
  return { io, out, err, written };
}
