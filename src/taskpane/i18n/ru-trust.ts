/**
 * Russian texts of the pane's trust fixes (issue 9): stale findings, the manual range, hidden rules, the preview's
 * toolbar and grid. Spread into ru.ts; en-trust.ts has the same keys. Plural forms use the ICU syntax
 * «{count, plural, one {…} few {…} many {…} other {…}}», chosen by Intl.PluralRules (see format in index.ts).
 */
export const ruTrust = {
  notFoundFem: "не найдена",
  headerRowsLabel: "Шапка",
  headerRowsValue: "{count, plural, one {строка {rows}} other {строки {rows}}}",

  findingsStale: "Книга изменилась после проверки: замечания устарели и проверяются заново.",
  findingsStaleIdle:
    "Книга изменилась после проверки: замечания могут указывать не на те ячейки. Нажмите «Проверить заново».",
  tablesStale: "Книга изменилась: таблица распознаётся заново.",
  findingsCount:
    "{count, plural, one {# замечание} few {# замечания} many {# замечаний} other {# замечания}}",
  roleSeverityLabel: "Ответственный указан только должностью, без фамилии. Показывать это как:",
  roleSeverity_error: "ошибку",
  roleSeverity_warning: "предупреждение",
  roleSeverity_info: "подсказку",
  hideRule: "Скрыть все замечания этого вида",
  hiddenRulesTitle: "Скрытые виды замечаний",
  showRule: "Показать",
  ruleHiddenCount:
    "{count, plural, one {# замечание} few {# замечания} many {# замечаний} other {# замечания}}",

  manualTitle: "Указать таблицу вручную",
  manualHint:
    "Выделите на листе таблицу вместе с шапкой и нажмите «Взять выделенное» или введите диапазон, затем «Это таблица дорожной карты». Столбцы можно будет назначить.",
  manualSheet: "Лист",
  manualRange: "Диапазон таблицы",
  manualUseSelection: "Взять выделенное",
  manualConfirm: "Это таблица дорожной карты",
  manualSaved: "Таблица указана вручную и запомнена в книге. Проверьте столбцы.",
  manualNoSelection: "На листе ничего не выделено: выделите таблицу или введите диапазон.",

  foldIntro:
    "Проверьте каждую склейку: снимите «Склеить», если строка — отдельное мероприятие. Ничего не изменится, пока вы не нажмёте «Исправить».",
  foldSummary:
    "Будет {count, plural, one {# склейка} few {# склейки} many {# склеек} other {# склейки}}: {rows, plural, one {присоединится # строка} few {присоединятся # строки} many {присоединятся # строк} other {присоединятся # строки}}.",
  foldJoinsTitle: "Что будет склеено",
  foldJoin:
    "{count, plural, one {Строка {rows}} other {Строки {rows}}} → к мероприятию в строке {into} («{sheet}»)",
  foldBlank:
    "{count, plural, one {Пустая строка {rows} будет удалена} other {Пустые строки {rows} будут удалены}}",
  foldShow: "Показать",
  foldKeepJoin: "Склеить",
  foldLeftTitle: "Эти строки могут быть отдельными мероприятиями — без вашего решения они не склеиваются",
  foldLeftRow: "Строка {row} (мероприятие в строке {into}, «{sheet}»)",
  foldIncludeLeft: "Всё-таки присоединить к мероприятию выше",
  foldConfirmCount:
    "Исправить ({count, plural, one {# склейка} few {# склейки} many {# склеек} other {# склейки}})",

  peopleActivityCount:
    "{count, plural, one {# мероприятие} few {# мероприятия} many {# мероприятий} other {# мероприятия}}",
  peopleDeadline: "срок: {deadline}",
  peopleNoDeadline: "срок не указан",
  peopleRow: "строка {row}",
  peopleGoTo: "Перейти к строке {row} на листе «{sheet}»",
  peopleShowAll: "Показать все ({count})",
  peopleShowLess: "Свернуть",

  previewOpen: "Открыть .xlsx…",
  previewFileLabel: "Книга .xlsx для предпросмотра",
  previewDownload: "Скачать результат",
  previewNote: "Предпросмотр без Excel: команды работают с этой книгой так же, как в Excel",
  previewOpening: "Открываю книгу…",
  previewEmpty: "Откройте книгу .xlsx с дорожной картой.",
  previewPaneLabel: "Область задач надстройки",
  previewOpened:
    "Открыта книга «{name}»: {count, plural, one {# лист} few {# листа} many {# листов} other {# листа}}.",
  previewUnsaved:
    "В книге есть изменения, которые не скачаны. Открыть другой файл и потерять их? (Чтобы сохранить — «Скачать результат».)",
  gridCapped:
    "Показаны первые {shown} строк; ещё {count, plural, one {# строка не показана} few {# строки не показаны} many {# строк не показаны} other {# строки не показаны}} в предпросмотре (команды работают со всем листом).",
  gridSheets: "Листы книги",
  formulaBar: "Содержимое ячейки",
  formulaBarEmpty: "Щёлкните ячейку, чтобы прочитать её текст целиком.",
};
