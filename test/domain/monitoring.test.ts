/**
 * Monitoring domain: the activities due in a quarter on the seed roadmaps (expected lists written by hand
 * from the «Сроки» texts and the contract's rule), school lists, Windows-safe file names, and the plans'
 * invariants (every input named, unlocked and validated by type; every sheet protected after its writes).
 */
import { checkWorkbook } from "../../src/domain/check";
import { parseA1 } from "../../src/domain/grid";
import type { EditOp } from "../../src/domain/edit-plan";
import { readIndicators } from "../../src/domain/indicators";
import { returnByOrThrow } from "../../src/app/monitoring";
import {
  FINGERPRINT_SHEET,
  buildTemplate,
  monitoringSetting,
  dueActivities,
  formFileNames,
  parseSchoolList,
  planMonitoringWorkbook,
  planSchoolForm,
  safeFileStem,
  schoolsFromWorkbook,
} from "../../src/domain/monitoring";
import { parseQuarter } from "../../src/domain/quarter";
import { seedFixtures } from "../fixtures/seeds";

const seeds = seedFixtures();
const wbOf = (id: string) => seeds.find((s) => s.id === id)!.workbook;
const tablesOf = (id: string) => checkWorkbook(wbOf(id), { today: "2025-01-01" }).tables;
const due = (id: string, quarter: string) =>
  dueActivities(tablesOf(id), parseQuarter(quarter)!).map((a) => a.number);

describe("activities due in a quarter (hand-written from the «Сроки» texts)", () => {
  it("004, 2022-Q2: April–June windows, quarterly, «Весь период», «постоянно», «Май, июнь», June of «июнь декабрь»; not «До 01.09.2022»", () => {
    expect(due("004-clean", "2022-Q2")).toEqual([
      "1.",
      "2.",
      "3.",
      "4.",
      "5.",
      "6.",
      "7.",
      "8.",
      "9.",
      "10.",
      "11.",
      "12.",
      "13.",
      "19.",
      "22.",
      "23.",
      "25.",
      "26.",
      "28.",
      "29.",
      "30.",
    ]);
  });
  it("004, 2022-Q4: «С 11.04.2022» runs to the period's end; December of «июнь декабрь»; not September", () => {
    expect(due("004-clean", "2022-Q4")).toEqual([
      "2.",
      "5.",
      "11.",
      "15.",
      "16.",
      "18.",
      "19.",
      "22.",
      "23.",
      "24.",
      "25.",
      "26.",
      "27.",
      "29.",
      "30.",
      "31.",
    ]);
  });
  it("003, 2025-Q1: every «до …» of January–March in both parts of the plan, and «1 раз в квартал»", () => {
    expect(due("003-pasted", "2025-Q1")).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "16",
      "17",
      "18",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
      "14",
      "15",
    ]);
  });
  it("003, 2025-Q2 and 2024-Q4", () => {
    expect(due("003-pasted", "2025-Q2")).toEqual(["18", "19"]);
    expect(due("003-pasted", "2024-Q4")).toEqual(["18"]);
  });
  it("ids are stable and distinct", () => {
    const a = dueActivities(tablesOf("004-clean"), parseQuarter("2022-Q2")!);
    const b = dueActivities(tablesOf("004-pasted"), parseQuarter("2022-Q4")!);
    expect(new Set(a.map((x) => x.id)).size).toBe(a.length);
    const byText = new Map(b.map((x) => [x.activity, x.id]));
    for (const x of a) if (byText.has(x.activity)) expect(byText.get(x.activity)).toBe(x.id);
  });
});

