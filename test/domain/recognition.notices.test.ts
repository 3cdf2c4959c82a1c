/** Recognition notices carry a code and params; their Russian and English texts come from those alone. */
import { sheetFromRows, type CellValue } from "../../src/domain/grid";
import {
  formatNotice,
  recognizeSheet,
  recognizeWorkbook,
  type NoticeCode,
  type NoticeParams,
} from "../../src/domain/recognition";

const HEAD = ["№", "Мероприятие", "Срок", "Ответственный"];
const ACT: CellValue[] = [1, "Провести совещание руководителей по", "сентябрь 2025", "Иванов И.И."];

describe("notice codes", () => {
  it("a sheet with continuations, hidden rows, hidden columns and error cells: codes, params and the old text", () => {
    const r = recognizeSheet(
      sheetFromRows(
        "Лист1",
        [HEAD, ACT, [null, "итогам года", "", ""], [2, "Организовать курсы", "#REF!", "Петров П.П.", "x"]],
        { hiddenRows: [3], protected: true },
      ),
    );
    expect(r.notices.map((n) => [n.code, n.params])).toEqual([
      ["table.continuations", { rows: [3] }],
      ["sheet.protected", {}],
      ["table.hidden-rows", { count: 1 }],
      ["table.error-cells", { cells: ["C4"] }],
    ]);
    // The Russian message is the text the CLI report printed before codes existed (hand-copied).
    expect(r.notices[0].message).toBe(
      "На листе «Лист1» строка 3 — продолжение ячейки, разорванной при переносе из Word; её текст присоединён к мероприятию выше. Команда «Исправить вставку из Word» соединит её в самой таблице.",
    );
    expect(r.notices[3].message).toBe(
      "На листе «Лист1» в таблице есть ячейки с ошибками (например, #ССЫЛКА!): C4. Они прочитаны как пустые.",
    );
    for (const n of r.notices) expect(formatNotice(n, "ru")).toBe(n.message);
  });

  it("a foreign table and a sheet with no roadmap", () => {
    const r = recognizeSheet(
      sheetFromRows("Школы", [
        ["№", "Показатель", "Значение"],
        [1, "Доля", "95"],
      ]),
    );
    expect(r.notices.map((n) => [n.code, n.params])).toEqual([
      ["table.not-a-roadmap", { row: 1, labels: ["№", "Показатель", "Значение"] }],
      ["sheet.no-roadmap", {}],
    ]);
    expect(formatNotice(r.notices[0], "en")).toBe(
      "On sheet “Школы” the table in row 1 (“№ | Показатель | Значение”) does not look like a roadmap: it has no activity column together with a deadline or responsible column. It was skipped.",
    );
  });

  it("workbook-level notices have codes too", () => {
    expect(recognizeWorkbook({ sheets: [] }).notices.map((n) => n.code)).toEqual(["workbook.empty"]);
    const r = recognizeWorkbook({
      sheets: [sheetFromRows("Лист1 (исходный)", [HEAD, ACT]), sheetFromRows("Пусто", [])],
    });
    expect(r.notices.map((n) => [n.sheet, n.code])).toEqual([
      ["Лист1 (исходный)", "sheet.backup"],
      ["Пусто", "sheet.empty"],
      ["", "workbook.no-roadmap"],
    ]);
  });

  const samples: { [K in NoticeCode]: NoticeParams[K] } = {
    "workbook.empty": {},
    "workbook.no-roadmap": {},
    "sheet.backup": {},
    "sheet.empty": {},
    "sheet.no-roadmap": {},
    "sheet.protected": {},
    "sheet.long-cells": { cells: ["B7"] },
    "table.no-activities": { row: 7 },
    "table.not-a-roadmap": { row: 7, labels: ["№", "Показатель"] },
    "table.headerless-part": { from: 45, to: 53, range: "A6:F30" },
    "table.continuations": { rows: [3, 4, 5, 6, 7, 8, 9, 10, 11] },
    "table.hidden-rows": { count: 2 },
    "table.hidden-columns": { columns: ["C", "D"] },
    "table.helper-columns": { columns: ["G"] },
    "table.error-cells": { cells: ["A1", "B2", "C3", "D4", "E5", "F6"] },
    "override.columns": {},
    "override.bad-range": { range: "A6-F58" },
  };

  it.each(Object.keys(samples) as NoticeCode[])(
    "%s: English is English, and says what the params say",
    (code) => {
      const n = { sheet: "Sheet1", code, params: samples[code] } as Parameters<typeof formatNotice>[0];
      const en = formatNotice(n, "en");
      const ru = formatNotice(n, "ru");
      expect(en).not.toBe(ru);
      // Outside quotes (sheet names, header labels), no Russian word in the English text.
      expect(en.replace(/“[^”]*”/g, "")).not.toMatch(/[А-Яа-яЁё]/);
      for (const v of Object.values(samples[code]).flat().slice(0, 5)) {
        expect(en).toContain(String(v));
        expect(ru).toContain(String(v));
      }
    },
  );

  it("more than eight continuation rows are cut with «…»; more than five error cells likewise", () => {
    expect(
      formatNotice({ sheet: "Л", code: "table.continuations", params: samples["table.continuations"] }),
    ).toContain("строки 3, 4, 5, 6, 7, 8, 9, 10 … —");
    expect(
      formatNotice({ sheet: "Л", code: "table.error-cells", params: samples["table.error-cells"] }),
    ).toContain("A1, B2, C3, D4, E5 …");
  });
});
