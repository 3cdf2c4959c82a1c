/** The one preflight every host runs (src/domain/plan/validate.ts): each refusal with its Russian message. */
import type { EditOp } from "../../src/domain/edit-plan";
import { validatePlan, type WorkbookFacts } from "../../src/domain/plan";

const facts = (extra: Partial<WorkbookFacts> = {}): WorkbookFacts => ({
  sheets: [
    { name: "План", visibility: "visible", protected: false },
    { name: "Защищён", visibility: "visible", protected: true },
    { name: "Скрытый", visibility: "hidden", protected: false },
  ],
  ...extra,
});
const check = (ops: EditOp[], f = facts()) => validatePlan({ summary: "", ops }, f);
const R = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

describe("validatePlan", () => {
  test("a good plan passes, sheets matched without regard to case", () => {
    expect(
      check([
        { op: "setValues", sheet: "план", row: 0, col: 0, values: [["x"]] },
        { op: "addSheet", sheet: "Отчёт 2024-Q3" },
        { op: "setFormulas", sheet: "Отчёт 2024-Q3", row: 0, col: 0, formulas: [["=1+1", null]] },
        { op: "merge", sheet: "Отчёт 2024-Q3", range: R(0, 1, 0, 3) },
        { op: "protectSheet", sheet: "Отчёт 2024-Q3" },
      ]),
    ).toBeNull();
  });

  test("missing, protected, existing and badly named sheets", () => {
    expect(check([{ op: "deleteRows", sheet: "Нет", rows: [1] }])).toBe("Лист «Нет» не найден в книге.");
    expect(check([{ op: "setValues", sheet: "Защищён", row: 0, col: 0, values: [["y"]] }])).toBe(
      "Лист «Защищён» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.",
    );
    // Workbook-level ops are allowed on a protected sheet.
    expect(check([{ op: "copySheet", sheet: "Защищён", newName: "Копия" }])).toBeNull();
    expect(check([{ op: "setSheetVisibility", sheet: "Защищён", visibility: "hidden" }])).toBeNull();
    expect(check([{ op: "copySheet", sheet: "План", newName: "скрытый" }])).toBe(
      "Лист с именем «скрытый» уже есть в книге: выберите другое имя.",
    );
    expect(check([{ op: "addSheet", sheet: "Отчёт: 2024/Q3" }])).toMatch(
      /^Недопустимое имя листа «Отчёт: 2024\/Q3»/,
    );
    expect(check([{ op: "addSheet", sheet: "History" }])).toMatch(/зарезервировано/);
  });

  test("values may go into the unlocked cells of a protected sheet when the host knows which they are", () => {
    // «Защищён»: only B2:C2 (row 1, columns 1–2) unlocked, as a form's input cells.
    const locked = (sheet: string, r: number, c: number) =>
      !(sheet === "Защищён" && r === 1 && c >= 1 && c <= 2);
    const f = facts({ locked });
    const protectedMessage =
      "Лист «Защищён» защищён: снимите защиту (Рецензирование → Снять защиту листа) и повторите.";
    expect(check([{ op: "setValues", sheet: "Защищён", row: 1, col: 1, values: [[1, 2]] }], f)).toBeNull();
    // One locked cell in the block refuses the whole op; other ops stay refused on a protected sheet.
    expect(check([{ op: "setValues", sheet: "Защищён", row: 1, col: 0, values: [[0, 1]] }], f)).toBe(
      protectedMessage,
    );
    expect(check([{ op: "setFormulas", sheet: "Защищён", row: 1, col: 1, formulas: [["=1+1"]] }], f)).toBe(
      protectedMessage,
    );
    // Without the fact every write to a protected sheet is refused, as before.
    expect(check([{ op: "setValues", sheet: "Защищён", row: 1, col: 1, values: [[1]] }])).toBe(
      protectedMessage,
    );
  });

  test("a sheet deleted earlier in the plan is gone; re-adding it is fine", () => {
    expect(
      check([
        { op: "deleteSheet", sheet: "Скрытый" },
        { op: "setValues", sheet: "Скрытый", row: 0, col: 0, values: [["x"]] },
      ]),
    ).toBe("Лист «Скрытый» не найден в книге.");
    expect(
      check([
        { op: "deleteSheet", sheet: "Скрытый" },
        { op: "addSheet", sheet: "Скрытый" },
        { op: "setValues", sheet: "Скрытый", row: 0, col: 0, values: [["x"]] },
      ]),
    ).toBeNull();
  });

  test("the last visible sheet can be neither hidden nor deleted", () => {
    const one: WorkbookFacts = {
      sheets: [
        { name: "План", visibility: "visible", protected: false },
        { name: "Скрытый", visibility: "hidden", protected: false },
      ],
    };
    const msg = "Лист «План» — последний видимый лист книги: Excel не позволяет его скрыть или удалить.";
    expect(check([{ op: "setSheetVisibility", sheet: "План", visibility: "veryHidden" }], one)).toBe(msg);
    expect(check([{ op: "deleteSheet", sheet: "План" }], one)).toBe(msg);
    expect(
      check(
        [
          { op: "setSheetVisibility", sheet: "Скрытый", visibility: "visible" },
          { op: "deleteSheet", sheet: "План" },
        ],
        one,
      ),
    ).toBeNull();
  });

  test("planner mistakes are internal errors", () => {
    const internal = /^Внутренняя ошибка плана правки: /;
    expect(check([{ op: "setValues", sheet: "План", row: -1, col: 0, values: [["x"]] }])).toMatch(internal);
    expect(check([{ op: "setValues", sheet: "План", row: 0.5, col: 0, values: [["x"]] }])).toMatch(internal);
    expect(check([{ op: "deleteRows", sheet: "План", rows: [2, -1] }])).toMatch(internal);
    expect(check([{ op: "insertColumns", sheet: "План", col: 2, count: 0 }])).toMatch(internal);
    expect(check([{ op: "insertColumns", sheet: "План", col: 16383, count: 2 }])).toMatch(internal);
    expect(check([{ op: "setFormulas", sheet: "План", row: 0, col: 0, formulas: [["SUM(A1:A2)"]] }])).toBe(
      "Внутренняя ошибка плана правки: формула должна начинаться со знака «=».",
    );
    expect(
      check([{ op: "addConditionalFormat", sheet: "План", range: R(0, 0), formula: "A1>0", fill: "FFC7CE" }]),
    ).toMatch(internal);
    expect(
      check([{ op: "addConditionalFormat", sheet: "План", range: R(0, 0), formula: "=A1>0", fill: "red" }]),
    ).toMatch(internal);
    expect(check([{ op: "setLocked", sheet: "План", range: R(3, 0, 1, 0), locked: false }])).toMatch(
      internal,
    );
    expect(
      check([{ op: "setValidation", sheet: "План", range: R(0, 0), rule: { kind: "list", list: [] } }]),
    ).toMatch(internal);
    expect(
      check([
        { op: "setValidation", sheet: "План", range: R(0, 0), rule: { kind: "date", min: "2024-02-30" } },
      ]),
    ).toMatch(internal);
    expect(
      check([
        { op: "setValidation", sheet: "План", range: R(0, 0), rule: { kind: "whole", min: 5, max: 1 } },
      ]),
    ).toMatch(internal);
    expect(check([{ op: "freezePanes", sheet: "План", rows: -1, cols: 0 }])).toMatch(internal);
  });

  test("nothing may be changed on a sheet after the plan protected it", () => {
    expect(
      check([
        { op: "protectSheet", sheet: "План" },
        { op: "setLocked", sheet: "План", range: R(0, 0), locked: false },
      ]),
    ).toBe("Внутренняя ошибка плана правки: лист «План» защищается раньше, чем в него вносятся изменения.");
  });

  test("defined names follow Excel's rule", () => {
    const name = (n: string) => check([{ op: "setDefinedName", sheet: "План", name: n, range: R(0, 0) }]);
    for (const good of ["RM_Status", "_RM.form", "Статус_2024", "Итог1"]) expect(name(good)).toBeNull();
    for (const bad of ["A1", "RM1", "XFD100", "R1C1", "R", "c", "1abc", "два слова", "a-b", ""])
      expect(name(bad)).toMatch(/^Недопустимое имя «.*» для именованного диапазона/);
  });

  test("a merge over cells holding data is refused; planned writes count", () => {
    const cell = (_s: string, r: number, c: number) => (r === 0 && c === 2 ? "данные" : null);
    const f = facts({ cell });
    expect(check([{ op: "merge", sheet: "План", range: R(0, 0, 0, 3) }], f)).toBe(
      "Нельзя объединить ячейки A1:D1 на листе «План»: в них уже есть данные, они были бы потеряны.",
    );
    // The top-left cell may hold the title.
    expect(check([{ op: "merge", sheet: "План", range: R(1, 0, 1, 3) }], f)).toBeNull();
    // Cleared by the plan first: fine. Written by the plan first: refused.
    expect(
      check(
        [
          { op: "setValues", sheet: "План", row: 0, col: 2, values: [[null]] },
          { op: "merge", sheet: "План", range: R(0, 0, 0, 3) },
        ],
        f,
      ),
    ).toBeNull();
    expect(
      check(
        [
          { op: "setValues", sheet: "План", row: 1, col: 0, values: [["Заголовок", "хвост"]] },
          { op: "merge", sheet: "План", range: R(1, 0, 1, 3) },
        ],
        f,
      ),
    ).toMatch(/^Нельзя объединить ячейки A2:D2/);
  });
});
