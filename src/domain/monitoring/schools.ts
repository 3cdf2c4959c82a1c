/**
 * The list of schools a monitoring asks: typed or pasted (one a line), from a file, or from a list in the
 * workbook (seed 002's «Наименование образовательной организации» tables). Blank lines are ignored, repeats
 * dropped with a warning.
 */
import { cellText, type WorkbookGrid } from "../grid";

export interface SchoolList {
  schools: string[];
  warnings: string[];
}

function schoolKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»“”„"']/g, "")
    .replace(/№\s*/g, "№")
    .replace(/\s+/g, " ")
    .trim();
}

/** One school a line (a leading «1.» or «-» is a list marker, not part of the name). */
export function parseSchoolList(text: string): SchoolList {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  return dedupeSchools(lines.map((l) => l.replace(/^\s*(?:\d{1,3}[.)]\s+|[-–•]\s+)/, "")));
}

export function dedupeSchools(names: string[]): SchoolList {
  const seen = new Map<string, number>();
  const schools: string[] = [];
  const warnings: string[] = [];
  names.forEach((raw, i) => {
    const name = raw.replace(/[\s\u00a0]+/g, " ").trim();
    if (!name) return;
    const key = schoolKey(name);
    const first = seen.get(key);
    if (first !== undefined) {
      warnings.push(
        `Школа «${name}» повторяется (строка ${i + 1}, впервые — строка ${first + 1}): повтор пропущен.`,
      );
      return;
    }
    seen.set(key, i);
    schools.push(name);
  });
  return { schools, warnings };
}

const SCHOOL_HEADER =
  /наименование\s+(?:образовательн|общеобразовательн|оо\b|оу\b|школ)|^образовательн\S* организаци|^школа$|^наименование оо$/i;

/** Schools listed in the workbook: the column under a «Наименование образовательной организации» header. */
export function schoolsFromWorkbook(wb: WorkbookGrid): SchoolList {
  const names: string[] = [];
  for (const sheet of wb.sheets) {
    sheet.rows.forEach((row, r) => {
      (row ?? []).forEach((v, c) => {
        const t = cellText(v);
        if (!t || t.length > 60 || !SCHOOL_HEADER.test(t.replace(/\s+/g, " "))) return;
        for (let rr = r + 1; rr < sheet.rows.length; rr++) {
          const name = cellText(sheet.rows[rr]?.[c]);
          if (!name || /^итого/i.test(name) || /^итого/i.test(cellText(sheet.rows[rr]?.[0]))) break;
          names.push(name);
        }
      });
    });
  }
  return dedupeSchools(names);
}
