import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {DATASETS} from "../../loaders/datasets.js";
import {builtPages} from "../support/builtSite.js";
import {siteSession} from "../support/siteSession.js";

const site = siteSession();

// What each page must show once its cells have run, counted from the bundled data (not from the page), so a page that
// renders nothing, or renders the wrong table, fails. Pages not listed get the checks every page gets.
const csv = (path: string) => csvParse(readFileSync(path, "utf8"));
const span = (years: number[]) => Math.max(...years) - Math.min(...years) + 1;
const tapYears = csv("data/plan/plan_indicators.csv")
  .filter((r) => r.indicator_zh === "农村自来水普及率" && r.scope === "national")
  .map((r) => Number(r.year));
const incomeYears = csv("data/national/income_national.csv").map((r) => r.year!);
const provinces = new Set(DATASETS.find((d) => d.id === "province-urban-income")!.load().rows.map((r) => r.region_code));
// The runs table has one row per dataset of each logged run.
const runRows = (JSON.parse(readFileSync("data/reload-log.json", "utf8")) as {runs: {datasets: unknown[]}[]}).runs
  .map((run) => run.datasets.length)
  .reduce((a, b) => a + b, 0);

const CONTENT: Record<string, (page: Page) => Promise<void>> = {
  "/income-gap": async (page) => {
    const rows = page.locator("#income-table tbody tr");
    expect(await rows.count()).toBe(incomeYears.length);
    expect(await rows.first().locator("td, th").first().innerText()).toBe(incomeYears[0]);
    expect(await rows.last().locator("td, th").first().innerText()).toBe(incomeYears.at(-1));
  },
  "/income-provinces": async (page) => {
    expect(await page.locator("#province-table tbody tr").count()).toBe(provinces.size);
  },
  "/scorecard": async (page) => {
    // One row per target, in the order of targets.csv (context rows under a target carry no data-id).
    const ids = await page
      .locator("#scorecard-table tbody tr[data-id]")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
    expect(ids).toEqual(csv("data/plan/targets.csv").map((t) => t.indicator_id));
  },
  "/tap-water": async (page) => {
    // One row per year from the first to the last observation, a missing year included and said so.
    expect(await page.locator("#tap-table tbody tr").count()).toBe(span(tapYears));
  },
  "/revisions": async (page) => {
    expect(await page.locator("#runs-table tbody tr").count()).toBe(runRows);
  },
  "/sources": async (page) => {
    const text = await page.locator("main").innerText();
    for (const dataset of DATASETS) expect(text, dataset.id).toContain(dataset.id);
  }
};

describe("with every request to another host aborted", () => {
  it.each(builtPages())("%s renders its content with zero external requests and no console errors", async (route) => {
    const {page, watch} = await site.open(route);
    // The built client replaces each <observablehq-loading> placeholder when its cell displays: wait until none is
    // left (a cell that never renders keeps its placeholder, and the test fails on the wait).
    await page.waitForFunction(
      () => document.querySelector("main h1") !== null && document.querySelectorAll("observablehq-loading").length === 0
    );
    expect(await page.locator("main h1").innerText()).not.toBe("");
    expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
    expect(await page.locator("main").innerText()).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);
    await CONTENT[route]?.(page);
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it("checks the content of every page that shows data", () => {
    expect(Object.keys(CONTENT).filter((route) => !builtPages().includes(route))).toEqual([]);
  });
});
