import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {launchChromium, openIsolatedPage} from "../../scripts/support/chromium.js";
import {serveStatic} from "../../scripts/support/serveStatic.js";
import {errorCells, externalLoadsInHtml} from "../support/siteAudit.js";
import {savedAddress} from "../support/savedAddress.js";
import {NPM_BUNDLES} from "../fixtures/reload/projectCopy.js";

// Another Framework project uses components/ and loaders/ without copying them: the package is linked into its
// node_modules (as `npm install ../yearbook-scenarios` would), its pages reach components/ through a symlink inside
// its root, and its data loader imports loaders/ by package name.
const project = resolve(".");
let consumer: string;
let build: ReturnType<typeof spawnSync>;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  consumer = mkdtempSync(join(tmpdir(), "ys-plugin-"));
  cpSync("tests/plugin/consumer", consumer, {recursive: true});
  const modules = join(consumer, "node_modules");
  mkdirSync(modules);
  for (const entry of readdirSync("node_modules")) symlinkSync(join(project, "node_modules", entry), join(modules, entry));
  symlinkSync(project, join(modules, "yearbook-scenarios"));
  symlinkSync("../node_modules/yearbook-scenarios/components", join(consumer, "src", "yearbook"));
  // Framework's bundles of the npm packages (Plot, DuckDB-WASM…), made by this project's build from the same
  // node_modules: the consumer's build reuses them instead of bundling each package again.
  if (existsSync(NPM_BUNDLES)) cpSync(NPM_BUNDLES, join(consumer, NPM_BUNDLES), {recursive: true});
  const env = {...process.env};
  delete env.YS_DIST;
  build = spawnSync(process.execPath, [join(project, "scripts", "build-offline.mjs"), "--root", consumer], {encoding: "utf8", env});
  server = await serveStatic(join(consumer, "dist"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (consumer) rmSync(consumer, {recursive: true, force: true});
});

describe("a second Framework project using the plugin", () => {
  it("builds offline with the plugin's components and loader library", () => {
    expect(build.status, `${build.stdout}${build.stderr}`.slice(-3000)).toBe(0);
    const html = readFileSync(join(consumer, "dist", "index.html"), "utf8");
    expect(errorCells(html)).toEqual([]);
    expect(externalLoadsInHtml(html)).toEqual([]);
  });

  it("runs the plugin's DuckDB client and chart in Chromium", async () => {
    const {page, watch} = await openIsolatedPage(browser, server.url);
    await page.goto(server.url + "/");
    await expect.poll(() => page.locator("#years").textContent()).toBe("2022,2023,2024");
    await expect.poll(() => page.locator("svg[class*='plot']").count()).toBe(1);
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("runs a scenario notebook of its own model through the public API: typing forks, the link reproduces it", async () => {
    const {page, watch} = await openIsolatedPage(browser, server.url);
    await page.goto(server.url + "/scenario");
    const level = () => page.locator("#level-2030").textContent().then(Number);
    // 23119 元 in 2024 (the consumer's file) at 6% a year for six years.
    await expect.poll(level).toBe(Math.round(23119 * 1.06 ** 6));
    await page.locator(".scenario-grid td[data-key=growth]").first().click();
    await page.keyboard.type("10");
    await page.keyboard.press("Enter");
    await expect.poll(level).toBe(Math.round(23119 * 1.1 * 1.06 ** 5));
    expect(await page.locator(".scenario-picker").inputValue()).toBe("s1");
    expect(await page.locator(".target-list li").getAttribute("data-year")).toBe("2028");
    const url = await savedAddress(page);
    expect(url).toContain("#rural-level.v1.");
    const other = await openIsolatedPage(browser, server.url);
    await other.page.goto(url);
    await expect.poll(() => other.page.locator("#level-2030").textContent().then(Number)).toBe(Math.round(23119 * 1.1 * 1.06 ** 5));
    expect(watch.errors).toEqual([]);
    expect(other.watch.errors).toEqual([]);
  });

  it("shows a failing query's reason and statement in the page", async () => {
    const {page} = await openIsolatedPage(browser, server.url);
    await page.goto(server.url + "/bad-query");
    const error = page.locator(".observablehq--error").first();
    await error.waitFor();
    const text = await error.textContent();
    expect(text).toContain("Query failed · 查询失败");
    expect(text).toContain("no_such_table");
    expect(text).toContain("SELECT * FROM no_such_table WHERE year >= ?");
  });
});
