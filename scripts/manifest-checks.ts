/**
 * Checks of manifest.xml: XSD validation (offline, xmllint-wasm with the schemas from ../shared) and the
 * rules the 2019 schemas miss. Used by scripts/validate-manifest.mjs (`npm run validate`) and
 * test/manifest.test.ts. Node only; no dependencies besides xmllint-wasm.
 */
import fs from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

export interface ManifestIssue {
  /** Stable id of the rule, `family.name` (`resid.missing`, `url.not-https`, …). */
  rule: string;
  /** Russian, says what is wrong and where. */
  message: string;
  /** 1-based line in manifest.xml, when known. */
  line?: number;
}

export interface XmlElement {
  /** Qualified name as written (`bt:Image`). */
  name: string;
  /** Name without the prefix (`Image`). */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content directly inside the element, trimmed. */
  text: string;
  line: number;
}

export class ManifestParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export const SCHEMA_MAIN_FILE = "OfficeAppManifestV1_1.xsd";
/** Office pages webpack emits (html-webpack-plugin); the manifest must not point anywhere else. */
export const WEBPACK_HTML_OUTPUTS = ["taskpane.html", "commands.html"] as const;
export const DEFAULT_LOCALE = "ru-RU";
export const SECOND_LOCALE = "en-US";

// ---------------------------------------------------------------------------------------------
// A small XML reader: enough for a manifest (elements, attributes, text, comments, CDATA, entities).
// ---------------------------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) throw new ManifestParseError("Символ «&» без имени сущности (нужно &amp;)", line);
    if (body.startsWith("#")) {
      const code = body.startsWith("#x") ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) throw new ManifestParseError(`Недопустимый символ ${whole}`, line);
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body];
    if (named === undefined) throw new ManifestParseError(`Неизвестная сущность ${whole}`, line);
    return named;
  });
}

