#!/usr/bin/env node
/**
 * `npm run test:e2e`: builds (when dist/ is missing or stale; always in CI), serves dist/ on a free port and
 * runs test/e2e/run.ts (Playwright, Debian Chromium) against the preview. Never hangs: a global timeout
 * kills the run. The last line is always "N passed, N failed".
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, DIST, ensureBuilt, serve } from "./start.mjs";

const OVERALL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 15 * 60_000);

async function main() {
  const ci = !!process.env.CI;
  try {
    await ensureBuilt({ force: ci || process.argv.includes("--rebuild") });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    console.log("0 passed, 1 failed");
    return 1;
  }
  const { server, port } = await serve(DIST, 0);
  const base = `http://127.0.0.1:${port}`;
  console.log(`Предпросмотр для e2e: ${base}/`);
  // One process (tsx as a loader, not its CLI, which forks): the timeout kill then reaches the test itself.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test", "e2e", "run.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, E2E_BASE_URL: base },
  });
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`e2e: общий лимит ${Math.round(OVERALL_TIMEOUT_MS / 1000)} с исчерпан, прерываю.`);
      child.kill("SIGKILL");
      console.log("0 passed, 1 failed");
      resolve(1);
    }, OVERALL_TIMEOUT_MS);
    child.on("exit", (c, signal) => {
      clearTimeout(timer);
      resolve(signal ? 1 : (c ?? 1));
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      console.error(`e2e: не удалось запустить tsx: ${e.message}`);
      console.log("0 passed, 1 failed");
      resolve(1);
    });
  });
  server.closeAllConnections?.();
  await new Promise((r) => server.close(r));
  return code;
}

process.exit(await main());
