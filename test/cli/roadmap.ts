/** Running the built `roadmap` CLI as users and evaluators do: `node bin/roadmap.js …`. */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");
export const fixtures = path.join(root, "test/fixtures/xlsx");

/** Bundle src/cli into build/cli.js (the tests run the bundle, as `npx roadmap` does). */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(root, "scripts/build-cli.mjs")], { cwd: root, stdio: "pipe" });
}

export function roadmap(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/roadmap.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ROADMAP_DEBUG: "" },
    timeout: 120000,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
