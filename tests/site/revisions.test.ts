import {spawnSync} from "node:child_process";
import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, openIsolatedPage} from "../../scripts/support/chromium.js";
import {serveStatic} from "../../scripts/support/serveStatic.js";
import {DIST} from "../support/builtSite.js";
import {faultServer} from "../fixtures/reload/faultServer.js";
import {nbsPortal} from "../fixtures/reload/nbsPortal.js";
import {invented, INVENTED_YEARS, portalSeries} from "../fixtures/reload/nbsSeries.js";
import {copyProject, PROJECT} from "../fixtures/reload/projectCopy.js";
import {DATASETS} from "../../loaders/datasets.js";
import {parseReloadLog} from "../../loaders/reload/changelog.js";
import {readReloadConfig, type NbsSource} from "../../loaders/reload/config.js";
import {reload} from "../../loaders/reload/reload.js";

const INPUT = "data/national/income_national.csv";
const quiet = {update() {}, done() {}, info() {}};
let browser: Browser;
let root: string;
let origin: Awaited<ReturnType<typeof faultServer>>;
let portal: Awaited<ReturnType<typeof nbsPortal>>;
const nbsSources = readReloadConfig(PROJECT, DATASETS, "reload.nbs.json").sources as NbsSource[];
const beijing2019 = DATASETS.find((d) => d.id === "province-urban-income")!
  .load()
  .rows.find((r) => r.region_code === "110000" && r.year === 2019)!.value!;
const servers: {close(): Promise<void>}[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // A copy of the project reloaded from a stand-in of the NBS portal (SYNTHETIC provincial years 2020-2024), then
  // from a local server with a SYNTHETIC revision (2024 urban income + 1 元), then built: the pages must show both.
  const original = readFileSync(INPUT, "utf8");
  const revised = original.replace(/^2024,(\d+),/m, (_, urban) => `2024,${Number(urban) + 1},`);
  origin = await faultServer({"/revised.csv": (res) => res.writeHead(200, {"content-type": "text/csv"}).end(revised)});
  root = copyProject();
  await reload({root, progress: quiet});
  portal = await nbsPortal(portalSeries(nbsSources));
  await reload({
    root,
    config: {sources: nbsSources.map((s) => ({...s, backoffMs: 0}))},
    env: {...process.env, NBS_BASE_URL: portal.base},
    progress: quiet
  });
  const source = {
    dataset: "income-national",
    input: INPUT,
    url: origin.url("/revised.csv"),
    timeoutMs: 5000,
    retries: 0,
    backoffMs: 1,
    maxBytes: 1e6
  };
  await reload({root, config: {sources: [source]}, progress: quiet});
  const build = spawnSync(process.execPath, ["scripts/build-offline.mjs"], {
    cwd: root,
    env: {...process.env, YS_DIST: ".tmp/dist-revisions"},
    encoding: "utf8"
  });
  if (build.status !== 0) throw new Error(`build of the reloaded copy failed:\n${build.stdout}${build.stderr}`);
}, 300_000); // two reloads and an offline build of the copy; the build alone can take minutes on a busy machine

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  await origin?.close();
  await portal?.close();
  if (root) rmSync(root, {recursive: true, force: true});
});

async function open(dist: string, route = "/revisions", ready = "#last-reload") {
  const server = await serveStatic(dist);
  servers.push(server);
  const {page, watch} = await openIsolatedPage(browser, server.url);
  await page.goto(`${server.url}${route}`);
  await page.locator(ready).first().waitFor();
  return {page, watch};
}

describe("revisions page", () => {
  it("on the site's own build, says (in Chinese, the default) when the bundled data was last reloaded or that it was not", async () => {
    const log = parseReloadLog(readFileSync("data/reload-log.json", "utf8"));
    const {page, watch} = await open(DIST);
    const text = await page.locator("#last-reload").textContent();
    if (log.runs.length) expect(text).toContain(log.runs[0].reloadedAt.slice(0, 16).replace("T", " "));
    else expect(text).toContain("尚未重新载入");
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("after a reload with a revised value, lists it with indicator, region, year, old and new value", async () => {
    const log = parseReloadLog(readFileSync(join(root, "data/reload-log.json"), "utf8"));
    const [revision] = log.runs[0].datasets[0].listed.revised;
    const {page, watch} = await open(join(root, ".tmp/dist-revisions"));
    expect(await page.locator("#last-reload").textContent()).toContain(
      log.runs[0].reloadedAt.slice(0, 16).replace("T", " ")
    );
    const rows = await page
      .locator("#revisions-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(1)).toEqual([
      "income-national",
      "城镇居民人均可支配收入",
      "全国",
      "2024",
      revision.old!.toLocaleString("en-US"),
      revision.new!.toLocaleString("en-US"),
      "元"
    ]);
    expect(revision.new! - revision.old!).toBe(1);
    // One row per dataset and run: three runs of income-national (local, portal, revised file), the newest with one
    // revision.
    const runs = await page
      .locator("#runs-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    // (Runs the repository logged before the copy was made follow these three.)
    expect(runs.filter((r) => r[1] === "income-national").map((r) => r[5]).slice(0, 3)).toEqual(["1", "0", "0"]);
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});

describe("after a reload from the NBS portal (a stand-in with synthetic answers)", () => {
  it("/revisions lists the provincial rows it added", async () => {
    const {page, watch} = await open(join(root, ".tmp/dist-revisions"));
    const runs = await page
      .locator("#runs-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    // Added column of province-urban-income, newest run first: nothing in the file reload, 31 × 5 years in the
    // portal reload, nothing in the first local one.
    const added = String(31 * INVENTED_YEARS.length);
    expect(runs.filter((r) => r[1] === "province-urban-income").map((r) => r[3]).slice(0, 3)).toEqual(["0", added, "0"]);
    const moved = await page
      .locator("#rows-moved tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(1).map((td) => td.textContent!.trim())));
    // The change column is in the page's language (新增 in Chinese, the default; "added" in English).
    expect(moved).toContainEqual([
      expect.stringMatching(/^(新增|added)$/),
      "province-urban-income",
      "城镇居民人均可支配收入",
      "北京",
      "2024",
      `${invented(beijing2019, 2024).toLocaleString("en-US")} 元`
    ]);
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("the province page offers 2024, its latest year, and ranks all 31 provinces in it", async () => {
    const {page, watch} = await open(join(root, ".tmp/dist-revisions"), "/income-provinces", "#province-table tbody tr");
    // The year select (labelled 年份 in Chinese, the default) lists years newest first and starts on the latest.
    const select = page.locator("form").filter({hasText: "年份"}).first().locator("select");
    expect(await select.locator("option").first().textContent()).toBe("2024");
    expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toBe("2024");
    const rows = page.locator("#province-table tbody tr");
    expect(await rows.count()).toBe(31);
    // Beijing's urban income in the table is the invented 2024 figure, which no other year has.
    const urban = page.locator('#province-table tbody tr[data-key="110000"] td.urban');
    expect(await urban.getAttribute("data-value")).toBe(String(invented(beijing2019, 2024)));
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