function stickyExec(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Parses XML text into its root element. Throws ManifestParseError with a Russian message and a line. */
export function parseXml(xml: string): XmlElement {
  let pos = 0;
  let line = 1;
  const text = xml.replace(/^\uFEFF/, "");
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const stack: XmlElement[] = [];
  const texts: string[][] = [];
  let root: XmlElement | null = null;

  while (pos < text.length) {
    const lt = text.indexOf("<", pos);
    if (lt < 0) {
      if (text.slice(pos).trim() !== "") throw new ManifestParseError("Текст после корневого элемента", line);
      break;
    }
    const between = text.slice(pos, lt);
    if (stack.length > 0) texts[texts.length - 1].push(decodeEntities(between, line));
    else if (between.trim() !== "") throw new ManifestParseError("Текст вне корневого элемента", line);
    advance(lt);

    if (text.startsWith("<!--", pos)) {
      const end = text.indexOf("-->", pos + 4);
      if (end < 0) throw new ManifestParseError("Незакрытый комментарий", line);
      advance(end + 3);
    } else if (text.startsWith("<![CDATA[", pos)) {
      const end = text.indexOf("]]>", pos);
      if (end < 0 || stack.length === 0) throw new ManifestParseError("Ошибка в разделе CDATA", line);
      texts[texts.length - 1].push(text.slice(pos + 9, end));
      advance(end + 3);
    } else if (text.startsWith("<?", pos)) {
      const end = text.indexOf("?>", pos);
      if (end < 0) throw new ManifestParseError("Незакрытая инструкция <?…?>", line);
      advance(end + 2);
    } else if (text.startsWith("<!", pos)) {
      // DOCTYPE and entity declarations have no place in a manifest (and invite entity expansion).
      throw new ManifestParseError("Объявления <!DOCTYPE>/<!ENTITY> в манифесте не допускаются", line);
    } else if (text.startsWith("</", pos)) {
      const m = stickyExec(/<\/([A-Za-z_][\w.:-]*)\s*>/y, text, pos);
      if (!m) throw new ManifestParseError("Неверный закрывающий тег", line);
      const open = stack.pop();
      if (!open || open.name !== m[1]) {
        throw new ManifestParseError(
          `Закрывающий тег </${m[1]}> не соответствует <${open?.name ?? "—"}>`,
          line,
        );
      }
      open.text = (texts.pop() ?? []).join("").trim();
      advance(pos + m[0].length);
    } else {
      const m = stickyExec(/<([A-Za-z_][\w.:-]*)/y, text, pos);
      if (!m) throw new ManifestParseError("Неверный открывающий тег", line);
      const element: XmlElement = {
        name: m[1],
        local: m[1].includes(":") ? m[1].slice(m[1].indexOf(":") + 1) : m[1],
        attrs: {},
        children: [],
        text: "",
        line,
      };
      advance(pos + m[0].length);
      for (;;) {
        const a = stickyExec(/\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/y, text, pos);
        if (a) {
          if (a[1] in element.attrs) throw new ManifestParseError(`Атрибут ${a[1]} повторяется`, line);
          element.attrs[a[1]] = decodeEntities(a[3] ?? a[4] ?? "", line).replace(/[\t\n\r]/g, " ");
          advance(pos + a[0].length);
          continue;
        }
        const close = stickyExec(/\s*(\/?)>/y, text, pos);
        if (!close) throw new ManifestParseError(`Ошибка в атрибутах элемента <${element.name}>`, line);
        advance(pos + close[0].length);
        if (stack.length > 0) stack[stack.length - 1].children.push(element);
        else if (root) throw new ManifestParseError("Второй корневой элемент", line);
        else root = element;
        if (close[1] !== "/") {
          stack.push(element);
          texts.push([]);
        }
        break;
      }
    }
  }
  if (stack.length > 0)
    throw new ManifestParseError(`Элемент <${stack[stack.length - 1].name}> не закрыт`, line);
  if (!root) throw new ManifestParseError("В файле нет XML-элементов", line);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Tree helpers
// ---------------------------------------------------------------------------------------------

function* walk(element: XmlElement, parents: XmlElement[] = []): Generator<[XmlElement, XmlElement[]]> {
  yield [element, parents];
  for (const child of element.children) yield* walk(child, [...parents, element]);
}

function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((c) => c.local === local);
}

function childrenNamed(element: XmlElement | undefined, local: string): XmlElement[] {
  return element?.children.filter((c) => c.local === local) ?? [];
}

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const KIND_NAMES: Record<ResourceKind, string> = {
  Images: "bt:Images",
  Urls: "bt:Urls",
  ShortStrings: "bt:ShortStrings",
  LongStrings: "bt:LongStrings",
};

interface Resource {
  id: string;
  kind: ResourceKind;
  element: XmlElement;
}

/** Resources of every <Resources> block (VersionOverrides may nest), in document order. */
function collectResources(root: XmlElement): Resource[] {
  const out: Resource[] = [];
  for (const [el] of walk(root)) {
    if (el.local !== "Resources") continue;
    for (const group of el.children) {
      if (!(group.local in KIND_NAMES)) continue;
      for (const item of group.children) {
        out.push({ id: item.attrs.id ?? "", kind: group.local as ResourceKind, element: item });
      }
    }
  }
  return out;
}

/** Which resource kind a `resid` on this element must point to (undefined: any). */
function expectedKind(referrer: XmlElement, parents: XmlElement[]): ResourceKind | undefined {
  const parent = parents[parents.length - 1];
  switch (referrer.local) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
    case "Url":
      return "Urls";
    case "Label":
    case "Title":
      return "ShortStrings";
    case "Description":
      return parent && (parent.local === "Supertip" || parent.local === "GetStarted")
        ? "LongStrings"
        : undefined;
    default:
      return undefined;
  }
}

function residReferences(root: XmlElement): { element: XmlElement; parents: XmlElement[] }[] {
  const out: { element: XmlElement; parents: XmlElement[] }[] = [];
  for (const [el, parents] of walk(root)) if ("resid" in el.attrs) out.push({ element: el, parents });
  return out;
}

