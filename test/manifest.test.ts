import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import {
  checkDuplicateOverrides,
  checkHttpsUrls,
  checkIconFiles,
  checkIdentity,
  checkLocales,
  checkResourceIds,
  checkSourceLocations,
  checkProductIntent,
  findSchemaDir,
  ManifestParseError,
  parseXml,
  readPngSize,
  runManifestChecks,
  validateWithXsd,
  webpackHtmlOutputs,
  type ManifestIssue,
} from "../scripts/manifest-checks";

const repoRoot = path.resolve(__dirname, "..");
const manifest = fs.readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");

/** Replaces exactly one occurrence, so a stale fragment fails the test instead of testing nothing. */
function replaceOnce(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at < 0 || xml.indexOf(from, at + 1) >= 0) throw new Error(`fragment must occur once: ${from}`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

const rules = (issues: ManifestIssue[]) => issues.map((i) => i.rule);

describe("manifest.xml", () => {
  it("passes every project check", () => {
    expect(runManifestChecks(manifest, { repoRoot })).toEqual([]);
  });

  it("validates against OfficeAppManifestV1_1.xsd (vendored in assets/manifest-xsd)", async () => {
    const schemaDir = findSchemaDir(repoRoot) as string;
    expect(schemaDir).toBe(path.join(repoRoot, "assets", "manifest-xsd"));
    const result = await validateWithXsd(manifest, schemaDir);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes the Excel task pane the team agreed on", () => {
    const root = parseXml(manifest);
    const text = (name: string) => root.children.find((c) => c.local === name)?.text;
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(text("DefaultLocale")).toBe("ru-RU");
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(manifest).toContain('<DisplayName DefaultValue="Мониторинг дорожных карт">');
    expect(manifest).toContain('<Override Locale="en-US" Value="Roadmap Monitor"/>');
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.1"/>');
    expect(manifest).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('DefaultValue="Дорожные карты"');
    expect(manifest).toContain('DefaultValue="Мониторинг"');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
  });
});

describe("XSD validation", () => {
  const schemaDir = findSchemaDir(repoRoot);

  it("finds the schemas in the repository, so the check always runs", () => {
    expect(findSchemaDir(repoRoot, path.join(os.tmpdir(), "no-such-schema-dir"))).toBeNull();
    expect(schemaDir).toBe(path.join(repoRoot, "assets", "manifest-xsd"));
  });

  it("rejects an unknown permission and a resource id over 32 characters", async () => {
    if (schemaDir === null) {
      expect(fs.existsSync(path.resolve(repoRoot, "../shared"))).toBe(false);
      return;
    }
    const badPermission = replaceOnce(
      manifest,
      "<Permissions>ReadWriteDocument<",
      "<Permissions>Everything<",
    );
    const permission = await validateWithXsd(badPermission, schemaDir);
    expect(permission.valid).toBe(false);
    expect(permission.errors.join("\n")).toContain("Permissions");
    expect(permission.errors.join("\n")).toContain("'Everything'");

    const longId = "Button.Label.That.Is.Far.Too.Long.For.Office";
    const badId = manifest.split('"Button.Label"').join(`"${longId}"`);
    const id = await validateWithXsd(badId, schemaDir);
    expect(id.valid).toBe(false);
    expect(id.errors.join("\n")).toContain(longId);
  });
});

describe("project checks on broken manifests", () => {
  it("reports a resid that points nowhere", () => {
    const bad = replaceOnce(manifest, '<Label resid="Button.Label"/>', '<Label resid="Button.Caption"/>');
    const issues = checkResourceIds(parseXml(bad));
    expect(issues).toHaveLength(1);
    expect(issues[0].rule).toBe("resid.missing");
    expect(issues[0].message).toBe(
      '<Label resid="Button.Caption"> ссылается на ресурс, которого нет в <Resources> (ожидается в bt:ShortStrings)',
    );
    expect(issues[0].line).toBe(52);
    expect(rules(runManifestChecks(bad, { repoRoot }))).toEqual(["resid.missing"]);
  });

  it("reports a resid pointing at the wrong kind of resource", () => {
    const bad = replaceOnce(
      manifest,
      '<Description resid="Button.Tooltip"/>',
      '<Description resid="Button.Label"/>',
    );
    const issues = checkResourceIds(parseXml(bad));
    expect(rules(issues)).toEqual(["resid.wrong-kind"]);
    expect(issues[0].message).toContain(
      "должен ссылаться на ресурс из bt:LongStrings, а найден в bt:ShortStrings",
    );
  });

  it("reports a resource declared twice", () => {
    const bad = replaceOnce(
      manifest,
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n' +
        '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/commands.html"/>',
    );
    const issues = checkResourceIds(parseXml(bad));
    expect(rules(issues)).toEqual(["resid.duplicate"]);
    expect(issues[0].message).toBe('Ресурс id="Taskpane.Url" объявлен в bt:Urls дважды');
  });

  it("reports an http URL", () => {
    const bad = replaceOnce(
      manifest,
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>',
    );
    const issues = checkHttpsUrls(parseXml(bad));
    expect(rules(issues)).toEqual(["url.not-https"]);
    expect(issues[0].message).toBe(
      "<SourceLocation>: адрес http://localhost:3000/taskpane.html должен начинаться с https:// (Office не загружает http)",
    );
    expect(rules(runManifestChecks(bad, { repoRoot }))).toEqual(["url.not-https"]);
  });

  it("reports an http URL inside a locale override and in AppDomains", () => {
    let bad = replaceOnce(
      manifest,
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html">' +
        '<bt:Override Locale="en-US" Value="http://localhost:3000/taskpane.html"/></bt:Url>',
    );
    bad = replaceOnce(
      bad,
      "  <Hosts>\n    <Host Name",
      "  <AppDomains><AppDomain>http://example.org</AppDomain></AppDomains>\n  <Hosts>\n    <Host Name",
    );
    const issues = checkHttpsUrls(parseXml(bad));
    expect(rules(issues)).toEqual(["url.not-https", "url.not-https"]);
    expect(issues.map((i) => i.message).join("\n")).toContain("http://example.org");
  });

  it("reports local URLs on two different servers", () => {
    const bad = replaceOnce(
      manifest,
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      '<IconUrl DefaultValue="https://localhost:3001/assets/icon-32.png"/>',
    );
    expect(rules(checkHttpsUrls(parseXml(bad)))).toEqual(["url.mixed-origin"]);
  });

  it("reports a duplicate locale override", () => {
    const bad = replaceOnce(
      manifest,
      '<bt:Override Locale="en-US" Value="Roadmaps"/>',
      '<bt:Override Locale="en-US" Value="Roadmaps"/>\n<bt:Override Locale="EN-us" Value="Road maps"/>',
    );
    const issues = checkDuplicateOverrides(parseXml(bad));
    expect(rules(issues)).toEqual(["override.duplicate"]);
    expect(issues[0].message).toBe(
      '<bt:String id="Group.Label">: перевод для языка EN-us указан больше одного раза',
    );
    expect(rules(runManifestChecks(bad, { repoRoot }))).toEqual(["override.duplicate"]);
  });

  it("reports an icon of the wrong pixel size", () => {
    const bad = replaceOnce(
      manifest,
      'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
      'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"',
    );
    const issues = checkIconFiles(parseXml(bad), repoRoot);
    expect(rules(issues)).toEqual(["icon.wrong-size"]);
    expect(issues[0].message).toBe(
      `bt:Image id="Icon.80x80": ${path.join("assets", "icon-64.png")} имеет размер 64×64, а нужен 80×80`,
    );
    expect(rules(runManifestChecks(bad, { repoRoot }))).toEqual(["icon.wrong-size"]);
  });

  it("reports a wrong size for IconUrl, a missing icon file and a non-PNG icon", () => {
    let bad = replaceOnce(manifest, '/assets/icon-32.png"/>\n  <High', '/assets/icon-16.png"/>\n  <High');
    bad = replaceOnce(bad, "/assets/icon-64.png", "/assets/icon-65.png");
    bad = replaceOnce(
      bad,
      '/assets/icon-16.png"/>\n        <bt:Image',
      '/manifest.xml"/>\n        <bt:Image',
    );
    const issues = checkIconFiles(parseXml(bad), repoRoot);
    expect(rules(issues)).toEqual(["icon.wrong-size", "icon.missing-file", "icon.not-png"]);
    expect(issues[0].message).toContain("IconUrl: ");
    expect(issues[0].message).toContain("16×16, а нужен 32×32");
    expect(issues[1].message).toContain("https://localhost:3000/assets/icon-65.png");
  });

  it("reports one image used at two sizes", () => {
    const bad = replaceOnce(
      manifest,
      '<bt:Image size="80" resid="Icon.80x80"/>\n                </Icon>\n                <Control',
      '<bt:Image size="80" resid="Icon.32x32"/>\n                </Icon>\n                <Control',
    );
    expect(rules(checkIconFiles(parseXml(bad), repoRoot))).toEqual(["icon.size-conflict"]);
  });

  it("reports an Id that is not a GUID and a version that is not four numbers", () => {
    let bad = replaceOnce(
      manifest,
      "<Id>ee84cba7-b9f8-42a6-9d4e-2e149d54755b</Id>",
      "<Id>roadmap-monitor</Id>",
    );
    bad = replaceOnce(bad, "<Version>0.1.0.0</Version>", "<Version>0.1.0</Version>");
    const issues = checkIdentity(parseXml(bad));
    expect(rules(issues)).toEqual(["id.not-guid", "version.not-4-part"]);
    expect(issues[0].message).toContain("«roadmap-monitor»");
    expect(issues[1].message).toContain("«0.1.0»");
    const nil = replaceOnce(
      manifest,
      "<Id>ee84cba7-b9f8-42a6-9d4e-2e149d54755b</Id>",
      "<Id>00000000-0000-0000-0000-000000000000</Id>",
    );
    expect(rules(checkIdentity(parseXml(nil)))).toEqual(["id.not-guid"]);
  });

  it("reports a default locale other than ru-RU and a string without English", () => {
    let bad = replaceOnce(
      manifest,
      "<DefaultLocale>ru-RU</DefaultLocale>",
      "<DefaultLocale>en-US</DefaultLocale>",
    );
    bad = replaceOnce(bad, '\n          <bt:Override Locale="en-US" Value="Monitor"/>', "");
    const issues = checkLocales(parseXml(bad));
    expect(rules(issues)).toEqual(["locale.default", "locale.missing-en-us"]);
    expect(issues[0].message).toBe("<DefaultLocale> должен быть ru-RU, сейчас «en-US»");
    expect(issues[1].message).toBe(
      'строка id="Button.Label": нет перевода <Override Locale="en-US" Value="…"/>',
    );
  });

  it("reports a page webpack does not build", () => {
    const bad = replaceOnce(
      manifest,
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/index.html"/>',
    );
    const issues = checkSourceLocations(parseXml(bad));
    expect(rules(issues)).toEqual(["source.not-webpack-output"]);
    expect(issues[0].message).toContain("«index.html»");
    expect(issues[0].message).toContain("taskpane.html, commands.html");
    expect(rules(runManifestChecks(bad, { repoRoot }))).toEqual(["source.not-webpack-output"]);
  });

  it("knows which Office pages webpack.config.js builds", () => {
    expect(webpackHtmlOutputs(repoRoot)).toEqual(["taskpane.html", "commands.html"]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "webpack-"));
    try {
      expect(webpackHtmlOutputs(dir)).toEqual(["taskpane.html", "commands.html"]);
      fs.writeFileSync(
        path.join(dir, "webpack.config.js"),
        'new HtmlWebpackPlugin({ filename: "index.html" }); new HtmlWebpackPlugin({ filename: "commands.html" });',
      );
      expect(webpackHtmlOutputs(dir)).toEqual(["commands.html"]);
      const issues = checkSourceLocations(parseXml(manifest), webpackHtmlOutputs(dir));
      expect(rules(issues)).toEqual(["source.not-webpack-output", "source.not-webpack-output"]);
      expect(issues[0].message).toContain(
        "«taskpane.html» не собирается webpack (ожидается одна из: commands.html)",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves structure to the XSD: a bad permission and a missing DisplayName are schema errors", async () => {
    const permissions = replaceOnce(manifest, "<Permissions>ReadWriteDocument<", "<Permissions>Everything<");
    const noName = manifest.replace(/<DisplayName [\s\S]*?<\/DisplayName>/, "");
    expect(noName).not.toContain("<DisplayName");
    const schemaDir = findSchemaDir(repoRoot) as string;
    const bad1 = await validateWithXsd(permissions, schemaDir);
    expect(bad1.valid).toBe(false);
    expect(bad1.errors.join("\n")).toMatch(/Permissions.*Everything/);
    const bad2 = await validateWithXsd(noName, schemaDir);
    expect(bad2.valid).toBe(false);
    expect(bad2.errors.join("\n")).toMatch(/DisplayName/);
    expect((await validateWithXsd("<Manifest/>", schemaDir)).valid).toBe(false);
  });

  it("checks what the schema cannot know: an Excel host and an ExcelApi requirement", () => {
    let bad = replaceOnce(manifest, '<Host Name="Workbook"/>', '<Host Name="Document"/>');
    bad = replaceOnce(
      bad,
      '<Set Name="ExcelApi" MinVersion="1.1"/>',
      '<Set Name="WordApi" MinVersion="1.1"/>',
    );
    expect(rules(checkProductIntent(parseXml(bad)))).toEqual(["product.host", "product.requirements"]);
    expect(checkProductIntent(parseXml(manifest))).toEqual([]);
  });

  it("reports a file that is not XML instead of throwing", () => {
    const broken = replaceOnce(manifest, "</DefaultSettings>", "");
    const issues = runManifestChecks(broken, { repoRoot });
    expect(rules(issues)).toEqual(["xml.parse"]);
    expect(issues[0].message).toContain("Файл не читается как XML");
    expect(rules(runManifestChecks('<!DOCTYPE x [<!ENTITY a "b">]><x/>', { repoRoot }))).toEqual([
      "xml.parse",
    ]);
  });
});

describe("parseXml", () => {
  it("reads attributes, entities, CDATA and line numbers", () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2" y=\'&#1044;&#x41;\'>\n  <b:c>t&lt;u<![CDATA[<v>]]></b:c>\n  <d/>\n</a>',
    );
    expect(root.name).toBe("a");
    expect(root.attrs).toEqual({ x: "1 & 2", y: "ДA" });
    expect(root.line).toBe(3);
    expect(root.children.map((c) => [c.name, c.local, c.line, c.text])).toEqual([
      ["b:c", "c", 4, "t<u<v>"],
      ["d", "d", 5, ""],
    ]);
  });

  it("rejects unknown entities and impossible character references", () => {
    expect(() => parseXml('<a x="&nbsp;"/>')).toThrow("Неизвестная сущность &nbsp;");
    expect(() => parseXml("<a>&#x110000;</a>")).toThrow("Недопустимый символ &#x110000;");
    expect(() => parseXml("<a>AT&T</a>")).toThrow("Символ «&» без имени сущности");
  });

  it("rejects mismatched tags with the line", () => {
    expect(() => parseXml("<a>\n<b>\n</a>")).toThrow(ManifestParseError);
    try {
      parseXml("<a>\n<b>\n</a>");
    } catch (e) {
      expect((e as ManifestParseError).line).toBe(3);
      expect((e as Error).message).toBe("Закрывающий тег </a> не соответствует <b>");
    }
  });
});

