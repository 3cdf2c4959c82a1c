import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { UserFacingError } from "../../src/domain/host";
import type { Finding, RoadmapTable } from "../../src/domain/model";
import { sheetFromRows } from "../../src/domain/grid";
import { translator } from "../../src/taskpane/i18n";
import { userMessage } from "../../src/taskpane/logic/errors";
import {
  groupFindings,
  hiddenRuleCounts,
  highlightTargets,
  localIsoDate,
  readDismissed,
  ruleFamilyTitle,
  ruleTitle,
} from "../../src/taskpane/logic/findings";
import {
  buildOverride,
  choiceFromColumns,
  columnOptions,
  normaliseRange,
  replaceOverride,
  tableCounts,
} from "../../src/taskpane/logic/tables";
import { personLines } from "../../src/taskpane/logic/people";
import {
  cellsOf,
  excelWidthToPx,
  layoutSheet,
  resultFileName,
  stepFrom,
} from "../../src/preview/grid-layout";
import { columns } from "../fixtures/expected/types";

const t = translator("ru");

function finding(rule: string, severity: Finding["severity"], cell: string | null, sheet = "Лист1"): Finding {
  return { rule, severity, sheet, cell, message: `${rule} ${cell}`, suggestion: null };
}

const TABLE: RoadmapTable = {
  sheet: "Лист1",
  range: "A2:E9",
  headerRows: [2],
  title: null,
  period: null,
  approved: null,
  columns: columns({ number: "A", activity: "B", deadline: "C", responsible: ["D"] }),
  rows: [
    { row: 2, kind: "header" },
    { row: 3, kind: "section", text: "Муниципальный уровень" },
    {
      row: 4,
      kind: "activity",
      number: "1.",
      section: "Муниципальный уровень",
      rows: [4, 5, 6],
      activity: "Семинар",
      deadline: { raw: "", type: "missing", start: null, end: null, recurrence: null },
      responsible: { raw: "", persons: [], roles: [] },
      result: null,
      evidence: null,
      status: null,
      doneDate: null,
      evidenceLink: null,
      comment: null,
      dueDate: null,
      signal: null,
    },
    { row: 5, kind: "continuation" },
    { row: 6, kind: "continuation" },
    {
      row: 7,
      kind: "activity",
      number: "2.",
      section: "Муниципальный уровень",
      rows: [7],
      activity: "Мониторинг",
      deadline: { raw: "", type: "missing", start: null, end: null, recurrence: null },
      responsible: { raw: "", persons: [], roles: [] },
      result: null,
      evidence: null,
      status: null,
      doneDate: null,
      evidenceLink: null,
      comment: null,
      dueDate: null,
      signal: null,
    },
  ],
};

describe("userMessage", () => {
  it("shows a UserFacingError's Russian message as is", () => {
    expect(userMessage(new UserFacingError("Лист защищён."), t)).toBe("Лист защищён.");
  });

  it("wraps anything else, first line only, no stack", () => {
    const e = new Error("boom\n    at foo (x.js:1:1)");
    expect(userMessage(e, t)).toBe("Не удалось выполнить команду: boom");
    expect(userMessage("строка", t)).toBe("Не удалось выполнить команду: строка");
    expect(userMessage(undefined, t)).toBe("Не удалось выполнить команду: undefined");
  });

  it("recognises a UserFacingError from another bundle by its name", () => {
    const foreign = new Error("Нужен Excel 2019.");
    foreign.name = "UserFacingError";
    expect(userMessage(foreign, t)).toBe("Нужен Excel 2019.");
  });
});

