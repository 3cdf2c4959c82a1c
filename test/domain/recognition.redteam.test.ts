/**
 * Layouts from the red-team pass (realistic files not in the seeds), each pinned with hand-written expectations.
 */
import { sheetFromRows, type CellValue } from "../../src/domain/grid";
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import { recognizeWorkbook } from "../../src/domain/recognition";

function tables(rows: CellValue[][]): RoadmapTable[] {
  return recognizeWorkbook({ sheets: [sheetFromRows("ДК", rows)] }).tables;
}

function acts(t: RoadmapTable): ActivityRow[] {
  return t.rows.filter((r): r is ActivityRow => r.kind === "activity");
}

describe("another table right under the roadmap", () => {
  // A school's roadmap followed, after one blank row, by its indicator table: «№ | Показатель | 2024 | 2025».
  // The year cells keep that header from reading as a header; its «№» cell still says it is not an activity.
  const rows: CellValue[][] = [
    ["Дорожная карта МБОУ СОШ № 3 на 2024-2025 учебный год"],
    ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель"],
    ["1.", "Разработка плана ВШК", "сентябрь 2024", "Иванова И.И."],
    ["2.", "Курсы ПК", "в течение года", "Петров П.П."],
    [],
    ["Показатели эффективности"],
    ["№", "Показатель", "2024", "2025"],
    [1, "Доля выпускников, сдавших ОГЭ", 90, 95],
    [2, "Количество открытых уроков", 4, 6],
  ];

  it("ends the roadmap before the indicator table", () => {
    const [t] = tables(rows);
    expect(t.range).toBe("A2:D4");
    expect(acts(t).map((a) => a.number)).toEqual(["1.", "2."]);
    expect(t.rows.some((r) => r.kind === "section")).toBe(false);
  });

  it("still reads a header repeated after a page break as the same table", () => {
    const head = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель"];
    const t = tables([
      head,
      ["1.", "Анализ ВПР", "май 2025", "Иванова И.И."],
      head,
      ["2.", "Семинар", "июнь 2025", "Петров П.П."],
    ]);
    expect(t).toHaveLength(1);
    expect(acts(t[0]).map((a) => a.number)).toEqual(["1.", "2."]);
  });
});

describe("a side note beside the header row", () => {
  // Users keep figures to the right of the table, two empty columns away: «Справочно: бюджет» and 100 on the header
  // row made the header read as a data row, and no roadmap was found at all.
  const note: CellValue[][] = [
    ["Дорожная карта на 2025 год", null, null, null, null, null, "Справочно: бюджет"],
    ["№", "Мероприятие", "Срок", "Ответственный", null, null, 100, 200],
    ["1.", "Анализ ВПР", "Апрель 2025", "Иванова И.И."],
    ["2.", "Семинар", "Май 2025", "Петров П.П."],
  ];

  it("still finds the roadmap, without the note's columns", () => {
    const t = tables(note);
    expect(t).toHaveLength(1);
    expect(t[0].range).toBe("A2:D4");
    expect(acts(t[0]).map((a) => a.activity)).toEqual(["Анализ ВПР", "Семинар"]);
  });

  it("a data row with one empty column inside is still no header", () => {
    // «1. | Анализ ВПР | | Апрель 2025»: one gap does not split a row, so its numbering keeps it a data row.
    const t = tables([
      ["№", "Мероприятие", null, "Срок", "Ответственный"],
      ["1.", "Анализ ВПР", null, "Апрель 2025", "Иванова И.И."],
    ]);
    expect(t).toHaveLength(1);
    expect(acts(t[0])).toHaveLength(1);
  });
});
