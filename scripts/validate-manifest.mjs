#!/usr/bin/env node
// npm run validate: checks manifest.xml offline.
//  1. XSD validation against the schemas vendored in assets/manifest-xsd (xmllint-wasm, no apt packages).
//  2. The project's own checks (scripts/manifest-checks.ts): resource ids, locale overrides, https,
//     icon files and sizes, GUID, version, ru-RU/en-US, pages webpack builds.
// Usage: node scripts/validate-manifest.mjs [--manifest path] [--schemas dir]
// Exit code 0 = valid, 1 = problems found, 2 = the check itself could not run.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const options = { manifest: path.join(repoRoot, "manifest.xml"), schemas: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if ((arg === "--manifest" || arg === "--schemas") && argv[i + 1]) {
      options[arg.slice(2)] = path.resolve(argv[++i]);
    } else {
      console.error(
        `Неизвестный параметр: ${arg}\nИспользование: node scripts/validate-manifest.mjs [--manifest файл] [--schemas папка]`,
      );
      process.exit(2);
    }
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const checks = await tsImport("./manifest-checks.ts", import.meta.url);
  const shown = path.relative(process.cwd(), options.manifest) || options.manifest;

  let xml;
  try {
    xml = fs.readFileSync(options.manifest, "utf8");
  } catch {
    console.error(`Не удалось прочитать манифест ${shown}: файла нет или он недоступен.`);
    return 2;
  }

  let failed = false;
  const schemaDir = checks.findSchemaDir(repoRoot, options.schemas);
  if (schemaDir) {
    const result = await checks.validateWithXsd(xml, schemaDir, path.basename(options.manifest));
    if (result.valid) {
      console.log(`XSD: ${shown} соответствует схеме ${checks.SCHEMA_MAIN_FILE}.`);
    } else {
      failed = true;
      console.error(`XSD: ${shown} не соответствует схеме ${checks.SCHEMA_MAIN_FILE}:`);
      for (const e of result.errors) console.error(`  ${e}`);
    }
  } else {
    const where = options.schemas ?? path.resolve(repoRoot, "assets", "manifest-xsd");
    console.log(
      `XSD: схем манифеста нет (${where}) — проверка по XSD пропущена, выполняются только собственные проверки проекта.`,
    );
  }

  const issues = checks.runManifestChecks(xml, { repoRoot });
  if (issues.length === 0) {
    console.log(`Проверки проекта: ${shown} в порядке.`);
  } else {
    failed = true;
    console.error(`Проверки проекта: найдено проблем — ${issues.length}:`);
    for (const issue of issues) {
      console.error(`  ${shown}${issue.line ? `:${issue.line}` : ""}: [${issue.rule}] ${issue.message}`);
    }
  }
  if (failed) console.error("Манифест не прошёл проверку.");
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      `Проверка манифеста не выполнилась: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
