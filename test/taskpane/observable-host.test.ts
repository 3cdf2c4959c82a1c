import { sheetFromRows } from "../../src/domain/grid";
import { ObservableHost, type PreviewEvent } from "../../src/preview/observable-host";
import { XlsxWorkbookHost } from "../../src/xlsx/host";
import { buildExcelWorkbook } from "../../src/xlsx/write";

async function previewHost(): Promise<{
  host: ObservableHost;
  inner: XlsxWorkbookHost;
  events: PreviewEvent[];
}> {
  const wb = await buildExcelWorkbook({
    sheets: [
      sheetFromRows("Лист1", [
        ["№", "Мероприятие"],
        ["1.", "Совещание"],
      ]),
    ],
  });
  const inner = XlsxWorkbookHost.fromWorkbook(wb, "книга.xlsx");
  const host = new ObservableHost(inner);
  const events: PreviewEvent[] = [];
  host.subscribe((e) => events.push(e));
  return { host, inner, events };
}

describe("ObservableHost (the preview's host)", () => {
  it("shows what the workbook holds: a new highlight replaces the previous one", async () => {
    const { host, inner, events } = await previewHost();
    await host.highlight([
      { sheet: "Лист1", address: "A1" },
      { sheet: "Лист1", address: "A1" },
    ]);
    await host.highlight([{ sheet: "Лист1", address: "B2" }]);
    expect(inner.highlightedCells()).toEqual([{ sheet: "Лист1", address: "B2" }]);
    expect(host.highlighted).toEqual([{ sheet: "Лист1", address: "B2" }]);
    expect(events).toEqual([
      { kind: "highlighted", cells: [{ sheet: "Лист1", address: "A1" }] },
      { kind: "highlighted", cells: [{ sheet: "Лист1", address: "B2" }] },
    ]);
  });

  it("tells the view about a selection and makes its sheet the shown one", async () => {
    const { host, events } = await previewHost();
    await host.select("Лист1", "B2");
    expect(host.activeSheet).toBe("Лист1");
    expect(events).toEqual([{ kind: "selected", sheet: "Лист1", address: "B2" }]);
  });

  it("reports the user's selection in the grid as the workbook's selection", async () => {
    const { host, events } = await previewHost();
    expect(await host.selectedRange()).toBeNull();
    host.userSelect("Лист1", "A1:B2");
    expect(await host.selectedRange()).toEqual({ sheet: "Лист1", address: "A1:B2" });
    await host.select("Лист1", "B2");
    expect(await host.selectedRange()).toEqual({ sheet: "Лист1", address: "B2" });
    expect(events.map((e) => e.kind)).toEqual(["selected", "selected"]);
  });

  it("tells the view whether a write went through, so an old error can be cleared", async () => {
    const { host, events } = await previewHost();
    await host.apply({
      summary: "",
      ops: [{ op: "setValues", sheet: "Лист1", row: 1, col: 1, values: [["Семинар"]] }],
    });
    await expect(
      host.apply({
        summary: "",
        ops: [{ op: "setValues", sheet: "Нет такого", row: 0, col: 0, values: [["x"]] }],
      }),
    ).rejects.toThrow("Лист «Нет такого» не найден в книге.");
    expect(events).toEqual([{ kind: "changed" }, { kind: "changed", failed: true }]);
  });

  it("knows when the page holds changes not yet downloaded", async () => {
    const { host } = await previewHost();
    expect(host.hasUnsavedChanges).toBe(false);
    await host.select("Лист1", "A1");
    await host.highlight([]);
    expect(host.hasUnsavedChanges).toBe(false);
    await host.setSetting("dismissed", ["x"]);
    expect(host.hasUnsavedChanges).toBe(true);
    host.markSaved();
    expect(host.hasUnsavedChanges).toBe(false);
    await host.apply({
      summary: "",
      ops: [{ op: "setValues", sheet: "Лист1", row: 2, col: 0, values: [["3."]] }],
    });
    expect(host.hasUnsavedChanges).toBe(true);
  });
});