/** DefaultValue and every Override Value of a locale-aware setting. */
function localeValues(element: XmlElement): { value: string; locale: string | null; line: number }[] {
  const out: { value: string; locale: string | null; line: number }[] = [];
  if ("DefaultValue" in element.attrs)
    out.push({ value: element.attrs.DefaultValue, locale: null, line: element.line });
  for (const o of childrenNamed(element, "Override")) {
    out.push({ value: o.attrs.Value ?? "", locale: o.attrs.Locale ?? "", line: o.line });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/** Every `resid` points at an existing resource of the right kind; resource ids are unique per kind. */
export function checkResourceIds(root: XmlElement): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const resources = collectResources(root);
  const seen = new Map<string, Resource>();
  for (const r of resources) {
    if (r.id === "") {
      issues.push({
        rule: "resid.no-id",
        message: `Ресурс <${r.element.name}> в ${KIND_NAMES[r.kind]} без атрибута id`,
        line: r.element.line,
      });
      continue;
    }
    const key = `${r.kind}/${r.id}`;
    if (seen.has(key)) {
      issues.push({
        rule: "resid.duplicate",
        message: `Ресурс id="${r.id}" объявлен в ${KIND_NAMES[r.kind]} дважды`,
        line: r.element.line,
      });
    } else {
      seen.set(key, r);
    }
  }
  for (const { element, parents } of residReferences(root)) {
    const resid = element.attrs.resid;
    const matches = resources.filter((r) => r.id === resid);
    const kind = expectedKind(element, parents);
    if (matches.length === 0) {
      issues.push({
        rule: "resid.missing",
        message: `<${element.name} resid="${resid}"> ссылается на ресурс, которого нет в <Resources>${
          kind ? ` (ожидается в ${KIND_NAMES[kind]})` : ""
        }`,
        line: element.line,
      });
    } else if (kind && !matches.some((r) => r.kind === kind)) {
      issues.push({
        rule: "resid.wrong-kind",
        message: `<${element.name} resid="${resid}"> должен ссылаться на ресурс из ${KIND_NAMES[kind]}, а найден в ${KIND_NAMES[matches[0].kind]}`,
        line: element.line,
      });
    }
  }
  return issues;
}

/** A setting may override each locale only once. */
export function checkDuplicateOverrides(root: XmlElement): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  for (const [el] of walk(root)) {
    const overrides = childrenNamed(el, "Override");
    const seen = new Set<string>();
    for (const o of overrides) {
      const locale = (o.attrs.Locale ?? "").toLowerCase();
      if (seen.has(locale)) {
        const what = el.attrs.id ? `<${el.name} id="${el.attrs.id}">` : `<${el.name}>`;
        issues.push({
          rule: "override.duplicate",
          message: `${what}: перевод для языка ${o.attrs.Locale} указан больше одного раза`,
          line: o.line,
        });
      }
      seen.add(locale);
    }
  }
  return issues;
}

const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);

/** Every URL the manifest points at, with where it is written. */
function manifestUrls(root: XmlElement): { url: string; element: XmlElement; line: number }[] {
  const out: { url: string; element: XmlElement; line: number }[] = [];
  const resourceUrls = new Set(
    collectResources(root)
      .filter((r) => r.kind === "Images" || r.kind === "Urls")
      .map((r) => r.element),
  );
  for (const [el] of walk(root)) {
    if ((URL_ELEMENTS.has(el.local) && "DefaultValue" in el.attrs) || resourceUrls.has(el)) {
      for (const v of localeValues(el)) out.push({ url: v.value, element: el, line: v.line });
    } else if (el.local === "AppDomain") {
      out.push({ url: el.text, element: el, line: el.line });
    }
  }
  return out;
}

/** Office loads nothing over plain http: every URL must be https, and all local ones one origin. */
export function checkHttpsUrls(root: XmlElement): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const localOrigins = new Map<string, number>();
  for (const { url, element, line } of manifestUrls(root)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      issues.push({ rule: "url.invalid", message: `<${element.name}>: «${url}» — не URL`, line });
      continue;
    }
    if (parsed.protocol !== "https:") {
      issues.push({
        rule: "url.not-https",
        message: `<${element.name}>: адрес ${url} должен начинаться с https:// (Office не загружает http)`,
        line,
      });
      continue;
    }
    if (isLocalHost(parsed.hostname) && !localOrigins.has(parsed.origin))
      localOrigins.set(parsed.origin, line);
  }
  if (localOrigins.size > 1) {
    const list = [...localOrigins.keys()].join(", ");
    issues.push({
      rule: "url.mixed-origin",
      message: `Локальные адреса указывают на разные серверы (${list}); нужен один https://localhost:порт`,
      line: [...localOrigins.values()][1],
    });
  }
  return issues;
}

function isLocalHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** Width and height from a PNG header, or null when the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Where a localhost URL's file lives in the repository: the same path, else assets/<name>. */
function localFileFor(url: URL, repoRoot: string): string | null {
  const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "");
  if (rel === "" || rel.split("/").includes("..")) return null;
  const candidates = [path.join(repoRoot, rel), path.join(repoRoot, "assets", path.basename(rel))];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

/**
 * Icons served from localhost exist in assets/ as PNGs of the size Office asks for: IconUrl 32×32,
 * HighResolutionIconUrl 64×64, a ribbon image the `size` of the <bt:Image size="…"> that uses it.
 */
