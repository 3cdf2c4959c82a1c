/** Annotate and report through the Office.js host on the typed fake Excel: a constant number of syncs. */
import { addControlColumns } from "../../src/app/annotate";
import { writeQuarterReport } from "../../src/app/report";
import { setup } from "../excel/helpers";

/** A roadmap of n activities under a title with the period, deadlines spread over 2023. */
function roadmap(n: number): (string | number)[][] {
  const months = ["Январь", "Март", "Май", "Июль", "Сентябрь", "Ноябрь"];
  const rows: (string | number)[][] = [
    ["Дорожная карта по повышению качества образования на 2023 год"],
    ["№", "Мероприятие", "Сроки", "Ответственные"],
  ];
  for (let i = 1; i <= n; i++)
    rows.push([`${i}.`, `Мероприятие ${i}`, `${months[i % months.length]} 2023`, "Огурцова Т.Н."]);
  return rows;
}

async function annotateSyncs(n: number) {
  const { excel, host } = setup();
  const sheet = excel.addSheet("Лист1", roadmap(n));
  excel.syncCount = 0;
  await addControlColumns(host);
  return { syncs: excel.syncCount, sheet, excel, host };
}

describe("annotate on the fake Excel", () => {
  test("formulas valued empty text beside the roadmap are moved right, never written over", async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet("Лист1", roadmap(4));
    // Column I (index 8), the fifth column annotate would take: =IF(…;"";…) whose value is "".
    for (let r = 2; r <= 5; r++) {
      const cell = sheet.cellForWrite(r, 8);
      cell.value = "";
      cell.formula = `=IF(D${r + 1}="x",1,"")`;
    }
    await addControlColumns(host);
    // Five columns inserted at E: the formulas stand in N, untouched; «Контрольный срок» is in I.
    for (let r = 2; r <= 5; r++) expect(sheet.cell(r, 13)?.formula).toBe(`=IF(D${r + 1}="x",1,"")`);
    expect(sheet.cell(1, 8)?.value).toBe("Контрольный срок");
    expect(sheet.cell(2, 8)?.formula).toBeUndefined();
  });

  test("the same number of syncs for 10 and 10,000 activities", async () => {
    const small = await annotateSyncs(10);
    const big = await annotateSyncs(10000);
    expect(big.syncs).toBe(small.syncs);
    // The work is there: headers, four signal rules, validations on the activity rows 3..n+2.
    expect(big.sheet.cell(1, 4)?.value).toBe("Статус");
    expect(big.sheet.cell(1, 8)?.value).toBe("Контрольный срок");
    expect(big.sheet.conditionalFormats).toHaveLength(4);
    const rows = big.sheet.validations.map((v) => [v.range.top, v.range.bottom]);
    expect(rows.every(([t, b]) => t === 2 && b === 10001)).toBe(true);
  });

  test("a rerun writes nothing", async () => {
    const { excel, host, sheet } = await annotateSyncs(10);
    const before = JSON.stringify(sheet.conditionalFormats);
    excel.syncCount = 0;
    const again = await addControlColumns(host);
    expect(again.written).toBe(false);
    expect(JSON.stringify(sheet.conditionalFormats)).toBe(before);
  });

  test("the report: the same number of syncs for 10 and 10,000 activities", async () => {
    const counts: number[] = [];
    for (const n of [10, 10000]) {
      const { excel, host } = setup();
      excel.addSheet("Лист1", roadmap(n));
      excel.syncCount = 0;
      await writeQuarterReport(host, { quarter: "2023-Q2", today: "2023-06-20" });
      counts.push(excel.syncCount);
      const report = excel.sheet("Отчёт 2023-Q2");
      expect(report.charts).toMatchObject([
        {
          type: "ColumnClustered",
          seriesBy: "Columns",
          data: { top: 3, left: 0, bottom: 10, right: 1 },
          title: "Мероприятия по статусам, 2023-Q2",
        },
      ]);
      expect(report.pageLayout?.orientation).toBe("Landscape");
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
