#!/usr/bin/env node
/**
 * `npm start`: builds the add-in once (when dist/ is missing or older than the sources) and serves dist/ over
 * plain http on localhost — the browser preview at /, the task pane at /taskpane.html for sideloading.
 * No dev certificates (they need sudo on Linux), no network, no Excel needed.
 *
 *   node scripts/start.mjs [--dev] [--rebuild] [--no-build]      PORT=3000 by default
 *
 * Also imported by scripts/e2e.mjs (ensureBuilt, serve).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = path.join(ROOT, "dist");
const STAMP = path.join(DIST, ".build-stamp");
const INPUTS = ["src", "assets", "webpack.config.js", "package-lock.json", "tsconfig.json"];

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** dist/ is stale when missing, or any source, asset or build input is newer than the last build. */
export function isStale() {
  const index = path.join(DIST, "index.html");
  if (!fs.existsSync(index)) return true;
  // `npm run build` leaves no stamp: then the page itself dates the build.
  const built = Math.max(newestMtime(STAMP), fs.statSync(index).mtimeMs);
  return INPUTS.some((p) => newestMtime(path.join(ROOT, p)) > built);
}

export function build({ mode = "production" } = {}) {
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  console.log(`Сборка надстройки (${mode === "production" ? "production" : "development"})…`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--mode", mode], { cwd: ROOT, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        fs.writeFileSync(STAMP, new Date().toISOString());
        resolve();
      } else reject(new Error(`Сборка не удалась (webpack завершился с кодом ${code}).`));
    });
  });
}

export async function ensureBuilt({ force = false, mode = "production" } = {}) {
  if (force || isStale()) await build({ mode });
}

/** Serves `dir` on localhost; resolves with the server and its port (port 0 picks a free one). */
export function serve(dir = DIST, port = 3000) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.resolve(root, "." + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Не найдено");
        return;
      }
      res.writeHead(200, {
        "Content-Type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve({ server, port: server.address().port });
    });
  });
}

/** The task pane address Excel loads, as manifest.xml gives it (Office loads add-ins over https only). */
export function manifestTaskpaneUrl() {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const m = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml);
  return m ? m[1] : "https://localhost:3000/taskpane.html";
}

/** What `npm start` prints once serving: the preview here (http), and where Excel's task pane comes from (https). */
export function startMessage(port) {
  return [
    `Откройте http://localhost:${port}/ — предпросмотр надстройки на примере книги (Excel не нужен).`,
    `Для Excel (боковая загрузка) панель задач загружается по https: ${manifestTaskpaneUrl()} — этот сервер (http) для Excel не подходит.`,
    "Шаги подключения к Excel и https-сервер: npm run sideload (docs/sideload.md).",
    "Остановить: Ctrl+C",
  ];
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT=${process.env.PORT}: укажите номер порта от 1 до 65535.`);
    process.exit(2);
  }
  try {
    if (!args.has("--no-build"))
      await ensureBuilt({
        force: args.has("--rebuild"),
        mode: args.has("--dev") ? "development" : "production",
      });
    else if (!fs.existsSync(path.join(DIST, "index.html")))
      throw new Error("Нет сборки в dist/: запустите без --no-build.");
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  let bound;
  try {
    bound = await serve(DIST, port);
  } catch (e) {
    const inUse = e && e.code === "EADDRINUSE";
    console.error(
      inUse
        ? `Порт ${port} занят. Запустите на другом: PORT=3001 npm start`
        : `Не удалось запустить сервер: ${e instanceof Error ? e.message : e}`,
    );
    process.exit(1);
  }
  console.log("");
  for (const line of startMessage(bound.port)) console.log(line);
  const stop = () => bound.server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
