import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import type {PageWatch} from "../../scripts/support/chromium.js";
import {siteSession} from "../support/siteSession.js";

// The page's numbers must be the bundled file's numbers: read both and compare.
const source = csvParse(readFileSync("data/national/income_national.csv", "utf8"));
const last = source.at(-1)!;
const grouped = (n: string) => Number(n).toLocaleString("en-US");

const site = siteSession();
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({page, watch} = await site.open("/income-gap", "#income-table tbody tr"));
});

const ratioShown = async (id: string) => Number(await page.locator(`#${id}`).textContent());

// "Same value in every row" writes a constant rate into every projected year of the active scenario.
async function setConstant(key: string, percent: number) {
  const details = page.locator(".scenario-constants");
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  const box = details.locator(`input[data-key="${key}"]`);
  await box.fill(String(percent));
  await box.press("Enter");
}

describe("income-gap page", () => {
  it("draws its nine charts: levels, ratio, gap, composition, projection, two compare charts, tornado and band", async () => {
    await expect.poll(() => page.locator("#observablehq-main svg[class*='plot']").count()).toBe(9);
  });

  it("shows every year of the bundled national income file with the same urban and rural figures", async () => {
    const rows = await page.locator("#income-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        year: tr.getAttribute("data-key"),
        urban: tr.querySelector(".urban")!.textContent,
        rural: tr.querySelector(".rural")!.textContent,
        ratio: tr.querySelector(".ratio")!.textContent
      }))
    );
    expect(rows.map((r) => r.year)).toEqual(source.map((d) => d.year));
    for (const [i, d] of source.entries()) {
      expect(rows[i].urban).toBe(grouped(d.urban_income));
      expect(rows[i].rural).toBe(grouped(d.rural_income));
      expect(rows[i].ratio).toBe((Number(d.urban_income) / Number(d.rural_income)).toFixed(3));
    }
  });

  it("names its source once per section that uses it", async () => {
    const notes = await page.locator("[data-source='income-national']").allTextContents();
    expect(notes.length).toBe(4);
    expect(notes[0]).toContain("data/national/income_national.csv");
    expect(notes[0]).toContain("国家统计局");
  });

  it("'same value in every row' recomputes the projected 2025 ratio to the exact figure", async () => {
    await setConstant("urban", 5);
    await setConstant("rural", 7);
    const expected = (g: number) => (Number(last.urban_income) * 1.05) / (Number(last.rural_income) * (1 + g));
    await expect.poll(() => ratioShown("ratio-2025")).toBe(Number(expected(0.07).toFixed(3)));
    await setConstant("rural", 10);
    await expect.poll(() => ratioShown("ratio-2025")).toBe(Number(expected(0.1).toFixed(3)));
    expect(await page.locator(".scenario-picker").inputValue()).toBe("s1");
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it("solve for a target gives the closed-form rate and 'use as a scenario' reaches the target", async () => {
    const result = page.locator("#solve-result .solve-result");
    await expect.poll(() => result.getAttribute("data-ok")).toBe("true");
    // With urban at 5% a year (set above) and 2.0 by 2035: (1 + g_u)(ratio_0 / 2)^(1/11) − 1.
    const ratio0 = Number(last.urban_income) / Number(last.rural_income);
    const closed = 1.05 * Math.pow(ratio0 / 2, 1 / 11) - 1;
    expect(Number(await result.getAttribute("data-value"))).toBeCloseTo(closed, 8);
    await result.getByRole("button").click();
    await expect.poll(() => ratioShown("ratio-2035")).toBeCloseTo(2, 3);
  });
});
