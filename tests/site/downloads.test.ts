import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {csvParseRows} from "d3-dsv";
import ExcelJS from "exceljs";
import {describe, expect, it} from "vitest";
import type {Locator, Page} from "playwright-core";
import {chartsDrawn} from "../support/charts.js";
import {siteSession} from "../support/siteSession.js";

// Downloads in Chromium: on each notebook every data table and every chart has CSV/XLSX buttons (none forgotten), and
// a table's files and a chart's file equal what the page shows, with the BOM, the source note and the data version.
const site = siteSession();

/** The data version a file must carry for a bundled dataset: its id and the bundled file's own sha256, read here. */
const version = (dataset: string, file: string) => `${dataset} sha256 ${createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 12)} (`;

const NOTEBOOKS = [
  {route: "/income-gap", ready: "#band-chart figure", tables: 3, figures: 9},
  {route: "/income-provinces", ready: "#province-scenario-chart figure", tables: 1, figures: 3},
  {route: "/farmland", ready: "#compare-chart figure", tables: 3, figures: 3},
  {route: "/tap-water", ready: "#compare-chart figure", tables: 3, figures: 3},
  {route: "/urbanization", ready: "#scenario-chart figure", tables: 2, figures: 3},
  {route: "/scorecard", ready: "#scorecard-table tbody tr", tables: 1, figures: 1}
];
const DATA_TABLES = "table.data-table, table.compare-table, table.sensitivity-table, #scorecard-table";

/** Tables and figures of the page's main column, each with whether download buttons come with it. */
const inventory = (page: Page) =>
  page.locator("#observablehq-main").evaluate((main, selector) => {
    const describe = (e: Element) => e.id || e.closest("[id]")?.id || e.className;
    return {
      tables: [...main.querySelectorAll(selector)].map((t) => ({name: describe(t), buttons: t.parentElement!.matches(".with-downloads") && t.parentElement!.querySelector(":scope > .download-buttons button[data-format=xlsx]") !== null})),
      figures: [...main.querySelectorAll("figure.chart-figure")].map((f) => ({name: describe(f), buttons: f.querySelector(":scope > .download-buttons button[data-format=csv]") !== null}))
    };
  }, DATA_TABLES);

/** Clicks a download button under `holder` and returns the saved file's name and bytes. */
async function download(page: Page, holder: Locator, format: "csv" | "xlsx"): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download"), holder.locator(`.download-buttons button[data-format=${format}]`).first().click()]);
  return {name: file.suggestedFilename(), bytes: readFileSync((await file.path())!)};
}

/** A saved CSV: BOM checked, then the table (header and rows) and the lines under it (source, version, note). */
function parseCsv(bytes: Buffer): {header: string[]; rows: string[][]; about: Map<string, string>} {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csvParseRows(bytes.toString("utf8").slice(1));
  const blank = lines.findIndex((l) => l.length === 1 && l[0] === "");
  return {header: lines[0], rows: lines.slice(1, blank), about: new Map(lines.slice(blank + 1).map(([k, v]) => [k, v]))};
}

/** A saved XLSX's data sheet as text cells (empty for none), and its source sheet. */
async function parseXlsx(bytes: Buffer): Promise<{cells: string[][]; numbers: number; about: Map<string, string>}> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const values = workbook.getWorksheet("data")!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  const width = Math.max(...values.map((r) => r.length));
  const cells = values.map((r) => Array.from({length: width}, (_, i) => (r[i] === undefined || r[i] === null ? "" : String(r[i]))));
  const about = workbook.getWorksheet("source")!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1) as string[]);
  return {cells, numbers: values.flat().filter((v) => typeof v === "number").length, about: new Map(about.map(([k, v]) => [k, v]))};
}

/** The table as shown: headers, and per cell its text and data-value (the exact number behind the formatted text). */
const shownTable = (table: Locator) =>
  table.evaluate((t) => ({
    header: [...t.querySelectorAll("thead th")].map((th) => th.textContent!.trim()),
    rows: [...t.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => ({text: c.textContent!.trim(), value: c.getAttribute("data-value")})))
  }));

/**
 * The file equals the table shown: the same rows in order, each shown column found by its label (a file header may add
 * the unit), numbers equal to the cells' data-value, "—" as empty, text as shown, and a bound's "≥" in the qualifier
 * column after its value.
 */
function expectFileEqualsTable(file: {header: string[]; rows: string[][]}, shown: Awaited<ReturnType<typeof shownTable>>) {
  const index = shown.header.map((label) => file.header.findIndex((h) => h === label || h.startsWith(`${label}（`) || h.startsWith(`${label} (`)));
  expect(index, `file header ${file.header.join(" | ")} for ${shown.header.join(" | ")}`).not.toContain(-1);
  expect(file.rows).toHaveLength(shown.rows.length);
  shown.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      const value = file.rows[r][index[c]];
      if (cell.value !== null) expect(Number(value), `row ${r + 1}, ${shown.header[c]}`).toBe(Number(cell.value));
      else expect(value, `row ${r + 1}, ${shown.header[c]}`).toBe(cell.text === "—" ? "" : cell.text);
      if (cell.text.startsWith("≥")) expect(file.rows[r][index[c] + 1], `qualifier of row ${r + 1}, ${shown.header[c]}`).toBe("≥");
    })
  );
}

