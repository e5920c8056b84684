import {spawnSync} from "node:child_process";
import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, openIsolatedPage} from "../support/chromium.js";
import {serveStatic} from "../support/serveStatic.js";
import {DIST} from "../support/builtSite.js";
import {faultServer} from "../fixtures/reload/faultServer.js";
import {copyProject} from "../fixtures/reload/projectCopy.js";
import {parseReloadLog} from "../../loaders/reload/changelog.js";
import {reload} from "../../loaders/reload/reload.js";

const INPUT = "data/national/income_national.csv";
const quiet = {update() {}, done() {}, info() {}};
let browser: Browser;
let root: string;
let origin: Awaited<ReturnType<typeof faultServer>>;
const servers: {close(): Promise<void>}[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // A copy of the project reloaded from a local server with a SYNTHETIC revision (2024 urban income + 1 元),
  // then built: the page must list that revision.
  const original = readFileSync(INPUT, "utf8");
  const revised = original.replace(/^2024,(\d+),/m, (_, urban) => `2024,${Number(urban) + 1},`);
  origin = await faultServer({"/revised.csv": (res) => res.writeHead(200, {"content-type": "text/csv"}).end(revised)});
  root = copyProject();
  await reload({root, progress: quiet});
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
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  await origin?.close();
  if (root) rmSync(root, {recursive: true, force: true});
});

async function open(dist: string) {
  const server = await serveStatic(dist);
  servers.push(server);
  const {page, watch} = await openIsolatedPage(browser, server.url);
  await page.goto(`${server.url}/revisions`);
  await page.locator("#last-reload").waitFor();
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
    // One row per dataset and run: two runs of income-national, the second with one revision.
    const runs = await page
      .locator("#runs-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(runs.filter((r) => r[1] === "income-national").map((r) => r[5])).toEqual(["1", "0"]);
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
