/**
 * How Russian indicator wording tells its type, unit and direction. Indicators are noun phrases with a
 * small set of heads («Доля …», «Количество …», «Средний балл …», «Наличие …», «Положительная динамика …»,
 * «Снижение доли …»); which way is better follows from the head's verb (снижение, уменьшение) or the
 * predicate that says what is counted («не преодолевших порог», «пропусков», «имеющих задолженность»).
 * One table of words per decision, so a new region's spelling is one line.
 */
import type { Direction, IndicatorType, IndicatorValue } from "./model";

export interface Wording {
  type: IndicatorType;
  unit: string | null;
  direction: Direction | null;
}

/** Lower case, ё → е, one kind of dash and quote, single spaces. */
export function normaliseWording(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00ad]/g, "")
    .replace(/[–—−‑]/g, "-")
    .replace(/[«»“”„"]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** A list marker at the start of a line: «- », «• », «1.», «1)», «а)». */
export const LIST_MARKER = /^\s*(?:[-–—•·*▪●○◦]|\d{1,2}(?:\.\d{1,2})*[.)]|[а-яa-z]\))\s*/iu;

export type MarkerKind = "bullet" | "number" | "none";

export function markerKind(text: string): MarkerKind {
  const m = LIST_MARKER.exec(text);
  if (!m || !m[0].trim()) return "none";
  return /\d|[а-яa-z]\)/iu.test(m[0]) ? "number" : "bullet";
}

