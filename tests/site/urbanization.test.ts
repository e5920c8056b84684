import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, it} from "vitest";
import type {Locator, Page} from "playwright-core";
import type {PageWatch} from "../../scripts/support/chromium.js";
import {chartMarks} from "../support/charts.js";
import {siteSession} from "../support/siteSession.js";
import {pasteTsv} from "../support/clipboard.js";
import {HORIZON, PLAN_TARGET_YEAR} from "../../components/plan.js";
import {savedAddress} from "../support/savedAddress.js";

// The urbanisation page: published figures compared with the bundled files (read here directly), and the rise
// scenario grid driven as an analyst does.
const national = csvParse(readFileSync("data/national/urbanization_national.csv", "utf8"));
const hukouExtra = csvParse(readFileSync("data/urbanization/hukou.csv", "utf8"));
const revised = new Map(national.map((r) => [Number(r.year), Number(r.resident_rate_revised_pct)]));
const LAST = Math.max(...revised.keys());
const START = revised.get(LAST)!;
const BASE_RISE = (START - revised.get(LAST - 5)!) / 5;
const FIRST = LAST + 1;
const n = HORIZON - LAST;

const site = siteSession();
let page: Page;
let watch: PageWatch;

async function openPage(hash = ""): Promise<{page: Page; watch: PageWatch}> {
  const opened = await site.open(`/urbanization${hash}`, ".scenario-manager [role=grid] td");
  await opened.page.locator("#rate-plan").waitFor();
  return opened;
}

beforeAll(async () => {
  ({page, watch} = await openPage());
});

const grid = (p: Page = page) => p.locator(".scenario-manager [role=grid]");
const cell = (year: number, key: string, p: Page = page): Locator => grid(p).locator(`td[data-row="${year - FIRST}"][data-key="${key}"]`);
const column = (key: string, p: Page = page) => grid(p).locator(`td[data-key="${key}"]`).evaluateAll((tds) => tds.map((td) => td.textContent!));
const shown = async (id: string, p: Page = page) => Number(await p.locator(`#${id}`).textContent());
const svgOf = (selector: string, p: Page = page) => chartMarks(p.locator(selector));
const path = (rises: number[]) => rises.reduce<number[]>((out, r) => [...out, Math.min(100, (out.at(-1) ?? START) + r)], []);

const paste = (text: string, p: Page = page) => pasteTsv(p, text);

describe("urbanisation page: published figures", () => {
  it("shows both national resident series apart and the hukou rate only where cited, missing years blank", async () => {
    const rows = await page.locator("#national-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({year: Number(tr.getAttribute("data-key")), cells: [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())}))
    );
    expect(rows.map((r) => r.year)).toEqual(national.map((r) => Number(r.year)));
    for (const r of rows) {
      const source = national.find((s) => Number(s.year) === r.year)!;
      expect(Number(r.cells[1]), `${r.year}`).toBe(Number(source.resident_rate_pct));
      expect(Number(r.cells[2]), `${r.year}`).toBe(Number(source.resident_rate_revised_pct));
      const hukou = source.hukou_rate_pct || hukouExtra.find((h) => Number(h.year) === r.year)?.value;
      expect(r.cells[3], `${r.year}`).toBe(hukou ? Number(hukou).toFixed(2) : "—");
    }
    expect(rows.find((r) => r.year === 2023)!.cells[3]).toBe("48.30");
    const text = await page.locator("#observablehq-main").textContent();
    expect(text).toContain("两个常住人口序列在 2010-2019 年不同（最多相差 2.11 个百分点）");
    expect(text).toContain("2010-2014, 2021-2022, 2024 年没有数字");
  });

  it("draws 31 province tiles with accessible names; clicking one highlights it in the trend chart", async () => {
    const tiles = page.locator(".province-tile-map button.ptm-tile");
    expect(await tiles.count()).toBe(31);
    expect(await page.locator('.province-tile-map button[data-code="110000"]').getAttribute("aria-label")).toMatch(/^北京 \d+\.\d\d（常住人口城镇化率（%），2024年）$/);
    const before = await svgOf("#province-trend-chart");
    await page.locator('.province-tile-map button[data-code="520000"]').click();
    await expect.poll(() => page.locator("#province-trend-chart").getAttribute("data-selected")).toBe("贵州");
    await expect.poll(() => svgOf("#province-trend-chart")).not.toBe(before);
    expect(await page.locator("#province-trend-chart svg").last().textContent()).toContain("贵州");
  });
});

