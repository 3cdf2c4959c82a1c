/**
 * Reading returns in the browser (the task pane and the preview): files go to Web Workers one at a time, so
 * the pane never freezes; progress after each file; a cancel stops sending new files. Where a worker cannot
 * start (an old Office webview), this thread reads, yielding between files.
 */
import type { ReturnReading } from "../domain/consolidation/template";
import { readReturn } from "./read-return";

export interface PickedFile {
  name: string;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface WebReadOptions {
  onProgress?: (done: number, total: number, file: string) => void;
  signal?: { aborted: boolean };
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL("./web-worker.ts", import.meta.url));
  } catch {
    return null;
  }
}

export async function readReturnsInBrowser(
  files: readonly PickedFile[],
  opts: WebReadOptions = {},
): Promise<ReturnReading[]> {
  const count = Math.max(
    1,
    Math.min(typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 2 : 2, 4, files.length),
  );
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const w = startWorker();
    if (w) workers.push(w);
  }
  const results: (ReturnReading | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const mtime = (f: PickedFile) => (f.lastModified ? new Date(f.lastModified).toISOString() : null);
  const finishOne = (id: number, r: ReturnReading) => {
    results[id] = r;
    done++;
    opts.onProgress?.(done, files.length, files[id].name);
  };
  try {
    if (workers.length === 0) {
      for (; next < files.length && !opts.signal?.aborted; next++) {
        const f = files[next];
        finishOne(
          next,
          await readReturn({
            file: f.name,
            bytes: new Uint8Array(await f.arrayBuffer()),
            fileModified: mtime(f),
          }),
        );
        await new Promise((r) => setTimeout(r, 0));
      }
    } else {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const feed = async () => {
                if (opts.signal?.aborted || next >= files.length) return resolve();
                const id = next++;
                const f = files[id];
                const bytes = await f.arrayBuffer();
                w.postMessage({ id, file: f.name, bytes, fileModified: mtime(f) }, [bytes]);
              };
              w.onmessage = (e: MessageEvent<{ id: number; reading: ReturnReading }>) => {
                finishOne(e.data.id, e.data.reading);
                feed().catch(reject);
              };
              w.onerror = (e) => reject(new Error(e.message));
              feed().catch(reject);
            }),
        ),
      );
    }
  } finally {
    for (const w of workers) w.terminate();
  }
  return results.filter((r): r is ReturnReading => r !== undefined);
}