/** The line without its list marker and trailing «;», «.», «,». */
export function stripListText(text: string): string {
  return text
    .replace(LIST_MARKER, "")
    .replace(/[\s;.,:]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

// A word boundary for Cyrillic (JavaScript's \b knows only ASCII letters).
const W = "(?<![а-яa-z0-9])";

const SHARE_HEAD = new RegExp(
  `^(?:доля|удельн\\S* вес|процент(?!ы)|охват|укомплектованност|обеспеченност|успеваемост|качеств\\S* (?:знаний|обучени|успеваемост)|соответстви|включенност|вовлеченност)`,
);
const COUNT_HEAD = /^(?:количеств|число|числа|численност)/;
const NUMBER_HEAD = /^(?:средн|медиан)/;
const DYNAMICS_HEAD = /^(?:положительн\S* динамик|динамик|прирост)/;
/** Verbal nouns of an action or a state: done or not. */
const YESNO_HEAD =
  /^(?:наличи|отсутстви|участи|выявлени|проведени|организаци|разработк|создани|утверждени|внедрени|реализаци|обеспечени|функционировани|назначени|прохождени|заключени|принятие)/;
const DECREASE = /^(?:уменьшени|снижени|сокращени|убывани)\S*\s+/;
const INCREASE = /^(?:увеличени|повышени|рост|улучшени|возрастани)\S*\s+/;
const LEVEL_HEAD = /^уров/;

/** Measured things that are bad to have: more of them is worse. */
const NEGATIVE = new RegExp(
  [
    `${W}не\\s+[а-я]+(?:вш|ющ|ящ|енн|анн|ем|им)[а-я]*`,
    `${W}неудовлетвор`,
    `${W}неуспе`,
    `${W}неуважит`,
    `${W}низк`,
    `${W}пропуск`,
    `${W}пропуст`,
    `${W}пропущ`,
    `${W}отчисл`,
    `${W}второгод`,
    `повторн\\S* обучени`,
    `${W}оставлен\\S* на`,
    `${W}правонаруш`,
    `${W}задолженн`,
    `${W}вакан`,
    `${W}дефицит`,
    `${W}жалоб`,
    `${W}травм`,
    `${W}нарушени`,
    `"2"`,
    `${W}двойк`,
    `${W}неаттест`,
    `${W}риск`,
    `${W}выбывш`,
    `${W}конфликт`,
    `состоящ\\S* на (?:\\S+ )?учет`,
    `${W}необъектив`,
    `${W}несоответств`,
    `${W}ниже`,
    `${W}отсев`,
    `${W}асоциальн`,
    `${W}неблагополуч`,
  ].join("|"),
);

/** A predicate that names a good thing done to the counted people («охваченных», «прошедших»). */
const POSITIVE_PREDICATE =
  /^(?:охвач|прошедш|подтвердивш|освоивш|повысивш|вовлеч|включ|участву|обеспеч|удовлетвор|оснащ|использу|выполнивш|показавш|справивш|достигш|сдавш|преодолевш|улучшивш)/;

/** The first words naming who or what is counted: people → «чел.». */
const PEOPLE =
  /^(?:педагог|учител|обучающ|учащ|ученик|школьник|выпускник|дет[еи]|ребен|работник|руководител|участник|родител|специалист|человек|студент|воспитанник|наставник|кадр|сотрудник|призер|победител|молод\S* специалист|член)/;
const ADJECTIVE_LIKE = /(?:ых|их|ой|ый|ий|ое|ая|ые|ие|его|ого|ему|ому|ым|им|ую|юю)$/;

export function countUnit(rest: string): string {
  for (const word of rest
    .split(/[\s,;()/-]+/)
    .filter(Boolean)
    .slice(0, 4)) {
    if (PEOPLE.test(word)) return "чел.";
    if (ADJECTIVE_LIKE.test(word) || /^(?:в|на|по|из|у|с|за|для|оо|ОО)$/.test(word)) continue;
    return "ед.";
  }
  return "ед.";
}

function numberUnit(t: string): string | null {
  if (/балл/.test(t)) return "балл";
  if (/%|процент/.test(t)) return "%";
  return null;
}

/** The type a genitive object after «снижение / увеличение» names. */
function typeOfObject(rest: string): IndicatorType | null {
  if (/^(?:дол[ии]|удельн\S* вес|процент)/.test(rest)) return "share";
  if (/^(?:количеств|числ|численност)/.test(rest)) return "count";
  if (/^средн/.test(rest)) return "number";
  return null;
}

function unitFor(type: IndicatorType, t: string, rest: string): string | null {
  if (type === "share") return "%";
  if (type === "count") return countUnit(rest);
  if (type === "number") return numberUnit(t);
  return null;
}

/** Direction of a noun phrase measured as a quantity: the predicate first, then any bad-thing word. */
function quantityDirection(text: string): Direction {
  // «не ниже 3,5», «не менее 80%» are bounds, not bad things.
  const t = text.replace(/не (?:ниже|выше|менее|более)/g, "");
  const comma = t.indexOf(",");
  const predicate = comma >= 0 ? t.slice(comma + 1).trim() : "";
  if (predicate && POSITIVE_PREDICATE.test(predicate)) return "higher";
  return NEGATIVE.test(t) ? "lower" : "higher";
}

/** «Наличие X»: bad when X (its first words) is a bad thing — cases of violations, a risk group. */
function presenceDirection(t: string): Direction {
  if (/^отсутстви/.test(t)) return "higher";
  if (!/^наличи/.test(t)) return "higher";
  const words = t
    .replace(/^наличи\S*\s*/, "")
    .split(/[\s,;()]+/)
    .filter((w) => w && !/^(?:в|у|-|оо|школе|школы|организации)$/.test(w));
  return NEGATIVE.test(words.slice(0, 5).join(" ")) || /^случа/.test(words[0] ?? "") ? "lower" : "higher";
}

/** Type, unit and direction of an indicator from its wording. */
export function classifyWording(text: string): Wording {
  const t = stripListText(normaliseWording(text));
  if (/да\s*\/\s*нет/.test(t)) return { type: "yesno", unit: null, direction: presenceDirection(t) };

  const decrease = DECREASE.exec(t);
  const increase = INCREASE.exec(t);
  if (decrease || increase) {
    const rest = t.slice((decrease ?? increase)![0].length);
    const type = typeOfObject(rest) ?? (/%/.test(rest) ? "share" : "dynamics");
    return {
      type,
      unit: unitFor(type, t, rest.replace(/^\S+\s*/, "")),
      direction: decrease ? "lower" : "higher",
    };
  }
  if (NUMBER_HEAD.test(t)) return { type: "number", unit: numberUnit(t), direction: quantityDirection(t) };
  if (SHARE_HEAD.test(t)) return { type: "share", unit: "%", direction: quantityDirection(t) };
  if (COUNT_HEAD.test(t)) {
    return { type: "count", unit: countUnit(t.replace(/^\S+\s*/, "")), direction: quantityDirection(t) };
  }
  if (DYNAMICS_HEAD.test(t)) {
    const rest = t.replace(DYNAMICS_HEAD, "");
    return {
      type: "dynamics",
      unit: null,
      direction: /^положительн/.test(t) ? "higher" : quantityDirection(rest),
    };
  }
  if (LEVEL_HEAD.test(t)) {
    const share = /%|процент/.test(t);
    return { type: share ? "share" : "number", unit: share ? "%" : null, direction: quantityDirection(t) };
  }
  // A target written with a percentage («Прохождение тестирования 100%», «100% обучились»).
  if (/\d\s*%/.test(t)) return { type: "share", unit: "%", direction: quantityDirection(t) };
  if (YESNO_HEAD.test(t)) return { type: "yesno", unit: null, direction: presenceDirection(t) };
  return { type: "text", unit: null, direction: null };
}

/** Does the line start the way indicators start (a list without a heading is recognised by these)? */
export function hasStrongIndicatorHead(text: string): boolean {
  const t = stripListText(normaliseWording(text));
  return (
    SHARE_HEAD.test(t) ||
    COUNT_HEAD.test(t) ||
    /^средн\S* балл/.test(t) ||
    /^положительн\S* динамик/.test(t) ||
    /^наличи/.test(t)
  );
}

/**
 * Direction of a target stated in a result cell («100% обучились по выявленным дефицитам»): the share of
 * people who did something is better higher, unless the cell asks to lower it or counts a bad thing.
 */
export function targetDirection(text: string): Direction {
  const t = stripListText(normaliseWording(text));
  if (DECREASE.test(t)) return "lower";
  const after = /\d\s*%\s*(.*)$/.exec(t)?.[1] ?? "";
  return NEGATIVE.test(after.split(" ").slice(0, 2).join(" ")) ? "lower" : "higher";
}

/**
 * A base or target cell → its value: a number («12 школ» → 12, «85,5 %» → 85.5, «не менее 80%» → 80,
 * «1 200 чел.» → 1200), «Да»/«Нет», or null (empty, a dash, a cross, words with no number).
 */
export function readIndicatorValue(raw: unknown): IndicatorValue | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw === "boolean") return raw ? "Да" : "Нет";
  if (typeof raw !== "string") return null;
  const t = raw
    .replace(/\u00a0/g, " ")
    .trim()
    .toLowerCase();
  if (!t || /^[-–—xх]$/.test(t)) return null;
  if (/^да\.?$/.test(t)) return "Да";
  if (/^нет\.?$/.test(t)) return "Нет";
  const body = t.replace(
    /^(?:не\s+менее|не\s+более|не\s+ниже|не\s+выше|до|более|менее|свыше|от|≥|≤|>|<)\s*/,
    "",
  );
  const m = /^(\d{1,3}(?:[ ]\d{3})+|\d+)(?:[.,](\d+))?\s*(?:%|[а-яё.]+)?\s*$/u.exec(body);
  if (!m) return null;
  return Number(`${m[1].replace(/ /g, "")}${m[2] ? `.${m[2]}` : ""}`);
}

