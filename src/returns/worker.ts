/**
 * Worker thread of the CLI's return reading (pool.ts): reads the files it is sent and answers with their
 * readings. Bundled as build/returns-worker.js; run from source through tsx in tests and benchmarks.
 */
import { parentPort } from "node:worker_threads";
import { readReturnFromDisk } from "./disk";

parentPort?.on("message", (job: { id: number; file: string }) => {
  void readReturnFromDisk(job.file).then((reading) => parentPort?.postMessage({ id: job.id, reading }));
});