describe("every table and chart on the notebooks has download buttons", () => {
  for (const {route, ready, tables, figures} of NOTEBOOKS) {
    it(`${route}: ${tables} tables and ${figures} charts, each with CSV and XLSX buttons`, async () => {
      const {page, watch} = await site.open(route, ready);
      await expect.poll(async () => (await inventory(page)).figures.length).toBe(figures);
      await expect.poll(async () => (await inventory(page)).tables.length).toBe(tables);
      const {tables: t, figures: f} = await inventory(page);
      expect([...t, ...f].filter((x) => !x.buttons).map((x) => x.name)).toEqual([]);
      expect(await page.locator(".download-buttons button").first().textContent()).toBe("下载 CSV");
      // Print (and so every report or PDF made from a page) shows no buttons.
      await page.emulateMedia({media: "print"});
      // Print's narrower page redraws the charts: those off screen in idle time (chartSlot); wait for them all.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await chartsDrawn(page.locator("#observablehq-main"));
      // Query and read styles in one task: print's narrower page redraws the charts, and an element detached between a
      // query and a later read has no computed style (it would count as shown).
      const groups = await page.evaluate(() => {
        const all = [...document.querySelectorAll(".download-buttons")];
        return {all: all.length, shown: all.filter((g) => getComputedStyle(g).display !== "none").length};
      });
      expect(groups.all).toBeGreaterThanOrEqual(tables + figures);
      expect(groups.shown).toBe(0);
      expect(watch.errors).toEqual([]);
    });
  }
});

describe("a table's CSV and XLSX equal the table shown, with BOM, source and data version", () => {
  const cases = [
    {route: "/income-gap", table: "#income-table", name: "income-by-year", dataset: "income-national", file: "data/national/income_national.csv"},
    {route: "/income-provinces", table: "#province-table", name: "province-income-2019", dataset: "province-urban-income", file: "data/nbs-exports/城镇居民人均可支配收入.csv"},
    {route: "/farmland", table: "#farmland-national", name: "farmland-national", dataset: "plan-indicators", file: "data/plan/plan_indicators.csv"},
    {route: "/tap-water", table: "#tap-table", name: "tap-water-national", dataset: "plan-indicators", file: "data/plan/plan_indicators.csv"},
    {route: "/urbanization", table: "#national-table", name: "urbanization-national-table", dataset: "urbanization-national", file: "data/national/urbanization_national.csv"},
    {route: "/scorecard", table: "#scorecard-table", name: "scorecard", dataset: "plan-targets", file: "data/plan/targets.csv"}
  ];
  for (const c of cases) {
    it(`${c.route} ${c.table}`, async () => {
      const {page, watch} = await site.open(c.route, `${c.table} tbody tr`);
      const table = page.locator(c.table);
      const holder = page.locator(".with-downloads", {has: table});
      const shown = await shownTable(table);
      const csv = await download(page, holder, "csv");
      expect(csv.name).toBe(`${c.name}.csv`);
      const file = parseCsv(csv.bytes);
      if (c.table === "#scorecard-table") {
        // The scorecard's file has one line per target and per context row, the figures raw beside their status.
        expect(file.rows).toHaveLength(shown.rows.length);
        const targets = await table.locator("tbody tr[data-id]").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-id"), Number(tr.querySelector(".target")!.textContent!.replace(/,/g, ""))]));
        expect(file.rows.filter((r) => r[0] === "目标").map((r) => [r[1], Number(r[4])])).toEqual(targets);
      } else expectFileEqualsTable(file, shown);
      expect(file.about.get("来源 Source")).toContain(c.file.startsWith("data/nbs-exports/") ? "data/nbs-exports/" : c.file);
      expect(file.about.get("数据版本 Data version")).toContain(version(c.dataset, c.file));

      const xlsx = await download(page, holder, "xlsx");
      expect(xlsx.name).toBe(`${c.name}.xlsx`);
      const book = await parseXlsx(xlsx.bytes);
      expect(book.cells).toEqual([file.header, ...file.rows]);
      expect(book.numbers).toBeGreaterThan(file.rows.length);
      expect(book.about.get("来源 Source")).toBe(file.about.get("来源 Source"));
      expect(book.about.get("数据版本 Data version")).toBe(file.about.get("数据版本 Data version"));
      expect(watch.errors).toEqual([]);
      expect(watch.external).toEqual([]);
    });
  }
});

