import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {DIST, listFiles} from "../support/builtSite.js";
import {openIsolatedPage} from "../../scripts/support/chromium.js";
import {siteSession} from "../support/siteSession.js";

// Each notebook draws from its loader outputs (components/data/readTable.ts); nothing on it needs DuckDB-WASM (the SQL
// workbench's engine), so it never fetches DuckDB's library, worker or 35 MB wasm.
const NOTEBOOKS = ["/income-gap", "/income-provinces", "/urbanization", "/farmland", "/tap-water", "/scorecard"];
const CHART = '#observablehq-main svg[class^="plot"], #observablehq-main figure[class^="plot"]';
// What the page shows once its scenario tools (loaded after the first chart) are in: the grid, or the scorecard's table.
const LOADED = ".scenario-grid, #scorecard-table";

const site = siteSession();
const marks = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(`ys-duckdb-${n}`).length, name);

describe("no notebook waits for, or fetches, DuckDB", () => {
  for (const route of NOTEBOOKS) {
    it(`${route}: the first chart and the scenario tools appear, and DuckDB's worker and wasm are never requested`, async () => {
      const {page, watch} = await openIsolatedPage(site.browser, site.url);
      const requested: string[] = [];
      page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(site.url + route);
      await page.locator(CHART).first().waitFor();
      await page.locator(LOADED).first().waitFor();
      // DuckDB-WASM's library, worker and wasm are all served from its npm package's folder.
      expect(requested.filter((path) => path.includes("/@duckdb/"))).toEqual([]);
      expect(await marks(page, "start")).toBe(0);
      expect(watch.errors).toEqual([]);
      expect(watch.external).toEqual([]);
      await page.context().close();
    });
  }
});

describe("readTable returns what DuckDB-WASM returns", () => {
  it("for every table the site publishes: same rows, same types, same nulls as SELECT * through components/duckdb.ts", async () => {
    // Each from the bundle of the page that runs it: readTable from a notebook's, the DuckDB client from the workbench's.
    const files = listFiles(DIST);
    const module = (pattern: RegExp) => "/" + files.find((f) => pattern.test(f))!;
    const tables = files.filter((f) => /^_file\/data\/.*\.csv$/.test(f)).map((f) => "/" + f);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    const {page, watch} = await openIsolatedPage(site.browser, site.url);
    await page.goto(site.url + "/");
    const args = JSON.stringify({
      readTableJs: module(/^_import\/bundles\/income-gap\.\w+\.js$/),
      duckdbJs: module(/^_import\/bundles\/sql\.\w+\.js$/),
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