describe("groupFindings", () => {
  const findings = [
    finding("deadline.missing", "warning", "C4"),
    finding("numbering.gap", "error", "A7"),
    finding("deadline.missing", "warning", "C9"),
    finding("responsible.vague-role", "info", "D4"),
    finding("deadline.outside-period", "warning", "C5"),
  ];

  it("orders errors, warnings, hints; rules by first appearance", () => {
    const groups = groupFindings(findings, { dismissed: new Set(), showDismissed: false });
    expect(groups.map((g) => [g.severity, g.count, g.rules.map((r) => r.rule)])).toEqual([
      ["error", 1, ["numbering.gap"]],
      ["warning", 3, ["deadline.missing", "deadline.outside-period"]],
      ["info", 1, ["responsible.vague-role"]],
    ]);
  });

  it("leaves dismissed findings out unless asked to show them", () => {
    const dismissed = new Set(["deadline.missing|Лист1|C4", "numbering.gap|Лист1|A7"]);
    const hidden = groupFindings(findings, { dismissed, showDismissed: false });
    expect(hidden.map((g) => [g.severity, g.count])).toEqual([
      ["warning", 2],
      ["info", 1],
    ]);
    expect(groupFindings(findings, { dismissed, showDismissed: true }).map((g) => g.count)).toEqual([
      1, 3, 1,
    ]);
  });

  it("leaves a hidden rule out entirely, dismissed shown or not, and does not highlight it", () => {
    const rules = new Set(["deadline.missing"]);
    const groups = groupFindings(findings, { dismissed: new Set(), showDismissed: true, rules });
    expect(groups.map((g) => [g.severity, g.count, g.rules.map((r) => r.rule)])).toEqual([
      ["error", 1, ["numbering.gap"]],
      ["warning", 1, ["deadline.outside-period"]],
      ["info", 1, ["responsible.vague-role"]],
    ]);
    expect(highlightTargets(findings, new Set(), rules).map((c) => c.address)).toEqual(["A7", "D4", "C5"]);
    expect(hiddenRuleCounts(findings, new Set(["deadline.missing", "text.placeholder"]))).toEqual([
      ["deadline.missing", 2],
      ["text.placeholder", 0],
    ]);
  });

  it("highlights each visible cell once", () => {
    const list = [
      ...findings,
      finding("text.placeholder", "warning", "C4"),
      finding("period.missing", "warning", null),
    ];
    expect(highlightTargets(list, new Set(["numbering.gap|Лист1|A7"]))).toEqual([
      { sheet: "Лист1", address: "C4" },
      { sheet: "Лист1", address: "C9" },
      { sheet: "Лист1", address: "D4" },
      { sheet: "Лист1", address: "C5" },
    ]);
  });

  it("reads only string keys from the stored setting", () => {
    expect([...readDismissed(["a|b|C1", 3, null])]).toEqual(["a|b|C1"]);
    expect(readDismissed({ a: 1 }).size).toBe(0);
  });

  it("names rule families in Russian", () => {
    expect(ruleFamilyTitle("deadline.outside-period", t)).toBe("Сроки");
    expect(ruleFamilyTitle("something.new", t)).toBe("Прочее");
  });

  it("titles a rule in Russian, never by its id", () => {
    expect(ruleTitle("deadline.outside-period", t)).toBe("Сроки · срок вне периода карты");
    expect(ruleTitle("responsible.vague-role", t)).toBe("Ответственные · только роль, без фамилии");
    expect(ruleTitle("deadline.brand-new", t)).toBe("Сроки");
    expect(translator("en")("rule_numbering.gap")).toBe("gap in numbering");
  });

  it("has a title for every rule the engine reports", () => {
    const dir = path.join(__dirname, "../../src/domain/validation");
    const ids = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")))
      for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(
        /"((?:deadline|responsible|numbering|period|text|organisation|structure)\.[a-z-]+)"/g,
      ))
        ids.add(m[1]);
    expect(ids.size).toBeGreaterThan(15);
    expect([...ids].filter((id) => ruleTitle(id, t) === ruleFamilyTitle(id, t))).toEqual([]);
  });

  it("gives the local date", () => {
    expect(localIsoDate(new Date(2024, 0, 5, 23, 30))).toBe("2024-01-05");
  });
});

describe("table helpers", () => {
  it("counts sections, activities and continuation rows", () => {
    expect(tableCounts(TABLE)).toEqual({ sections: 1, activities: 2, continuations: 2 });
  });

  it("counts the broken rows a reader sees, not the empty rows between", () => {
    // Row 5 is the empty row a page break left; row 6 carries the rest of activity 1's text.
    const rows: (string | null)[][] = [
      [],
      ["№", "Мероприятие", "Сроки", "Ответственные"],
      [],
      ["1.", "Семинар"],
      [],
    ];
    rows.push([null, "для учителей"]);
    const sheet = sheetFromRows("Лист1", rows);
    expect(tableCounts(TABLE, sheet).continuations).toBe(1);
  });

  it("labels columns with their letter and header text", () => {
    const sheet = sheetFromRows("Лист1", [
      ["Дорожная карта"],
      ["№ п/п", "Наименование мероприятия", "Сроки выполнения", "Ответственные лица", null],
    ]);
    expect(columnOptions(sheet, TABLE).map((o) => o.label)).toEqual([
      "A — № п/п",
      "B — Наименование мероприятия",
      "C — Сроки выполнения",
      "D — Ответственные лица",
      "E",
    ]);
  });

  it("normalises typed ranges", () => {
    expect(normaliseRange(" a6 : f58 ")).toBe("A6:F58");
    expect(normaliseRange("F58:A6")).toBe("A6:F58");
    expect(normaliseRange("таблица")).toBeNull();
  });

  it("stores only what the user changed, keeping an earlier correction", () => {
    const choice = { ...choiceFromColumns(TABLE.columns), deadline: "E", responsible: ["D", "E"] };
    expect(buildOverride(TABLE, choice, "A2:E9", undefined)).toEqual({
      sheet: "Лист1",
      columns: { deadline: "E", responsible: ["D", "E"] },
    });
    const previous = { sheet: "Лист1", columns: { form: null } };
    expect(buildOverride(TABLE, choiceFromColumns(TABLE.columns), "a2:e12", previous)).toEqual({
      sheet: "Лист1",
      range: "A2:E12",
      columns: { form: null },
    });
    expect(buildOverride(TABLE, choiceFromColumns(TABLE.columns), "A2:E9", undefined)).toBeNull();
  });

  it("replaces the table's stored override and keeps other sheets'", () => {
    const stored = [
      { sheet: "Лист1", columns: { deadline: "C" } },
      { sheet: "Лист2", range: "A1:D5" },
      { sheet: "Лист1", range: "A40:E60" },
    ];
    expect(replaceOverride(stored, TABLE, { sheet: "Лист1", range: "A2:E12" })).toEqual([
      { sheet: "Лист2", range: "A1:D5" },
      { sheet: "Лист1", range: "A40:E60" },
      { sheet: "Лист1", range: "A2:E12" },
    ]);
    expect(replaceOverride(stored, TABLE, null)).toHaveLength(2);
  });
});

