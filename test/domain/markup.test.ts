/** HTML markup in cells read as the text it stands for: the reader, and seed 002 pasted as text. */
import { hasMarkup, markupToText } from "../../src/domain/ru/markup";
import type { ActivityRow } from "../../src/domain/model";
import { recognizeWorkbook } from "../../src/domain/recognition";
import { pastedAsText } from "../fixtures/seeds";

describe("markupToText", () => {
  it.each([
    ["<p>Ноябрь-декабрь</p>", "Ноябрь-декабрь"],
    ["<p>В течение года</p> <p>декабрь 2023</p>", "В течение года\nдекабрь 2023"],
    ["Иванов И.И.<br>Петров П.П.", "Иванов И.И.\nПетров П.П."],
    ["Иванов И.И.<br/>Петров П.П.", "Иванов И.И.\nПетров П.П."],
    ['<P class="MsoNormal">Совещание</P>', "Совещание"],
    ["<span style='x'>МКОУ</span> &laquo;СОШ&nbsp;№&nbsp;1&raquo;", "МКОУ «СОШ\u00a0№\u00a01»"],
    ["Школы &amp; семьи", "Школы & семьи"],
    ["&lt;p&gt; это текст", "<p> это текст"],
    ["до 1&#160;сентября, &#x2116; 5", "до 1\u00a0сентября, № 5"],
    ["<b>Сроки</b>: <i>май</i>", "Сроки: май"],
  ])("%j → %j", (raw, text) => {
    expect(markupToText(raw)).toBe(text);
    expect(hasMarkup(raw)).toBe(true);
  });

  it.each(["<5 баллов", "A&B", "доля < 50 % и > 10 %", "ООО «Р&Д»", "&unknown;", "<unknown>текст</unknown>"])(
    "%j is text, not markup",
    (raw) => {
      expect(markupToText(raw)).toBe(raw);
      expect(hasMarkup(raw)).toBe(false);
    },
  );
});

describe("seed 002 pasted as text into one sheet", () => {
  const r = recognizeWorkbook(pastedAsText("002"));
  const acts = r.tables.flatMap((t) => t.rows.filter((x): x is ActivityRow => x.kind === "activity"));
  const at = (row: number) => acts.find((a) => a.row === row);

  // The four «<p>» rows (sheet rows 88, 89, 122, 123) each have their own deadline and responsible.
  it.each([
    [
      88,
      "Итоговое совещание на платформе ИКОП «Сферум» для руководителей ШФСОР",
      "Ноябрь-декабрь",
      "2023-12-31",
    ],
    [
      89,
      "Сопровождение групповых консультаций для межмуниципальных проектных команд",
      "октябрь – ноябрь 2023 года",
      "2023-11-30",
    ],
    [122, "Разработка и утверждение планов ОО: - мер по сопровождению", "В течение года", "2024-08-31"],
    [123, "Рекомендации руководителям ОО по повышению качества образования", "декабрь 2023", "2023-12-31"],
  ])("row %i is an activity of its own", (row, start, deadline, end) => {
    const a = at(row);
    expect(a).toBeDefined();
    expect(a!.activity.startsWith(start)).toBe(true);
    expect(a!.deadline.raw).toBe(deadline);
    expect(a!.deadline.end).toBe(end);
    expect(a!.responsible.raw).not.toMatch(/[<>]/);
  });

  it("the rows under them still continue them, and no text keeps a tag", () => {
    expect(at(89)!.rows).toEqual([89, 90, 91]);
    expect(at(89)!.activity).toBe(
      "Сопровождение групповых консультаций для межмуниципальных проектных команд по сопровождению процесса разработки сетевых модульных программ в целях достижения высокого уровня подготовки обучающихся по основным профилям",
    );
    expect(at(123)!.rows).toEqual([123, 124, 125]);
    expect(at(123)!.result).toBe(
      "Определение эффективности внутренней системы оценки качества образования (ВСОКО) в ОО в части профилактики учебной неуспешности для предотвращения появления низких образовательных результатов",
    );
    for (const a of acts) expect(`${a.activity} ${a.deadline.raw} ${a.result ?? ""}`).not.toMatch(/<\/?p>/);
  });
});
