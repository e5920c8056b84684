import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {DIST, listFiles} from "../support/builtSite.js";
import {openIsolatedPage} from "../../scripts/support/chromium.js";
import {siteSession} from "../support/siteSession.js";

// Each notebook draws first from its loader outputs (components/data/readTable.ts) and starts DuckDB-WASM only in idle
// time afterwards: with DuckDB's wasm held back, the first chart must still appear, and DuckDB must then start.
const NOTEBOOKS = ["/income-gap", "/income-provinces", "/urbanization", "/farmland", "/tap-water", "/scorecard"];
const CHART = '#observablehq-main svg[class^="plot"], #observablehq-main figure[class^="plot"]';

const site = siteSession();
const marks = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(`ys-duckdb-${n}`).length, name);

/** Opens `route` with every .wasm request held until `release()`; `requested()` says whether one was held. */
async function openWithWasmHeld(route: string) {
  const opened = await openIsolatedPage(site.browser, site.url);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await opened.page.route("**/*.wasm", async (request) => {
    held.push(request.request().url());
    await released;
    await request.continue();
  });
  await opened.page.goto(site.url + route);
  return {...opened, release, held};
}

describe("the first chart never waits for DuckDB", () => {
  for (const route of NOTEBOOKS) {
    it(`${route}: the first chart is drawn while DuckDB's wasm is held back; DuckDB starts once it is released`, async () => {
      const {page, watch, release, held} = await openWithWasmHeld(route);
      await page.locator(CHART).first().waitFor();
      // The chart is there and DuckDB cannot have started: its wasm has not been answered.
      expect(await marks(page, "ready")).toBe(0);
      release();
      await expect.poll(() => marks(page, "ready")).toBe(1);
      expect(held.some((url) => url.endsWith("duckdb-eh.wasm") || url.endsWith("duckdb-mvp.wasm"))).toBe(true);
      expect(watch.errors).toEqual([]);
      expect(watch.external).toEqual([]);
      await page.context().close();
    });
  }
});

describe("readTable returns what DuckDB-WASM returns", () => {
  it("for every table the site publishes: same rows, same types, same nulls as SELECT * through components/duckdb.ts", async () => {
    const files = listFiles(DIST);
    const module = (pattern: RegExp) => "/" + files.find((f) => pattern.test(f))!;
    const tables = files.filter((f) => /^_file\/data\/.*\.csv$/.test(f)).map((f) => "/" + f);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    const {page, watch} = await openIsolatedPage(site.browser, site.url);
    await page.goto(site.url + "/");
    const args = JSON.stringify({
      readTableJs: module(/^_import\/components\/data\/readTable\.\w+\.js$/),
      duckdbJs: module(/^_import\/components\/duckdb\.\w+\.js$/),
      tables
    });
    // A string, not a function: vitest's transform would rewrite the dynamic imports into helpers the page lacks.
    // JSON keeps what must match: 2013 vs "2013", null vs "", row and column order.
    const compared = (await page.evaluate(`(async ({readTableJs, duckdbJs, tables}) => {
      const {readTable} = await import(readTableJs);
      const {openDatabase} = await import(duckdbJs);
      const out = [];
      for (const href of tables) {
        const reader = await readTable(href);
        const duckdb = await openDatabase({t: href}).query("SELECT * FROM t");
        out.push({table: href, rows: reader.length, reader: JSON.stringify([reader.columns, ...reader]), duckdb: JSON.stringify([duckdb.columns, ...duckdb])});
      }
      return out;
    })(${args})`)) as {table: string; rows: number; reader: string; duckdb: string}[];
    for (const {table, rows, reader, duckdb} of compared) {
      expect(rows, table).toBeGreaterThan(0);
      expect(reader, table).toBe(duckdb);
    }
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});