describe("personLines", () => {
  it("sorts by number of activities and lists other spellings only", () => {
    const lines = personLines({
      people: [
        {
          name: "Батюк Н.В.",
          surname: "Батюк",
          initials: "Н.В.",
          positions: [],
          activities: 3,
          sections: [],
          variants: ["Батюк Н.В."],
          assigned: [],
        },
        {
          name: "Грицина Н.В.",
          surname: "Грицина",
          initials: "Н.В.",
          positions: ["начальник отдела"],
          activities: 14,
          sections: [],
          variants: ["Грицина Н.В.", "Грицына Н.В."],
          assigned: [],
        },
        {
          name: "Агеева О.П.",
          surname: "Агеева",
          initials: "О.П.",
          positions: [],
          activities: 3,
          sections: [],
          variants: [],
          assigned: [],
        },
      ],
    });
    expect(lines.map((l) => [l.name, l.activities, l.variants])).toEqual([
      ["Грицина Н.В.", 14, ["Грицына Н.В."]],
      ["Агеева О.П.", 3, []],
      ["Батюк Н.В.", 3, []],
    ]);
  });
});

describe("preview grid layout", () => {
  const sheet = sheetFromRows(
    "Лист1",
    [
      ["Заголовок на всю ширину", null, null],
      ["№", "Мероприятие", "Срок"],
      ["1.", "Семинар", "Май"],
    ],
    { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] },
  );

  it("draws a merge once, at its top-left, spanning its cells", () => {
    const layout = layoutSheet(sheet);
    expect(layout.spans.get("0,0")).toEqual({ rowSpan: 1, colSpan: 3 });
    expect([...layout.covered.keys()]).toEqual(["0,1", "0,2"]);
    expect([layout.rowCount, layout.colCount, layout.hiddenByCap]).toEqual([3, 3, 0]);
  });

  it("moves with the arrow keys as Excel does: a merge is one cell, the edge stops", () => {
    const layout = layoutSheet(sheet);
    // Down from the title A1:C1 lands on A2; up from B2 lands on the title's top-left A1.
    expect(stepFrom(layout, 0, 0, 1, 0)).toEqual({ row: 1, col: 0 });
    expect(stepFrom(layout, 1, 1, -1, 0)).toEqual({ row: 0, col: 0 });
    // Right from the title: nothing beyond column C is drawn, so the selection stays.
    expect(stepFrom(layout, 0, 0, 0, 1)).toEqual({ row: 0, col: 0 });
    expect(stepFrom(layout, 2, 1, 0, 1)).toEqual({ row: 2, col: 2 });
    expect(stepFrom(layout, 2, 0, 0, -1)).toEqual({ row: 2, col: 0 });
    expect(stepFrom(layout, 2, 2, 1, 0)).toEqual({ row: 2, col: 2 });
  });

  it("caps the rows it draws and says how many are left out", () => {
    const big = sheetFromRows(
      "Большой",
      Array.from({ length: 1200 }, (_x, i) => [i]),
    );
    const layout = layoutSheet(big, 500);
    expect([layout.rowCount, layout.hiddenByCap]).toEqual([500, 700]);
  });

  it("draws the column widths the file sets, its own text sizing the others", () => {
    // Excel's default column (9.140625 stored) is 64 px; a width of 50 characters is 355 px.
    expect(excelWidthToPx(9.140625)).toBe(64);
    expect(excelWidthToPx(50.7109375)).toBe(355);
    const plain = layoutSheet(sheet);
    const sized = layoutSheet(sheet, 500, 60, [undefined, 355]);
    expect(sized.widths[1]).toBe(355);
    expect(sized.widths[0]).toBe(plain.widths[0]);
  });

  it("maps a selected address to the drawn cells", () => {
    const layout = layoutSheet(sheet);
    expect([...cellsOf("B1", layout)]).toEqual(["0,0"]);
    expect([...cellsOf("B2:C3", layout)]).toEqual(["1,1", "1,2", "2,1", "2,2"]);
    expect([...cellsOf("не адрес", layout)]).toEqual([]);
  });

  it("names the downloaded result", () => {
    expect(resultFileName("Дорожная карта.xlsx")).toBe("Дорожная карта-обработано.xlsx");
    expect(resultFileName("книга.XLSX")).toBe("книга-обработано.xlsx");
  });
});
