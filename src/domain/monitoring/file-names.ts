/**
 * File names for the school forms that every Windows program accepts: none of \ / : * ? " < > | or control
 * characters, no trailing dot or space, no reserved device name (CON, NUL, COM1…), at most MAX_NAME
 * characters before «.xlsx» (a path in a zip or a deep folder must stay under Windows' 260), unique without
 * regard to case.
 */
const MAX_NAME = 80;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function safeFileStem(name: string): string {
  let s = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (s.length > MAX_NAME) s = s.slice(0, MAX_NAME).trim();
  s = s.replace(/[. ]+$/, "");
  if (!s) s = "Школа";
  if (RESERVED.test(s)) s = `${s}_`;
  return s;
}

/** One «<name>.xlsx» per school, in order; a repeat gets « (2)», « (3)». */
export function formFileNames(schools: string[]): string[] {
  const used = new Set<string>();
  return schools.map((school) => {
    const stem = safeFileStem(school);
    let name = `${stem}.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n}).xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
}
