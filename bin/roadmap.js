#!/usr/bin/env node
// `roadmap` command: runs the bundled CLI (build/cli.js, built by `npm run build:cli` / `npm ci`).
"use strict";
const fs = require("fs");
const path = require("path");

const cli = path.join(__dirname, "..", "build", "cli.js");
if (!fs.existsSync(cli)) {
  process.stderr.write("Программа не собрана: выполните в папке проекта `npm run build:cli` и повторите.\n");
  process.exitCode = 2;
} else {
  require(cli);
}
