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