export function checkIconFiles(root: XmlElement, repoRoot: string): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const wanted: { element: XmlElement; size: number; label: string }[] = [];
  const iconUrl = child(root, "IconUrl");
  if (iconUrl) wanted.push({ element: iconUrl, size: 32, label: "IconUrl" });
  const highRes = child(root, "HighResolutionIconUrl");
  if (highRes) wanted.push({ element: highRes, size: 64, label: "HighResolutionIconUrl" });

  const images = collectResources(root).filter((r) => r.kind === "Images");
  const sizesById = new Map<string, Set<number>>();
  for (const { element } of residReferences(root)) {
    if (element.local !== "Image" || !("size" in element.attrs)) continue;
    const size = Number(element.attrs.size);
    const set = sizesById.get(element.attrs.resid) ?? new Set<number>();
    set.add(size);
    sizesById.set(element.attrs.resid, set);
  }
  for (const image of images) {
    const sizes = [...(sizesById.get(image.id) ?? [])];
    if (sizes.length > 1) {
      issues.push({
        rule: "icon.size-conflict",
        message: `Изображение id="${image.id}" используется с разными размерами (${sizes.join(", ")}); нужен отдельный ресурс на каждый размер`,
        line: image.element.line,
      });
    } else if (sizes.length === 1) {
      wanted.push({ element: image.element, size: sizes[0], label: `bt:Image id="${image.id}"` });
    }
  }

  for (const { element, size, label } of wanted) {
    for (const { value, line } of localeValues(element)) {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        continue; // reported by checkHttpsUrls
      }
      if (!isLocalHost(url.hostname)) continue; // a remote icon cannot be checked offline
      const file = localFileFor(url, repoRoot);
      if (!file) {
        issues.push({
          rule: "icon.missing-file",
          message: `${label}: файла для ${value} нет в assets/ (создайте его: node scripts/make-icons.mjs)`,
          line,
        });
        continue;
      }
      const shown = path.relative(repoRoot, file);
      const png = readPngSize(fs.readFileSync(file));
      if (!png) {
        issues.push({ rule: "icon.not-png", message: `${label}: ${shown} — не PNG-файл`, line });
      } else if (png.width !== size || png.height !== size) {
        issues.push({
          rule: "icon.wrong-size",
          message: `${label}: ${shown} имеет размер ${png.width}×${png.height}, а нужен ${size}×${size}`,
          line,
        });
      }
    }
  }
  return issues;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Id is a GUID (not the nil one); Version has four parts (Office wants n.n.n.n). */
export function checkIdentity(root: XmlElement): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const id = child(root, "Id");
  if (!id || !GUID.test(id.text) || /^[0-]+$/.test(id.text)) {
    issues.push({
      rule: "id.not-guid",
      message: `<Id> должен быть GUID вида 8-4-4-4-12 шестнадцатеричных цифр, сейчас «${id?.text ?? ""}»`,
      line: id?.line,
    });
  }
  const version = child(root, "Version");
  if (!version || !/^\d{1,5}(\.\d{1,5}){3}$/.test(version.text)) {
    issues.push({
      rule: "version.not-4-part",
      message: `<Version> должен состоять из четырёх чисел через точку (например 1.0.0.0), сейчас «${version?.text ?? ""}»`,
      line: version?.line,
    });
  }
  return issues;
}

/** DefaultLocale is ru-RU and every user-visible string has an en-US translation. */
export function checkLocales(root: XmlElement): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const defaultLocale = child(root, "DefaultLocale");
  if (defaultLocale?.text !== DEFAULT_LOCALE) {
    issues.push({
      rule: "locale.default",
      message: `<DefaultLocale> должен быть ${DEFAULT_LOCALE}, сейчас «${defaultLocale?.text ?? ""}»`,
      line: defaultLocale?.line,
    });
  }
  const strings: { element: XmlElement; label: string }[] = [];
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    if (el) strings.push({ element: el, label: `<${name}>` });
  }
  for (const r of collectResources(root)) {
    if (r.kind === "ShortStrings" || r.kind === "LongStrings") {
      strings.push({ element: r.element, label: `строка id="${r.id}"` });
    }
  }
  for (const { element, label } of strings) {
    const en = childrenNamed(element, "Override").find(
      (o) => (o.attrs.Locale ?? "").toLowerCase() === SECOND_LOCALE.toLowerCase(),
    );
    if (!en || (en.attrs.Value ?? "").trim() === "") {
      issues.push({
        rule: "locale.missing-en-us",
        message: `${label}: нет перевода <Override Locale="${SECOND_LOCALE}" Value="…"/>`,
        line: element.line,
      });
    }
  }
  return issues;
}

