/** The readable Russian report of `roadmap check` (without --json). */
import { plural } from "../domain/ru/plural";
import type { CheckReport, Finding, RoadmapTable, Severity } from "../domain/model";
import { formatRuDate } from "../domain/russian-dates";

export interface TextReportOptions {
  today: string;
  notices?: readonly { sheet: string; message: string }[];
}

/** "1 таблица", "2 таблицы", "5 таблиц" (src/domain/ru/plural.ts). */
export { plural };

const COLUMN_NAMES: [keyof RoadmapTable["columns"], string][] = [
  ["number", "№"],
  ["activity", "мероприятие"],
  ["form", "форма"],
  ["deadline", "сроки"],
  ["responsible", "ответственные"],
  ["result", "результат"],
  ["evidence", "подтверждающий документ"],
  ["status", "статус"],
  ["doneDate", "дата выполнения"],
  ["evidenceLink", "ссылка на документ"],
  ["comment", "комментарий"],
];

function columnsLine(t: RoadmapTable): string {
  const parts: string[] = [];
  for (const [role, label] of COLUMN_NAMES) {
    const v = t.columns[role];
    if (Array.isArray(v)) {
      if (v.length) parts.push(`${label} — ${v.join(", ")}`);
    } else if (v) parts.push(`${label} — ${v}`);
  }
  return parts.length ? parts.join("; ") : "не определены";
}

function tableBlock(t: RoadmapTable, i: number, total: number): string[] {
  const count = (kind: string) => t.rows.filter((r) => r.kind === kind).length;
  const lines = [
    `Таблица ${i + 1} из ${total}: лист «${t.sheet}», диапазон ${t.range}`,
    `  Заголовок: ${t.title ?? "не найден"}`,
    `  Период: ${t.period ? `${formatRuDate(t.period.start)} – ${formatRuDate(t.period.end)}` : "не указан"}`,
    `  Утверждена: ${t.approved ? formatRuDate(t.approved) : "дата утверждения не найдена"}`,
    `  Столбцы: ${columnsLine(t)}`,
    `  Строки: ${plural(count("section"), "раздел", "раздела", "разделов")}, ${plural(
      count("activity"),
      "мероприятие",
      "мероприятия",
      "мероприятий",
    )}, ${plural(count("continuation"), "строка-продолжение", "строки-продолжения", "строк-продолжений")}`,
  ];
  return lines;
}

/** The task pane's names for the severities. */
const SEVERITY_TITLES: [Severity, string][] = [
  ["error", "Ошибки"],
  ["warning", "Предупреждения"],
  ["info", "Подсказки"],
];

/** Excel's own notation, so the address can be pasted into the Name Box: 'Горячий Ключ 2023'!D49. */
export function cellRef(sheet: string, cell: string): string {
  const plain = /^[A-Za-zА-Яа-яЁё_][\wА-Яа-яЁё.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

function findingLine(f: Finding): string {
  const where = f.cell ? cellRef(f.sheet, f.cell) : `лист «${f.sheet}»`;
  const line = `  ${where} — ${f.message}`;
  return f.suggestion ? `${line}\n      → ${f.suggestion}` : line;
}

export function formatTextReport(report: CheckReport, opts: TextReportOptions): string {
  const out: string[] = [`Файл: ${report.file}`, `Дата проверки: ${formatRuDate(opts.today)}`, ""];
  if (report.tables.length === 0) {
    out.push(
      "Дорожная карта не найдена: ни на одном видимом листе нет таблицы с заголовками вроде «Мероприятие», «Сроки», «Ответственные».",
    );
  } else {
    out.push(`Найдено: ${plural(report.tables.length, "таблица", "таблицы", "таблиц")}`, "");
    report.tables.forEach((t, i) => out.push(...tableBlock(t, i, report.tables.length), ""));
  }
  // A notice about the whole workbook («no roadmap in the book») has no sheet to name.
  for (const n of opts.notices ?? [])
    out.push(n.sheet ? `Примечание (лист «${n.sheet}»): ${n.message}` : `Примечание: ${n.message}`);
  if (opts.notices?.length) out.push("");

  const by = (s: Severity) => report.findings.filter((f) => f.severity === s);
  if (report.findings.length === 0) {
    out.push("Замечаний нет.");
  } else {
    out.push(
      `Замечания: ${plural(by("error").length, "ошибка", "ошибки", "ошибок")}, ${plural(
        by("warning").length,
        "предупреждение",
        "предупреждения",
        "предупреждений",
      )}, ${plural(by("info").length, "подсказка", "подсказки", "подсказок")}`,
    );
    for (const [severity, title] of SEVERITY_TITLES) {
      const list = by(severity);
      if (!list.length) continue;
      out.push("", `${title}:`, ...list.map(findingLine));
    }
  }
  return out.join("\n") + "\n";
}
