import { readRussianNumber, readYesNo, round2 } from "../../src/domain/consolidation/russian-number";

describe("readRussianNumber", () => {
  const num = (v: string | number) => {
    const r = readRussianNumber(v);
    return r.kind === "number" ? r.value : r.kind;
  };
  test.each([
    ["10,5", 10.5],
    ["10.5", 10.5],
    ["10 %", 10],
    ["45,5%", 45.5],
    ["1 200", 1200],
    ["1\u00a0200", 1200],
    ["1\u202f200,75", 1200.75],
    ["12 345 678", 12345678],
    ["  7  ", 7],
    ["−5", -5],
    ["-3", -3],
    ["0", 0],
    [42, 42],
  ])("%p → %p", (input, expected) => expect(num(input)).toBe(expected));

  test.each([
    ["=1+2"],
    ["@SUM(A1)"],
    ["12 чел."],
    ["1 2"],
    ["12,3,4"],
    ["нет данных"],
    ["1 20"],
    ["+"],
    ["%"],
  ])("%p stays text", (input) => expect(readRussianNumber(input).kind).toBe("text"));

  test("percent sign is remembered", () => {
    expect(readRussianNumber("45,5%")).toEqual({ kind: "number", value: 45.5, percent: true });
  });
  test("empty and whitespace are empty", () => {
    expect(readRussianNumber(null).kind).toBe("empty");
    expect(readRussianNumber("   ").kind).toBe("empty");
  });
});

describe("readYesNo", () => {
  test.each([
    ["Да", "Да"],
    ["да.", "Да"],
    [" НЕТ ", "Нет"],
  ])("%p → %p", (input, expected) => expect(readYesNo(input)).toEqual({ kind: "yesno", value: expected }));
  test.each([["Частично"], ["1"], ["yes"]])("%p is neither", (input) =>
    expect(readYesNo(input).kind).toBe("text"),
  );
});

test("round2 rounds half away from zero", () => {
  expect(round2(1.005)).toBe(1.01);
  expect(round2(45.454545)).toBe(45.45);
  expect(round2(-2.675)).toBe(-2.68);
  expect(round2(100)).toBe(100);
});
