/**
 * Each decision of src/domain/recognition/README.md pinned by a small grid: changing the rule turns a test red.
 * Every test below was checked against a mutation of the code (applied, this file run, reverted):
 *
 * decision → mutation (file: original → mutated) → the test that went red (all 54 re-run on the final code).
 * - roadmap-needs-deadline-or-responsible (scan.ts): `return a.activity !== null && (a.deadline !== null ||
 *   a.responsible.length > 0);` → `return a.activity !== null;`: caught by «activity + result + comment is no
 *   roadmap».
 * - content-fills-deadline (content-roles.ts): `a.deadline = pick((s) => s.deadline / s.n >= 0.6 && s.avgLen <
 *   80);` → `a.deadline = pick((s) => s.deadline / s.n >= 1.1 && s.avgLen < 80);`: caught by «headed oddly».
 * - content-alone-never (content-roles.ts): `const namedActivity = a.activity !== null; const namedOther =
 *   a.deadline !== null || a.responsible.length > 0;` → `const namedActivity = true; const namedOther = true;`:
 *   caught by «content alone never makes a roadmap».
 * - foreign-table-notice (notice-text.ts): `не похожа на дорожную карту: в ней нет` → `не распознана: в ней нет`:
 *   caught by «не похожа на дорожную карту».
 * - numbered-parent-section (build-table.ts): `if (parent || isRomanNumbering(num)) {` → `if
 *   (isRomanNumbering(num)) {`: caught by «over «1.1.» is a section».
 * - roman-section (build-table.ts): `if (parent || isRomanNumbering(num)) {` → `if (parent) {`: caught by
 *   «Roman-numbered row».
 * - merged-cell-section (row-kinds.ts): `if (spans || c === shape.columns.number) return "section";` → `if (c ===
 *   shape.columns.number) return "section";`: caught by «merged across the table is a section».
 * - section-needs-activity-after (body.ts): `if (forcedEnd !== null) { for (const p of pending) items.push(p);` →
 *   `{ for (const p of pending) items.push(p);`: caught by «lone cell after the last activity».
 * - continuation-threshold-up (row-kinds.ts): `return score > 0;` → `return score > 1;`: caught by «ending
 *   mid-phrase continues it».
 * - continuation-threshold-down (row-kinds.ts): `return score > 0;` → `return score > -1;`: caught by «unnumbered
 *   table: an upper-case row».
 * - numbered-row-bonus (row-kinds.ts): `if (numbered) score += 1.5;` → `if (numbered) score += 0;`: caught by
 *   «ending mid-phrase continues it».
 * - empty-activity-continues (row-kinds.ts): `if (!act) return true;` → `if (!act) return false;`: caught by
 *   «empty activity cell continues».
 * - lowercase-continues (row-kinds.ts): `if (startsLowercase(act)) score += 3;` → `if (startsLowercase(act)) score
 *   += 0;`: caught by «lower-case row continues».
 * - mid-phrase-continues (row-kinds.ts): `if (endsMidPhrase(last.activityTail)) score += 2;` → `if
 *   (endsMidPhrase(last.activityTail)) score += 0;`: caught by «ending mid-phrase continues».
 * - bullet-with-deadline-is-activity (row-kinds.ts): `if (stripListMarker(act) !== act && dated) return false;` →
 *   `(line deleted)`: caught by «bulleted row with a deadline».
 * - three-empty-rows-pass (body.ts): `export const MAX_GAP = 3;` → `export const MAX_GAP = 2;`: caught by «three
 *   empty rows inside a table do not end it».
 * - four-empty-rows-end (body.ts): `export const MAX_GAP = 3;` → `export const MAX_GAP = 4;`: caught by «four
 *   empty rows end the table».
 * - text-after-two-empty-rows-ends (body.ts): `if (forcedEnd === null && (afterGap >= 2 || text.length > 500))
 *   break;` → `if (forcedEnd === null && (afterGap >= 3 || text.length > 500)) break;`: caught by «text after two
 *   empty rows ends the table».
 * - prose-limit-up (body.ts): `export const MAX_PENDING_PROSE = 3;` → `export const MAX_PENDING_PROSE = 4;`:
 *   caught by «more than three lines of prose end the table».
 * - prose-limit-down (body.ts): `export const MAX_PENDING_PROSE = 3;` → `export const MAX_PENDING_PROSE = 2;`:
 *   caught by «three lines of prose before an activity are kept».
 * - long-number-cell-ends (row-kinds.ts): `if (numText.length > 6) return { kind: "foreign", cells };` → `if
 *   (numText.length > 60) return { kind: "foreign", cells };`: caught by «long text in the «№» column».
 * - totals-row-ends (row-kinds.ts): `export const TOTALS = /^(итого|всего)(?![а-яё])/i;` → `export const TOTALS =
 *   /^$x/i;`: caught by «a totals row ends the table».
 * - signature-line-ends (row-kinds.ts): `if (!SIGNER_POSITION.test(first)) return false;` → `if
 *   (SIGNER_POSITION.test(first) || !SIGNER_POSITION.test(first)) return false;`: caught by «signature line».
 * - repeated-header-continues (body.ts): `if (signature !== null && headerSignature(view, r) === signature) {` →
 *   `if (signature !== null && headerSignature(view, r) === signature + "x") {`: caught by «repeated identical
 *   header continues».
 * - pasted-again-second-table (body.ts): `return afterGap > 0 || text(q) === text(first.row);` → `return false &&
 *   (afterGap > 0 || text(q) === text(first.row));`: caught by «pasted again».
 * - two-deadline-columns-joined (cells.ts): `if (!end || end === start) return start;` → `if (true) return start
 *   || end;`: caught by ««Срок начала» | «Срок окончания»».
 * - two-responsible-columns-joined (cells.ts): `.join("; ");` → `.join(", ");`: caught by ««ФИО; должность»».
 * - bare-naimenovanie-beside-deadline (header.ts): `found.some((f) => f.role === "deadline") &&` → `found.some((f)
 *   => f.role === "comment") &&`: caught by «names the activity beside a deadline column».
 * - bare-naimenovanie-not-price-list (header.ts): `!labels.some((l) => NOT_A_PLAN.test(normalizeForMatch(l)));` →
 *   `true;`: caught by «does not in a price list».
 * - numbers-excel-made-dates (cells.ts): `return d >= 1 && mo >= 1 && mo <= 12 ? `${d}.${mo}` : null;` → `return
 *   null;`: caught by «that Excel made a date».
 * - uneven-borders-spill (types.ts): `if (extra.length > 0) spill.set(c, extra);` → `(line deleted)`: caught by
 *   «merged over a column without a role».
 * - hidden-helper-ignored (types.ts): `if (c >= left && c <= right && !roles.has(c)) ignored.add(c);` → `if (c >=
 *   left && c <= right && !roles.has(c) && c < 0) ignored.add(c);`: caught by «hidden helper column».
 * - fold-hyphen-no-space (text.ts): `if (/[A-Za-zА-Яа-яЁё]-$/.test(left) && /^[A-Za-zА-Яа-яЁё]/.test(right))
 *   return left + right;` → `(line deleted)`: caught by «fragments fold with one space».
 * - merged-down-cell-shared (build-table.ts): `m && m.top >= (header ? header.rows[header.rows.length - 1] + 1 :
 *   0) ? view.text(m.top, m.left) : "";` → `"";`: caught by «merged down over two activities».
 * - word-cell-number-merged (row-kinds.ts): `if (m && m.top >= activityRow) return true; }` → `}`: caught by «Word
 *   cell of paragraphs».
 * - month-grid-adjacent-range (cells.ts): `if (i === prev + 1) runs[runs.length - 1].push(m.label);` → `if (i ===
 *   prev + 100) runs[runs.length - 1].push(m.label);`: caught by «month grid».
 * - no-number-plan-lowercase-fragment (row-kinds.ts): `if (startsLowercase(text) ||
 *   endsMidPhrase(last.activityTail)) return "continuation";` → `if (endsMidPhrase(last.activityTail)) return
 *   "continuation";`: caught by «lower-case lone fragment continues».
 * - headerless-part (scan.ts): `if (activities >= 2) {` → `if (activities >= 200) {`: caught by «headerless part».
 * - title-window-down (context.ts): `export const TITLE_WINDOW = 15;` → `export const TITLE_WINDOW = 10;`: caught
 *   by «title is found 15 rows above».
 * - title-window-up (context.ts): `export const TITLE_WINDOW = 15;` → `export const TITLE_WINDOW = 30;`: caught by
 *   «further than 15 rows».
 * - school-year-vs-calendar (period.ts): `if (y2 === y1 + 1) return schoolYearBounds(y1); } const sy2` → `} const
 *   sy2`: caught by «calendar years».
 * - several-years-calendar (period.ts): `(годы|годах|годов|гг|г\\.|год)`` → `(zzz)``: caught by «calendar years».
 * - period-from-sheet-name (context.ts): `if (!period) period = readPeriod(view.sheet.name);` → `(line deleted)`:
 *   caught by «sheet's name».
 * - rightmost-approval (context.ts): `for (let i = cols.length - 1; i >= 0; i--) {` → `for (let i = 0; i <
 *   cols.length; i++) {`: caught by «rightmost date is the approval».
 * - backup-skipped (recognize.ts): `return /\(исходный( \d+)?\)$/.test(name);` → `return false && /\(исходный(
 *   \d+)?\)$/.test(name);`: caught by «backup «(исходный)»».
 * - directory-no-notice (recognize.ts): `s.name === DIRECTORY_SHEET && r.tables.length === 0` → `false`: caught by
 *   «backup «(исходный)»».
 * - blanks-before-continuation-listed (single cell) (body.ts): `lastItem.continuation!.push(...blanks, r);
 *   last.activityTail` → `lastItem.continuation!.push(r); last.activityTail`: caught by «empty row between an
 *   activity and its continuation».
 * - blanks-before-continuation-listed (several cells) (body.ts): `lastItem.continuation!.push(...blanks, r);
 *   last.activityTail = tailOf(r, shape.columns.activity, last.activityTail); last.deadlineTail` →
 *   `lastItem.continuation!.push(r); last.activityTail = tailOf(r, shape.columns.activity, last.activityTail);
 *   last.deadlineTail`: caught by «likewise before a continuation row of several cells».
 * - numbered-no-deadline-continues (row-kinds.ts): `if (!dl) score += numbered ? 10 : 1;` → `if (!dl) score +=
 *   1;`: caught by «even after a finished sentence».
 * - blank-rows-not-continuation-rows (build-table.ts): `if (view.nonEmpty(r, shape.left, shape.right).length > 0)`
 *   → `if (view.nonEmpty(r, shape.left, shape.right).length >= 0)`: caught by «in the activity's rows, but no
 *   continuation row».
 * - fold-jump (fold-proposal.ts): `if (prev && a && b && !follows(a, b))` → `if (prev && a && b && false)`: caught
 *   by «not joined across the 6 → 16 jump» [fold.proposal.test.ts].
 * - fold-own-deadline-responsible (fold-proposal.ts): `if (act && ownDeadline && resp && !startsLowercase(resp) &&
 *   !endsMidPhrase(dlTail))` → `if (false)`: caught by «lower-case text with its own deadline and responsible»
 *   [fold.proposal.test.ts].
 * - fold-exclude (fold-proposal.ts): `if (!exclude.has(g.into + 1))` → `if (true)`: caught by «a join the user
 *   excludes» [fold.proposal.test.ts].
 * - fold-merged-word-cell (fold-proposal.ts): `else if (!mergedFrom(sheet, into, r, cols)) {` → `else {`: caught
 *   by «Word cell of paragraphs» [fold.proposal.test.ts].
 */
