import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, it} from "vitest";
import type {Locator, Page} from "playwright-core";
import type {PageWatch} from "../../scripts/support/chromium.js";
import {chartMarks} from "../support/charts.js";
import {siteSession} from "../support/siteSession.js";
import {pasteTsv} from "../support/clipboard.js";
import {savedAddress} from "../support/savedAddress.js";
import {MAX_SHARE_LENGTH} from "../../components/scenario/share.js";

// The scenarios grid on the income-gap page, driven with the keyboard, synthetic clipboard events and the mouse.
// The page is in Chinese by default, so the texts asserted here are the Chinese ones.
const source = csvParse(readFileSync("data/national/income_national.csv", "utf8"));
const last = source.at(-1)!;
const U0 = Number(last.urban_income);
const R0 = Number(last.rural_income);

const site = siteSession();
let page: Page;
let watch: PageWatch;

async function openPage(hash = ""): Promise<{page: Page; watch: PageWatch}> {
  const opened = await site.open(`/income-gap${hash}`, ".scenario-manager [role=grid] td");
  // Ready when the headline ratio is drawn (a condition, not a delay).
  await opened.page.waitForFunction(() => /^\d\.\d{3}$/.test(document.querySelector("#ratio-2025")?.textContent ?? ""));
  return opened;
}

beforeAll(async () => {
  ({page, watch} = await openPage());
});

const grid = (p: Page = page) => p.locator(".scenario-manager [role=grid]");
const cell = (year: number, key: string, p: Page = page): Locator => grid(p).locator(`td[data-row="${year - 2025}"][data-key="${key}"]`);
const percent = async (year: number, key: string, p: Page = page) => Number((await cell(year, key, p).textContent())!.replace("%", ""));
const column = (key: string, p: Page = page) =>
  grid(p).locator(`td[data-key="${key}"]`).evaluateAll((tds) => tds.map((td) => Number(td.textContent!.replace(/[%,]/g, ""))));
const shown = async (id: string, p: Page = page) => Number(await p.locator(`#${id}`).textContent());
const svgOf = (selector: string, p: Page = page) => chartMarks(p.locator(selector));

