/**
 * Indicators worded the way other regions' documents word them (ШНОР / 500+ / антирисковые программы,
 * municipal monitoring orders), with the reading a careful human gives. Written by hand BEFORE the
 * classifier (src/domain/indicators/wording.ts) was run on them; the first-run result is recorded in
 * test/domain/indicators.test.ts.
 *
 * Units, by the product's rule: share → "%"; count → "чел." when it counts people, else "ед."; a mean score
 * → "балл"; a mean percentage → "%"; yes/no, dynamics and text → null.
 */
import type { Direction, IndicatorType } from "../../src/domain/indicators/model";

export interface WordingCase {
  text: string;
  type: IndicatorType;
  unit: string | null;
  direction: Direction | null;
  why?: string;
}

export const HELDOUT_WORDING: WordingCase[] = [
  {
    text: "Доля обучающихся 9-х классов, получивших аттестат об основном общем образовании",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  {
    text: "Доля выпускников 11 классов, не получивших аттестат о среднем общем образовании",
    type: "share",
    unit: "%",
    direction: "lower",
    why: "negated participle",
  },
  {
    text: "Доля участников ВПР, получивших отметку «2» по математике",
    type: "share",
    unit: "%",
    direction: "lower",
    why: "a «2» is a fail",
  },
  {
    text: "Доля учащихся, подтвердивших годовые отметки по результатам ВПР",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  {
    text: "Количество обучающихся, состоящих на внутришкольном учёте",
    type: "count",
    unit: "чел.",
    direction: "lower",
    why: "on the at-risk register",
  },
  {
    text: "Количество педагогов, прошедших курсы повышения квалификации по программам из Федерального реестра",
    type: "count",
    unit: "чел.",
    direction: "higher",
  },
  { text: "Средний балл ОГЭ по математике", type: "number", unit: "балл", direction: "higher" },
  { text: "Средний балл ЕГЭ по русскому языку", type: "number", unit: "балл", direction: "higher" },
  { text: "Наличие программы антирисковых мер", type: "yesno", unit: null, direction: "higher" },
  {
    text: "Наличие утверждённой программы перехода школы в эффективный режим работы",
    type: "yesno",
    unit: null,
    direction: "higher",
  },
  {
    text: "Отсутствие обучающихся, не получивших аттестат",
    type: "yesno",
    unit: null,
    direction: "higher",
    why: "«Да» means nobody failed",
  },
  { text: "Удельный вес педагогов в возрасте до 35 лет", type: "share", unit: "%", direction: "higher" },
  {
    text: "Процент обучающихся, охваченных дополнительным образованием",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  { text: "Успеваемость обучающихся по итогам четверти, %", type: "share", unit: "%", direction: "higher" },
  { text: "Качество знаний по итогам учебного года, %", type: "share", unit: "%", direction: "higher" },
  {
    text: "Число обучающихся, пропустивших более 30% учебного времени без уважительной причины",
    type: "count",
    unit: "чел.",
    direction: "lower",
    why: "a % inside does not make it a share",
  },
  {
    text: "Численность педагогических работников, имеющих высшую квалификационную категорию",
    type: "count",
    unit: "чел.",
    direction: "higher",
  },
  {
    text: "Количество проведённых методических семинаров для педагогов ШНОР",
    type: "count",
    unit: "ед.",
    direction: "higher",
    why: "counts seminars, not people",
  },
  {
    text: "Количество посещённых уроков в рамках внутришкольного контроля",
    type: "count",
    unit: "ед.",
    direction: "higher",
  },
  {
    text: "Доля обучающихся с ОВЗ, обеспеченных психолого-педагогическим сопровождением",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  {
    text: "Положительная динамика среднего балла ВПР по русскому языку в 5–8 классах",
    type: "dynamics",
    unit: null,
    direction: "higher",
  },
  {
    text: "Динамика доли обучающихся, не преодолевших минимальный порог ОГЭ",
    type: "dynamics",
    unit: null,
    direction: "lower",
  },
  {
    text: "Снижение доли обучающихся, имеющих академическую задолженность",
    type: "share",
    unit: "%",
    direction: "lower",
  },
  {
    text: "Уменьшение количества обучающихся, оставленных на повторное обучение",
    type: "count",
    unit: "чел.",
    direction: "lower",
  },
  {
    text: "Увеличение доли педагогов, использующих современные образовательные технологии",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  { text: "Повышение среднего балла ГИА по математике", type: "number", unit: "балл", direction: "higher" },
  { text: "Соответствие отметок за ВПР отметкам в журнале", type: "share", unit: "%", direction: "higher" },
  {
    text: "Доля родителей, удовлетворённых качеством образовательных услуг",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  {
    text: "Количество жалоб родителей на качество преподавания",
    type: "count",
    unit: "ед.",
    direction: "lower",
  },
  {
    text: "Доля вакантных должностей педагогических работников",
    type: "share",
    unit: "%",
    direction: "lower",
  },
  {
    text: "Укомплектованность штатов педагогическими кадрами",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  { text: "Охват обучающихся внеурочной деятельностью", type: "share", unit: "%", direction: "higher" },
  {
    text: "Доля педагогов, имеющих профессиональные дефициты по результатам диагностики",
    type: "share",
    unit: "%",
    direction: "lower",
  },
  {
    text: "Количество обучающихся, ставших победителями и призёрами муниципального этапа ВсОШ",
    type: "count",
    unit: "чел.",
    direction: "higher",
  },
  { text: "Доля обучающихся, выполнивших ВПР на «4» и «5»", type: "share", unit: "%", direction: "higher" },
  {
    text: "Доля учебных кабинетов, оснащённых современным оборудованием",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  { text: "Наличие в ОО педагога-психолога", type: "yesno", unit: null, direction: "higher" },
  {
    text: "Наличие случаев необъективности при проведении ВПР",
    type: "yesno",
    unit: null,
    direction: "lower",
  },
  {
    text: "Проведение самодиагностики ОО по методике ФИОКО (да/нет)",
    type: "yesno",
    unit: null,
    direction: "higher",
  },
  {
    text: "Доля педагогов, прошедших обучение по программам ДПО, от общего числа педагогов ОО (%)",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  {
    text: "Средний процент выполнения заданий ВПР",
    type: "number",
    unit: "%",
    direction: "higher",
    why: "a mean of percentages, not a part of a whole",
  },
  { text: "Количество педагогов-наставников", type: "count", unit: "чел.", direction: "higher" },
  {
    text: "Количество реализуемых программ внеурочной деятельности",
    type: "count",
    unit: "ед.",
    direction: "higher",
  },
  {
    text: "Доля обучающихся 4-х классов, не освоивших ООП НОО",
    type: "share",
    unit: "%",
    direction: "lower",
  },
  {
    text: "Прирост доли обучающихся, выполнивших работу на высоком уровне",
    type: "dynamics",
    unit: null,
    direction: "higher",
  },
  {
    text: "Уровень удовлетворённости родителей качеством образования, %",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  {
    text: "Доля уроков, на которых используется цифровая образовательная среда",
    type: "share",
    unit: "%",
    direction: "higher",
  },
  { text: "Количество случаев травматизма обучающихся", type: "count", unit: "ед.", direction: "lower" },
  {
    text: "Доля обучающихся, систематически пропускающих занятия",
    type: "share",
    unit: "%",
    direction: "lower",
  },
  { text: "Участие школы в проекте «500+»", type: "yesno", unit: null, direction: "higher" },
];

/** Base and target cells as written in other regions' tables → the value read. */
export const HELDOUT_VALUES: { raw: string; value: number | string | null }[] = [
  { raw: "12 школ", value: 12 },
  { raw: "да", value: "Да" },
  { raw: "Нет", value: "Нет" },
  { raw: "85%", value: 85 },
  { raw: "85,5 %", value: 85.5 },
  { raw: "не менее 80%", value: 80 },
  { raw: "—", value: null },
  { raw: "3,8 балла", value: 3.8 },
  { raw: "100", value: 100 },
  { raw: "0", value: 0 },
  { raw: "1 200 чел.", value: 1200 },
  { raw: "не более 5", value: 5 },
  { raw: "", value: null },
  { raw: "x", value: null },
];

/** Whole workbooks in other regions' layouts, with every indicator a human reads from them (written first). */
export interface ExpectedIndicator {
  text: string;
  type: IndicatorType;
  unit: string | null;
  direction: Direction | null;
  base: number | string | null;
  targets: Record<string, number | string>;
  sheet: string;
  cell: string;
}

export interface LayoutCase {
  name: string;
  sheets: { name: string; rows: (string | number | null)[][] }[];
  expected: ExpectedIndicator[];
}

export const HELDOUT_LAYOUTS: LayoutCase[] = [
  {
    name: "table «показатель | ед. изм. | базовое значение | 2025 | 2026»",
    sheets: [
      {
        name: "Показатели",
        rows: [
          ["Целевые показатели реализации программы"],
          ["№", "Наименование показателя", "Ед. изм.", "Базовое значение (2024)", "2025", "2026"],
          [
            1,
            "Доля обучающихся, не преодолевших минимальный порог по математике (ОГЭ)",
            "%",
            "12,5",
            "10",
            "8",
          ],
          [2, "Средний балл ОГЭ по русскому языку", "балл", "3,4", "3,5", "3,6"],
          [3, "Количество педагогов, прошедших повышение квалификации", "чел.", 14, 20, 25],
          [4, "Наличие программы наставничества", "да/нет", "нет", "да", "да"],
        ],
      },
    ],
    expected: [
      {
        text: "Доля обучающихся, не преодолевших минимальный порог по математике (ОГЭ)",
        type: "share",
        unit: "%",
        direction: "lower",
        base: 12.5,
        targets: { "2025": 10, "2026": 8 },
        sheet: "Показатели",
        cell: "B3",
      },
      {
        text: "Средний балл ОГЭ по русскому языку",
        type: "number",
        unit: "балл",
        direction: "higher",
        base: 3.4,
        targets: { "2025": 3.5, "2026": 3.6 },
        sheet: "Показатели",
        cell: "B4",
      },
      {
        text: "Количество педагогов, прошедших повышение квалификации",
        type: "count",
        unit: "чел.",
        direction: "higher",
        base: 14,
        targets: { "2025": 20, "2026": 25 },
        sheet: "Показатели",
        cell: "B5",
      },
      {
        text: "Наличие программы наставничества",
        type: "yesno",
        unit: null,
        direction: "higher",
        base: "Нет",
        targets: { "2025": "Да", "2026": "Да" },
        sheet: "Показатели",
        cell: "B6",
      },
    ],
  },
  {
    name: "numbered list without bullets under a heading, ended by a paragraph",
    sheets: [
      {
        name: "Программа",
        rows: [
          ["Программа перехода школы в эффективный режим работы"],
          [],
          ["Показатели эффективности реализации программы:"],
          ["1) доля педагогов, охваченных наставничеством;"],
          ["2) количество обучающихся группы риска;"],
          ["3) средний балл ВПР по математике;"],
          ["4) наличие плана работы с обучающимися группы риска."],
          ["Ожидаемые результаты реализации программы: повышение качества образования, снижение рисков."],
        ],
      },
    ],
    expected: [
      {
        text: "доля педагогов, охваченных наставничеством",
        type: "share",
        unit: "%",
        direction: "higher",
        base: null,
        targets: {},
        sheet: "Программа",
        cell: "A4",
      },
      {
        text: "количество обучающихся группы риска",
        type: "count",
        unit: "чел.",
        direction: "lower",
        base: null,
        targets: {},
        sheet: "Программа",
        cell: "A5",
      },
      {
        text: "средний балл ВПР по математике",
        type: "number",
        unit: "балл",
        direction: "higher",
        base: null,
        targets: {},
        sheet: "Программа",
        cell: "A6",
      },
      {
        text: "наличие плана работы с обучающимися группы риска",
        type: "yesno",
        unit: null,
        direction: "higher",
        base: null,
        targets: {},
        sheet: "Программа",
        cell: "A7",
      },
    ],
  },
  {
    name: "roadmap whose «Ожидаемый результат» column holds targets",
    sheets: [
      {
        name: "План",
        rows: [
          ["План мероприятий («дорожная карта») по повышению качества образования на 2025 год"],
          ["№", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат"],
          [
            "1.",
            "Курсы повышения квалификации для учителей математики",
            "до 30.04.2025",
            "Иванова А.А.",
            "Не менее 90% учителей математики прошли курсы",
          ],
          [
            "2.",
            "Диагностика профессиональных дефицитов педагогов",
            "Март 2025",
            "Петров Б.Б.",
            "Охват диагностикой 100% педагогов",
          ],
          ["3.", "Совещание с руководителями ОО", "ежеквартально", "Иванова А.А.", "Протоколы совещаний"],
          ["4.", "Анализ результатов ВПР", "Май 2025", "Петров Б.Б.", "Снижение доли «2» до 5%"],
        ],
      },
    ],
    expected: [
      {
        text: "Не менее 90% учителей математики прошли курсы",
        type: "share",
        unit: "%",
        direction: "higher",
        base: null,
        targets: { "2025": 90 },
        sheet: "План",
        cell: "E3",
      },
      {
        text: "Охват диагностикой 100% педагогов",
        type: "share",
        unit: "%",
        direction: "higher",
        base: null,
        targets: { "2025": 100 },
        sheet: "План",
        cell: "E4",
      },
      {
        text: "Снижение доли «2» до 5%",
        type: "share",
        unit: "%",
        direction: "lower",
        base: null,
        targets: { "2025": 5 },
        sheet: "План",
        cell: "E6",
      },
    ],
  },
];
