/**
 * Fuzzing (fast-check, fixed seed): returns with random cell edits, names moved or broken, inserted rows,
 * truncated and bit-flipped zips, random bytes. The run never throws or hangs, and no value reaches the
 * totals unless it is exactly what the school typed and fits its type.
 */
import fc from "fast-check";
import { checkReturn } from "../../src/domain/consolidation/check-return";
import { consolidate } from "../../src/domain/consolidation/consolidate";
import type { ReturnRecord } from "../../src/domain/consolidation/record";
import { cellKey, type ReturnReading } from "../../src/domain/consolidation/template";
import type { CellValue } from "../../src/domain/grid";
import { readReturn } from "../../src/returns/read-return";
import { correctFill, makeFingerprint, makeReading, makeTemplate } from "./fixtures";
import { writeForm } from "./form-file";

const t = makeTemplate();
const SCHOOL = "МБОУ СОШ № 1";
const SEED = 20241203;

/** An independent reading of what a school typed: plain digits with «,» or «.», spaces only between groups. */
function oracleNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  let s = v.trim();
  if (s.endsWith("%")) s = s.slice(0, -1).trim();
  if (
    !/^[-−–+]?\d{1,3}([ \u00a0\u202f\u2009\u2007]?\d{3})*([.,]\d+)?$/.test(s) &&
    !/^[-−–+]?\d+([.,]\d+)?$/.test(s)
  )
    return null;
  const n = Number(
    s
      .replace(/[ \u00a0\u202f\u2009\u2007]/g, "")
      .replace(/^[−–]/, "-")
      .replace(",", "."),
  );
  return Number.isFinite(n) ? n : null;
}

/** Every used value is the typed one and fits its type; otherwise the record carries an error for that indicator. */
function assertNoBadValue(rec: ReturnRecord, reading: ReturnReading): void {
  let fp: ReturnType<typeof makeFingerprint> | null = null;
  try {
    fp = JSON.parse(reading.fingerprintText ?? "null") as ReturnType<typeof makeFingerprint> | null;
  } catch {
    fp = null;
  }
  if (!fp || rec.rejected) {
    expect(rec.values).toEqual([]);
    return;
  }
  for (const v of rec.values) {
    const ind = t.indicators.find((i) => i.id === v.indicator);
    expect(ind).toBeDefined();
    const raw = (part: string) => {
      const input = fp.inputs.find((i) => i.indicator === v.indicator && i.part === part);
      if (!input) return undefined;
      const ref = reading.names[input.name];
      const m = ref ? /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref) : null;
      expect(m).not.toBeNull(); // a used value always came through a valid name
      return reading.cells[cellKey(m?.[1].replace(/''/g, "'") ?? "", `${m?.[2]}${m?.[3]}`)] ?? null;
    };
    switch (ind?.type) {
      case "share": {
        const n = oracleNumber(raw("numerator") ?? null);
        const d = oracleNumber(raw("denominator") ?? null);
        expect(v.numerator).toBe(n);
        expect(v.denominator).toBe(d);
        expect(
          Number.isInteger(n) &&
            Number.isInteger(d) &&
            (n as number) >= 0 &&
            (n as number) <= (d as number) &&
            (d as number) > 0,
        ).toBe(true);
        break;
      }
      case "count":
        expect(v.value).toBe(oracleNumber(raw("value") ?? null));
        expect(Number.isInteger(v.value) && (v.value as number) >= 0).toBe(true);
        break;
      case "number":
        expect(v.value).toBe(oracleNumber(raw("value") ?? null));
        break;
      case "dynamics":
        expect(v.value).toBe(oracleNumber(raw("value") ?? null));
        expect(v.previous).toBe(oracleNumber(raw("previous") ?? null));
        break;
      case "yesno":
        expect(["Да", "Нет"]).toContain(v.value);
        expect(String(raw("value")).trim().replace(/\.$/, "").toLowerCase()).toBe(
          (v.value as string).toLowerCase(),
        );
        break;
    }
  }
  const totals = consolidate(t, [rec]).totals;
  for (const total of totals) if (total.value !== null) expect(Number.isFinite(total.value)).toBe(true);
}

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -50, max: 2000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom(
    "Да",
    "нет",
    "Частично",
    "10,5",
    "10 %",
    "45,5%",
    "1 200",
    "1\u00a0200",
    "=A1+1",
    "+7",
    "-3",
    "@x",
    "",
    "  ",
    "1 2",
    "12,3,4",
    "#REF!",
  ),
  fc.string(),
);

