/**
 * Read benchmark: how much our reading (readXlsx → WorkbookGrid, then recognizeWorkbook) costs over the bare
 * minimum, ExcelJS loading the file and touching every cell value. Same synthetic 10,000-activity roadmap,
 * same run, medians of several repetitions. Run alone: `npx tsx bench/read.bench.ts`.
 */
import ExcelJS from "exceljs";
import type { CellRange, CellValue, WorkbookGrid } from "../src/domain/grid";
import { recognizeWorkbook } from "../src/domain/recognition";
import { readXlsx } from "../src/xlsx/read";
import { writeWorkbookGrid } from "../src/xlsx/write";

const ACTIVITIES = 10_000;
const REPEATS = 5;

const SECTIONS = [
  "Муниципальный уровень",
  "Уровень образовательной организации",
  "Повышение квалификации педагогических и руководящих работников школ",
  "Информационно-консультативная поддержка",
  "Мониторинг реализации дорожной карты",
];
const ACTIONS = [
  "Проведение совещания с руководителями школ с низкими результатами по вопросу",
  "Организация участия педагогов в курсах повышения квалификации по теме",
  "Анализ результатов оценочных процедур (ВПР, ОГЭ) и подготовка адресных рекомендаций по направлению",
  "Посещение уроков администрацией и методистами МИМС с последующим разбором по теме",
  "Заседание рабочей группы по реализации программы перехода школы в эффективный режим работы:",
  "Мониторинг выполнения мероприятий дорожной карты в части",
];
const TOPICS = [
  "формирующего оценивания",
  "работы с обучающимися группы риска",
  "наставничества для молодых педагогов",
  "повышения мотивации обучающихся",
  "функциональной грамотности",
  "объективности проведения ВПР",
  "взаимодействия с родителями",
];
const FORMS = [
  "Совещание",
  "Семинар",
  "Курсы ПК",
  "Вебинар",
  "Аналитическая справка",
  "Посещение уроков",
  null,
];
const DEADLINES = [
  "до 15.04.2023",
  "До 30.01.2023",
  "Апрель-май 2023",
  "Сентябрь – декабрь 2023",
  "ежеквартально",
  "1 раз в четверть",
  "В течение года",
  "По графику ИРО",
  "15.09.",
  "Февраль 2023 июнь 2023",
  "Март 2023",
  "После проведения оценочной процедуры",
  "01.09.2023", // written as a real date cell
];
const PEOPLE = [
  "Грицина Н.В.",
  "Огурцова Т.Н. Леусенко А.Н.",
  "Гокова В.Я., руководитель рабочей группы",
  "Руководители ОУ",
  "Куприенко Е.В. главный специалист отдела развития муниципальной системы образования",
  "МИМС, Школьный отдел Управления образования",
  "Рабочая группа",
  "Иванова А.С., Петров П.П.",
];

/** A realistic synthetic roadmap: title, approval line, header, sections every ~50 rows, continuations. */
export function syntheticRoadmap(activities = ACTIVITIES): WorkbookGrid {
  const rows: CellValue[][] = [
    [null, null, null, "УТВЕРЖДЕНА приказом управления образования от 30.03.2023 № 234"],
    [],
    ["ДОРОЖНАЯ КАРТА"],
    ["по работе со школами, имеющими низкие образовательные результаты, в 2023 году"],
    [],
    [
      "№ п/п",
      "Наименование мероприятия",
      "Форма реализации мероприятий",
      "Сроки выполнения",
      "Ответственные лица",
    ],
  ];
  const merges: CellRange[] = [
    { top: 2, left: 0, bottom: 2, right: 4 },
    { top: 3, left: 0, bottom: 3, right: 4 },
  ];
  let n = 0;
  let section = 0;
  while (n < activities) {
    if (n % 50 === 0) {
      rows.push([SECTIONS[section % SECTIONS.length], null, null, null, null]);
      merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: 4 });
      section++;
    }
    n++;
    const text = `${ACTIONS[n % ACTIONS.length]} ${TOPICS[(n * 3) % TOPICS.length]}`;
    rows.push([
      n % 3 === 0 ? n : `${n}.`,
      text,
      FORMS[n % FORMS.length],
      DEADLINES[(n * 7) % DEADLINES.length],
      PEOPLE[(n * 5) % PEOPLE.length],
    ]);
    if (n % 7 === 0) {
      // A cell split at a page break: the rest of the text on a row of its own, number empty.
      rows.push([
        null,
        "(продолжение) с участием педагогов-предметников и представителей ММС",
        null,
        null,
        "специалисты МКУ «ЦРО»",
      ]);
    }
  }
  return {
    sheets: [{ name: "Дорожная карта", rows, merges, hiddenRows: [], hiddenColumns: [], protected: false }],
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function rawExcelJs(data: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  let cells = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value !== undefined) cells++;
      }),
    ),
  );
  return cells;
}

interface OursResult {
  tables: number;
  activities: number;
  /** The two halves: our reader alone, and recognition on its grid. */
  readMs: number;
  recognizeMs: number;
}

async function ours(data: Uint8Array): Promise<OursResult> {
  const t0 = performance.now();
  const grid = await readXlsx(data);
  const t1 = performance.now();
  const { tables } = recognizeWorkbook(grid);
  const t2 = performance.now();
  return {
    tables: tables.length,
    activities: tables.reduce((s, t) => s + t.rows.filter((r) => r.kind === "activity").length, 0),
    readMs: t1 - t0,
    recognizeMs: t2 - t1,
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

export async function benchRead(): Promise<object> {
  const grid = syntheticRoadmap();
  const data = await writeWorkbookGrid(grid, { realDates: true });
  // One warm-up of each so JIT and module loading do not land in the first sample.
  await rawExcelJs(data);
  const warm = await ours(data);
  const raw: number[] = [];
  const our: number[] = [];
  const readOnly: number[] = [];
  const recognizeOnly: number[] = [];
  let cells = 0;
  for (let i = 0; i < REPEATS; i++) {
    // Alternate the order so neither side always runs on a colder heap.
    const a = async () => {
      const r = await timed(() => rawExcelJs(data));
      raw.push(r.ms);
      cells = r.result;
    };
    const b = async () => {
      const r = await timed(() => ours(data));
      our.push(r.ms);
      readOnly.push(r.result.readMs);
      recognizeOnly.push(r.result.recognizeMs);
    };
    if (i % 2 === 0) {
      await a();
      await b();
    } else {
      await b();
      await a();
    }
  }
  const rawMs = median(raw);
  const ourMs = median(our);
  return {
    name: "read",
    activities: ACTIVITIES,
    sheetRows: grid.sheets[0].rows.length,
    fileBytes: data.length,
    cells,
    recognized: { tables: warm.tables, activities: warm.activities },
    repeats: REPEATS,
    rawExcelJsMedianMs: Math.round(rawMs),
    oursMedianMs: Math.round(ourMs),
    ratioOursToRaw: Math.round((ourMs / rawMs) * 100) / 100,
    readXlsxMedianMs: Math.round(median(readOnly)),
    recognizeMedianMs: Math.round(median(recognizeOnly)),
    rawSamplesMs: raw.map(Math.round),
    oursSamplesMs: our.map(Math.round),
  };
}

if (typeof require !== "undefined" && require.main === module) {
  benchRead().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
