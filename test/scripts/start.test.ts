import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** The lines `npm start` prints once serving, from scripts/start.mjs itself (imported, not run). */
function startMessage(port: number): string[] {
  const code = `import(${JSON.stringify(path.join(root, "scripts", "start.mjs"))}).then((m) => console.log(JSON.stringify(m.startMessage(${port}))))`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" }),
  ) as string[];
}

describe("npm start (scripts/start.mjs)", () => {
  it("gives the preview on http and Excel's task pane on https, as the manifest says", () => {
    const lines = startMessage(3000).join("\n");
    expect(lines).toContain("http://localhost:3000/ — предпросмотр");
    expect(lines).toContain("https://localhost:3000/taskpane.html");
    // Office never loads an add-in over http: that address must not be offered for Excel.
    expect(lines).not.toContain("http://localhost:3000/taskpane.html");
    expect(lines).toContain("npm run sideload");
  });

  it("names the port it actually serves on", () => {
    expect(startMessage(3001)[0]).toContain("http://localhost:3001/");
  });
});