// A share payload in the previous version's format with the given [first year, count] and constant rates.
function legacyLink([first, count]: [number, number]): string {
  const payload = {a: "s1", c: ["baseline", "s1"], s: [["baseline", "b", 2025, 11, 500, 600, 1], ["s1", "late", first, count, 550, 600]]};
  return `v1.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
}

const paste = (text: string) => pasteTsv(page, text);

const baselineRural2025 = async (p: Page = page) => {
  // The baseline's rate is the 2019-2024 rural CAGR carried forward, shown with two decimals.
  const prior = source.find((d) => Number(d.year) === Number(last.year) - 5)!;
  return (Math.pow(R0 / Number(prior.rural_income), 1 / 5) - 1) * 100;
};

describe("scenarios grid", () => {
  it("is a labelled grid with column headers, grid cells and read-only locked columns", async () => {
    expect(await grid().getAttribute("aria-label")).toContain("基线");
    expect(await grid().locator("[role=columnheader]").allTextContents()).toEqual([
      "年份",
      "城镇增速 %",
      "农村增速 %",
      "收入比 🔒",
      "收入差（元） 🔒"
    ]);
    expect(await grid().locator("[role=gridcell]").count()).toBe(11 * 4);
    expect(await cell(2025, "ratio").getAttribute("aria-readonly")).toBe("true");
  });

  it("typing into the read-only baseline forks it: 情景 1 holds the edit, is selected and said so; the baseline is unchanged", async () => {
    const baselineRate = await baselineRural2025();
    await cell(2025, "rural").click();
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".scenario-notice").textContent()).toBe("已用你的修改新建“情景 1”，基线保持不变");
    expect(await page.locator(".scenario-picker").inputValue()).toBe("s1");
    expect(await page.locator(".scenario-picker option").allTextContents()).toEqual(["基线（只读）", "情景 1"]);
    expect(await percent(2025, "rural")).toBe(9);
    const urban2025 = (await percent(2025, "urban")) / 100;
    // The page draws from the stored (unrounded) baseline rate; the grid shows it to two decimals.
    await expect.poll(() => shown("ratio-2025")).toBeCloseTo((U0 * (1 + urban2025)) / (R0 * 1.09), 2);
    await page.locator(".scenario-picker").selectOption("baseline");
    await expect.poll(() => percent(2025, "rural")).toBeCloseTo(Number(baselineRate.toFixed(2)), 6);
    await page.locator(".scenario-picker").selectOption("s1");
    await expect.poll(() => percent(2025, "rural")).toBe(9);
    expect(watch.errors).toEqual([]);
  });

  it("keyboard: arrows move, typing edits, Enter commits and moves down; ratio, locked column and chart follow", async () => {
    await expect.poll(() => grid().getAttribute("aria-label")).toContain("情景 1");
    const chartBefore = await svgOf("#projection-chart");
    const urban2025 = (await percent(2025, "urban")) / 100;
    await cell(2025, "urban").click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("8");
    await page.keyboard.press("Enter");
    expect(await percent(2025, "rural")).toBeCloseTo(8, 6);
    expect(await cell(2026, "rural").getAttribute("tabindex")).toBe("0"); // Enter moved down
    const expected = (U0 * (1 + urban2025)) / (R0 * 1.08);
    await expect.poll(() => shown("ratio-2025")).toBeCloseTo(expected, 2);
    expect(Number(await cell(2025, "ratio").textContent())).toBeCloseTo(expected, 3);
    // The chart's end label is the 2035 ratio shown in the headline card (the chart is drawn once the page is idle).
    const ratio2035 = await page.locator("#ratio-2035").textContent();
    await expect.poll(() => svgOf("#projection-chart")).toContain(ratio2035!);
    expect(await svgOf("#projection-chart")).not.toBe(chartBefore);
    // F2 edits the existing text, Esc cancels, Tab commits and moves right
    await page.keyboard.press("F2");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.type("4.5");
    await page.keyboard.press("Tab");
    expect(await percent(2026, "urban")).toBeCloseTo(4.5, 6);
    expect(await cell(2026, "rural").getAttribute("tabindex")).toBe("0");
  });

  it("pastes a 3x2 CRLF block at the cursor, and undo / redo take the whole paste back and replay it", async () => {
    const before = {urban: await column("urban"), rural: await column("rural")};
    await cell(2027, "urban").click();
    await paste("4\t6\r\n4.5\t6.5\r\n5\t7\r\n");
    expect((await column("urban")).slice(2, 5)).toEqual([4, 4.5, 5]);
    expect((await column("rural")).slice(2, 5)).toEqual([6, 6.5, 7]);
    expect((await column("urban"))[5]).toBe(before.urban[5]);
    await page.keyboard.press("Control+z");
    expect(await column("urban")).toEqual(before.urban);
    expect(await column("rural")).toEqual(before.rural);
    await page.keyboard.press("Control+y");
    expect((await column("rural")).slice(2, 5)).toEqual([6, 6.5, 7]);
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+Shift+z");
    expect((await column("urban")).slice(2, 5)).toEqual([4, 4.5, 5]);
  });

  it("fills a Shift-selected range down with Ctrl+D", async () => {
    const before = await column("rural");
    await cell(2030, "rural").click();
    await page.keyboard.type("8");
    await page.keyboard.press("Enter");
    await cell(2030, "rural").click();
    await cell(2035, "rural").click({modifiers: ["Shift"]});
    await page.keyboard.press("Control+d");
    expect((await column("rural")).slice(5)).toEqual([8, 8, 8, 8, 8, 8]);
    const filled = await column("rural");
    await page.keyboard.press("Control+z");
    expect((await column("rural")).slice(6)).toEqual(before.slice(6));
    await page.keyboard.press("Control+y");
    expect(await column("rural")).toEqual(filled);
  });

  it("the fill handle continues a two-cell series down (5, 5.5 → 6, 6.5 …) and copies one cell", async () => {
    await cell(2025, "urban").click();
    await paste("5\r\n5.5\r\n");
    await cell(2025, "urban").click();
    await cell(2026, "urban").click({modifiers: ["Shift"]});
    const handle = grid().locator("xpath=..").locator(".fill-handle");
    await handle.hover();
    await page.mouse.down();
    await cell(2029, "urban").hover();
    await page.mouse.up();
    expect((await column("urban")).slice(0, 5)).toEqual([5, 5.5, 6, 6.5, 7]);
    const ruralBefore = await column("rural");
    await cell(2031, "rural").click();
    await paste("9.9");
    await handle.hover();
    await page.mouse.down();
    await cell(2033, "rural").hover();
    await page.mouse.up();
    expect((await column("rural")).slice(6, 9)).toEqual([9.9, 9.9, 9.9]);
    await page.keyboard.press("Control+z");
    expect((await column("rural")).slice(7, 9)).toEqual(ruralBefore.slice(7, 9));
    expect((await column("urban")).slice(0, 5)).toEqual([5, 5.5, 6, 6.5, 7]);
  });

  it("an invalid paste applies the valid cells and names the rejected one", async () => {
    await cell(2027, "urban").click();
    await paste("3.5\tabc\r\n");
    expect(await percent(2027, "urban")).toBeCloseTo(3.5, 6);
    expect(await percent(2027, "rural")).toBeCloseTo(6, 6);
    const message = await page.locator(".grid-message").textContent();
    expect(message).toContain('2027 农村增速 %: "abc"');
    expect(message).toContain("not a number");
  });

  it("a shared URL opened in a new page reproduces the scenarios, the compare table and the charts", async () => {
    // Typed rates share exactly; encodeShare rounds rates to 1e-6, so copies of the baseline's CAGR rates would not.
    await cell(2025, "urban").click();
    await paste(Array.from({length: 11}, (_, i) => `${(4.2 + i / 10).toFixed(1)}\t${(6 + i / 5).toFixed(1)}`).join("\r\n"));
    expect(await percent(2035, "rural")).toBeCloseTo(8, 6);
    await page.locator(".scenario-compare input[value='s1']").check();
    await expect.poll(() => page.locator("#compare-table tbody tr").count()).toBe(2);
    expect(await page.locator("#compare-table tbody tr").first().locator("th").textContent()).toBe("基线");
    const url = await savedAddress(page);
    expect(url).toMatch(/#.+/);
    const state = {
      urban: await column("urban"),
      rural: await column("rural"),
      ratio: await shown("ratio-2025"),
      table: await page.locator("#compare-table").textContent(),
      chart: await svgOf("#projection-chart"),
      compare: await svgOf("#compare-ratio")
    };
    const other = await openPage(url.slice(url.indexOf("#")));
    await expect.poll(() => column("urban", other.page)).toEqual(state.urban);
    expect(await column("rural", other.page)).toEqual(state.rural);
    await expect.poll(() => shown("ratio-2025", other.page)).toBe(state.ratio);
    await expect.poll(() => other.page.locator("#compare-table").textContent()).toBe(state.table);
    expect(await svgOf("#projection-chart", other.page)).toBe(state.chart);
    expect(await svgOf("#compare-ratio", other.page)).toBe(state.compare);
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it.each([
    ["bad encoding", "#v1.%%%not-base64"],
    ["an unknown version", "#v9.abc"],
    // Twice the longest link the page accepts. Longer ones only slow the test: with DevTools attached, every request
    // the page makes carries its address to the test (14 s for a 1.5 MB one); decodeShare's 10 MB case is in the
    // model's unit tests.
    ["a hash twice the longest accepted", `#v1.${"A".repeat(2 * MAX_SHARE_LENGTH)}`],
    ["a __proto__ key", `#v1.${Buffer.from('{"__proto__":{"x":1}}').toString("base64url")}`],
    ["a new-style entry with a __proto__ key", `#income-gap.v1.${Buffer.from('{"__proto__":{"x":1}}').toString("base64url")}`],
    // Decodes, but describes years the model does not project: it must not reach the page or storage.
    ["years 2030-2035", `#${legacyLink([2030, 6])}`],
    ["years 1950-1954", `#${legacyLink([1950, 5])}`],
    ["one year", `#${legacyLink([2025, 1])}`],
    ["zero years", `#${legacyLink([2025, 0])}`]
  ])("a tampered hash (%s) shows a message and the baseline", async (_, hash) => {
    const other = await openPage(hash);
    await expect.poll(() => other.page.locator(".scenario-notice").textContent()).toContain("分享链接无效");
    expect(await other.page.locator(".scenario-notice").textContent()).toContain("已显示基线");
    expect(await other.page.locator(".scenario-notice").isVisible()).toBe(true);
    expect(await grid(other.page).getAttribute("aria-label")).toContain("基线");
    // The baseline's 2025 ratio: each income grown one year at its own 2019-2024 CAGR.
    const prior = source.find((d) => Number(d.year) === Number(last.year) - 5)!;
    const growth = (now: number, then: number) => Math.pow(now / then, 1 / 5);
    const expected = (U0 * growth(U0, Number(prior.urban_income))) / (R0 * growth(R0, Number(prior.rural_income)));
    expect(await shown("ratio-2025", other.page)).toBe(Number(expected.toFixed(3)));
    expect(await other.page.locator("#compare-table tbody tr").count()).toBe(1);
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it("a bad link is never saved: opening the page again without it shows what was saved before", async () => {
    const other = await openPage(`#${legacyLink([2030, 6])}`);
    await expect.poll(() => other.page.locator(".scenario-notice").textContent()).toContain("分享链接无效");
    const saved = await other.page.evaluate(() => localStorage.getItem("yearbook-scenarios:income-gap"));
    expect(saved).toBeNull();
    await other.page.goto(other.page.url().replace(/#.*$/, ""));
    await expect.poll(() => other.page.locator("#ratio-2025").textContent()).toMatch(/^\d\.\d{3}$/);
    expect(await other.page.locator(".observablehq--error").count()).toBe(0);
    expect(await other.page.locator(".scenario-notice").isVisible()).toBe(false);
    await other.page.context().close();
  });

  it("a link written by the previous version of the page opens the same scenarios", async () => {
    const fixture = JSON.parse(readFileSync("tests/fixtures/share/income-v1-links.json", "utf8"));
    const other = await openPage(`#${fixture.links.three}`);
    await expect.poll(() => other.page.locator(".scenario-picker option").allTextContents()).toEqual(["基线（只读）", "快速 Fast", "逐年 Year by year"]);
    await other.page.locator(".scenario-picker").selectOption("s2");
    const expected = fixture.scenarios[2].rows.map((r: {rural: number}) => Number((r.rural * 100).toFixed(2)));
    await expect.poll(() => column("rural", other.page)).toEqual(expected);
    expect(await other.page.locator(".compare-table tbody tr").count()).toBe(3);
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it("ran without console errors or requests to other hosts", () => {
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
