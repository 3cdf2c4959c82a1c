/**
 * HTML markup in cell text, read as the text it stands for. Rows pasted from web pages or converted documents
 * carry «<p>…</p>», «<br>», «&nbsp;», «&amp;»: a paragraph or a line break is a line break, other tags are
 * nothing, an entity is its character. Written here because the domain takes no library but zod, and only the
 * small set of tags and entities such exports produce is needed; anything else («<5 баллов», «A&B») stays as
 * written.
 */

/** Tags that break a line (paragraphs, line breaks, list items, table cells). */
const BLOCK = new Set([
  "p",
  "br",
  "div",
  "li",
  "ul",
  "ol",
  "tr",
  "td",
  "th",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
/** Inline tags: dropped, their text kept. */
const INLINE = new Set([
  "span",
  "font",
  "i",
  "b",
  "u",
  "s",
  "em",
  "strong",
  "sup",
  "sub",
  "small",
  "big",
  "strike",
  "a",
  "o:p",
]);

const TAG = /<\/?([a-z][a-z0-9]*(?::[a-z]+)?)(?:\s[^<>]*)?\/?>/gi;

const NAMED: Record<string, string> = {
  nbsp: "\u00a0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  laquo: "«",
  raquo: "»",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  lsquo: "‘",
  rsquo: "’",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  shy: "\u00ad",
  bull: "•",
  middot: "·",
  numero: "№",
  deg: "°",
  times: "×",
};

const ENTITY = /&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;

function entity(m: string, body: string): string {
  if (body[0] === "#") {
    const code =
      body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
  }
  return NAMED[body.toLowerCase()] ?? m;
}

/** Does the text hold markup worth reading? A cheap test first: most cells have neither «<» nor «&». */
export function hasMarkup(text: string): boolean {
  if (!text.includes("<") && !text.includes("&")) return false;
  TAG.lastIndex = 0;
  ENTITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(text)) !== null) if (isKnownTag(m[1])) return true;
  while ((m = ENTITY.exec(text)) !== null) if (entity(m[0], m[1]) !== m[0]) return true;
  return false;
}

function isKnownTag(name: string): boolean {
  const n = name.toLowerCase();
  return BLOCK.has(n) || INLINE.has(n);
}

/**
 * The text markup stands for: «<p>Ноябрь</p><p>декабрь</p>» → «Ноябрь\nдекабрь», «a&nbsp;b» → «a b» (NBSP),
 * «&amp;» → «&». Tags first, then entities, so an escaped «&lt;p&gt;» stays the text «<p>». Text without markup
 * is returned as is.
 */
export function markupToText(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  let t = text.replace(TAG, (m: string, name: string) => {
    const n = name.toLowerCase();
    if (BLOCK.has(n)) return "\n";
    return INLINE.has(n) ? "" : m;
  });
  if (t.includes("&")) t = t.replace(ENTITY, entity);
  if (t === text) return text;
  // Paragraph breaks left at the edges or doubled («</p> <p>») are one line break, none at the ends.
  return t
    .replace(/[ \t]*\n[\s]*/g, "\n")
    .replace(/^\n+|\n+$/g, "")
    .trim();
}

/**
 * A line of a document converted to Markdown (headings above a table: «**План мероприятий …», «#### Цели»): the
 * emphasis and heading marks at its ends dropped. Only at the ends, so «*» of a footnote inside a text stays.
 */
export function withoutMarkdownMarks(line: string): string {
  if (!/^[*_#]|[*_]$/.test(line)) return line;
  return line
    .replace(/^#{1,6}\s+/, "")
    .replace(/^(\*{2,3}|_{2,3})(?=\S)/, "")
    .replace(/(?<=\S)(\*{2,3}|_{2,3})$/, "")
    .trim();
}