/**
 * A target written inside a result cell («Не менее 90% учителей прошли курсы», «Включенность ШФЗР (100%)»):
 * the percentage, or a number after «не менее / не более / до»; null when the cell states no target.
 */
export function targetInText(text: string): number | null {
  const t = normaliseWording(text);
  const pct = /(\d+(?:[.,]\d+)?)\s*%/.exec(t);
  if (pct) return Number(pct[1].replace(",", "."));
  const bound = new RegExp(`${W}(?:не менее|не более|не ниже|не выше)\\s+(\\d+(?:[.,]\\d+)?)`).exec(t);
  if (bound) return Number(bound[1].replace(",", "."));
  return null;
}

/** «к прошлому году», «по сравнению с предыдущим периодом», «относительно уровня 2023 года»: a change, not a level. */
const COMPARED =
  /(?:^|\s)(?:к|по сравнению с|в сравнении с|относительно)\s+(?:прошл|предыдущ|уровн|аналогичн|показател|результат|итог)\S*(?:\s+\S+){0,3}$/u;

/**
 * What a result cell holding a target says besides the target. «100%», «=100% педагогов», «не менее 80%»,
 * «+15% к прошлому году» are bare: a value with at most one word, meaningless as an indicator's name without
 * the activity it belongs to. «Прохождение тестирования 100%» is worded and names the indicator itself.
 * `relative`: the target is a change against an earlier period («+15% к прошлому году»), `falling` a decrease.
 */
export function resultTargetShape(text: string): {
  bare: boolean;
  relative: boolean;
  falling: boolean;
  rest: string;
} {
  const t = normaliseWording(text).replace(/^[=@\s]+/, "");
  const signed = /^[+-]\s*\d/.exec(t);
  const compared = COMPARED.exec(t);
  const rest = t
    .replace(COMPARED, " ")
    .replace(/^[+-]/, "")
    .replace(/(?:^|\s)(?:не менее|не более|не ниже|не выше|до|более|менее|свыше|от|на)(?=\s|\d)/g, " ")
    .replace(/\d+(?:[.,]\d+)?\s*(?:%|процент\S*)?/g, " ")
    .replace(/[^а-яa-z\s-]/g, " ")
    .split(/\s+/)
    .filter((w) => /[а-яa-z]/.test(w));
  const relative = Boolean(signed || compared);
  return {
    bare: rest.length <= 1,
    relative,
    falling: relative && (t.startsWith("-") || /(?:^|\s)(?:снижени|уменьшени|сокращени)/.test(t)),
    rest: rest.join(" "),
  };
}
