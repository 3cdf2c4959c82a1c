/** One returned file from disk: its bytes and modification time, read; a file that cannot be opened is a problem, not a crash. */
import { promises as fs } from "node:fs";
import type { ReturnReading } from "../domain/consolidation/template";
import { contentHash, readReturn, baseName } from "./read-return";

export async function readReturnFromDisk(file: string): Promise<ReturnReading> {
  try {
    const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
    return await readReturn({ file, bytes, fileModified: stat.mtime.toISOString() });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const problem =
      code === "ENOENT"
        ? "Файл не найден."
        : code === "EACCES" || code === "EPERM"
          ? "Нет доступа к файлу."
          : "Файл не удалось прочитать с диска.";
    return {
      file,
      key: `${baseName(file)}|${contentHash(new TextEncoder().encode(file))}`,
      modified: null,
      fileModified: null,
      problem,
      fingerprintText: null,
      sheets: [],
      names: {},
      cells: {},
      rowTexts: {},
    };
  }
}
