/**
 * A file we write must open in a real spreadsheet program. LibreOffice (headless) converts our .xlsx to CSV
 * and back to .xlsx; CI installs it (libreoffice-calc). Missing soffice is a failure, not a skip.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findSoffice, parseCsv } from "../helpers/libreoffice";
import { sheetFromRows, type WorkbookGrid } from "../../src/domain/grid";
import { readXlsx } from "../../src/xlsx/read";
import { writeWorkbookGrid } from "../../src/xlsx/write";

const INJECTED = '=HYPERLINK("http://evil.example";"жми")';

const grid: WorkbookGrid = {
  sheets: [
    {
      ...sheetFromRows("Дорожная карта", [
        ["Дорожная карта по работе со школами с низкими результатами на 2023 год", null, null, null],
        ["№ п/п", "Наименование мероприятия", "Сроки выполнения", "Ответственные"],
        ["Муниципальный уровень", null, null, null],
        ["1.", "Совещание с руководителями ОО «ШНОР»", "30.03.2023", "Грицина Н.В., Ёлкина Е.Ё."],
        ["2.", INJECTED, "Апрель-май 2023", "+7 (861) 000-00-00"],
      ]),
      merges: [
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 2, left: 0, bottom: 2, right: 3 },
      ],
    },
  ],
};

describe("LibreOffice opens what we write", () => {
  let dir = "";
  let soffice: string | null = null;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "roadmap-lo-"));
    soffice = findSoffice();
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function convert(file: string, to: string): void {
    if (!soffice)
      throw new Error(
        "LibreOffice (soffice) не найден: установите libreoffice-calc (apt-get install libreoffice-calc) или укажите путь в SOFFICE.",
      );
    // A private profile: other soffice processes on the machine must not lock ours.
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    execFileSync(
      soffice,
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", dir, file],
      {
        stdio: "pipe",
        timeout: 120000,
      },
    );
  }

  it("converts our .xlsx to CSV with Cyrillic intact and strings kept as text", async () => {
    const file = path.join(dir, "roadmap.xlsx");
    writeFileSync(file, await writeWorkbookGrid(grid, { realDates: true }));
    // 44 = comma, 34 = quote, 76 = UTF-8.
    convert(file, "csv:Text - txt - csv (StarCalc):44,34,76,1");
    const csv = readFileSync(path.join(dir, "roadmap.csv"), "utf8");
    expect(parseCsv(csv)).toEqual([
      ["Дорожная карта по работе со школами с низкими результатами на 2023 год", "", "", ""],
      ["№ п/п", "Наименование мероприятия", "Сроки выполнения", "Ответственные"],
      ["Муниципальный уровень", "", "", ""],
      ["1.", "Совещание с руководителями ОО «ШНОР»", "30.03.2023", "Грицина Н.В., Ёлкина Е.Ё."],
      // The formula-looking text is shown as written, not evaluated to "жми".
      ["2.", '=HYPERLINK("http://evil.example";"жми")', "Апрель-май 2023", "+7 (861) 000-00-00"],
    ]);
  }, 180000);

  it("reads back an .xlsx written by LibreOffice to the same grid", async () => {
    // Ours in a subfolder; LibreOffice writes its own .xlsx of the same name into `dir`.
    const ours = path.join(dir, "ours", "resaved.xlsx");
    mkdirSync(path.dirname(ours));
    writeFileSync(ours, await writeWorkbookGrid(grid, { realDates: true }));
    convert(ours, "xlsx");
    const back = await readXlsx(readFileSync(path.join(dir, "resaved.xlsx")));
    expect(back.sheets[0].name).toBe("Дорожная карта");
    expect(back.sheets[0].rows[3]).toEqual([
      "1.",
      "Совещание с руководителями ОО «ШНОР»",
      "30.03.2023",
      "Грицина Н.В., Ёлкина Е.Ё.",
    ]);
    expect(back.sheets[0].rows[4][1]).toBe(INJECTED);
    expect(back.sheets[0].merges).toEqual(grid.sheets[0].merges);
  }, 180000);
});