describe("fuzzing the checks (domain level)", () => {
  test("random edits of input cells and names never throw and never let a bad value through", () => {
    const inputs = makeFingerprint(t, SCHOOL).inputs;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: inputs.length - 1 }), anyCell), { maxLength: 8 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: inputs.length - 1 }),
            fc.constantFrom("#REF!", "'Показатели'!#REF!", "gone", "'Показатели'!$Z$99", "Другой!$A$1"),
          ),
          { maxLength: 3 },
        ),
        fc.integer({ min: 0, max: 30 }),
        (edits, nameEdits, seed) => {
          const r = makeReading(t, SCHOOL, correctFill(seed));
          for (const [i, v] of edits) r.cells[cellKey(inputs[i].sheet, inputs[i].cell)] = v;
          for (const [i, ref] of nameEdits) {
            if (ref === "gone") delete r.names[inputs[i].name];
            else r.names[inputs[i].name] = ref;
          }
          const rec = checkReturn(t, r);
          assertNoBadValue(rec, r);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  test("a damaged fingerprint text is rejected, never a crash", () => {
    const text = JSON.stringify(makeFingerprint(t, SCHOOL));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), fc.string({ maxLength: 5 }), (cut, junk) => {
        const r = { ...makeReading(t, SCHOOL, correctFill(1)), fingerprintText: text.slice(0, cut) + junk };
        const rec = checkReturn(t, r);
        if (rec.rejected) expect(rec.values).toEqual([]);
        else assertNoBadValue(rec, r);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe("fuzzing the reader (files)", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await writeForm(t, SCHOOL, correctFill(3));
  });

  test("inserted rows anywhere: every value still the typed one", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), anyCell), { maxLength: 3 }),
        async (row, count, edits) => {
          const fill = correctFill(3);
          const ids = t.indicators.map((i) => i.id);
          for (const [k, v] of edits) fill.values[ids[k]] = { ...fill.values[ids[k]], value: v };
          const reading = await readReturn({
            file: "f.xlsx",
            bytes: await writeForm(t, SCHOOL, fill, { insertRowsAt: { row, count } }),
          });
          const rec = checkReturn(t, reading);
          expect(rec.rejected).toBe(false);
          assertNoBadValue(rec, reading);
        },
      ),
      { seed: SEED, numRuns: 25 },
    );
  }, 120000);

  test("truncated, bit-flipped and random files: a reason, never a crash or a hang", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 0, max: 100000 }).map((n) => ({ kind: "cut" as const, n })),
          fc
            .array(fc.tuple(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 20,
            })
            .map((flips) => ({ kind: "flip" as const, flips })),
          fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ kind: "random" as const, bytes })),
        ),
        async (damage) => {
          let bytes: Uint8Array;
          if (damage.kind === "cut") bytes = good.slice(0, damage.n % good.length);
          else if (damage.kind === "flip") {
            bytes = good.slice();
            for (const [at, b] of damage.flips) bytes[at % bytes.length] = b;
          } else bytes = damage.bytes;
          const started = Date.now();
          const reading = await readReturn({ file: "x.xlsx", bytes });
          expect(Date.now() - started).toBeLessThan(5000);
          const rec = checkReturn(t, reading);
          assertNoBadValue(rec, reading);
          if (reading.problem)
            expect(rec).toMatchObject({ rejected: true, reasons: [{ rule: "return.unreadable" }] });
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  }, 120000);
});
