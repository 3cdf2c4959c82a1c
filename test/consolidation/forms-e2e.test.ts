/**
 * End to end with the monitoring command's own forms: a monitoring workbook for 40 schools made from seed
 * 003 (`createMonitoring`), its forms (`makeForms`), filled by this test through the defined names each
 * fingerprint lists — most correctly, one with a numerator above its denominator, one with text in a number
 * cell, one with Russian-written numbers, one re-saved by LibreOffice, one resubmitted, three silent — then
 * `roadmap consolidate`. Verdicts and totals are checked against values computed here from what was typed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeForms, type FormsOutcome } from "../../src/app/forms";
import { createMonitoring } from "../../src/app/monitoring";
import { runCli } from "../../src/cli/run";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { schoolNames } from "./fixtures";
import { fill, typedFor, type Typed } from "./fill-forms";
import { libreOfficeConvert } from "./lo";
import { nodeIo } from "./node-io";

const SCHOOLS = schoolNames(40);

describe("consolidate the monitoring command's own forms", () => {
  let dir = "";
  let outcome: FormsOutcome;
  const typedBy = new Map<number, Typed>();
  let json: {
    returns: { file: string; school: string | null; verdict: string; reasons: { rule: string }[] }[];
    missing: string[];
    totals: {
      indicator: string;
      type: string;
      value: number | null;
      numerator?: number;
      denominator?: number;
      schools: number;
    }[];
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "roadmap-forms-e2e-"));
    const returns = path.join(dir, "returns");
    mkdirSync(returns);
    const host = await XlsxWorkbookHost.open(
      readFileSync(path.join(__dirname, "../fixtures/xlsx/003-pasted.xlsx")),
      "003.xlsx",
    );
    await createMonitoring(host, { quarter: "2025-Q1", schools: SCHOOLS });
    const monitoringFile = path.join(dir, "monitoring.xlsx");
    writeFileSync(monitoringFile, await host.toBuffer());
    outcome = await makeForms(
      await XlsxWorkbookHost.open(readFileSync(monitoringFile), "monitoring.xlsx"),
      (n) => XlsxWorkbookHost.empty(n),
    );
    expect(outcome.forms).toHaveLength(40);
    const shareId = outcome.template.indicators.find((i) => i.type === "share")?.id as string;
    const numberInput = outcome.forms[0].fingerprint.inputs.find((i) => i.type === "integer")!;
    for (let n = 1; n <= 37; n++) {
      const form = outcome.forms[n - 1];
      const typed = typedFor(form.fingerprint, n);
      if (n === 3) typed[shareId] = { numerator: 15, denominator: 10 };
      if (n === 4)
        typed[numberInput.indicator] = { ...typed[numberInput.indicator], [numberInput.part]: "около 5" };
      if (n === 8) typed[shareId] = { numerator: "1\u00a0005", denominator: "2 010" };
      typedBy.set(n, typed);
      writeFileSync(
        path.join(returns, `${n}.xlsx`),
        await fill(form.bytes, typed, new Date("2025-03-20T10:00:00Z")),
      );
    }
    // School 6 sent a faulty form first; its later one (saved 25.03) is the one used.
    const early = typedFor(outcome.forms[5].fingerprint, 106);
    early[shareId] = { numerator: 99, denominator: 10 };
    writeFileSync(
      path.join(returns, "6-early.xlsx"),
      await fill(outcome.forms[5].bytes, early, new Date("2025-03-01T10:00:00Z")),
    );
    writeFileSync(
      path.join(returns, "6.xlsx"),
      await fill(outcome.forms[5].bytes, typedBy.get(6)!, new Date("2025-03-25T10:00:00Z")),
    );
    // School 5 saved its form in LibreOffice.
    libreOfficeConvert(
      [path.join(returns, "5.xlsx")],
      "xlsx",
      path.join(dir, "lo"),
      path.join(dir, "profile"),
    );
    writeFileSync(path.join(returns, "5.xlsx"), readFileSync(path.join(dir, "lo", "5.xlsx")));

    const io = nodeIo();
    expect(
      await runCli(["consolidate", monitoringFile, returns, "-o", path.join(dir, "svod.xlsx"), "--json"], io),
    ).toBe(0);
    json = JSON.parse(io.out.join(""));
  }, 300000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("verdicts", () => {
    const v = (f: string) => json.returns.find((r) => path.basename(r.file) === f);
    expect(v("3.xlsx")).toMatchObject({
      verdict: "accepted_with_remarks",
      reasons: [{ rule: "return.numerator-above-denominator" }],
    });
    expect(v("4.xlsx")).toMatchObject({
      verdict: "accepted_with_remarks",
      reasons: [{ rule: "return.not-a-number" }],
    });
    expect(v("6-early.xlsx")?.verdict).toBe("superseded");
    for (const n of [1, 2, 5, 6, 7, 8, 20, 37])
      expect({ n, ...v(`${n}.xlsx`) }).toMatchObject({ n, verdict: "accepted", reasons: [] });
    expect(json.returns).toHaveLength(38);
    expect(json.missing).toEqual([SCHOOLS[37], SCHOOLS[38], SCHOOLS[39]]);
  });

  test("totals equal those computed here from what was typed", () => {
    const num = (x: string | number) =>
      typeof x === "number" ? x : Number(x.replace(/[\s\u00a0]/g, "").replace(",", "."));
    const r2 = (x: number) => Math.round(x * 100) / 100;
    for (const ind of outcome.template.indicators) {
      const used = [...typedBy.entries()]
        .filter(([n]) => !(n === 3 && ind.type === "share" && typedBy.get(3)?.[ind.id]?.numerator === 15))
        .filter(([n, t]) => !(n === 4 && Object.values(t[ind.id] ?? {}).includes("около 5")))
        .map(([, t]) => t[ind.id]);
      const total = json.totals.find((t) => t.indicator === ind.id);
      if (ind.type === "share") {
        const n = used.reduce((s, v) => s + num(v.numerator), 0);
        const d = used.reduce((s, v) => s + num(v.denominator), 0);
        expect(total).toMatchObject({
          numerator: n,
          denominator: d,
          value: r2((n / d) * 100),
          schools: used.length,
        });
      } else if (ind.type === "count") {
        expect(total).toMatchObject({
          value: used.reduce((s, v) => s + num(v.value), 0),
          schools: used.length,
        });
      } else if (ind.type === "number") {
        expect(total).toMatchObject({ value: r2(used.reduce((s, v) => s + num(v.value), 0) / used.length) });
      } else if (ind.type === "yesno") {
        expect(total).toMatchObject({ value: used.filter((v) => v.value === "Да").length });
      }
    }
    expect(json.totals.length).toBe(outcome.template.indicators.length);
  });
});
