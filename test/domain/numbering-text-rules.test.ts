import { sheetFromRows } from "../../src/domain/grid";
import { columns } from "../fixtures/expected/types";
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import { numberingFindings, parseNumber } from "../../src/domain/validation/numbering-rules";
import {
  editDistance,
  organisationFindings,
  placeholderFindings,
} from "../../src/domain/validation/text-rules";
import { periodFindings } from "../../src/domain/validation/period-rules";

function activity(row: number, number: string | null, text = "Мероприятие"): ActivityRow {
  return {
    row,
    kind: "activity",
    number,
    section: null,
    rows: [row],
    activity: text,
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
  };
}

function table(numbers: (string | null)[], sheet = "Лист1", firstRow = 2): RoadmapTable {
  return {
    sheet,
    range: `A${firstRow - 1}:E${firstRow + numbers.length - 1}`,
    headerRows: [firstRow - 1],
    title: null,
    period: { start: "2023-01-01", end: "2023-12-31" },
    approved: null,
    columns: columns({ number: "A", activity: "B", deadline: "C", responsible: ["D"] }),
    rows: numbers.map((n, i) => activity(firstRow + i, n)),
  };
}

describe("parseNumber", () => {
  it.each([
    ["1.", [1]],
    ["12", [12]],
    ["2.1", [2, 1]],
    ["2.1.", [2, 1]],
    ["3)", [3]],
    [" 4 . 2 ", [4, 2]],
    ["10000", [10000]],
    ["12345.", [12345]],
    ["50000", [50000]],
    ["1.2.3", [1, 2, 3]],
    ["10000.10000.3", [10000, 10000, 3]],
  ])("%s → %j", (text, expected) => expect(parseNumber(text)).toEqual(expected));
  it.each(["", "IV", "п. 3", "1-2", null])("%s is not a number", (text) =>
    expect(parseNumber(text)).toBeNull(),
  );
});

describe("numbering rules", () => {
  it("finds nothing wrong with 1..5", () => {
    expect(numberingFindings([table(["1.", "2.", "3.", "4.", "5."])])).toEqual([]);
  });

  it("reports a duplicate at the second occurrence", () => {
    const f = numberingFindings([table(["1.", "2.", "2.", "3."])]);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([["numbering.duplicate", "A4"]]);
    expect(f[0].message).toContain("строке 3");
  });

  it("reports a real gap once, naming the missing numbers as a range", () => {
    const f = numberingFindings([table(["1", "2", "6", "7"])]);
    expect(f.map((x) => x.rule)).toEqual(["numbering.gap"]);
    expect(f[0].message).toContain("3–5");
    expect(f[0].cell).toBe("A4");
  });

  it("seed 003's scrambled numbering (1–6, 16–19, then 7–15) is out of order, not a gap", () => {
    const numbers = [
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "16",
      "17",
      "18",
      "19",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
      "14",
      "15",
    ];
    const first = table(numbers.slice(0, 10), "Лист1", 10);
    const second = table(numbers.slice(10), "Лист1", 40);
    const f = numberingFindings([first, second]);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([
      ["numbering.order", "A16"],
      ["numbering.order", "A40"],
    ]);
    expect(f[0].message).toContain("После пункта 6 идёт пункт 16");
    expect(f[1].message).toContain("Пункт 7 стоит после пункта 19");
  });

  it("checks sub-items within their parent", () => {
    const f = numberingFindings([table(["1.", "1.1", "1.2", "1.4", "2.", "2.1"])]);
    expect(f.map((x) => x.rule)).toEqual(["numbering.gap"]);
    expect(f[0].message).toContain("1.3");
  });

  it("an unnumbered table gets one info finding; a missing number in a numbered table a warning", () => {
    expect(numberingFindings([table([null, null, null])]).map((x) => [x.rule, x.severity])).toEqual([
      ["numbering.absent", "info"],
    ]);
    expect(numberingFindings([table(["1.", null, "2."])]).map((x) => [x.rule, x.cell])).toEqual([
      ["numbering.missing", "A3"],
    ]);
  });
});

describe("period rule", () => {
  it("asks for a period when none was found", () => {
    const t = { ...table(["1"]), period: null };
    const f = periodFindings([t, table(["1"])]);
    expect(f).toHaveLength(1);
    expect(f[0].rule).toBe("period.missing");
    expect(f[0].cell).toBe("A1");
  });
});

describe("placeholders", () => {
  it("finds «№ хх» and underscores, not ordinary numbers", () => {
    const wb = {
      sheets: [
        sheetFromRows("Лист1", [
          ["от 19.10.2023 года № хх"],
          ["Приказ № 356 от 19.10.2023"],
          [null, "Ответственный: ________"],
          ["Хх-хор школьный"],
        ]),
      ],
    };
    const f = placeholderFindings(wb);
    expect(f.map((x) => x.cell)).toEqual(["A1", "B3"]);
    expect(f[1].message).toContain("___");
    expect(f[0].message).toContain("№ хх");
  });

  it("a signature line in an approval block is not a placeholder; an unfilled date there is", () => {
    const wb = {
      sheets: [
        sheetFromRows("Лист1", [
          ["УТВЕРЖДАЮ"],
          ["____________ И.И. Петров"],
          ["Петров И.И. ___________"],
          ["_________ (подпись)"],
          ["«___» ________ 2025 г."],
        ]),
      ],
    };
    expect(placeholderFindings(wb).map((x) => x.cell)).toEqual(["A5"]);
  });
});

describe("organisation names", () => {
  it("edit distance", () => {
    expect(editDistance("суклак", "сукпак")).toBe(1);
    expect(editDistance("абвг", "абгв")).toBe(1);
    expect(editDistance("шумск", "суховск", 1)).toBeGreaterThan(1);
  });

  it("catches «Суклакская» / «Сукпакская» (seed 003) and «Суховская ООШ» / «Суховская СОШ» (seed 002)", () => {
    const wb = {
      sheets: [
        sheetFromRows("ДК", [
          ["2 школы по признакам необъективности: Суклакская СОШ и СОШ №2 пгт Каа-Хем"],
          ["1. МБОУ СОШ №2 пгт. Каа-Хем 2. МБОУ Сукпакская СОШ"],
          ["МКОУ «Суховская ООШ» МБОУ «Мгинская СОШ»"],
          ["МКОУ «Суховская СОШ» МБОУ «Мгинская СОШ» МКОУ «Шумская СОШ»"],
        ]),
      ],
    };
    const f = organisationFindings(wb);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([
      ["organisation.spelling-variants", "A2"],
      ["organisation.type-variants", "A4"],
    ]);
    expect(f[0].message).toContain("Суклакская");
    expect(f[0].message).toContain("Сукпакская");
  });

  it("does not flag different case forms of one name, nor clearly different names", () => {
    const wb = {
      sheets: [
        sheetFromRows("ДК", [
          ["в Шумской СОШ"],
          ["МКОУ «Шумская СОШ»"],
          ["Мгинская СОШ"],
          ["Назиевская СОШ"],
        ]),
      ],
    };
    expect(organisationFindings(wb)).toEqual([]);
  });
});

describe("numbering past 9999", () => {
  it("items 1–10005 in one table: no «не похож на номер пункта», no gap, no order finding", () => {
    const numbers = Array.from({ length: 10005 }, (_, i) => `${i + 1}.`);
    expect(numberingFindings([table(numbers)])).toEqual([]);
  });
});