describe("a chart's data file holds what the chart draws", () => {
  it("/income-gap: the ratio chart's file is the table's year and ratio; the band's carries the scenario note", async () => {
    const {page} = await site.open("/income-gap", "#band-chart figure");
    const ratios = (await shownTable(page.locator("#income-table"))).rows.map((r) => [Number(r[0].text), Number(r[3].value)]);
    const chart = page.locator("figure.chart-figure", {hasText: "城乡居民收入比"}).first();
    const file = parseCsv((await download(page, chart, "csv")).bytes);
    expect(file.header).toEqual(["年份", "城乡收入比"]);
    expect(file.rows.map((r) => r.map(Number))).toEqual(ratios);
    expect(file.about.get("数据版本 Data version")).toContain(version("income-national", "data/national/income_national.csv"));
    const band = parseCsv((await download(page, page.locator("#band-chart figure"), "csv")).bytes);
    expect(band.header[0]).toBe("年份");
    expect(band.rows.at(-1)![0]).toBe("2035");
    expect(band.about.get("说明 Note")).toBe("推算值是所示假设下的情景，不是预测，也不是官方统计。");
  });

  it("/income-provinces: the rank chart's file has the table's provinces and ratios", async () => {
    const {page} = await site.open("/income-provinces", "#province-table tbody tr");
    const shown = (await shownTable(page.locator("#province-table"))).rows.map((r) => [r[0].text, Number(r[4].value)]);
    const file = parseCsv((await download(page, page.locator("#rank-chart figure"), "csv")).bytes);
    expect(file.header).toEqual(["省份", "代码", "年份", "城乡收入比"]);
    expect(file.rows.map((r) => [r[0], Number(r[3])])).toEqual(shown);
  });

  it("/farmland: the observed chart's file keeps the 2023 lower bound as ≥ and the missing year without a value", async () => {
    const {page} = await site.open("/farmland", "#farmland-national tbody tr");
    const file = parseCsv((await download(page, page.locator("#farmland-chart figure"), "csv")).bytes);
    expect(file.header).toEqual(["系列", "年份", "累计面积（万亩）", "限定"]);
    expect(file.rows.find((r) => r[1] === "2023")).toEqual(["下限（超…）", "2023", "100000", "≥"]);
    const table = (await shownTable(page.locator("#farmland-national"))).rows;
    for (const row of table.filter((r) => r[1].text === "—")) expect(file.rows.find((r) => r[1] === row[0].text)).toEqual(["缺数据", row[0].text, "", ""]);
    expect(file.about.get("来源 Source")).toContain("《“十四五”新型城镇化实施方案》（S01）；2030 年：全国高标准农田建设规划（S25）: data/plan/targets.csv");
  });

  it("/tap-water: the observed chart's file has the table's coverage as shares", async () => {
    const {page} = await site.open("/tap-water", "#tap-table tbody tr");
    const shown = (await shownTable(page.locator("#tap-table"))).rows.filter((r) => r[1].value !== null).map((r) => [Number(r[0].text), Number(r[1].value)]);
    const file = parseCsv((await download(page, page.locator("#tap-chart figure"), "csv")).bytes);
    expect(file.header[2]).toBe("普及率（比例，1 = 100%）");
    expect(file.rows.filter((r) => r[0] === "观测").map((r) => [Number(r[1]), Number(r[2])])).toEqual(shown);
  });

  it("/urbanization: the national chart's file has the table's three series, in English under ?lang=en", async () => {
    const {page} = await site.open("/urbanization?lang=en", "#national-table tbody tr");
    const table = (await shownTable(page.locator("#national-table"))).rows;
    const chart = page.locator("#national-chart figure");
    expect(await chart.locator(".download-buttons button").allTextContents()).toEqual(["Download CSV", "Download XLSX"]);
    const file = parseCsv((await download(page, chart, "csv")).bytes);
    expect(file.header).toEqual(["Series", "Year", "Urbanisation rate (%)"]);
    const revised = file.rows.filter((r) => r[0] === "Resident, census-revised").map((r) => [r[1], r[2]]);
    expect(revised).toEqual(table.map((r) => [r[0].text, r[2].value ?? ""]));
    expect(file.about.get("来源 Source")).toContain("Ministry of Public Security (SCIO briefing): data/urbanization/hukou.csv");
  });

  it("/scorecard: the progress chart's file has a line per target drawn, a bound's ≥ in its own column", async () => {
    const {page} = await site.open("/scorecard", "#progress-chart figure");
    const file = parseCsv((await download(page, page.locator("#progress-chart figure"), "csv")).bytes);
    const bars = await page.locator("#progress-chart figure svg [data-aria-label='bar'] rect").count();
    expect(file.rows).toHaveLength(bars);
    expect(file.header.slice(0, 5)).toEqual(["指标", "单位", "基期值", "最新值限定", "最新值"]);
    expect(file.rows.every((r) => r[3] === "" || r[3] === "≥")).toBe(true);
  });
});
