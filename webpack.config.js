/**
 * Three pages from one build: the task pane (taskpane.html), the ribbon FunctionFile (commands.html) and the
 * browser preview (index.html). office.js is served from dist/office-js (the CDN may be unreachable), and
 * the .xlsx engine (exceljs) stays in a lazy chunk loaded only when a file is opened or written.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

// esbuild minifies in seconds what terser takes minutes on (ExcelJS alone is ~1 MB); terser stays the fallback.
let esbuildMinimizer = null;
try {
  const MinimizerPlugin = require("minimizer-webpack-plugin");
  require.resolve("esbuild");
  esbuildMinimizer = new MinimizerPlugin({
    minify: MinimizerPlugin.esbuildMinify,
    minimizerOptions: { target: "es2019", legalComments: "none" },
  });
} catch {
  esbuildMinimizer = null;
}

const TITLE = "Мониторинг дорожных карт";

function page({ title, officeJs, body = '<div id="root"></div>' }) {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=Edge">
<title>${title}</title>
<link rel="icon" type="image/png" href="assets/icon-32.png">
${officeJs ? '<script src="office-js/office.js"></script>' : ""}
<style>html,body{margin:0;padding:0;height:100%;}body{font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;}#root{height:100%;}</style>
</head>
<body>
${body}
</body>
</html>`;
}

// Only what an Excel host loads: office.js, its Excel host scripts, locale strings. Other hosts and debug
// builds would add ~60 MB to every build.
const OFFICE_JS_IGNORE = [
  "**/*.debug.js",
  "**/*-vsdoc.js",
  "**/*.d.ts",
  "**/access-*",
  "**/onenote-*",
  "**/outlook*",
  "**/powerpoint*",
  "**/project-*",
  "**/word*",
  "**/visio*",
];

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    optimization: esbuildMinimizer ? { minimizer: [esbuildMinimizer] } : {},
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        chunks: ["taskpane"],
        templateContent: page({ title: TITLE, officeJs: true }),
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        chunks: ["commands"],
        templateContent: page({ title: TITLE, officeJs: true, body: "" }),
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        chunks: ["preview"],
        templateContent: page({ title: `${TITLE} — предпросмотр`, officeJs: false }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: OFFICE_JS_IGNORE },
            info: { minimized: true }, // already minified by Microsoft: do not re-minify
          },
          { from: "assets", to: "assets", noErrorOnMissing: true, info: { minimized: true } },
        ],
      }),
    ],
  };
};
