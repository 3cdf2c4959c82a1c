/** The CLI in-process over an in-memory file system: what it read, wrote and said, without building the bundle. */
import path from "node:path";
import { UserFacingError } from "../../src/domain/host";
import { runCli, type CliIo } from "../../src/cli/run";

export interface MemoryRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every file as it is after the run (inputs included). */
  files: Map<string, Uint8Array>;
  written: string[];
}

/** `folders`: paths that exist as folders (a file at a path is a file). */
export async function runInMemory(
  argv: string[],
  inputs: Record<string, Uint8Array | string>,
  folders: string[] = [],
  /** Paths a file cannot be renamed to or deleted at (a file open in another program on Windows). */
  lockedFiles: string[] = [],
): Promise<MemoryRun> {
  const locked = new Set(lockedFiles.map((f) => path.resolve(f)));
  const files = new Map<string, Uint8Array>();
  for (const [p, v] of Object.entries(inputs))
    files.set(path.resolve(p), typeof v === "string" ? new TextEncoder().encode(v) : v);
  const dirs = new Set(folders.map((f) => path.resolve(f)));
  const out: string[] = [];
  const err: string[] = [];
  const written: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (p) => {
      const bytes = files.get(path.resolve(p));
      if (!bytes) throw new UserFacingError(`Файл не найден: ${p}`);
      return bytes;
    },
    writeFile: async (p, bytes) => {
      const at = path.resolve(p);
      if (dirs.has(at)) throw new UserFacingError(`Это папка, а не файл: ${p}`);
      for (const f of files.keys())
        if (at.startsWith(f + path.sep)) throw new UserFacingError(`Не удалось записать файл: ${p}`);
      files.set(at, bytes);
      written.push(p);
    },
    rename: async (from, to) => {
      const bytes = files.get(path.resolve(from));
      const at = path.resolve(to);
      if (!bytes) throw new UserFacingError(`Файл не найден: ${from}`);
      const busy = [from, to].find((p) => locked.has(path.resolve(p)));
      if (busy) throw new UserFacingError(`Файл занят другой программой (закройте его): ${busy}`);
      if (dirs.has(at)) throw new UserFacingError(`Это папка, а не файл: ${to}`);
      files.set(at, bytes);
      files.delete(path.resolve(from));
    },
    removeFile: async (p) => {
      if (locked.has(path.resolve(p)))
        throw new UserFacingError(`Файл занят другой программой (закройте его): ${p}`);
      files.delete(path.resolve(p));
    },
    listFolder: async (p) => {
      const at = path.resolve(p);
      if (!dirs.has(at)) return null;
      return [...files.keys()].filter((f) => path.dirname(f) === at).sort();
    },
    mtime: async (p) => (files.has(path.resolve(p)) || dirs.has(path.resolve(p)) ? 0 : null),
    samePath: (a, b) => path.resolve(a) === path.resolve(b),
    baseName: (p) => path.basename(p),
    today: () => "2024-04-20",
  } as CliIo;
  const code = await runCli(argv, io);
  return { code, stdout: out.join(""), stderr: err.join(""), files, written };
}
