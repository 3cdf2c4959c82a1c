/**
 * The keep/drop table of the .xlsx host: `npx tsx test/xlsx/measure-preserve.ts [out-dir] [parts]` builds the rich
 * workbook, runs «Добавить столбцы контроля» on it through XlsxWorkbookHost, and says for every part whether the
 * saved file still has it.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { addControlColumns } from "../../src/app/annotate";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { ALL_PARTS, richWorkbook, type Part } from "./rich-package";

type Check = (zip: JSZip, all: string) => Promise<boolean> | boolean;

const has =
  (re: RegExp): Check =>
  (zip) =>
    Object.keys(zip.files).some((n) => re.test(n));
const text =
  (s: string): Check =>
  (_zip, all) =>
    all.includes(s);

export const CHECKS: [string, Check][] = [
  ["диаграмма (chart)", text("Баллы школ")],
  ["рисунок (picture)", (zip, all) => has(/^xl\/media\//)(zip, all) && /<xdr:pic>/.test(all)],
  ["надпись (text box)", text("Согласовано с управлением образования")],
  ["примечание (note)", text("Проверить с методистом")],
  ["проверка данных", text('type="whole"')],
  ["условный формат x14 (dataBar)", text("x14:dataBar")],
  ["спарклайны (x14)", text("x14:sparklineGroup")],
  ["имя (defined name)", text("Баллы_школ")],
  ["параметры печати", text('orientation="landscape"')],
  ["скрытый лист", text('state="hidden"')],
  ["умная таблица", has(/^xl\/tables\/table\d+\.xml$/)],
  ["сводная таблица", has(/^xl\/pivotTables\//)],
  ["срез (slicer)", has(/^xl\/slicers\//)],
  ["элемент управления формы", has(/^xl\/ctrlProps\//)],
  ["макросы VBA", has(/vbaProject\.bin$/)],
  ["custom XML", has(/^customXml\//)],
  ["тема (theme)", text("Тема региона")],
  ["имя-формула (OFFSET)", text("OFFSET(Лист1!$")],
  ["имя листа (localSheetId)", (_z, all) => /<definedName name="Местное" localSheetId="0">/.test(all)],
  ["скрытое имя", (_z, all) => /<definedName name="Служебное"[^>]*hidden="1"/.test(all)],
  ["список с другого листа (x14)", text("x14:dataValidation ")],
  ["условный формат по другому листу (x14)", text("Скрытый!$B$1")],
];

export async function keptParts(bytes: Uint8Array): Promise<Record<string, boolean>> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /\.(xml|rels|vml)$/.test(n))
      .map((n) => zip.file(n)!.async("string")),
  );
  const all = texts.join("\n");
  const out: Record<string, boolean> = {};
  for (const [name, check] of CHECKS) out[name] = await check(zip, all);
  return out;
}

async function main() {
  const dir = process.argv[2] ?? "/tmp";
  // Optional: the parts to put in, comma-separated (default: all).
  const parts = process.argv[3] ? (process.argv[3].split(",") as Part[]) : ALL_PARTS;
  const input = await richWorkbook(parts);
  writeFileSync(path.join(dir, "rich.xlsx"), input);
  const host = await XlsxWorkbookHost.open(input, "rich.xlsx");
  const outcome = await addControlColumns(host);
  const output = await host.toBuffer();
  writeFileSync(path.join(dir, "rich-annotated.xlsx"), output);
  const before = await keptParts(input);
  const after = await keptParts(output);
  console.log("| часть | во входном | после annotate |\n|---|---|---|");
  for (const [name] of CHECKS)
    console.log(`| ${name} | ${before[name] ? "да" : "НЕТ"} | ${after[name] ? "сохранено" : "ПОТЕРЯНО"} |`);
  console.log("notices:", outcome.notices);
}

if (require.main === module) void main();
