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
  // No `pages` list: the sidebar lists every page under src/, so a new notebook needs no config edit.
  search: false,
  footer: "yearbook-scenarios · data: National Bureau of Statistics of China (国家统计局) and the sources named on each page.",
  preserveExtension: false
};