import { sheetFromRows, type CellValue, type SheetGrid } from "../../src/domain/grid";
import type { ActivityRow, RoadmapTable } from "../../src/domain/model";
import { recognizeSheet, recognizeWorkbook } from "../../src/domain/recognition";

const HEAD = ["№", "Мероприятие", "Срок", "Ответственный"];

function acts(t: RoadmapTable): ActivityRow[] {
  return t.rows.filter((r): r is ActivityRow => r.kind === "activity");
}

function tables(rows: CellValue[][], extra: Partial<SheetGrid> = {}): RoadmapTable[] {
  return recognizeSheet(sheetFromRows("Лист1", rows, extra)).tables;
}

function one(rows: CellValue[][], extra: Partial<SheetGrid> = {}): RoadmapTable {
  const t = tables(rows, extra);
  expect(t).toHaveLength(1);
  return t[0];
}

/** The activity texts of the sheet's tables, table by table. */
function texts(rows: CellValue[][], extra: Partial<SheetGrid> = {}): string[][] {
  return tables(rows, extra).map((t) => acts(t).map((a) => a.activity));
}

const empty = (n: number): CellValue[][] => Array.from({ length: n }, () => []);

describe("a roadmap needs an activity column plus a deadline or responsible column", () => {
  it("activity + result + comment is no roadmap", () => {
    const rows = [
      ["Мероприятие", "Ожидаемый результат", "Примечание"],
      ["Провести совещание руководителей", "Протокол", "—"],
      ["Организовать курсы повышения квалификации", "Удостоверения", "—"],
    ];
    expect(tables(rows)).toHaveLength(0);
  });

  it("activity + responsible is a roadmap", () => {
    const rows = [
      ["Мероприятие", "Ответственный"],
      ["Провести совещание руководителей", "Иванов И.И."],
    ];
    expect(acts(one(rows)).map((a) => a.responsible.raw)).toEqual(["Иванов И.И."]);
  });
});

