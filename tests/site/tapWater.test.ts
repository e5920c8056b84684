import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, it} from "vitest";
import type {Locator, Page} from "playwright-core";
import type {PageWatch} from "../../scripts/support/chromium.js";
import {chartsDrawn} from "../support/charts.js";
import {siteSession} from "../support/siteSession.js";
import {pasteTsv} from "../support/clipboard.js";
import {HORIZON, PLAN_BASE_YEAR} from "../../components/plan.js";
import {savedAddress} from "../support/savedAddress.js";

// The tap-water scenario panel driven as an analyst would. Expected numbers come from data/plan/plan_indicators.csv,
// read here; coverage is computed in whole hundredths of a point so the expected text is exact.
const observed = csvParse(readFileSync("data/plan/plan_indicators.csv", "utf8"))
  .filter((r) => r.indicator_id === "rural_tap_water_rate" && r.scope === "national")
  .map((r) => ({year: Number(r.year), value: Number(r.value)}));
const last = observed.at(-1)!; // 2025: 96% (S07)
const base = observed.find((d) => d.year === PLAN_BASE_YEAR)!; // 2020: 83%
const gain = (last.value - base.value) / (last.year - base.year); // 2.6 points a year
const FIRST = last.year + 1;
const ROWS = HORIZON - last.year;

const site = siteSession();
let page: Page;
let watch: PageWatch;
let lang: "zh" | "en";
const L = (zh: string, en: string) => (lang === "en" ? en : zh);

async function openPage(hash = "") {
  const opened = await site.open(`/tap-water${hash}`, ".scenario-manager [role=grid] td");
  await opened.page.locator("#tap-horizon").waitFor();
  return opened;
}

beforeAll(async () => {
  ({page, watch} = await openPage());
  lang = (await page.evaluate(() => document.documentElement.lang)).startsWith("en") ? "en" : "zh";
});

const grid = (p: Page = page) => p.locator(".scenario-manager [role=grid]");
const cell = (year: number, key: string, p: Page = page): Locator => grid(p).locator(`td[data-row="${year - FIRST}"][data-key="${key}"]`);
const column = (key: string, p: Page = page) => grid(p).locator(`td[data-key="${key}"]`).allTextContents();
// Coverage after each year's gain (points), capped at 100, written as the page writes it (one decimal, no trailing 0).
const coverage = (gains: number[]) => {
  let c = Math.round(last.value * 100);
  return gains.map((g) => `${(c = Math.min(10000, c + Math.round(g * 100))) / 100}%`);
};
// A gain cell shows its number of percentage points; the unit (百分点 / pp) is in the column header.
const points = (gains: number[]) => gains.map((g) => `${g}`);
// Read once the chart is drawn (off-screen charts are drawn in idle time).
const chart = async (selector: string, p: Page = page) => {
  await chartsDrawn(p.locator("#tap-scenario-chart"));
  return p.locator(`#tap-scenario-chart ${selector} text`).allTextContents();
};

const paste = (text: string) => pasteTsv(page, text);