describe("school lists", () => {
  it("blank lines ignored, list markers dropped, repeats reported", () => {
    const r = parseSchoolList("1. МБОУ СОШ № 1\n\n  МБОУ «СОШ №2»  \r\nмбоу сош №1\n- МКОУ Шумская СОШ\n");
    expect(r.schools).toEqual(["МБОУ СОШ № 1", "МБОУ «СОШ №2»", "МКОУ Шумская СОШ"]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain("строка 4");
  });
  it("seed 002's lists of schools, «Итого» not a school", () => {
    const r = schoolsFromWorkbook(wbOf("002-pasted"));
    expect(r.schools.slice(0, 8)).toEqual([
      "МКОУ «Путиловская ООШ»",
      "МБОУ «Отраденская СОШ № 3»",
      "МКОУ «Шумская СОШ»",
      "МКОУ «Назиевская СОШ»",
      "МКОУ «Суховская ООШ»",
      "МБОУ «Мгинская СОШ»",
      "МКОУ «Отраденская СОШ № 2»",
      "МКОУ «Синявинская СОШ»",
    ]);
    // Appendix 3 (the leader schools) lists two more.
    expect(r.schools).toHaveLength(10);
  });
});

describe("file names safe on Windows", () => {
  it('no " / : * ? < > |, no trailing dot, no device names, length capped, unique', () => {
    expect(safeFileStem('МБОУ "СОШ №1" г. Зея/Амурская: обл.')).toBe("МБОУ СОШ №1 г. Зея Амурская обл");
    expect(safeFileStem("CON")).toBe("CON_");
    expect(safeFileStem("   ")).toBe("Школа");
    expect(safeFileStem("А".repeat(200)).length).toBe(80);
    expect(formFileNames(["Школа 1", "школа 1", "Школа:1", "Школа/1"])).toEqual([
      "Школа 1.xlsx",
      "школа 1 (2).xlsx",
      "Школа 1 (3).xlsx",
      "Школа 1 (4).xlsx",
    ]);
  });
});

function template(schools = ["МБОУ СОШ № 1", "=МБОУ «СОШ № 2»"]) {
  const wb = wbOf("003-pasted");
  const tables = tablesOf("003-pasted");
  const q = parseQuarter("2025-Q1")!;
  return buildTemplate({
    quarter: q,
    indicators: readIndicators(wb, tables).indicators,
    activities: dueActivities(tables, q),
    schools,
    previous: null,
  });
}

describe("template identity", () => {
  it("same id for the same quarter; version up only when indicators or activities change", () => {
    const t1 = template();
    const setting = monitoringSetting(t1, null);
    const again = buildTemplate({
      ...t1,
      quarter: parseQuarter("2025-Q1")!,
      schools: ["Новая школа"],
      previous: setting,
    });
    expect(again.id).toBe(t1.id);
    expect(again.version).toBe(1);
    expect(again.schools).toEqual([...t1.schools, "Новая школа"]);
    const changed = buildTemplate({
      quarter: parseQuarter("2025-Q1")!,
      indicators: t1.indicators.map((i, k) => (k === 0 ? { ...i, type: "share" as const } : i)),
      activities: t1.activities,
      schools: t1.schools,
      previous: setting,
    });
    expect([changed.id, changed.version]).toEqual([t1.id, 2]);
  });
});

describe("the forms' return date", () => {
  const formText = (t: ReturnType<typeof template>) =>
    JSON.stringify(planSchoolForm(t, "МБОУ СОШ № 1").plan.ops.filter((o) => o.op === "setValues"));
  it("is the 10th day after the quarter unless chosen, and a quarter's later run keeps the choice", () => {
    const t = template();
    expect(t.returnBy).toBe("2025-04-10"); // Q1 ends 31 March
    expect(formText(t)).toContain("Срок: до 10.04.2025.");
    const chosen = buildTemplate({
      ...t,
      quarter: parseQuarter("2025-Q1")!,
      previous: null,
      returnBy: "2025-04-05",
    });
    expect(formText(chosen)).toContain("Срок: до 05.04.2025.");
    expect(JSON.stringify(planMonitoringWorkbook(chosen).ops)).toContain(
      "Формы школ принимаются до 05.04.2025.",
    );
    const rerun = buildTemplate({
      quarter: parseQuarter("2025-Q1")!,
      indicators: t.indicators,
      activities: t.activities,
      schools: ["Новая школа"],
      previous: monitoringSetting(chosen, null),
    });
    expect(rerun.returnBy).toBe("2025-04-05");
  });
  it("a template saved before the date existed still gets the 10th day", () => {
    const { returnBy: _dropped, ...old } = template();
    expect(formText({ ...old })).toContain("Срок: до 10.04.2025.");
  });
  it("is read from Russian text; a bad or too early date is refused in Russian", () => {
    const q = parseQuarter("2025-Q2")!;
    expect(returnByOrThrow(" 7.07.2025 ", q)).toBe("2025-07-07");
    expect(returnByOrThrow("2025-07-07", q)).toBe("2025-07-07");
    expect(() => returnByOrThrow("31.06.2025", q)).toThrow(
      "Неверная дата сдачи форм «31.06.2025»: нужен вид дд.мм.гггг.",
    );
    expect(() => returnByOrThrow("31.03.2025", q)).toThrow(
      "Срок сдачи форм 31.03.2025 раньше начала квартала 2025-Q2 (01.04.2025).",
    );
  });
});

const cellsOf = (op: EditOp) =>
  "range" in op ? parseA1(`${String.fromCharCode(65 + op.range.left)}${op.range.top + 1}`) : null;

describe("plans", () => {
  it("monitoring workbook: a block per indicator, inputs unlocked and validated, sheets protected last", () => {
    const t = template();
    const plan = planMonitoringWorkbook(t);
    const sheet = t.sheets.indicators;
    const ops = plan.ops.filter((o) => o.sheet === sheet);
    // 3 indicators (seed 003): one count (1 input), two shares (2 inputs each) → 5 validations.
    expect(ops.filter((o) => o.op === "setValidation")).toHaveLength(5);
    expect(ops.filter((o) => o.op === "setLocked" && !o.locked)).toHaveLength(5);
    expect(ops[ops.length - 1].op).toBe("protectSheet");
    const act = plan.ops.filter((o) => o.sheet === t.sheets.activities);
    expect(act[act.length - 1].op).toBe("protectSheet");
    expect(act.find((o) => o.op === "setValidation")).toMatchObject({
      rule: { kind: "list", list: expect.arrayContaining(["Выполнено"]) },
    });
    // The count block: count of schools rows, target 3 for 2025 (seed 003: «2025 → 3»).
    const values = ops.filter((o) => o.op === "setValues") as Extract<EditOp, { op: "setValues" }>[];
    const block = values.find((o) => o.values.length === 2 && o.values[0][1] === "МБОУ СОШ № 1")!;
    expect(block.values[0][5]).toBe(3);
    expect(block.values[1][1]).toBe("=МБОУ «СОШ № 2»"); // text, never a formula
  });
  it("school form: each fingerprint input has its defined name on its cell, unlocked, validated by type", () => {
    const t = template();
    const { plan, fingerprint } = planSchoolForm(t, "МБОУ СОШ № 1");
    expect(fingerprint.inputs.map((i) => [i.part, i.type])).toEqual([
      ["value", "integer"],
      ["numerator", "integer"],
      ["denominator", "integer"],
      ["numerator", "integer"],
      ["denominator", "integer"],
    ]);
    for (const input of fingerprint.inputs) {
      const named = plan.ops.find((o) => o.op === "setDefinedName" && o.name === input.name)!;
      expect(named).toBeTruthy();
      expect(cellsOf(named)).toEqual(parseA1(input.cell));
      const cell = parseA1(input.cell)!;
      // Ops may cover a run of input cells; the input must be inside one.
      const at = (o: EditOp) =>
        o.sheet === input.sheet &&
        "range" in o &&
        o.range.left <= cell.left &&
        o.range.right >= cell.left &&
        o.range.top <= cell.top &&
        o.range.bottom >= cell.top;
      expect(plan.ops.some((o) => o.op === "setLocked" && !o.locked && at(o))).toBe(true);
      expect(plan.ops.find((o) => o.op === "setValidation" && at(o))).toMatchObject({
        rule: { kind: "whole", min: 0 },
      });
    }
    expect(fingerprint.activityInputs).toHaveLength(t.activities.length);
    const fp = plan.ops.filter((o) => o.sheet === FINGERPRINT_SHEET);
    expect(fp[0]).toEqual({ op: "addSheet", sheet: FINGERPRINT_SHEET, hidden: "veryHidden" });
    const json = (fp[1] as Extract<EditOp, { op: "setValues" }>).values[0].slice(1).join("");
    expect(JSON.parse(json)).toEqual(fingerprint);
    for (const s of ["Показатели", "Мероприятия", FINGERPRINT_SHEET]) {
      const own = plan.ops.filter((o) => o.sheet === s);
      expect(own[own.length - 1].op).toBe("protectSheet");
    }
  });
});
