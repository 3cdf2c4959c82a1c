import { watchWorkbookChanges, type ExcelRunLike } from "../../src/excel/changes";

/** The few objects watchWorkbookChanges touches, by hand: sheets with onChanged, the collection's onAdded. */
function fakeExcel(names: string[]) {
  let syncs = 0;
  const changed = new Map<string, (() => Promise<void>)[]>();
  let added: ((e: { worksheetId: string }) => Promise<void>) | null = null;
  let removed = 0;
  const context = { sync: async () => void syncs++ };
  const handler = () => ({ context, remove: () => void removed++ });
  const sheet = (name: string) => ({
    name,
    load: () => undefined,
    onChanged: {
      add: (h: () => Promise<void>) => {
        changed.set(name, [...(changed.get(name) ?? []), h]);
        return handler();
      },
    },
  });
  const items = names.map(sheet);
  const worksheets = {
    items,
    load: () => undefined,
    getItem: (id: string) => items.find((x) => x.name === id) ?? items[items.push(sheet(id)) - 1],
    onAdded: {
      add: (h: (e: { worksheetId: string }) => Promise<void>) => {
        added = h;
        return handler();
      },
    },
  };
  const run: ExcelRunLike = (batch) => batch({ ...context, workbook: { worksheets } } as never);
  return {
    run,
    edit: async (name: string) => {
      for (const h of changed.get(name) ?? []) await h();
    },
    add: async (name: string) => added?.({ worksheetId: name }),
    syncs: () => syncs,
    removed: () => removed,
  };
}

describe("watchWorkbookChanges (Excel edits reported to the pane)", () => {
  it("reports an edit on any roadmap sheet, not on the add-in's settings sheet", async () => {
    const excel = fakeExcel(["Лист1", "Лист2", "_RoadmapMonitor"]);
    let reported = 0;
    const watch = await watchWorkbookChanges(
      () => reported++,
      excel.run,
      () => true,
    );
    expect(watch.supported).toBe(true);
    expect(excel.syncs()).toBe(2);
    await excel.edit("Лист2");
    await excel.edit("Лист1");
    await excel.edit("_RoadmapMonitor");
    expect(reported).toBe(2);
  });

  it("watches a sheet added later, and reports the addition itself", async () => {
    const excel = fakeExcel(["Лист1"]);
    let reported = 0;
    await watchWorkbookChanges(
      () => reported++,
      excel.run,
      () => true,
    );
    await excel.add("Новый");
    expect(reported).toBe(1);
    await excel.edit("Новый");
    expect(reported).toBe(2);
    await excel.add("_RoadmapMonitor");
    await excel.edit("_RoadmapMonitor");
    expect(reported).toBe(2);
  });

  it("is unsupported before ExcelApi 1.7 and registers nothing", async () => {
    const excel = fakeExcel(["Лист1"]);
    const asked: string[] = [];
    const watch = await watchWorkbookChanges(
      () => undefined,
      excel.run,
      (set, v) => (asked.push(`${set} ${v}`), v === "1.1"),
    );
    expect(watch.supported).toBe(false);
    expect(asked).toEqual(["ExcelApi 1.7"]);
    expect(excel.syncs()).toBe(0);
  });

  it("stop removes every handler in one sync", async () => {
    const excel = fakeExcel(["Лист1", "Лист2"]);
    const watch = await watchWorkbookChanges(
      () => undefined,
      excel.run,
      () => true,
    );
    const before = excel.syncs();
    await watch.stop();
    expect(excel.removed()).toBe(3);
    expect(excel.syncs()).toBe(before + 1);
  });
});
