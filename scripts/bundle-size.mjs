#!/usr/bin/env node
/**
 * After `webpack`: the gzipped size of the JavaScript each page loads up front (its entry chunks, as listed
 * in the HTML; lazy chunks such as the .xlsx engine not counted). Fails when the task pane's is over budget,
 * so the pane stays quick to open inside Excel.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const DIST = process.env.DIST_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const TASKPANE_BUDGET_KB = 350;
const PAGES = [
  { html: "taskpane.html", label: "Панель задач (taskpane.html)", budgetKb: TASKPANE_BUDGET_KB },
  { html: "index.html", label: "Предпросмотр (index.html)", budgetKb: null },
  { html: "commands.html", label: "Команды (commands.html)", budgetKb: null },
];

const kb = (bytes) => (bytes / 1024).toFixed(1);
const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function initialScripts(htmlFile) {
  const html = fs.readFileSync(htmlFile, "utf8");
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    const src = m[1].replace(/^\.?\//, "");
    if (src.startsWith("office-js/") || /^https?:/.test(src)) continue; // Office's own script, not ours
    out.push(src);
  }
  return out;
}

let failed = false;
if (!fs.existsSync(DIST)) {
  console.error("Нет папки dist/: сначала соберите проект (npm run build).");
  process.exit(1);
}
const counted = new Set();
for (const page of PAGES) {
  const htmlFile = path.join(DIST, page.html);
  if (!fs.existsSync(htmlFile)) {
    console.error(`Нет ${page.html} в dist/.`);
    failed = true;
    continue;
  }
  let total = 0;
  const parts = [];
  for (const src of initialScripts(htmlFile)) {
    const file = path.join(DIST, src);
    if (!fs.existsSync(file)) {
      console.error(`${page.html} ссылается на отсутствующий файл ${src}`);
      failed = true;
      continue;
    }
    counted.add(src);
    const size = gzipSize(file);
    total += size;
    parts.push(`${src} ${kb(size)} КБ`);
  }
  const over = page.budgetKb !== null && total > page.budgetKb * 1024;
  if (over) failed = true;
  const budget = page.budgetKb !== null ? ` (лимит ${page.budgetKb} КБ)` : "";
  console.log(`${over ? "✗" : "✓"} ${page.label}: ${kb(total)} КБ gzip${budget} — ${parts.join(", ")}`);
}
const lazy = fs
  .readdirSync(DIST)
  .filter((f) => f.endsWith(".js") && !counted.has(f))
  .map((f) => ({ f, size: gzipSize(path.join(DIST, f)) }));
if (lazy.length)
  console.log(`  загружаются по требованию: ${lazy.map(({ f, size }) => `${f} ${kb(size)} КБ`).join(", ")}`);
if (failed) {
  console.error(`Начальный JavaScript панели задач больше ${TASKPANE_BUDGET_KB} КБ gzip или сборка неполна.`);
  process.exit(1);
}
