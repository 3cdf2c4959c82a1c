import { splitAddress } from "../../src/excel/host";

describe("splitAddress (the user's selection as Excel reports it)", () => {
  it("splits sheet and range, quotes and dollars removed", () => {
    expect(splitAddress("Лист1!A6:F58")).toEqual({ sheet: "Лист1", address: "A6:F58" });
    expect(splitAddress("'Горячий Ключ 2023'!$A$46:$E$109")).toEqual({
      sheet: "Горячий Ключ 2023",
      address: "A46:E109",
    });
    expect(splitAddress("'Д''Артаньян'!B7")).toEqual({ sheet: "Д'Артаньян", address: "B7" });
  });

  it("is null for what is not one range on a named sheet", () => {
    expect(splitAddress("A1:B2")).toBeNull();
    expect(splitAddress("Лист1!A1:B2,C3")).toBeNull();
  });
});
