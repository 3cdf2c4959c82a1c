/**
 * Protected sheets: `fold` says a protected sheet's continuation rows cannot be joined (exit 2 when nothing else
 * could be done); `annotate` adds the columns to the unprotected roadmaps and names the protected one.
 */
import path from "node:path";
import type { CellValue, WorkbookGrid } from "../../src/domain/grid";
import { cellText } from "../../src/domain/grid";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { sheet, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";

const HEADER = ["№ п/п", "Наименование мероприятия", "Сроки выполнения", "Ответственные лица"];

function roadmap(name: string, locked: boolean, split = false) {
  const rows: CellValue[][] = [
    ["Дорожная карта на 2025 год"],
    HEADER,
    ["1.", "Анализ результатов ВПР", "Апрель 2025", "Иванова И.И."],
    ["2.", "Семинар для учителей математики и", "Май 2025", "Петров П.П.,"],
  ];
  if (split) rows.push([null, "информатики по подготовке к ОГЭ", null, "руководитель ШМО"]);
  rows.push(["3.", "Родительское собрание", "Июнь 2025", "Сидорова С.С."]);
  return { ...sheet(name, rows), protected: locked };
}

async function headersOf(bytes: Uint8Array, name: string): Promise<string[]> {
  const wb = await (await XlsxWorkbookHost.open(bytes, "x.xlsx")).readWorkbook();
  return (wb.sheets.find((s) => s.name === name)?.rows[1] ?? []).map((c) => cellText(c));
}

const out = (r: { files: Map<string, Uint8Array> }) => r.files.get(path.resolve("out.xlsx"))!;

describe("fold on a protected sheet", () => {
  it("the only continuation row is on a protected sheet: exit 2, the reason in Russian, nothing written", async () => {
    const book: WorkbookGrid = { sheets: [roadmap("Лист1", true, true)] };
    const r = await runInMemory(["fold", "in.xlsx", "-o", "out.xlsx"], { "in.xlsx": await xlsx(book) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "Лист «Лист1» защищён. Снимите защиту листа (Рецензирование → Снять защиту листа) и повторите «Исправить вставку из Word».\n",
    );
    expect(r.stdout).toBe("");
    expect(r.written).toEqual([]);
  });

  it("another sheet is folded; the protected one is named on stderr, exit 0", async () => {
    const book: WorkbookGrid = { sheets: [roadmap("Школа 1", false, true), roadmap("Школа 2", true, true)] };
    const r = await runInMemory(["fold", "in.xlsx", "-o", "out.xlsx"], { "in.xlsx": await xlsx(book) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Лист «Школа 2» защищён.");
    const wb = await (await XlsxWorkbookHost.open(out(r), "x.xlsx")).readWorkbook();
    const folded = wb.sheets.find((s) => s.name === "Школа 1")!;
    expect(folded.rows.map((row) => cellText(row[0]))).toEqual([
      "Дорожная карта на 2025 год",
      "№ п/п",
      "1.",
      "2.",
      "3.",
    ]);
    expect(wb.sheets.find((s) => s.name === "Школа 2")!.rows).toHaveLength(6);
  });
});

describe("annotate with one of two roadmap sheets protected", () => {
  it("annotates the open sheet, names the protected one, exit 0", async () => {
    const book: WorkbookGrid = { sheets: [roadmap("Школа 1", false), roadmap("Школа 2", true)] };
    const r = await runInMemory(["annotate", "in.xlsx", "-o", "out.xlsx", "--today", "2025-04-01"], {
      "in.xlsx": await xlsx(book),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "Лист «Школа 2» защищён — столбцы контроля на нём не добавлены: снимите защиту (Рецензирование → Снять защиту листа) и повторите.",
    );
    expect(await headersOf(out(r), "Школа 1")).toEqual([
      ...HEADER,
      "Статус",
      "Дата выполнения",
      "Подтверждающий документ",
      "Комментарий",
      "Контрольный срок",
    ]);
    expect(await headersOf(out(r), "Школа 2")).toEqual(HEADER);
  });

  it("every roadmap sheet protected: exit 2, one Russian line, nothing written", async () => {
    const book: WorkbookGrid = { sheets: [roadmap("Школа 2", true)] };
    const r = await runInMemory(["annotate", "in.xlsx", "-o", "out.xlsx"], { "in.xlsx": await xlsx(book) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "Лист «Школа 2» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.\n",
    );
    expect(r.written).toEqual([]);
  });
});