describe("readPngSize", () => {
  it("reads the size of the generated icons", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(readPngSize(fs.readFileSync(path.join(repoRoot, "assets", `icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it("returns null for bytes that are not a PNG", () => {
    expect(readPngSize(Buffer.from("<svg/>"))).toBeNull();
    expect(readPngSize(new Uint8Array(0))).toBeNull();
  });
});

describe("npm run validate (scripts/validate-manifest.mjs)", () => {
  const script = path.join(repoRoot, "scripts", "validate-manifest.mjs");
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, encoding: "utf8" });

  it("accepts manifest.xml", () => {
    const out = execFileSync(process.execPath, [script], { cwd: repoRoot, encoding: "utf8" });
    expect(out).toContain("Проверки проекта: manifest.xml в порядке.");
  });

  it("falls back to the project checks when the schemas are absent", () => {
    const result = run("--schemas", path.join(os.tmpdir(), "no-such-schema-dir"));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "проверка по XSD пропущена, выполняются только собственные проверки проекта",
    );
  });

  it("fails with a clear message on a broken manifest", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(
      file,
      replaceOnce(manifest, '<Label resid="Button.Label"/>', '<Label resid="Button.Caption"/>'),
    );
    try {
      const result = run("--manifest", file);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('[resid.missing] <Label resid="Button.Caption">');
      expect(result.stderr).toContain("Манифест не прошёл проверку.");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("icons (scripts/make-icons.mjs)", () => {
  /** Raw scanlines of a PNG: IDAT chunks joined and inflated (compressed bytes may differ across zlib builds). */
  function scanlines(png: Buffer): Buffer {
    const parts: Buffer[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      if (png.toString("ascii", at + 4, at + 8) === "IDAT") parts.push(png.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    return zlib.inflateSync(Buffer.concat(parts));
  }

  it("assets/icon-*.png are what the script draws, at 16, 32, 64, 80 and 128 px", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icons-"));
    try {
      const out = execFileSync(process.execPath, [path.join(repoRoot, "scripts", "make-icons.mjs"), dir], {
        encoding: "utf8",
      });
      expect(out.trim().split("\n")).toHaveLength(5);
      for (const size of [16, 32, 64, 80, 128]) {
        const fresh = fs.readFileSync(path.join(dir, `icon-${size}.png`));
        const committed = fs.readFileSync(path.join(repoRoot, "assets", `icon-${size}.png`));
        expect(readPngSize(fresh)).toEqual({ width: size, height: size });
        const pixels = scanlines(fresh);
        // One filter byte and size × 4 RGBA bytes per row.
        expect(pixels.length).toBe(size * (1 + size * 4));
        expect(pixels.equals(scanlines(committed))).toBe(true);
        // Corners are (almost) transparent — a rounded square — and the middle is opaque.
        expect(pixels[1 + 3]).toBeLessThan(32);
        const middle = Math.floor(size / 2) * (1 + size * 4) + 1 + Math.floor(size / 2) * 4;
        expect(pixels[middle + 3]).toBe(255);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run sideload (scripts/sideload.mjs)", () => {
  const script = path.join(repoRoot, "scripts", "sideload.mjs");
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, encoding: "utf8" });

  it("prints the certificate, the https server and all three ways to sideload", () => {
    const result = run("--no-check");
    expect(result.status).toBe(0);
    for (const fragment of [
      `Манифест: ${path.join(repoRoot, "manifest.xml")}`,
      "npx office-addin-dev-certs install",
      "нужны права sudo",
      "--server-type https",
      "Trusted Add-in Catalogs",
      "Library/Containers/com.microsoft.Excel/Data/Documents/wef",
      "Upload My Add-in",
    ]) {
      expect(result.stdout).toContain(fragment);
    }
    expect(result.stdout).not.toContain("**");
  });

  it("prints one platform on request and refuses an unknown one", () => {
    const web = run("web", "--no-check");
    expect(web.stdout).toContain("Upload My Add-in");
    expect(web.stdout).not.toContain("Trusted Add-in Catalogs");
    expect(web.stdout).not.toContain("/wef");
    const unknown = run("linux", "--no-check");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Неизвестная платформа «linux»");
  });

  it("reports that the https server is not running", () => {
    const result = run("mac");
    expect(result.status).toBe(0);
    // Nothing listens on https://localhost:3000 in tests; the script must say so, not crash.
    expect(result.stdout).toMatch(
      /Сервер https:\/\/localhost:3000\/taskpane\.html: |На порту 3000 работает http-предпросмотр/,
    );
  });
});
