import {languageHeadScript} from "./components/site/languageHead.js";
import {rmSync} from "node:fs";
import {reportPaths} from "./loaders/reports.js";

// Observable Framework configuration. Everything the site loads is bundled from node_modules or src/:
// no CDN, no web fonts (see README "Offline by construction").
export default {
  title: "Yearbook scenarios · 年鉴情景",
  root: "src",
  // YS_DIST lets parallel test runs build into separate folders; the default is dist/.
  output: process.env.YS_DIST ?? "dist",
  // The default theme links Google Fonts; src/style.css imports Framework's theme without them.
  globalStylesheets: [],
  style: "style.css",
  // The sidebar in reading order. Keep Markdown out of components/ and loaders/: src/components is a symlink, so any
  // .md there would be built as a page.
  pages: [
    {
      name: "Notebooks · 笔记本",
      pages: [
        {name: "城乡收入差距 · Income gap", path: "/income-gap"},
        {name: "分省收入差距 · Income gap by province", path: "/income-provinces"},
        {name: "高标准农田 · Farmland", path: "/farmland"},
        {name: "农村自来水 · Rural tap water", path: "/tap-water"},
        {name: "城镇化率 · Urbanisation", path: "/urbanization"},
        {name: "目标记分卡 · Scorecard", path: "/scorecard"}
      ]
    },
    {
      name: "Data · 数据",
      pages: [
        {name: "数据来源 · Data sources", path: "/sources"},
        {name: "数据修订 · Data revisions", path: "/revisions"},
        {name: "SQL 工作台 · SQL workbench", path: "/sql"}
      ]
    },
    {name: "报告 · Reports", path: "/reports/"}
  ],
  // One page per file in reports/ (src/reports/[slug].md). Every file is checked first: a bad one fails the build
  // with `reports/<file>: <field>: message`, so a wrong report is never published. The report pages' data loaders
  // read reports/ and data/, which Framework does not watch, so their cached outputs are made again on every build.
  async *dynamicPaths() {
    rmSync("src/.observablehq/cache/data/reports", {recursive: true, force: true});
    rmSync("src/.observablehq/cache/data/reports.json", {force: true});
    yield* reportPaths();
  },
  search: false,
  // One language at a time: the head script sets <html lang> before render; the header's module puts the language
  // switch in place and Framework's own names (written "中文 · English" above) in that language.
  head: languageHeadScript(),
  header: '<div id="lang-switch" class="lang-switch-slot"></div><script type="module" src="/bundles/chrome.js"></script>',
  footer:
    '<span class="zh">年鉴情景 · 数据：国家统计局及各页注明的来源。</span>' +
    '<span class="en">yearbook-scenarios · data: National Bureau of Statistics of China and the sources named on each page.</span>',
  preserveExtension: false
};