describe("urbanisation page: rise scenarios", () => {
  it("starts from the last revised year with the 5-year average rise, the rate locked", async () => {
    expect(await grid().locator("tbody tr").count()).toBe(n);
    expect(await cell(FIRST, "rise").textContent()).toBe(BASE_RISE.toFixed(2));
    expect(await cell(HORIZON, "rate").textContent()).toBe((START + BASE_RISE * n).toFixed(2));
    expect(await page.locator(".scenario-rule").textContent()).toContain(`${LAST - 5}-${LAST}`);
  });

  it("typing into the baseline forks it, and the locked rate, the cards and the chart follow exactly", async () => {
    const chart = await svgOf("#scenario-chart");
    await cell(FIRST, "rise").click();
    await page.keyboard.type("1.5");
    await page.keyboard.press("Enter");
    await expect.poll(() => grid().getAttribute("aria-label")).toContain("情景 1");
    expect(await cell(FIRST, "rate").textContent()).toBe((START + 1.5).toFixed(2));
    await expect.poll(() => shown("rate-plan")).toBe(Number((START + 1.5 + BASE_RISE * (PLAN_TARGET_YEAR - FIRST)).toFixed(2)));
    await expect.poll(() => svgOf("#scenario-chart")).not.toBe(chart);
    // 情景 1's line ends at the horizon with its rate written beside it.
    const end = (START + 1.5 + BASE_RISE * (n - 1)).toFixed(2);
    expect(await page.locator("#scenario-chart svg[role=img]").textContent()).toContain(end);
  });

  it("pastes a column from Excel (CRLF); rates, first year at the chosen rate follow; undo and redo are exact", async () => {
    const before = {rise: await column("rise"), rate: await column("rate")};
    const rises = Array.from({length: n}, (_, i) => Number((0.5 + i / 10).toFixed(1)));
    await cell(FIRST, "rise").click();
    await paste(rises.join("\r\n") + "\r\n");
    expect(await column("rise")).toEqual(rises.map((r) => r.toFixed(2)));
    expect(await column("rate")).toEqual(path(rises).map((r) => r.toFixed(2)));
    const first = FIRST + path(rises).findIndex((r) => r >= 75);
    await expect.poll(() => page.locator('#compare-table tr[data-id="s1"] td[data-key="first-year"]').textContent()).toContain(String(first));
    await page.keyboard.press("Control+z");
    expect(await column("rise")).toEqual(before.rise);
    expect(await column("rate")).toEqual(before.rate);
    await page.keyboard.press("Control+y");
    expect(await column("rate")).toEqual(path(rises).map((r) => r.toFixed(2)));
  });

  it("an invalid cell and an out-of-range rise are named in messages and change nothing", async () => {
    const before = await column("rise");
    await cell(FIRST + 1, "rise").click();
    await page.keyboard.type("x");
    await page.keyboard.press("Enter");
    expect(await page.locator(".grid-message").textContent()).toContain(`${FIRST + 1} 城镇化率年提高 个百分点: "x"`);
    await cell(FIRST + 1, "rise").click();
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    expect(await page.locator(".grid-message").textContent()).toContain(`${FIRST + 1} 城镇化率年提高 个百分点`);
    expect(await column("rise")).toEqual(before);
  });

  it("a share URL opened in a fresh page reproduces the scenarios, the compare table and the chart", async () => {
    const url = await savedAddress(page);
    expect(url).toMatch(/#.*urbanization\.v1\./);
    const state = {rise: await column("rise"), rate: await column("rate"), table: await page.locator("#compare-table").textContent(), chart: await svgOf("#scenario-chart")};
    const other = await openPage(url.slice(url.indexOf("#")));
    await expect.poll(() => column("rise", other.page)).toEqual(state.rise);
    expect(await column("rate", other.page)).toEqual(state.rate);
    await expect.poll(() => other.page.locator("#compare-table").textContent()).toBe(state.table);
    await expect.poll(() => svgOf("#scenario-chart", other.page)).toBe(state.chart);
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it("solves the constant rise needed for a rate by a year", async () => {
    const box = page.locator("form").filter({hasText: "目标城镇化率"}).locator('input[type="number"]').first();
    await box.fill("80");
    await box.dispatchEvent("input");
    const needed = (80 - START) / n;
    await expect.poll(async () => Number(await page.locator("#solve-result .solve-result").getAttribute("data-value"))).toBeCloseTo(needed, 6);
  });

  it("ran without console errors or requests to other hosts", () => {
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