/** Pages the manifest opens (task pane, function file) are ones webpack builds. */
export function checkSourceLocations(
  root: XmlElement,
  outputs: readonly string[] = WEBPACK_HTML_OUTPUTS,
): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const pages: { element: XmlElement; label: string }[] = [];
  const defaultSource = child(child(root, "DefaultSettings"), "SourceLocation");
  if (defaultSource) pages.push({ element: defaultSource, label: "DefaultSettings/SourceLocation" });
  const resources = collectResources(root);
  for (const { element } of residReferences(root)) {
    if (element.local !== "SourceLocation" && element.local !== "FunctionFile") continue;
    const target = resources.find((r) => r.kind === "Urls" && r.id === element.attrs.resid);
    if (target) pages.push({ element: target.element, label: `${element.local} → bt:Url id="${target.id}"` });
  }
  for (const { element, label } of pages) {
    for (const { value, line } of localeValues(element)) {
      let fileName = "";
      try {
        fileName = path.posix.basename(new URL(value).pathname);
      } catch {
        continue; // reported by checkHttpsUrls
      }
      if (!outputs.includes(fileName)) {
        issues.push({
          rule: "source.not-webpack-output",
          message: `${label}: страница «${fileName}» не собирается webpack (ожидается одна из: ${outputs.join(", ") || "—"})`,
          line,
        });
      }
    }
  }
  return issues;
}

/**
 * What the schema cannot know: that this add-in is for Excel (a Word host or no ExcelApi requirement is valid XML
 * for the XSD). Everything structural is the XSD's job (assets/manifest-xsd).
 */
export function checkProductIntent(root: XmlElement): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const push = (rule: string, message: string, line?: number) => issues.push({ rule, message, line });
  const hosts = childrenNamed(child(root, "Hosts"), "Host");
  if (!hosts.some((h) => h.attrs.Name === "Workbook"))
    push("product.host", 'В <Hosts> нет <Host Name="Workbook"/> — надстройка не появится в Excel', root.line);
  const sets = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set");
  if (!sets.some((x) => x.attrs.Name === "ExcelApi"))
    push("product.requirements", 'В <Requirements> нет <Set Name="ExcelApi" …/>', root.line);
  return issues;
}

/**
 * The Office pages the repository's webpack.config.js really builds (its html-webpack-plugin `filename`s
 * among WEBPACK_HTML_OUTPUTS); all of WEBPACK_HTML_OUTPUTS when there is no config to read.
 */
export function webpackHtmlOutputs(repoRoot: string): string[] {
  const config = path.join(repoRoot, "webpack.config.js");
  if (!fs.existsSync(config)) return [...WEBPACK_HTML_OUTPUTS];
  const text = fs.readFileSync(config, "utf8");
  const built = new Set([...text.matchAll(/filename:\s*["'`]([^"'`]+\.html)["'`]/g)].map((m) => m[1]));
  return WEBPACK_HTML_OUTPUTS.filter((name) => built.has(name));
}

export interface CheckOptions {
  /** Repository root, for assets/. */
  repoRoot: string;
}

/** All the project's own checks (no XSD). A parse error is reported as the single issue `xml.parse`. */
export function runManifestChecks(xml: string, options: CheckOptions): ManifestIssue[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof ManifestParseError)
      return [{ rule: "xml.parse", message: `Файл не читается как XML: ${e.message}`, line: e.line }];
    throw e;
  }
  return [
    ...checkProductIntent(root),
    ...checkIdentity(root),
    ...checkLocales(root),
    ...checkResourceIds(root),
    ...checkDuplicateOverrides(root),
    ...checkHttpsUrls(root),
    ...checkIconFiles(root, options.repoRoot),
    ...checkSourceLocations(root, webpackHtmlOutputs(options.repoRoot)),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

// ---------------------------------------------------------------------------------------------
// XSD
// ---------------------------------------------------------------------------------------------

/** The folder with Microsoft's manifest schemas, vendored in assets/manifest-xsd; null when absent. */
export function findSchemaDir(repoRoot: string, override?: string): string | null {
  const candidates = override ? [override] : [path.resolve(repoRoot, "assets", "manifest-xsd")];
  return candidates.find((dir) => fs.existsSync(path.join(dir, SCHEMA_MAIN_FILE))) ?? null;
}

export interface XsdResult {
  valid: boolean;
  /** xmllint's messages, `manifest.xml:LINE: …`. */
  errors: string[];
}

/**
 * Validates against OfficeAppManifestV1_1.xsd with xmllint-wasm. The main schema imports the others by
 * file name, so every .xsd of the folder is preloaded into xmllint's in-memory file system.
 */
export async function validateWithXsd(
  xml: string,
  schemaDir: string,
  fileName = "manifest.xml",
): Promise<XsdResult> {
  const xsdFiles = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [read(SCHEMA_MAIN_FILE)],
    preload: xsdFiles.filter((f) => f !== SCHEMA_MAIN_FILE).map(read),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
