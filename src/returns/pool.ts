/**
 * Reading many returns on every core (the CLI): a few worker threads take files from one queue, so a slow
 * file never holds the others up. Few files are read in this thread, where starting workers costs more than
 * it saves. Results come back in the order of the files given.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ReturnReading } from "../domain/consolidation/template";
import { readReturnFromDisk } from "./disk";

export interface PoolOptions {
  /** Worker threads; default: the machine's cores. 1 reads in this thread. */
  threads?: number;
  /** Called after each file, in completion order. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Stop early (the rest come back unread). */
  signal?: { aborted: boolean };
}

/** Below this many files, one thread is faster than starting workers. */
const MIN_FILES_FOR_WORKERS = 16;

/** The worker script: bundled next to the CLI, or the TypeScript source run through tsx. */
function workerScript(): { code: string; eval: boolean } | null {
  const bundled = path.join(__dirname, "returns-worker.js");
  if (existsSync(bundled)) return { code: bundled, eval: false };
  // From source (tests, benchmarks): register tsx in the worker, then load the TypeScript module.
  const source = path.join(__dirname, "worker.ts");
  if (existsSync(source))
    return { code: `require("tsx/cjs"); require(${JSON.stringify(source)});`, eval: true };
  return null;
}

export async function readReturnFiles(
  files: readonly string[],
  opts: PoolOptions = {},
): Promise<ReturnReading[]> {
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), files.length));
  const script = workerScript();
  if (threads === 1 || files.length < MIN_FILES_FOR_WORKERS || !script) return readHere(files, opts);
  // This thread is one of the readers: start one worker fewer than the cores.
  return readInWorkers(files, threads - 1, script, opts);
}

async function readHere(files: readonly string[], opts: PoolOptions): Promise<ReturnReading[]> {
  const out: ReturnReading[] = [];
  for (const file of files) {
    if (opts.signal?.aborted) break;
    out.push(await readReturnFromDisk(file));
    opts.onProgress?.(out.length, files.length, file);
  }
  return out;
}

/**
 * Worker threads and this thread take files from one queue. This thread starts reading at once, so the
 * second or so a worker needs to start (loading its bundle) is never lost: on a busy machine the workers
 * simply take fewer files.
 */
function readInWorkers(
  files: readonly string[],
  workersWanted: number,
  script: { code: string; eval: boolean },
  opts: PoolOptions,
): Promise<ReturnReading[]> {
  return new Promise((resolve, reject) => {
    const results: (ReturnReading | undefined)[] = new Array(files.length);
    let next = 0;
    let done = 0;
    let settled = false;
    const workers: Worker[] = [];
    const finish = (e?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (e) reject(e instanceof Error ? e : new Error(String(e)));
      else resolve(results.filter((r): r is ReturnReading => r !== undefined));
    };
    const exhausted = () => Boolean(opts.signal?.aborted) || next >= files.length;
    const take = (): number | null => (exhausted() ? null : next++);
    const record = (id: number, reading: ReturnReading) => {
      results[id] = reading;
      done++;
      opts.onProgress?.(done, files.length, files[id]);
      if (done === next && exhausted()) finish();
    };
    const feed = (w: Worker) => {
      const id = take();
      if (id === null) {
        if (done === next) finish();
        return;
      }
      w.postMessage({ id, file: files[id] });
    };
    for (let i = 0; i < workersWanted; i++) {
      const w = new Worker(script.code, { eval: script.eval });
      workers.push(w);
      w.on("message", (m: { id: number; reading: ReturnReading }) => {
        record(m.id, m.reading);
        if (!settled) feed(w);
      });
      w.on("error", finish);
      feed(w);
    }
    // This thread reads too, one file at a time, between the workers' answers.
    const readHereLoop = async (): Promise<void> => {
      for (let id = take(); id !== null && !settled; id = take())
        record(id, await readReturnFromDisk(files[id]));
    };
    readHereLoop().catch(finish);
  });
}
