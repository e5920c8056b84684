import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import type {PageWatch} from "../support/chromium.js";
import {siteSession} from "../support/siteSession.js";

// The page's numbers must be the bundled file's numbers: read both and compare.
const source = csvParse(readFileSync("data/national/income_national.csv", "utf8"));
const last = source.at(-1)!;

const site = siteSession();
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({page, watch} = await site.open("/income-gap", "#income-table tbody tr"));
});

const ratioShown = async (id: string) => Number(await page.locator(`#${id}`).textContent());

// The page's "same growth every year" tool writes a constant rate into every projected year of the active scenario.
async function setGrowth(label: RegExp, percent: number) {
  const box = page.locator("form.constant-growth").filter({hasText: label}).locator('input[type="number"]');
  await box.fill(String(percent));
  await box.dispatchEvent("input");
}

describe("income-gap page", () => {
  it("draws the level, ratio, gap, composition and projection charts", async () => {
    await expect.poll(() => page.locator("#observablehq-main svg[class*='plot']").count()).toBeGreaterThanOrEqual(5);
  });

  it("shows every year of the bundled national income file with the same urban and rural figures", async () => {
    const rows = await page.locator("#income-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        year: tr.getAttribute("data-year"),
        urban: tr.querySelector(".urban")!.textContent,
        rural: tr.querySelector(".rural")!.textContent,
        ratio: tr.querySelector(".ratio")!.textContent
      }))
    );
    expect(rows.map((r) => r.year)).toEqual(source.map((d) => d.year));
    for (const [i, d] of source.entries()) {
      expect(rows[i].urban).toBe(d.urban_income);
      expect(rows[i].rural).toBe(d.rural_income);
      expect(Number(rows[i].ratio)).toBeCloseTo(Number(d.urban_income) / Number(d.rural_income), 3);
    }
  });

  it("names its source under the charts", async () => {
    const notes = await page.locator("[data-source='income-national']").allTextContents();
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(notes[0]).toContain("data/national/income_national.csv");
    expect(notes[0]).toContain("国家统计局");
  });

  it("recomputes the projected 2025 ratio when a growth input changes", async () => {
    await setGrowth(/Urban growth/, 5);
    await setGrowth(/Rural growth/, 7);
    const expected = (g: number) => (Number(last.urban_income) * 1.05) / (Number(last.rural_income) * (1 + g));
    await expect.poll(() => ratioShown("ratio-2025")).toBeCloseTo(expected(0.07), 3);
    await setGrowth(/Rural growth/, 10);
    await expect.poll(() => ratioShown("ratio-2025")).toBeCloseTo(expected(0.1), 3);
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
