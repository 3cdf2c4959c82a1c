/**
 * Entry point bundled into build/cli.js (scripts/build-cli.mjs) and run by bin/roadmap.js.
 * Catches everything: the user sees one Russian line and exit code 2, never a stack trace
 * (set ROADMAP_DEBUG=1 to see it).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { UserFacingError } from "../domain/host";
import { EXIT_FAIL, GENERIC_FAILURE, runCli, type CliIo } from "./run";
import { localIsoDate } from "../domain/russian-dates";

/** Node's file errors as one Russian sentence. */
export async function readFileForCli(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new UserFacingError(`Это папка, а не файл: ${file}`);
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new UserFacingError(`Файл не найден: ${file}`);
    if (code === "EACCES" || code === "EPERM") throw new UserFacingError(`Нет доступа к файлу: ${file}`);
    if (code === "EISDIR") throw new UserFacingError(`Это папка, а не файл: ${file}`);
    throw new UserFacingError(`Не удалось прочитать файл: ${file}`);
  }
}

const debug = Boolean(process.env.ROADMAP_DEBUG);

function fail(e: unknown): void {
  if (debug) process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.stderr.write(`${e instanceof UserFacingError ? e.message : GENERIC_FAILURE}\n`);
  process.exitCode = EXIT_FAIL;
}

// A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") fail(e);
});
process.on("uncaughtException", (e) => {
  fail(e);
  process.exit(EXIT_FAIL);
});
process.on("unhandledRejection", (e) => {
  fail(e);
  process.exit(EXIT_FAIL);
});

/** The .xlsx-or-other files of a folder (hidden files and Office lock files «~$…» left out); null if no folder. */
async function listFolder(dir: string): Promise<string[] | null> {
  try {
    if (!(await fs.stat(dir)).isDirectory()) return null;
  } catch {
    return null;
  }
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith(".") && !e.name.startsWith("~$"))
    .map((e) => path.join(dir, e.name))
    .sort((a, b) => a.localeCompare(b, "ru"));
}

async function writeFileForCli(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") throw new UserFacingError(`Нет доступа для записи: ${file}`);
    if (code === "EISDIR") throw new UserFacingError(`Это папка, а не файл: ${file}`);
    if (code === "EBUSY") throw new UserFacingError(`Файл занят другой программой (закройте его): ${file}`);
    if (code === "ENOSPC") throw new UserFacingError(`Нет места на диске: ${file}`);
    throw new UserFacingError(`Не удалось записать файл: ${file}`);
  }
}

/** Node's error on a file being renamed or deleted as one Russian sentence. */
function fileError(e: unknown, file: string): UserFacingError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EBUSY") return new UserFacingError(`Файл занят другой программой (закройте его): ${file}`);
  if (code === "EACCES" || code === "EPERM") return new UserFacingError(`Нет доступа для записи: ${file}`);
  if (code === "EISDIR" || code === "ENOTEMPTY") return new UserFacingError(`Это папка, а не файл: ${file}`);
  if (code === "ENOSPC") return new UserFacingError(`Нет места на диске: ${file}`);
  return new UserFacingError(`Не удалось записать файл: ${file}`);
}

async function renameForCli(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (e) {
    // A lock or a permission is the moved file's; a folder in the way is the destination's.
    const code = (e as NodeJS.ErrnoException).code;
    throw fileError(e, code === "EISDIR" || code === "ENOTEMPTY" || code === "EEXIST" ? to : from);
  }
}

async function removeFileForCli(file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (e) {
    throw fileError(e, file);
  }
}

const io: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: readFileForCli,
  writeFile: writeFileForCli,
  rename: renameForCli,
  removeFile: removeFileForCli,
  listFolder,
  mtime: async (file) => {
    try {
      return (await fs.stat(file)).mtimeMs;
    } catch {
      return null;
    }
  },
  samePath: (a, b) => path.resolve(a) === path.resolve(b),
  baseName: (file) => path.basename(file),
  today: () => localIsoDate(new Date()),
  debug: (e) => {
    if (debug) process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  },
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    // exitCode, not exit(): a large JSON on a pipe must be flushed before the process ends.
    process.exitCode = code;
  },
  (e) => fail(e),
);
