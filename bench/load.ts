// npm run bench:load: how fast each notebook shows its first chart and its DuckDB-backed content, cold (a fresh
// browser profile) and warm (the same profile, second visit), against three minimal reference pages measured in the
// same run. Builds a temporary copy of the site (.tmp/bench-load) with the reference pages added, serves it on
// 127.0.0.1 with static-host cache headers, drives Debian's Chromium and prints a markdown table of medians.
// BENCH_RUNS (default 5) sets the runs; BENCH_PAGES=/income-gap,/farmland limits the notebooks (BENCH_PAGES=none:
// only the reference pages); BENCH_RUNS=0 only builds the copy; BENCH_REUSE=1 measures the copy already built.
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {cpus, loadavg, tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {chromium, type Page} from "playwright-core";
import {chromiumPath} from "../scripts/support/chromium.js";
import {REFERENCE_PAGES} from "./loadPages.js";
import {serveWithCacheHeaders, type Served} from "./loadServer.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = resolve(".tmp/bench-load");

/** What one visit measured; times in ms since navigation start (null: the page draws no chart), bytes as served. */
interface Visit {
  firstChart: number | null;
  duckdb: number | null;
  jsBeforeChart: number;
  jsTotal: number;
  wasm: number;
}

// Runs in the page before any of its scripts: the time of the first Plot chart (first frame after it is in the
// document) and of DuckDB-backed content (first frame after the last query result, or after the tables are ready
// when nothing queries), from the marks components/duckdb.ts leaves on the performance timeline.
const INSTRUMENT = `(() => {
  const b = (window.__ysBench = {firstChart: null, duckdb: null, stable: 0});
  const chart = '#observablehq-main svg[class^="plot"], #observablehq-main figure[class^="plot"]';
  const seen = new MutationObserver(() => {
    if (!document.querySelector(chart)) return;
    seen.disconnect();
    requestAnimationFrame(() => (b.firstChart = performance.now()));
  });
  seen.observe(document, {childList: true, subtree: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "ys-duckdb-result" || e.name === "ys-duckdb-ready") requestAnimationFrame(() => (b.duckdb = performance.now()));
    }
  }).observe({type: "mark"});
})();`;

// True once the page has settled for 10 frames: first chart drawn (where the page has charts), no pending inline cell,
// no query in flight and DuckDB ready if the page started it (a database opened but never queried does not start).
// A page that opens DuckDB by itself (the SQL workbench, the DuckDB reference) has settled only once its content is
// drawn: it may start DuckDB in idle time, after ten quiet frames.
const SETTLED = `((expectChart, expectDuckDB) => {
  const b = window.__ysBench;
  const n = (name) => performance.getEntriesByName("ys-duckdb-" + name).length;
  const quiet = (b.firstChart !== null || !expectChart) && !document.querySelector("observablehq-loading") &&
    n("query") <= n("result") && (n("start") === 0 || n("ready") > 0) &&
    (n("ready") === 0 || b.duckdb !== null) && (!expectDuckDB || b.duckdb !== null);
  b.stable = quiet ? b.stable + 1 : 0;
  return b.stable >= 10;
})`;

function prepareSite(): string {
  rmSync(ROOT, {recursive: true, force: true});
  mkdirSync(ROOT, {recursive: true});
  for (const name of ["components", "pages", "loaders", "data", "node_modules", "scripts", "package.json"]) {
    symlinkSync(resolve(name), join(ROOT, name));
  }
  cpSync("observablehq.config.ts", join(ROOT, "observablehq.config.ts"));
  // The page folder is copied (its components link stays relative), with Framework's cache, so loaders need not run.
  cpSync("src", join(ROOT, "src"), {recursive: true, verbatimSymlinks: true});
  for (const [route, {markdown}] of Object.entries(REFERENCE_PAGES)) writeFileSync(join(ROOT, "src", `${route}.md`), markdown);
  const env = {...process.env};
  delete env.YS_DIST;
  const build = spawnSync(process.execPath, [resolve("scripts/build-offline.mjs"), "--root", ROOT], {cwd: ROOT, env, stdio: "pipe"});
  if (build.status !== 0) throw new Error(`offline build of ${ROOT} failed:\n${build.stdout}${build.stderr}`);
  return join(ROOT, "dist");
}

/** The notebooks (pages with charts, from the config's Notebooks group) and other pages that open DuckDB (no chart). */
async function siteRoutes(): Promise<{notebooks: string[]; others: string[]}> {
  const config = (await import(pathToFileURL(join(ROOT, "observablehq.config.ts")).href)).default;
  // The sidebar holds sections ({name, pages}) and single pages ({name, path}).
  type Entry = {name: string; path?: string; pages?: Entry[]};
  const all: string[] = config.pages.flatMap((e: Entry) => (e.pages ?? [e]).map((p) => p.path!));
  const group = config.pages.find((e: Entry) => e.pages && /notebook/i.test(e.name));
  const notebooks: string[] = group.pages.map((p: {path: string}) => p.path);
  const opensDuckDB = (route: string) => readFileSync(join(ROOT, "src", `${route.slice(1).replace(/\/$/, "/index")}.md`), "utf8").includes("openDatabase(");
  const others = all.filter((route) => !notebooks.includes(route) && opensDuckDB(route));
  if (!process.env.BENCH_PAGES) return {notebooks, others};
  const chosen = process.env.BENCH_PAGES.split(",").filter((p) => p.startsWith("/"));
  return {notebooks: chosen.filter((r) => notebooks.includes(r)), others: chosen.filter((r) => !notebooks.includes(r))};
}

async function visit(page: Page, url: string, served: Served[], expectChart: boolean, expectDuckDB: boolean): Promise<Visit> {
  served.length = 0;
  await page.goto(url);
  await page.waitForFunction(`${SETTLED}(${expectChart}, ${expectDuckDB})`, undefined, {polling: "raf", timeout: 60_000});
  const {firstChart, duckdb, origin} = await page.evaluate(
    "({firstChart: __ysBench.firstChart, duckdb: __ysBench.duckdb, origin: performance.timeOrigin})"
  ) as {firstChart: number | null; duckdb: number | null; origin: number};
  // The server's own count: it sees the worker's requests too, and nothing a warm visit took from the cache.
  const js = served.filter((r) => r.path.endsWith(".js"));
  return {
    firstChart,
    duckdb,
    jsBeforeChart: firstChart === null ? 0 : js.filter((r) => r.end - origin <= firstChart).reduce((s, r) => s + r.bytes, 0),
    jsTotal: js.reduce((s, r) => s + r.bytes, 0),
    wasm: served.filter((r) => r.path.endsWith(".wasm")).reduce((s, r) => s + r.bytes, 0)
  };
}

/** A cold visit in a fresh profile, then a warm second visit in the same profile (disk cache and wasm code cache). */
async function coldAndWarm(url: string, served: Served[], expectChart: boolean, expectDuckDB: boolean): Promise<{cold: Visit; warm: Visit}> {
  const profile = mkdtempSync(join(tmpdir(), "ys-bench-load-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
  });
  try {
    await context.addInitScript(INSTRUMENT);
    const page = context.pages()[0] ?? (await context.newPage());
    const cold = await visit(page, url, served, expectChart, expectDuckDB);
    await page.goto("about:blank");
    const warm = await visit(page, url, served, expectChart, expectDuckDB);
    return {cold, warm};
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medianOrNull = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : median(xs as number[]));

const loadBefore = loadavg();
console.log(`Building ${ROOT} (site + reference pages, offline)…`);
// BENCH_REUSE=1 measures the copy left by the last run as it is (e.g. after editing a built file to try a variant).
const dist = process.env.BENCH_REUSE && existsSync(join(ROOT, "dist")) ? join(ROOT, "dist") : prepareSite();
if (RUNS === 0) process.exit(0); // BENCH_RUNS=0: only build the copy (to inspect it)
const {notebooks: notebookRoutes, others} = await siteRoutes();
const charted = new Set([...Object.keys(REFERENCE_PAGES).map((r) => `/${r}`), ...notebookRoutes]);
const routes = [...charted, ...others];
const expectsDuckDB = new Set(["/bench-duckdb", ...others]);
const server = await serveWithCacheHeaders(dist);
const results = new Map<string, {cold: Visit; warm: Visit}[]>(routes.map((r) => [r, []]));
try {
  for (let run = 0; run < RUNS; run++) {
    // Rotate the order each run, so a burst of load on the machine does not always land on the same page.
    const order = routes.map((_, i) => routes[(i + run) % routes.length]);
    for (const route of order) results.get(route)!.push(await coldAndWarm(server.url + route, server.served, charted.has(route), expectsDuckDB.has(route)));
    process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
  }
} finally {
  await server.close();
}

const summary = routes.map((route) => {
  const runs = results.get(route)!;
  const pick = (f: (v: {cold: Visit; warm: Visit}) => number | null) => medianOrNull(runs.map(f));
  return {
    route,
    firstCold: pick((r) => r.cold.firstChart),
    firstWarm: pick((r) => r.warm.firstChart),
    duckCold: pick((r) => r.cold.duckdb),
    duckWarm: pick((r) => r.warm.duckdb),
    jsBefore: charted.has(route) ? pick((r) => r.cold.jsBeforeChart) : null,
    jsTotal: pick((r) => r.cold.jsTotal)!,
    wasmCold: pick((r) => r.cold.wasm)!,
    wasmWarm: pick((r) => r.warm.wasm)!
  };
});
const plotRef = summary.find((s) => s.route === "/bench-plot")!;
const duckRef = summary.find((s) => s.route === "/bench-duckdb")!;
const s = (ms: number | null) => (ms === null ? "—" : (ms / 1000).toFixed(2));
const kb = (bytes: number | null) => (bytes === null ? "—" : `${Math.round(bytes / 1000).toLocaleString("en-US")}`);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const x = (a: number | null, b: number | null) => (a === null || b === null ? "—" : `${(a / b).toFixed(2)}×`);

const loadAfter = loadavg();
console.log(
  `\nLoad bench: ${RUNS} runs, medians; headless Chromium via playwright-core, fresh profile per cold visit, second visit in the same profile = warm; served on 127.0.0.1 with Cache-Control immutable for /_*/ assets.\n`
);
console.log(
  "| page | first chart cold s | ÷ Plot ref | DuckDB content (or ready) cold s | ÷ DuckDB ref | first chart warm s | DuckDB content (or ready) warm s | warm ÷ cold (DuckDB) | JS before first chart kB | ÷ Plot ref | JS total kB | wasm MB cold / warm |"
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of summary) {
  const label = REFERENCE_PAGES[r.route.slice(1)]?.label ?? r.route;
  console.log(
    `| ${label} | ${s(r.firstCold)} | ${x(r.firstCold, plotRef.firstCold)} | ${s(r.duckCold)} | ${x(r.duckCold, duckRef.duckCold)} | ${s(r.firstWarm)} | ${s(r.duckWarm)} | ${x(r.duckWarm, r.duckCold)} | ${kb(r.jsBefore)} | ${x(r.jsBefore, plotRef.jsBefore)} | ${kb(r.jsTotal)} | ${mb(r.wasmCold)} / ${mb(r.wasmWarm)} |`
  );
}
const fmt = (l: number[]) => l.map((v) => v.toFixed(2)).join(" / ");
console.log(`\nMachine: ${cpus().length} cores, load average ${fmt(loadBefore)} before, ${fmt(loadAfter)} after (1/5/15 min).`);
const site = summary.filter((r) => !REFERENCE_PAGES[r.route.slice(1)]);
const notebooks = site.filter((r) => charted.has(r.route));
const goals = [
  ["first chart ≤ 1.5× Plot ref", notebooks.every((r) => r.firstCold! <= 1.5 * plotRef.firstCold!)],
  // A page that opens DuckDB and has no time for it does not meet these (a page that does not open it has nothing to meet).
  ["DuckDB content (or ready) ≤ 1.1× DuckDB ref", site.every((r) => (r.duckCold === null ? !expectsDuckDB.has(r.route) : r.duckCold <= 1.1 * duckRef.duckCold!))],
  ["warm DuckDB content ≤ 0.5× cold", summary.every((r) => (r.duckCold === null || r.duckWarm === null ? !expectsDuckDB.has(r.route) : r.duckWarm <= 0.5 * r.duckCold))],
  ["JS before first chart ≤ 1.2× Plot ref", notebooks.every((r) => r.jsBefore! <= 1.2 * plotRef.jsBefore!)]
] as const;
for (const [goal, met] of goals) console.log(`Goal ${goal}: ${met ? "met" : "NOT met"}`);