describe("content fills what the header misses, only when the header names the activity", () => {
  it("a deadline column headed oddly («Этап» is no synonym) is found from its dates", () => {
    const rows = [
      ["№", "Мероприятие", "Этап", "Ответственный"],
      [1, "Провести совещание руководителей", "01.09.2025", "Иванов И.И."],
      [2, "Организовать курсы повышения квалификации", "15.10.2025", "Петров П.П."],
      [3, "Подготовить аналитическую справку", "20.12.2025", "Сидоров С.С."],
    ];
    const t = one(rows);
    expect(t.columns.deadline).toBe("C");
    expect(acts(t)[0].deadline.end).toBe("2025-09-01");
  });

  it("content alone never makes a roadmap: a header naming only «№» and a comment stays foreign", () => {
    const rows = [
      ["№", "Описание", "Этап", "Лица", "Примечание"],
      [1, "Провести совещание руководителей школ района", "01.09.2025", "Иванов И.И.", ""],
      [2, "Организовать курсы повышения квалификации учителей", "15.10.2025", "Петров П.П.", ""],
      [3, "Подготовить аналитическую справку по итогам года", "20.12.2025", "Сидоров С.С.", ""],
    ];
    expect(tables(rows)).toHaveLength(0);
  });
});

describe("other tables are skipped with a notice", () => {
  it("an indicator table under a roadmap-like sheet gets the «не похожа на дорожную карту» notice", () => {
    const r = recognizeSheet(
      sheetFromRows("Лист1", [
        ["№", "Показатель", "Значение"],
        [1, "Доля выпускников", "95"],
      ]),
    );
    expect(r.tables).toHaveLength(0);
    expect(r.notices.map((n) => n.message).join("\n")).toMatch(/не похожа на дорожную карту/);
  });
});

