/**
 * Writing a set of files into one folder all or nothing (`roadmap forms`): a half-written set of school forms
 * could be sent out as if complete. Each file is first written under a hidden temporary name in the target
 * folder (same folder, so the final rename stays on one disk); only when every one is written are they renamed
 * to their names. A file of the same name from an earlier run is moved aside first and deleted only once the
 * whole set is in place; on any failure this run's files are removed and the moved ones put back.
 * No library does this over our CliIo (the in-memory tests' file system included), hence by hand.
 */
import { UserFacingError } from "../domain/host";
import type { CliIo } from "./io";

export interface FileToWrite {
  path: string;
  bytes: Uint8Array;
}

function sibling(io: CliIo, target: string, tag: string, kind: "part" | "old"): string {
  const base = io.baseName(target);
  return `${target.slice(0, target.length - base.length)}.${base}.${tag}.${kind}`;
}

function reasonOf(e: unknown): string {
  return e instanceof UserFacingError ? e.message : "ошибка файловой системы";
}

/** Writes every file or none; throws one Russian line (UserFacingError) naming what failed. */
export async function writeAllOrNothing(
  io: CliIo,
  folder: string,
  files: readonly FileToWrite[],
  tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
): Promise<void> {
  const temps: string[] = [];
  /** Earlier files moved aside: target → its hidden copy. */
  const movedAside = new Map<string, string>();
  const placed: string[] = [];
  let failure: string | null = null;
  try {
    for (const f of files) {
      const temp = sibling(io, f.path, tag, "part");
      temps.push(temp);
      await io.writeFile(temp, f.bytes);
    }
  } catch (e) {
    failure = reasonOf(e);
  }
  if (failure === null)
    try {
      for (const [k, f] of files.entries()) {
        if ((await io.listFolder(f.path)) !== null)
          throw new UserFacingError(`на месте формы «${f.path}» — папка с тем же именем`);
        if ((await io.mtime(f.path)) !== null) {
          const old = sibling(io, f.path, tag, "old");
          await io.rename(f.path, old);
          movedAside.set(f.path, old);
        }
        await io.rename(temps[k], f.path);
        placed.push(f.path);
      }
    } catch (e) {
      failure = reasonOf(e);
    }
  if (failure === null) {
    // The earlier run's copies are no longer needed; one that cannot be deleted stays hidden, nothing is lost.
    for (const old of movedAside.values()) await io.removeFile(old).catch(() => undefined);
    return;
  }
  const notRestored = await rollBack(io, temps, placed, movedAside);
  const reason = failure.charAt(0).toLowerCase() + failure.slice(1).replace(/[.\s]+$/, "");
  throw new UserFacingError(
    notRestored.length
      ? `Формы не записаны: ${reason}; прежние файлы не удалось вернуть на место, они сохранены под именами ${notRestored.join(", ")}.`
      : `Формы не записаны, папка «${folder}» оставлена как была: ${reason}.`,
  );
}

/** Undo: this run's files removed, earlier ones back under their names. Returns the copies left hidden. */
async function rollBack(
  io: CliIo,
  temps: readonly string[],
  placed: readonly string[],
  movedAside: ReadonlyMap<string, string>,
): Promise<string[]> {
  const notRestored: string[] = [];
  for (const p of placed) await io.removeFile(p).catch(() => undefined);
  for (const t of temps) await io.removeFile(t).catch(() => undefined);
  for (const [target, old] of movedAside)
    await io.rename(old, target).catch(() => void notRestored.push(`«${old}» (был «${target}»)`));
  return notRestored;
}
