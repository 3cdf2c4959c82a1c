/**
 * Header cell text → column role, by synonyms. Spellings vary from region to region, so the patterns match
 * word stems on normalised text (lower case, ё→е, no punctuation), and the more specific roles are tried first
 * («Дата выполнения» is the structured done-date, «Сроки выполнения» the deadline; «Форма реализации
 * мероприятий» is the form, not the activity).
 */
import type { ColumnRole } from "../model";
import { normalizeForMatch } from "../ru";

interface RolePattern {
  role: ColumnRole;
  re: RegExp;
  /** Higher wins when two columns claim a role that only one column may have. */
  weight: number;
}

// Order matters: the first matching pattern decides.
const PATTERNS: RolePattern[] = [
  // «Отчёт о выполнении»: the document produced, not the planned form of reporting.
  { role: "evidenceLink", re: /ссылк|гиперссылк|\burl\b|^отчет[а-я]* об? (вы|ис)полнени/, weight: 3 },
  // «Контрольный срок»: the due date as a date (alone, «Контрольные сроки» is the deadline: see assign in header.ts).
  { role: "dueDate", re: /^контрольн(ый|ая) (срок|дата)$/, weight: 3 },
  {
    role: "status",
    // «Отметка о выполнении», «Отметка об исполнении», «Информация о выполнении», «Выполнение».
    re: /^(статус|состояние( исполнения| выполнения)?$|отметка об? (вы|ис)полнени|информация об? (вы|ис)полнени|(вы|ис)полнени[ея]$|исполнено|выполнено)/,
    weight: 3,
  },
  {
    role: "doneDate",
    re: /(дата|срок[а-яa-z]*) (фактическ[а-яa-z]* )?(выполнения|исполнения) факт|фактическ[а-яa-z]* (дата|срок)|^дата (фактического )?(выполнения|исполнения)|^дата факт/,
    weight: 3,
  },
  { role: "comment", re: /^(комментари|примечани|замечани)/, weight: 3 },
  { role: "responsible", re: /ответствен|исполнител|^кто(?![а-я])|соисполнител|координатор/, weight: 3 },
  {
    role: "evidence",
    re: /подтвержда|отчетн[а-яa-z]* документ|форма отчетн|^отчетн|^форм[а-яa-z]* (представлени|предоставлени)[а-яa-z]* (результат|отчет|информаци)|итогов[а-яa-z]* документ|вид документа|документ[а-яa-z]* (подтвержд|о выполнении|по итогам)|^документ|^продукт/,
    weight: 3,
  },
  { role: "form", re: /^форм[а-яa-z]*( (реализации|проведения|работы|мероприяти|организации))?/, weight: 3 },
  {
    role: "deadline",
    // «Срок», «Сроки исполнения», «Плановый срок», «Контрольные сроки», «Этапы и сроки реализации».
    re: /^год[а-я]* (начала|окончания|завершения|реализации|исполнения|проведения)|^([а-я]+(ый|ой|ые|ий) )?срок|срок[а-я]* (выполнения|исполнения|реализации|проведения)|^дата|период (исполнения|реализации|проведения|выполнения)|^время|^когда|^период$|^срок[а-яa-z]*/,
    weight: 3,
  },
  // «Выход»: what a piece of work puts out (a report, a protocol) — its result.
  { role: "result", re: /результат|показател|ориентир|индикатор|эффект|^цель|значени|^выход$/, weight: 3 },
  { role: "number", re: /^(№{1,2}|n|no|номер)( п п| пп)?$|^п п$|^№ п$/, weight: 3 },
  {
    role: "activity",
    re: /мероприяти|наименование (работ|направлени|действи)|содержание (работы|деятельности|мероприяти)|^содержание$|^действи|^вид[а-яa-z]* (работ|деятельности)|^направлени[а-яa-z]* (деятельности|работы)|^задач/,
    weight: 3,
  },
];

/** Role from the raw header text, or null; weight tells how specific the match is. */
export function roleOfHeader(raw: string): { role: ColumnRole; weight: number } | null {
  // A word hyphenated across lines in a narrow header cell («Ответст-\nвенный», «Сроки\nисполне-\nния») is one word;
  // a soft hyphen is invisible.
  const trimmed = raw
    .replace(/\u00ad/g, "")
    .replace(/([а-яёa-z])-[ \t]*[\r\n]+\s*(?=[а-яёa-z])/gi, "$1")
    .trim();
  if (!trimmed || trimmed.length > 160) return null;
  // «№ п/п» loses its «№» to nothing but «п п» after normalising: check it on the raw text first.
  if (/^(№{1,2}|N|No|Номер)\s*(п\s*[/\\.]?\s*п\.?)?$/i.test(trimmed) || /^п\s*[/\\]\s*п$/i.test(trimmed)) {
    return { role: "number", weight: 3 };
  }
  const t = normalizeForMatch(trimmed);
  if (!t) return null;
  // «Число мероприятий», «Количество участников»: a count, not a roadmap column.
  if (/^(число|количество|кол во|доля|процент|сумма|итого)( |$)/.test(t)) return null;
  for (const p of PATTERNS) {
    if (p.re.test(t)) {
      // An activity named by «мероприятия» beats «задачи» when a table has both.
      if (p.role === "activity") return { role: "activity", weight: /мероприяти|содержание/.test(t) ? 3 : 2 };
      return { role: p.role, weight: p.weight };
    }
  }
  // A bare «Наименование» names the activity only weakly (price lists have it too): see readHeader.
  if (t === "наименование") return { role: "activity", weight: 1 };
  return null;
}