describe("row kinds", () => {
  it("«1.» with text only over «1.1.» is a section; the sub-numbered rows are activities", () => {
    const t = one([
      HEAD,
      ["1.", "Нормативное обеспечение"],
      ["1.1.", "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."],
      ["1.2.", "Утвердить план работы", "октябрь 2025", "Петров П.П."],
    ]);
    expect(t.rows.find((r) => r.row === 2)).toEqual({
      row: 2,
      kind: "section",
      text: "1. Нормативное обеспечение",
    });
    expect(acts(t).map((a) => a.number)).toEqual(["1.1.", "1.2."]);
  });

  it("a Roman-numbered row with text only is a section", () => {
    const t = one([
      HEAD,
      ["I", "Организационные мероприятия"],
      ["1", "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."],
    ]);
    expect(acts(t).map((a) => a.section)).toEqual(["I Организационные мероприятия"]);
  });

  it("a single cell merged across the table is a section", () => {
    const t = one(
      [
        HEAD,
        [1, "Издать приказ о рабочей группе.", "сентябрь 2025", "Иванов И.И."],
        [null, "ОГЭ и ЕГЭ"],
        [2, "Организовать курсы повышения квалификации", "октябрь 2025", "Петров П.П."],
      ],
      { merges: [{ top: 2, left: 1, bottom: 2, right: 3 }] },
    );
    // Unmerged, «ОГЭ и ЕГЭ» under a numbered activity would read as a sentence cut before an abbreviation.
    expect(acts(t).map((a) => a.section)).toEqual([null, "ОГЭ и ЕГЭ"]);
  });

  it("a lone cell after the last activity is text after the table, not a section", () => {
    const t = one([
      HEAD,
      [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."],
      ["Согласовано с управлением образования"],
    ]);
    expect(t.range).toBe("A1:D2");
    expect(t.rows.some((r) => r.kind === "section")).toBe(false);
  });
});

describe("continuation or new activity (score threshold, numbered-row bonus)", () => {
  // Row 3 opens in upper case (−2), row 2 ends neither finished nor mid-phrase (+0.5), no deadline of its own (+1):
  // −0.5, a new activity; in a numbered table +1.5 makes it 1, a continuation.
  it("unnumbered table: an upper-case row without a deadline after a neutral ending is a new activity", () => {
    expect(
      texts([
        ["Мероприятие", "Срок", "Ответственный"],
        ["Провести совещание руководителей", "сентябрь 2025", "Иванов И.И."],
        ["Подготовка аналитической справки", "", "Петров П.П."],
      ]),
    ).toEqual([["Провести совещание руководителей", "Подготовка аналитической справки"]]);
  });

  it("numbered table: the same row, with no deadline of its own, is a continuation", () => {
    expect(
      texts([
        HEAD,
        [1, "Провести совещание руководителей", "сентябрь 2025", "Иванов И.И."],
        [null, "Подготовка аналитической справки", "", "Петров П.П."],
      ]),
    ).toEqual([["Провести совещание руководителей Подготовка аналитической справки"]]);
  });

  it("numbered table: an unnumbered row without a deadline continues even after a finished sentence", () => {
    // upper case −2, finished −1, no deadline where activities are numbered +10, numbered +1.5: 8.5 > 0.
    expect(
      texts([
        HEAD,
        [1, "Провести совещание руководителей.", "сентябрь 2025", "Иванов И.И."],
        [null, "Подготовка аналитической справки", "", "Петров П.П."],
      ]),
    ).toEqual([["Провести совещание руководителей. Подготовка аналитической справки"]]);
  });

  it("a row with an empty activity cell continues the activity above", () => {
    const t = one([
      HEAD,
      [1, "Провести совещание руководителей.", "сентябрь 2025", "Иванов И.И."],
      [null, null, "октябрь 2025", "Петров П.П."],
    ]);
    expect(acts(t)[0].responsible.raw).toBe("Иванов И.И. Петров П.П.");
    expect(acts(t)[0].deadline.raw).toBe("сентябрь 2025 октябрь 2025");
  });

  it("a lower-case row continues even with its own deadline (but no responsible) in an unnumbered table", () => {
    // lower case +3, finished tail −1, own deadline after a deadline −1: 1 > 0.
    expect(
      texts([
        ["Мероприятие", "Срок", "Ответственный"],
        ["Провести совещание руководителей.", "сентябрь 2025", "Иванов И.И."],
        ["по итогам года", "май 2026", ""],
      ]),
    ).toEqual([["Провести совещание руководителей. по итогам года"]]);
  });

  it("a row after a fragment ending mid-phrase continues it (the numbered-row bonus decides)", () => {
    // upper case −2, mid-phrase +2, own deadline −1, numbered +1.5: 0.5 > 0 (without the bonus −1: an activity).
    expect(
      texts([
        HEAD,
        [1, "Провести совещание руководителей по", "сентябрь 2025", "Иванов И.И."],
        [null, "ГИА и ВПР", "май 2026", ""],
      ]),
    ).toEqual([["Провести совещание руководителей по ГИА и ВПР"]]);
  });

  it("a bulleted row with a deadline of its own is an activity of its own, even in lower case", () => {
    expect(
      texts([
        HEAD,
        [1, "Провести мониторинг:", "сентябрь 2025", "Иванов И.И."],
        [null, "– анализ результатов ВПР", "октябрь 2025", "Петров П.П."],
      ]),
    ).toEqual([["Провести мониторинг:", "анализ результатов ВПР"]]);
  });
});

describe("empty rows", () => {
  it("an empty row between an activity and its continuation is in the activity's rows, but no continuation row", () => {
    const t = one([
      HEAD,
      [1, "Провести совещание руководителей по", "сентябрь 2025", "Иванов И.И."],
      [],
      [null, "итогам года", "", ""],
      [],
      [2, "Организовать курсы", "октябрь 2025", "Петров П.П."],
    ]);
    expect(acts(t)[0].rows).toEqual([2, 3, 4]);
    expect(acts(t)[1].rows).toEqual([6]);
    // Issue 9: the user sees one broken row (4); the blank row 3 is deleted by the fold but is not counted.
    expect(t.rows.filter((r) => r.kind === "continuation").map((r) => r.row)).toEqual([4]);
  });

  it("likewise before a continuation row of several cells", () => {
    const t = one([
      HEAD,
      [1, "Провести совещание руководителей по", "сентябрь 2025", "Иванов И.И."],
      [],
      [null, "итогам года", "", "Петров П.П."],
      [2, "Организовать курсы", "октябрь 2025", "Петров П.П."],
    ]);
    expect(acts(t)[0].rows).toEqual([2, 3, 4]);
  });

  it("three empty rows inside a table do not end it", () => {
    expect(
      texts([
        HEAD,
        [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."],
        ...empty(3),
        [2, "Организовать курсы повышения квалификации", "октябрь 2025", "Петров П.П."],
      ]),
    ).toEqual([["Издать приказ о рабочей группе", "Организовать курсы повышения квалификации"]]);
  });

  it("four empty rows end the table", () => {
    const t = one([
      HEAD,
      [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."],
      ...empty(4),
      [2, "Организовать курсы повышения квалификации", "октябрь 2025", "Петров П.П."],
    ]);
    expect(acts(t).map((a) => a.activity)).toEqual(["Издать приказ о рабочей группе"]);
  });
});

describe("table end", () => {
  const ACT1: CellValue[] = [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."];
  const ACT2: CellValue[] = [2, "Организовать курсы повышения квалификации", "октябрь 2025", "Петров П.П."];

  it("text after one empty row and before an activity is a section", () => {
    expect(texts([HEAD, ACT1, [], [null, "Работа с педагогами"], ACT2])[0]).toHaveLength(2);
  });

  it("text after two empty rows ends the table", () => {
    expect(texts([HEAD, ACT1, [], [], [null, "Работа с педагогами"], ACT2])).toEqual([
      ["Издать приказ о рабочей группе"],
    ]);
  });

  it("three lines of prose before an activity are kept (sections)", () => {
    const prose = (s: string): CellValue[] => [null, s];
    const t = one([HEAD, ACT1, prose("Раздел А"), prose("Раздел Б"), prose("Раздел В"), ACT2]);
    expect(acts(t)).toHaveLength(2);
  });

  it("more than three lines of prose end the table", () => {
    const prose = (s: string): CellValue[] => [null, s];
    const t = one([
      HEAD,
      ACT1,
      prose("Раздел А"),
      prose("Раздел Б"),
      prose("Раздел В"),
      prose("Раздел Г"),
      ACT2,
    ]);
    expect(acts(t)).toHaveLength(1);
  });

  it("long text in the «№» column next to other cells (a signature) ends the table", () => {
    const t = one([HEAD, ACT1, ["Согласовано:", null, "", "Петров П.П."], ACT2]);
    expect(acts(t)).toHaveLength(1);
  });

  it("a totals row ends the table", () => {
    const t = one([HEAD, ACT1, ["Итого", "", "", "2 мероприятия"], ACT2]);
    expect(acts(t)).toHaveLength(1);
  });

  it("a signature line «Начальник управления ____ А.В. Смирнов» ends the table", () => {
    const t = one([HEAD, ACT1, [null, "Начальник управления образования", "________", "А.В. Смирнов"], ACT2]);
    expect(acts(t)).toHaveLength(1);
  });

  it("a repeated identical header continues the table", () => {
    const t = one([HEAD, ACT1, HEAD, ACT2]);
    expect(acts(t).map((a) => a.number)).toEqual(["1", "2"]);
    expect(t.rows.filter((r) => r.kind === "header").map((r) => r.row)).toEqual([1, 3]);
  });

  it("the same table pasted again (numbering starts over under the repeated header) is a second table", () => {
    expect(texts([HEAD, ACT1, ACT2, [], HEAD, ACT1, ACT2])).toHaveLength(2);
  });
});

describe("two deadline and two responsible columns", () => {
  it("«Срок начала» | «Срок окончания» are read as one deadline, raw «начало | окончание» (contract)", () => {
    const t = one([
      ["№", "Мероприятие", "Срок начала", "Срок окончания", "Ответственный"],
      [1, "Издать приказ о рабочей группе", "01.09.2025", "30.09.2025", "Иванов И.И."],
      [2, "Организовать курсы", "01.10.2025", "", "Петров П.П."],
    ]);
    expect(acts(t).map((a) => a.deadline.raw)).toEqual(["01.09.2025 | 30.09.2025", "01.10.2025"]);
  });

  it("«Ответственные» over «ФИО» | «должность» gives «ФИО; должность»", () => {
    const t = one(
      [
        ["№", "Мероприятие", "Срок", "Ответственные", null],
        [null, null, null, "ФИО", "Должность"],
        [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Петров И.И.", "начальник управления"],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 4 }] },
    );
    expect(acts(t)[0].responsible.raw).toBe("Петров И.И.; начальник управления");
  });
});

describe("a bare «Наименование»", () => {
  it("names the activity beside a deadline column", () => {
    const t = one([
      ["№", "Наименование", "Сроки"],
      [1, "Издать приказ о рабочей группе", "сентябрь 2025"],
    ]);
    expect(t.columns.activity).toBe("B");
  });

  it("does not in a price list", () => {
    expect(
      tables([
        ["№", "Наименование", "Срок поставки", "Цена, руб."],
        [1, "Интерактивная доска", "сентябрь 2025", "120000"],
      ]),
    ).toHaveLength(0);
  });
});

describe("cells", () => {
  it("«1.1» that Excel made a date is read back as the numbering", () => {
    const t = one([
      HEAD,
      ["01.01.2025", "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."],
      ["01.02.2025", "Утвердить план", "октябрь 2025", "Петров П.П."],
    ]);
    expect(acts(t).map((a) => a.number)).toEqual(["1.1", "1.2"]);
  });

  it("a role header merged over a column without a role: text in either column is read", () => {
    const t = one(
      [
        ["№", "Мероприятие", null, "Срок", "Ответственный"],
        [1, "Издать приказ о рабочей группе", null, "сентябрь 2025", "Иванов И.И."],
        [2, null, "Утвердить план работы", "октябрь 2025", "Петров П.П."],
      ],
      { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] },
    );
    expect(acts(t).map((a) => a.activity)).toEqual([
      "Издать приказ о рабочей группе",
      "Утвердить план работы",
    ]);
  });

  it("a hidden helper column without a role is ignored when rows are classified", () => {
    const t = one(
      [
        ["№", "Мероприятие", "Срок", "Ответственный", "Код"],
        [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И.", 1],
        [null, "Работа с педагогами", null, null, 0],
        [2, "Организовать курсы", "октябрь 2025", "Петров П.П.", 1],
      ],
      { hiddenColumns: [4] },
    );
    expect(acts(t).map((a) => a.section)).toEqual([null, "Работа с педагогами"]);
  });

  it("fragments fold with one space, and without one after a hyphen glued to a word", () => {
    const t = one([
      HEAD,
      [1, "Организовать информационно-", "сентябрь 2025", "Иванов И.И."],
      [null, "методическое сопровождение", "", ""],
    ]);
    expect(acts(t)[0].activity).toBe("Организовать информационно-методическое сопровождение");
  });

  it("a cell merged down over two activities belongs to each", () => {
    const t = one(
      [
        HEAD,
        [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."],
        [2, "Утвердить план работы", "октябрь 2025", null],
      ],
      { merges: [{ top: 1, left: 3, bottom: 2, right: 3 }] },
    );
    expect(acts(t).map((a) => a.responsible.raw)).toEqual(["Иванов И.И.", "Иванов И.И."]);
  });

  it("a Word cell of paragraphs (the «№» merged down) makes the rows under it continuations", () => {
    const t = one(
      [
        HEAD,
        [1, "Провести совещание.", "сентябрь 2025", "Иванов И.И."],
        [null, "Подготовить справку.", "октябрь 2025", "Петров П.П."],
        [2, "Организовать курсы", "ноябрь 2025", "Сидоров С.С."],
      ],
      { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] },
    );
    expect(acts(t).map((a) => a.rows)).toEqual([[2, 3], [4]]);
  });

  it("a month grid's marks read as one deadline, raw «Сентябрь | Октябрь | Декабрь» (contract)", () => {
    const t = one([
      ["№", "Мероприятие", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь", "Ответственный"],
      [1, "Издать приказ о рабочей группе", "+", "+", "", "+", "Иванов И.И."],
    ]);
    expect(acts(t)[0].deadline.raw).toBe("Сентябрь | Октябрь | Декабрь");
  });
});

describe("a plan without «№» whose first column is the activity", () => {
  it("a lower-case lone fragment continues; a capitalised one after a finished sentence is a section", () => {
    const t = one([
      ["Мероприятие", "Срок", "Ответственный"],
      ["Провести совещание руководителей", "сентябрь 2025", "Иванов И.И."],
      ["образовательных организаций"],
      ["Организовать курсы.", "октябрь 2025", "Петров П.П."],
      ["Работа с родителями"],
      ["Провести собрание", "ноябрь 2025", "Сидоров С.С."],
    ]);
    expect(acts(t).map((a) => [a.activity, a.section])).toEqual([
      ["Провести совещание руководителей образовательных организаций", null],
      ["Организовать курсы.", null],
      ["Провести собрание", "Работа с родителями"],
    ]);
  });
});

describe("headerless parts", () => {
  it("numbered rows with the roadmap's columns after an indicator table are a headerless part of it", () => {
    const t = tables([
      ["Дорожная карта на 2025 год"],
      HEAD,
      [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."],
      [],
      ["№", "Показатель", "Значение"],
      [1, "Доля выпускников", "95"],
      [],
      [2, "Организовать курсы повышения квалификации", "октябрь 2025", "Петров П.П."],
      [3, "Провести собрание родителей", "ноябрь 2025", "Сидоров С.С."],
    ]);
    // One roadmap read in two parts (issue 9), the indicator table between them not its rows.
    expect(t.map((x) => acts(x).map((a) => a.number))).toEqual([["1", "2", "3"]]);
    expect(t[0].range).toBe("A2:D9");
    expect(t[0].parts).toEqual(["A2:D3", "A8:D9"]);
    expect(t[0].rows.map((r) => r.row)).toEqual([2, 3, 8, 9]);
  });
});

describe("title, period, approval", () => {
  const body: CellValue[][] = [HEAD, [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."]];

  it("the title is found 15 rows above the header", () => {
    const t = one([["Дорожная карта по повышению качества образования"], ...empty(14), ...body]);
    expect(t.title).toBe("Дорожная карта по повышению качества образования");
  });

  it("a heading further than 15 rows above the header is not the title", () => {
    const t = one([["Дорожная карта по повышению качества образования"], ...empty(16), ...body]);
    expect(t.title).toBeNull();
  });

  it("«на 2025 – 2027 годы» are calendar years; «2025/2026 учебный год» is a school year", () => {
    expect(one([["Дорожная карта на 2025 – 2027 годы"], ...body]).period).toEqual({
      start: "2025-01-01",
      end: "2027-12-31",
    });
    expect(one([["Дорожная карта на 2025/2026 учебный год"], ...body]).period).toEqual({
      start: "2025-09-01",
      end: "2026-08-31",
    });
  });

  it("the period comes from the sheet's name when there is no title", () => {
    const r = recognizeSheet(sheetFromRows("ДК на 2025-2026 уч. год", body));
    expect(r.tables[0].period).toEqual({ start: "2025-09-01", end: "2026-08-31" });
  });

  it("«СОГЛАСОВАНО» left and «УТВЕРЖДАЮ» right on the same rows: the rightmost date is the approval", () => {
    const t = one([
      ["СОГЛАСОВАНО решением педсовета от 28.08.2025", null, null, "УТВЕРЖДЕНО приказом от 01.09.2025 № 5"],
      ["Дорожная карта на 2025-2026 учебный год"],
      ...body,
    ]);
    expect(t.approved).toBe("2025-09-01");
  });

  it("an unfilled «“__” ______ 2025 г.» is no approval date", () => {
    const t = one([["УТВЕРЖДАЮ"], ["«__» ________ 2025 г."], ["Дорожная карта на 2025 год"], ...body]);
    expect(t.approved).toBeNull();
  });
});

describe("workbook", () => {
  it("a backup «(исходный)» sheet is skipped with a notice; the people directory gets no notice", () => {
    const body: CellValue[][] = [HEAD, [1, "Издать приказ о рабочей группе", "сентябрь 2025", "Иванов И.И."]];
    const r = recognizeWorkbook({
      sheets: [
        sheetFromRows("Лист1", body),
        sheetFromRows("Лист1 (исходный)", body),
        sheetFromRows("Ответственные", [["ФИО", "Должность"]]),
      ],
    });
    expect(r.tables.map((t) => t.sheet)).toEqual(["Лист1"]);
    expect(r.notices.map((n) => n.sheet)).toEqual(["Лист1 (исходный)"]);
  });
});
