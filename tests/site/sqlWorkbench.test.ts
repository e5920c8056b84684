import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";
import ExcelJS from "exceljs";
import {beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import type {PageWatch} from "../../scripts/support/chromium.js";
import {DIST, listFiles} from "../support/builtSite.js";
import {siteSession} from "../support/siteSession.js";
import {DATASETS} from "../../loaders/datasets.js";

// The SQL workbench in Chromium: it lists every loader table, answers a query, refuses writes and file reads, shows
// DuckDB's message for bad SQL, keeps the query in the address, and downloads what the table shows.
const site = siteSession();
// One workbench for the tests that only read and query (starting DuckDB and loading the fourteen tables is most of a
// visit); the address test opens pages of its own.
let workbench: {page: Page; watch: PageWatch};
beforeAll(async () => {
  workbench = await site.open("/sql", ".sqlw-catalog tbody tr");
});

/** Data rows of a built loader table, counted from the file itself. */
function builtRows(dataset: string): number {
  const file = listFiles(join(DIST, "_file", "data")).find((f) => new RegExp(`^${dataset}\\.[0-9a-f]+\\.csv$`).test(f))!;
  return csvParseRows(readFileSync(join(DIST, "_file", "data", file), "utf8")).length - 1;
}

const state = (page: Page) => page.locator(".sql-workbench").getAttribute("data-state");
const shownTable = (page: Page) =>
  page.locator(".sqlw-table").evaluate((table) =>
    [...table.querySelectorAll("tr")].map((tr) => [...tr.children].map((c) => (c.classList.contains("sqlw-null") ? "" : c.textContent!)))
  );

async function runQuery(page: Page, sql: string) {
  const editor = page.locator(".sqlw-editor");
  await editor.fill(sql);
  await page.evaluate(() => document.querySelector(".sql-workbench")!.setAttribute("data-state", "typed"));
  await editor.press("Control+Enter");
  await expect.poll(() => state(page)).not.toMatch(/^(typed|running)$/);
}

describe("SQL workbench", () => {
  it("lists every loader table of the registry with columns, types, row counts and source files", async () => {
    const {page, watch} = workbench;
    const rows = await page.locator(".sqlw-catalog tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.getAttribute("data-table"),
        rows: tr.querySelector(".sqlw-rows")!.textContent,
        columns: tr.querySelector(".sqlw-columns")!.textContent!.trim(),
        source: tr.querySelector(".sqlw-source code")!.textContent
      }))
    );
    expect(rows.map((r) => r.name).sort()).toEqual(DATASETS.map((d) => d.id.replace(/-/g, "_")).sort());
    const national = rows.find((r) => r.name === "income_national")!;
    expect(national.rows).toBe(builtRows("income-national").toLocaleString("en-US"));
    expect(national.columns).toMatch(/^indicator VARCHAR\s+unit VARCHAR\s+region_code VARCHAR\s+region VARCHAR\s+year BIGINT\s+value (BIGINT|DOUBLE)$/);
    expect(national.source).toBe("data/national/income_national.csv");
    expect(rows.find((r) => r.name === "plan_targets")!.rows).toBe(builtRows("plan-targets").toLocaleString("en-US"));
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("answers a query with its rows, count and time, and keeps it in the address", async () => {
    const {page, watch} = await site.open("/sql", ".sqlw-table");
    await runQuery(page, "SELECT count(*) AS n FROM plan_targets");
    expect(await state(page)).toBe("done");
    expect(await shownTable(page)).toEqual([["n"], [String(builtRows("plan-targets"))]]);
    expect(await page.locator(".sqlw-summary").textContent()).toMatch(/^1 行 · [\d.,]+ 毫秒$/);
    const shared = page.url();
    expect(new URL(shared).searchParams.get("q")).toBe("SELECT count(*) AS n FROM plan_targets");
    // The shared address opens with the same query and result.
    const other = await site.open(shared.replace(site.url, ""), ".sqlw-table");
    expect(await other.page.locator(".sqlw-editor").inputValue()).toBe("SELECT count(*) AS n FROM plan_targets");
    expect(await shownTable(other.page)).toEqual([["n"], [String(builtRows("plan-targets"))]]);
    expect(watch.errors).toEqual([]);
  });

  it("refuses DROP TABLE and file reads with a message, and the table is still there", async () => {
    const {page, watch} = workbench;
    await runQuery(page, "DROP TABLE plan_targets");
    expect(await state(page)).toBe("refused");
    expect(await page.locator(".sqlw-message").textContent()).toBe("只允许只读查询（SELECT、WITH、FROM、DESCRIBE、SUMMARIZE…），不能运行 DROP。");
    expect(await page.locator(".sqlw-table").count()).toBe(0);
    await runQuery(page, "SELECT * FROM read_csv('/etc/passwd')");
    expect(await state(page)).toBe("refused");
    expect(await page.locator(".sqlw-message").textContent()).toContain("read_csv()");
    await runQuery(page, "SELECT 1; DROP TABLE plan_targets");
    expect(await state(page)).toBe("refused");
    await runQuery(page, "SELECT count(*) AS n FROM plan_targets");
    expect(await shownTable(page)).toEqual([["n"], [String(builtRows("plan-targets"))]]);
    // The second lock: DuckDB itself can no longer reach files or URLs, and the setting cannot be changed back.
    await runQuery(page, "SELECT current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked");
    expect(await shownTable(page)).toEqual([["ext", "locked"], ["false", "true"]]);
    expect(watch.errors).toEqual([]);
  });

  it("shows DuckDB's message next to the editor for bad SQL", async () => {
    const {page} = workbench;
    await runQuery(page, "SELECT region FROM plan_targets WHERE");
    expect(await state(page)).toBe("error");
    expect(await page.locator(".sqlw-message").textContent()).toMatch(/^Parser Error: syntax error at end of input/);
    await runQuery(page, "SELECT * FROM no_such_table");
    expect(await page.locator(".sqlw-message").textContent()).toMatch(/^Catalog Error: Table with name no_such_table does not exist/);
  });

  it("downloads the result as CSV and XLSX equal to the table shown, with source and data version", async () => {
    const {page, watch} = workbench;
    await page.locator(".sqlw-examples button[data-example='gap-by-province']").click();
    await expect.poll(() => state(page)).toBe("done");
    await expect.poll(async () => (await shownTable(page))[0]).toEqual(["region_code", "region", "year", "urban_income", "rural_income", "ratio", "gap"]);
    const shown = await shownTable(page);
    expect(shown).toHaveLength(32);

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.locator(".download-buttons button[data-format=csv]").click()]);
    expect(csvDownload.suggestedFilename()).toBe("query-result.csv");
    const bytes = readFileSync((await csvDownload.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvParseRows(bytes.toString("utf8").slice(1));
    const blank = lines.findIndex((l) => l.length === 1 && l[0] === "");
    expect(lines.slice(0, blank)).toEqual(shown);
    expect(lines[blank + 1][0]).toBe("来源 Source");
    expect(lines[blank + 1][1]).toContain("province_urban_income: data/nbs-exports/");
    expect(lines[blank + 2][0]).toBe("数据版本 Data version");
    expect(lines[blank + 2][1]).toMatch(/^province-urban-income sha256 [0-9a-f]{12} \(\d{4}-\d\d-\d\d\); province-rural-income sha256/);

    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.locator(".download-buttons button[data-format=xlsx]").click()]);
    expect(xlsxDownload.suggestedFilename()).toBe("query-result.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await xlsxDownload.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("data")!;
    const cells = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map((v) => (v === undefined || v === null ? "" : String(v))));
    expect(cells).toEqual(shown);
    expect(typeof sheet.getCell("F2").value).toBe("number");
    const about = workbook.getWorksheet("source")!;
    expect(about.getCell("A2").value).toBe("数据版本 Data version");
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});