describe("tap-water scenarios", () => {
  it("starts from the latest observation with the plan-period average gain, coverage capped at 100%", async () => {
    expect([last.year, last.value, base.value, gain]).toEqual([2025, 96, 83, 2.6]);
    expect(await column("gain")).toEqual(points(Array(ROWS).fill(gain)));
    expect(await column("coverage")).toEqual(coverage(Array(ROWS).fill(gain)));
    expect(await page.locator(".scenario-rule").textContent()).toContain(L("年均增幅", "average yearly gain"));
    expect(await chart(".full-coverage")).toEqual([`${FIRST + 1}: 100%`]);
    // 88% was reached in 2023 (observed); 95% in 2024 or 2025, as 2024 has no figure.
    const reached = await page.locator("#tap-reached tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-key"), tr.querySelectorAll("td")[1].textContent]));
    expect(reached).toEqual([
      ["plan-2025", L("2023（观测）", "2023 (observed)")],
      ["milestone-95", L("2024-2025 年间（2024 年无数据）", "2024-2025 (no figure for 2024)")],
      ["milestone-100", L(`${FIRST + 1}（情景）`, `${FIRST + 1} (scenario)`)]
    ]);
  });

  it("typing into the baseline forks 情景 1, selects it, says so in one line, and the locked column and chart follow", async () => {
    await cell(FIRST, "gain").click();
    await page.keyboard.type("1");
    await page.keyboard.press("Enter");
    const name = L("情景 1", "Scenario 1");
    await expect.poll(() => page.locator(".scenario-picker option:checked").textContent()).toBe(name);
    const notice = (await page.locator(".scenario-notice").textContent())!;
    expect(notice).toBe(L(`已用你的修改新建“${name}”，基线保持不变`, `Created “${name}” from your edit; the baseline is unchanged`));
    expect(notice).not.toContain("\n");
    const gains = [1, ...Array(ROWS - 1).fill(gain)];
    expect(await column("coverage")).toEqual(coverage(gains)); // 97%, 99.6%, 100%, …
    await expect.poll(() => chart(".full-coverage")).toEqual([`${FIRST + 2}: 100%`]);
    await expect.poll(() => page.locator("#reached-100").textContent()).toBe(L(`${FIRST + 2}（情景）`, `${FIRST + 2} (scenario)`));
  });

  it("pastes an Excel block (CRLF), and Ctrl+Z / Ctrl+Y take it back and replay it exactly", async () => {
    const before = {gain: await column("gain"), coverage: await column("coverage")};
    await cell(FIRST, "gain").click();
    await paste(Array(ROWS).fill("0.3").join("\r\n") + "\r\n");
    const gains = Array(ROWS).fill(0.3);
    await expect.poll(() => column("coverage")).toEqual(coverage(gains)); // 96.3% … 99%
    expect(await column("gain")).toEqual(points(gains));
    await expect.poll(() => chart(".projection-end")).toEqual(["99%"]);
    expect(await page.locator("#tap-horizon").textContent()).toBe("99%");
    expect(await chart(".full-coverage")).toEqual([]);
    await page.keyboard.press("Control+z");
    await expect.poll(() => column("gain")).toEqual(before.gain);
    expect(await column("coverage")).toEqual(before.coverage);
    await page.keyboard.press("Control+y");
    await expect.poll(() => column("gain")).toEqual(points(gains));
    expect(await column("coverage")).toEqual(coverage(gains));
  });

  it("an invalid cell keeps its value and the message names the cell", async () => {
    const before = await column("gain");
    await cell(FIRST + 1, "gain").click();
    await page.keyboard.type("abc");
    await page.keyboard.press("Enter");
    const label = L("年增幅 百分点", "Yearly gain pp");
    expect(await page.locator(".grid-message").textContent()).toContain(`${FIRST + 1} ${label}: "abc"`);
    await cell(FIRST + 2, "gain").click();
    await page.keyboard.type("20");
    await page.keyboard.press("Enter");
    const message = (await page.locator(".grid-message").textContent())!;
    expect(message).toContain(`${FIRST + 2} ${label}: "20"`);
    expect(message).toContain("out of range -5…10");
    expect(await column("gain")).toEqual(before);
  });

  it("solves the gain needed for 98% by 2030 and can use it as a scenario", async () => {
    // (98 − 96) ÷ 5 = 0.4 points a year.
    expect(await page.locator("#gain-needed strong").textContent()).toBe(L("0.4 个百分点", "0.4 pp"));
    await page.locator("#gain-needed button").click();
    await expect.poll(() => column("gain")).toEqual(points(Array(ROWS).fill(0.4)));
    expect((await column("coverage"))[HORIZON - 5 - FIRST]).toBe("98%");
  });

  it("a share URL opened in a fresh page reproduces the scenarios, the headline figure and the chart", async () => {
    const url = await savedAddress(page);
    expect(url).toContain("#tap-water.v1.");
    const state = {
      names: await page.locator(".scenario-picker option").allTextContents(),
      gain: await column("gain"),
      coverage: await column("coverage"),
      horizon: await page.locator("#tap-horizon").textContent(),
      end: await chart(".projection-end")
    };
    const other = await openPage(url.slice(url.indexOf("#")));
    await expect.poll(() => column("gain", other.page)).toEqual(state.gain);
    expect(await other.page.locator(".scenario-picker option").allTextContents()).toEqual(state.names);
    expect(await column("coverage", other.page)).toEqual(state.coverage);
    await expect.poll(() => other.page.locator("#tap-horizon").textContent()).toBe(state.horizon);
    expect(await chart(".projection-end", other.page)).toEqual(state.end);
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it("a tampered link shows a message and the baseline", async () => {
    const other = await openPage(`#tap-water.v1.${Buffer.from('{"k":[2026,10],"a":"s1","c":[],"s":[["s1","x",[0.5]]]}').toString("base64url")}`);
    await expect.poll(() => other.page.locator(".scenario-notice").textContent()).toContain(L("分享链接无效", "invalid share link"));
    expect(await other.page.locator(".scenario-picker option").count()).toBe(1);
    expect(await column("gain", other.page)).toEqual(points(Array(ROWS).fill(gain)));
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it("ran without console errors or requests to other hosts", () => {
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
