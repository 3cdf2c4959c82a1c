/** Russian plural agreement in what the CLI and the plans say: «1 мероприятие», «3 показателя», «21 школа». */
import { previewFold } from "../../src/app/fold";
import { planCheckSummary } from "../../src/domain/check-summary";
import { plural } from "../../src/domain/ru/plural";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { roadmapWorkbook, sheet, splitRowWorkbook, xlsx } from "./contract-workbooks";
import { runInMemory } from "./memory-io";

describe("plural", () => {
  it.each([
    [0, "0 мероприятий"],
    [1, "1 мероприятие"],
    [2, "2 мероприятия"],
    [4, "4 мероприятия"],
    [5, "5 мероприятий"],
    [11, "11 мероприятий"],
    [14, "14 мероприятий"],
    [21, "21 мероприятие"],
    [22, "22 мероприятия"],
    [111, "111 мероприятий"],
    [1001, "1001 мероприятие"],
  ])("%d", (n, text) => {
    expect(plural(n, "мероприятие", "мероприятия", "мероприятий")).toBe(text);
  });
});

describe("texts with counts", () => {
  it("report: «1 мероприятие со сроком в квартале»", async () => {
    const book = {
      sheets: [
        sheet("План", [
          ["Дорожная карта на 2024 год"],
          ["№ п/п", "Наименование мероприятия", "Сроки исполнения", "Ответственные"],
          ["1.", "Совещание с руководителями школ", "Май 2024", "Иванова А.Б."],
          ["2.", "Родительское собрание", "Декабрь 2024", "Петров В.Г."],
        ]),
      ],
    };
    const r = await runInMemory(
      ["report", "in.xlsx", "-o", "out.xlsx", "--quarter", "2024-Q2", "--today", "2024-04-20"],
      { "in.xlsx": await xlsx(book) },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("1 мероприятие со сроком в квартале.");
  });

  it("monitoring: «3 показателя, 1 школа»", async () => {
    const r = await runInMemory(
      ["monitoring", "plan.xlsx", "--quarter", "2024-Q2", "--schools", "list.txt", "-o", "m.xlsx"],
      { "plan.xlsx": await xlsx(roadmapWorkbook(true)), "list.txt": "МБОУ СОШ № 1\n" },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 3 показателя, 1 школа, \d+ мероприяти/);
  });

  it("check summary of one file: «Сводка проверки 1 файла»", () => {
    expect(planCheckSummary([{ path: "a.xlsx", report: null, error: "не прочитан" }]).summary).toBe(
      "Сводка проверки 1 файла",
    );
  });

  it("fold plan: «1 строки-продолжения … к 1 мероприятию»", async () => {
    const host = await XlsxWorkbookHost.open(await xlsx(splitRowWorkbook()), "s.xlsx");
    const { folds } = await previewFold(host);
    expect(folds[0].plan.summary).toContain(
      "Затем текст 1 строки-продолжения (строки 7) будет присоединён к 1 мероприятию выше",
    );
  });
});
