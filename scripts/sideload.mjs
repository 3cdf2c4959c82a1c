#!/usr/bin/env node
// npm run sideload: prints, in Russian, how to connect the add-in to Excel (Windows shared-folder catalog,
// Mac wef folder, Excel on the web upload), with the https dev server it needs. The steps live in
// docs/sideload.md (one source); this prints the relevant sections and checks the certificate and server.
// Usage: node scripts/sideload.mjs [windows|mac|web] [--no-check]
// office-addin-debugging is deliberately not used: it pulls a native keychain package that fails offline.
import fs from "node:fs";
import https from "node:https";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DOC = path.join(repoRoot, "docs", "sideload.md");
const PORT = 3000;
const PLATFORMS = {
  windows: { heading: "## Шаг 3а", name: "Windows" },
  mac: { heading: "## Шаг 3б", name: "Mac" },
  web: { heading: "## Шаг 3в", name: "Excel в браузере" },
};

/** Sections of the markdown keyed by their `## ` heading line. */
function sections(markdown) {
  const out = [];
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) out.push({ heading: line, lines: [] });
    else if (out.length > 0) out[out.length - 1].lines.push(line);
  }
  return out;
}

/** Markdown to plain terminal text: no emphasis marks, code blocks indented. */
function plain(section) {
  const title = section.heading.replace(/^## /, "");
  const lines = [title, "─".repeat(title.length), ""];
  let fenceIndent = -1; // indentation of the open ``` fence, -1 outside code
  for (const raw of section.lines) {
    if (raw.trim().startsWith("```")) {
      fenceIndent = fenceIndent < 0 ? raw.indexOf("`") : -1;
      continue;
    }
    if (fenceIndent >= 0) {
      lines.push(`      ${raw.slice(Math.min(fenceIndent, raw.length - raw.trimStart().length))}`);
      continue;
    }
    lines.push(
      raw
        .replace(/\*\*/g, "")
        .replace(/`([^`]+)`/g, "$1")
        .replace(/<(https?:\/\/[^>]+)>/g, "$1")
        .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1"),
    );
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd();
}

function request(client, url, options) {
  return new Promise((resolve) => {
    const req = client.get(url, { timeout: 1500, ...options }, (res) => {
      res.resume();
      resolve({ ok: true, status: res.statusCode });
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => resolve({ ok: false, code: error.code ?? error.message }));
  });
}

async function status() {
  const lines = [];
  const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
  const haveCert = ["localhost.crt", "localhost.key"].every((f) => fs.existsSync(path.join(certDir, f)));
  lines.push(
    haveCert
      ? `Сертификат разработчика: найден в ${certDir}.`
      : `Сертификат разработчика: нет файлов ${path.join(certDir, "localhost.crt")} и localhost.key — выполните шаг 1.`,
  );

  const page = `https://localhost:${PORT}/taskpane.html`;
  const trusted = await request(https, page, {});
  if (trusted.ok) {
    lines.push(`Сервер ${page}: отвечает (код ${trusted.status}), сертификат доверенный.`);
  } else {
    const any = await request(https, page, { rejectUnauthorized: false });
    if (any.ok) {
      lines.push(
        `Сервер ${page}: отвечает, но сертификат не доверенный (${trusted.code}) — повторите шаг 1.`,
      );
    } else {
      const plainHttp = await request(http, `http://localhost:${PORT}/`, {});
      lines.push(
        plainHttp.ok
          ? `На порту ${PORT} работает http-предпросмотр (npm start): для Excel остановите его и запустите https-сервер (шаг 2).`
          : `Сервер ${page}: не отвечает — запустите https-сервер (шаг 2).`,
      );
    }
  }
  return lines;
}

async function main() {
  const args = process.argv.slice(2);
  const check = !args.includes("--no-check");
  const wanted = args.filter((a) => a !== "--no-check");
  for (const a of wanted) {
    if (!(a in PLATFORMS)) {
      console.error(
        `Неизвестная платформа «${a}». Использование: npm run sideload -- [windows|mac|web] [--no-check]`,
      );
      return 2;
    }
  }
  let markdown;
  try {
    markdown = fs.readFileSync(DOC, "utf8");
  } catch {
    console.error(`Нет файла ${path.relative(process.cwd(), DOC)} с инструкцией.`);
    return 2;
  }
  const all = sections(markdown);
  const pick = (prefix) => all.find((s) => s.heading.startsWith(prefix));
  const platforms = wanted.length > 0 ? wanted : Object.keys(PLATFORMS);

  const out = [
    "Мониторинг дорожных карт — подключение надстройки к Excel",
    "",
    `Манифест: ${path.join(repoRoot, "manifest.xml")}`,
    `Excel загружает надстройку только по https: https://localhost:${PORT}/taskpane.html.`,
    `npm start — это http-предпросмотр в браузере (http://localhost:${PORT}/), он Excel не нужен и манифестом не пользуется.`,
    "Проверить манифест: npm run validate. Подробности: docs/sideload.md.",
  ];
  if (check) out.push("", ...(await status()));
  const chosen = [pick("## Шаг 1"), pick("## Шаг 2"), ...platforms.map((p) => pick(PLATFORMS[p].heading))];
  chosen.push(pick("## Если что-то не так"));
  for (const s of chosen) if (s) out.push("", plain(s));
  console.log(out.join("\n"));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      `Не удалось показать инструкцию: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
