import {
  chunkSetting,
  inlineList,
  isOwnSheet,
  listColumn,
  listReference,
  parseSetting,
} from "../../src/domain/workbook-format/settings-format";

describe("drop-down lists shared by both adapters", () => {
  it("go inline while Excel accepts them", () => {
    expect(inlineList(["Выполнено", "В работе", "Не начато"])).toBe("Выполнено,В работе,Не начато");
    expect(inlineList(["Да, частично", "Нет"])).toBeNull();
    expect(inlineList(["«Да»", 'ответ "нет"'])).toBeNull();
    expect(inlineList(["я".repeat(200), "ю".repeat(55)])).toBeNull(); // 256 characters with the comma
    expect(inlineList(["я".repeat(200), "ю".repeat(54)])).toBe(`${"я".repeat(200)},${"ю".repeat(54)}`);
  });

  it("reuse a column already holding the list, else fill the first empty one, else add one", () => {
    const columns = [["а", "б"], [], ["в", "г"]];
    expect(listColumn(columns, ["в", "г"])).toEqual({ col: 2, write: false });
    expect(listColumn(columns, ["в"])).toEqual({ col: 1, write: true });
    expect(listColumn([["а"]], ["б"])).toEqual({ col: 1, write: true });
    expect(listColumn([], ["б"])).toEqual({ col: 0, write: true });
  });

  it("name their cells on the lists sheet", () => {
    expect(listReference(1, 5)).toBe("'_RoadmapLists'!$B$1:$B$5");
    expect(listReference(26, 0)).toBe("'_RoadmapLists'!$AA$1:$AA$1");
  });
});

describe("chunkSetting", () => {
  it("splits long JSON into cell-sized pieces and keeps an empty value as one empty chunk", () => {
    expect(chunkSetting("")).toEqual([""]);
    const chunks = chunkSetting("x".repeat(64001));
    expect(chunks.map((c) => c.length)).toEqual([32000, 32000, 1]);
  });
});

describe("parseSetting", () => {
  it("joins the chunks up to the first empty cell and ignores what it cannot read", () => {
    expect(parseSetting(['{"a":', "[1,2]}", "", '"stale"'])).toEqual({ a: [1, 2] });
    expect(parseSetting(['{"a":'])).toBeNull();
    expect(parseSetting([])).toBeNull();
    expect(parseSetting([42])).toBeNull();
  });
});

describe("isOwnSheet", () => {
  it("knows the add-in's sheets whatever the case, as Excel does", () => {
    expect(isOwnSheet("_RoadmapMonitor")).toBe(true);
    expect(isOwnSheet("_roadmaplists")).toBe(true);
    expect(isOwnSheet("Ответственные")).toBe(false);
  });
});
