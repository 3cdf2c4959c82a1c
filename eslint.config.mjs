import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "build/",
      "coverage/",
      "bin/",
      "**/*.js",
      "**/*.mjs",
      "test/tmp/",
      ".tmp/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Office.js misuse: reading a property that was not loaded, load/sync in loops, etc. Only where Office.js
    // proxies live: the rules match by shape and would flag ExcelJS objects too.
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-navigational-load": "warn",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  // Layer boundaries (ARCHITECTURE.md): one engine, thin front ends.
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!zod$|\\.{1,2}/)",
              message:
                "src/domain is pure: it imports only zod and itself (no Office, exceljs, React, node:*).",
            },
            {
              regex:
                "^\\.\\./\\.\\./(app|excel|xlsx|taskpane|preview|cli|returns)(/|$)|^\\.\\./(app|excel|xlsx|taskpane|preview|cli|returns)(/|$)",
              message: "src/domain must not import an adapter, a command or a front end.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(react|react-dom|@fluentui/.*|exceljs)$",
              message: "Commands import no UI and no file library.",
            },
            {
              regex: "/(taskpane|preview|cli|excel)(/|$)",
              message: "Commands work through a WorkbookHost, not a front end or adapter.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "/xlsx(/|$)|^exceljs$",
              message: "The Office.js adapter does not import the .xlsx one.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^exceljs$|/cli(/|$)",
              message: "The task pane reaches workbooks only through a WorkbookHost.",
            },
          ],
        },
      ],
    },
  },
);
