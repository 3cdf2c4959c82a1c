/**
 * Header cell text → column role, by synonyms. Spellings vary from region to region, so the patterns match
 * word stems on normalised text (lower case, ё→е, no punctuation), and the more specific roles are tried first
 * («Дата выполнения» is the structured done-date, «Сроки выполнения» the deadline; «Форма реализации
 * мероприятий» is the form, not the activity).
 */
import type { ColumnRole } from "../model";
import { normalizeText } from "./text";

interface RolePattern {
  role: ColumnRole;
  re: RegExp;
  /** Higher wins when two columns claim a role that only one column may have. */
  weight: number;
}

// Order matters: the first matching pattern decides.
const PATTERNS: RolePattern[] = [
  { role: "evidenceLink", re: /ссылк|гиперссылк|\burl\b/, weight: 3 },
  {
    role: "status",
    re: /^(статус|состояние( исполнения| выполнения)?$|отметка о (вы|ис)полнении|исполнено|выполнено)/,
    weight: 3,
  },
  {
    role: "doneDate",
    re: /(дата|срок\w*) (фактическ\w* )?(выполнения|исполнения) факт|фактическ\w* (дата|срок)|^дата (фактического )?(выполнения|исполнения)|^дата факт/,
    weight: 3,
  },
  { role: "comment", re: /^(комментари|примечани|замечани)/, weight: 3 },
  { role: "responsible", re: /ответствен|исполнител|^кто(?![а-я])|соисполнител|координатор/, weight: 3 },
  {
    role: "evidence",
    re: /подтвержда|отчетн\w* документ|форма отчетн|^отчетн|итогов\w* документ|вид документа|документ\w* (подтвержд|о выполнении|по итогам)|^документ|^продукт/,
    weight: 3,
  },
  { role: "form", re: /^форм\w*( (реализации|проведения|работы|мероприяти|организации))?/, weight: 3 },
  {
    role: "deadline",
    re: /^срок|сроки|^дата|период (исполнения|реализации|проведения|выполнения)|^время|^когда|^период$|^срок\w*/,
    weight: 3,
  },
  { role: "result", re: /результат|показател|ориентир|индикатор|эффект|^цель|значени/, weight: 3 },
  { role: "number", re: /^(№|n|no|номер)( п п| пп)?$|^п п$|^№ п$/, weight: 3 },
  {
    role: "activity",
    re: /мероприяти|наименование (работ|направлени|действи)|содержание (работы|деятельности|мероприяти)|^содержание$|^действи|^вид\w* (работ|деятельности)|^направлени\w* (деятельности|работы)|^задач/,
    weight: 3,
  },
];

/** Role from the raw header text, or null; weight tells how specific the match is. */
export function roleOfHeader(raw: string): { role: ColumnRole; weight: number } | null {
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > 160) return null;
  // «№ п/п» loses its «№» to nothing but «п п» after normalising: check it on the raw text first.
  if (/^(№|N|No|Номер)\s*(п\s*[/\\.]?\s*п\.?)?$/i.test(trimmed) || /^п\s*[/\\]\s*п$/i.test(trimmed)) {
    return { role: "number", weight: 3 };
  }
  const t = normalizeText(trimmed);
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
  return null;
}
