import { sheetFromRows } from "../../src/domain/grid";
import { reportingWrites } from "../../src/taskpane/changes";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { buildExcelWorkbook } from "../../src/xlsx/write";

async function host(): Promise<XlsxWorkbookHost> {
  const wb = await buildExcelWorkbook({ sheets: [sheetFromRows("Лист1", [["№", "Мероприятие"]])] });
  return XlsxWorkbookHost.fromWorkbook(wb, "книга.xlsx");
}

describe("reportingWrites (the pane learns of its own writes)", () => {
  it("reports each apply, after the batch, and passes everything else through", async () => {
    const inner = await host();
    const seen: string[] = [];
    const tracked = reportingWrites(inner, () => seen.push("write"));
    expect(tracked.name).toBe("книга.xlsx");
    await tracked.select("Лист1", "A1");
    await tracked.setSetting("dismissed", ["x"]);
    expect(seen).toEqual([]);
    await tracked.apply({
      summary: "",
      ops: [{ op: "setValues", sheet: "Лист1", row: 1, col: 0, values: [["1."]] }],
    });
    expect(seen).toEqual(["write"]);
    expect((await inner.readSheet("Лист1")).rows[1]?.[0]).toBe("1.");
  });

  it("reports a failed batch too: it may have changed the sheet before failing", async () => {
    const seen: string[] = [];
    const tracked = reportingWrites(await host(), () => seen.push("write"));
    await expect(
      tracked.apply({
        summary: "",
        ops: [{ op: "setValues", sheet: "Нет такого", row: 0, col: 0, values: [["x"]] }],
      }),
    ).rejects.toThrow();
    expect(seen).toEqual(["write"]);
  });
});
