import {beforeAll, describe, expect, it} from "vitest";
import type {Locator, Page} from "playwright-core";
import type {PageWatch} from "../../scripts/support/chromium.js";
import {chartMarks} from "../support/charts.js";
import {siteSession} from "../support/siteSession.js";
import {pasteTsv} from "../support/clipboard.js";
import {datasetById} from "../../loaders/datasets.js";
import {HORIZON, MILESTONE_YEAR, PLAN_TARGET_YEAR} from "../../components/plan.js";
import {savedAddress} from "../support/savedAddress.js";

// The provinces scenario grid, driven as an analyst does: typing, pasting a block from Excel, undo, a share link,
// and the tile map. Expected values are computed here from the bundled NBS exports (read through the loaders).
const income = (id: string) => new Map(datasetById(id).load().rows.map((r) => [`${r.region_code}|${r.year}`, r.value!]));
const urban = income("province-urban-income");
const rural = income("province-rural-income");
const codes = [...new Set(datasetById("province-urban-income").load().rows.map((r) => r.region_code))].sort();
const LAST = 2019;
const at = (m: Map<string, number>, code: string, year: number) => m.get(`${code}|${year}`)!;
const growth = (m: Map<string, number>, code: string) => (at(m, code, LAST) / at(m, code, LAST - 5)) ** (1 / 5) - 1;
const ratio = (code: string, year: number, u: number, r: number) =>
  (at(urban, code, LAST) * (1 + u) ** (year - LAST)) / (at(rural, code, LAST) * (1 + r) ** (year - LAST));
// The province the map picks first: the highest ratio in the latest year.
const highest = [...codes].sort((a, b) => at(urban, b, LAST) / at(rural, b, LAST) - at(urban, a, LAST) / at(rural, a, LAST))[0];

const site = siteSession();
let page: Page;
let watch: PageWatch;

async function openPage(hash = ""): Promise<{page: Page; watch: PageWatch}> {
  const opened = await site.open(`/income-provinces${hash}`, ".scenario-manager [role=grid] td");
  await opened.page.locator("#province-ratio-plan").waitFor();
  return opened;
}

beforeAll(async () => {
  ({page, watch} = await openPage());
});

const grid = (p: Page = page) => p.locator(".scenario-manager [role=grid]");
const row = (code: string) => codes.indexOf(code);
const cell = (code: string, key: string, p: Page = page): Locator => grid(p).locator(`td[data-row="${row(code)}"][data-key="${key}"]`);
const column = (key: string, p: Page = page) => grid(p).locator(`td[data-key="${key}"]`).evaluateAll((tds) => tds.map((td) => td.textContent!));
const numbers = async (key: string, p: Page = page) => (await column(key, p)).map((s) => Number(s.replace(/[%,]/g, "")));
const shown = async (id: string, p: Page = page) => Number(await p.locator(`#${id}`).textContent());
const svgOf = (selector: string, p: Page = page) => chartMarks(p.locator(selector));

const paste = (text: string, p: Page = page) => pasteTsv(p, text);

const block = codes.map((_, i) => `${(4 + i / 10).toFixed(1)}\t${(6 + (i % 5) / 2).toFixed(1)}`).join("\r\n") + "\r\n";
const typedUrban = codes.map((_, i) => Number((4 + i / 10).toFixed(1)) / 100);
const typedRural = codes.map((_, i) => (6 + (i % 5) / 2) / 100);

describe("income by province page: scenario grid", () => {
  it("has one row per province, named, with the locked ratio columns of the plan year, 2030 and the horizon", async () => {
    expect(await grid().locator("tbody tr").count()).toBe(31);
    expect(await grid().locator("tbody tr th").first().textContent()).toBe("北京");
    const headers = await grid().locator("[role=columnheader]").allTextContents();
    expect(headers.slice(0, 3)).toEqual(["省份", "城镇增速 %/年", "农村增速 %/年"]);
    expect(headers.slice(3, 6)).toEqual([`${PLAN_TARGET_YEAR} 年收入比 🔒`, `${MILESTONE_YEAR} 年收入比 🔒`, `${HORIZON} 年收入比 🔒`]);
    // The baseline: each province's own 2014-2019 growth, and the ratios it gives.
    expect(Number((await cell("520000", "rural").textContent())!.replace("%", ""))).toBeCloseTo(growth(rural, "520000") * 100, 2);
    const expected = ratio("520000", HORIZON, growth(urban, "520000"), growth(rural, "520000"));
    expect(Number(await cell("520000", "ratioHorizon").textContent())).toBeCloseTo(expected, 3);
    expect(await page.locator("#observablehq-main").textContent()).toContain("2019 年（31 个省份）");
  });

  it("typing into the read-only baseline forks it into 情景 1, and the grid, cards and chart follow exactly", async () => {
    const chart = await svgOf("#province-scenario-chart");
    await cell(highest, "urban").click();
    await page.keyboard.type("6");
    await page.keyboard.press("Enter");
    await expect.poll(() => grid().getAttribute("aria-label")).toContain("情景 1");
    expect(await page.locator(".scenario-notice").textContent()).toContain("情景 1");
    const expected = ratio(highest, PLAN_TARGET_YEAR, 0.06, growth(rural, highest));
    await expect.poll(() => shown("province-ratio-plan")).toBe(Number(expected.toFixed(3)));
    expect(await cell(highest, "ratioPlan").textContent()).toBe(expected.toFixed(3));
    expect(await cell(highest, "urban").textContent()).toBe("6.00%");
    await expect.poll(() => svgOf("#province-scenario-chart")).not.toBe(chart);
    // The scenario's line ends at the horizon with its ratio written beside it.
    const end = ratio(highest, HORIZON, 0.06, growth(rural, highest)).toFixed(3);
    expect(await page.locator("#province-scenario-chart svg[role=img]").textContent()).toContain(end);
  });

  it("pastes 31 rows from Excel (CRLF) and every column follows; undo and redo give the exact values back", async () => {
    const before = {urban: await column("urban"), rural: await column("rural"), horizon: await column("ratioHorizon")};
    await cell(codes[0], "urban").click();
    await paste(block);
    expect(await numbers("urban")).toEqual(typedUrban.map((u) => Number((u * 100).toFixed(2))));
    expect(await numbers("rural")).toEqual(typedRural.map((r) => Number((r * 100).toFixed(2))));
    const horizon = await numbers("ratioHorizon");
    const plan = await numbers("ratioPlan");
    const first = await column("firstYear");
    codes.forEach((code, i) => {
      expect(horizon[i], code).toBeCloseTo(ratio(code, HORIZON, typedUrban[i], typedRural[i]), 3);
      expect(plan[i], code).toBeCloseTo(ratio(code, PLAN_TARGET_YEAR, typedUrban[i], typedRural[i]), 3);
      let year = LAST;
      while (year <= HORIZON && ratio(code, year, typedUrban[i], typedRural[i]) > 2) year++;
      const text = year > HORIZON ? `${HORIZON} 年前未达到` : year === LAST ? `${LAST}（观测值）` : String(year);
      expect(first[i], code).toBe(text);
    });
    await page.keyboard.press("Control+z");
    expect(await column("urban")).toEqual(before.urban);
    expect(await column("rural")).toEqual(before.rural);
    expect(await column("ratioHorizon")).toEqual(before.horizon);
    await page.keyboard.press("Control+y");
    expect(await numbers("urban")).toEqual(typedUrban.map((u) => Number((u * 100).toFixed(2))));
    expect(await numbers("ratioHorizon")).toEqual(horizon);
  });

  it("an invalid cell is named in a message and changes nothing", async () => {
    const before = await column("rural");
    await cell("520000", "rural").click();
    await page.keyboard.type("abc");
    await page.keyboard.press("Enter");
    const message = await page.locator(".grid-message").textContent();
    expect(message).toContain('贵州 农村增速 %/年: "abc"');
    expect(message).toContain("not a number");
    expect(await column("rural")).toEqual(before);
  });

  it("a share URL opened in a fresh page reproduces the scenarios, the locked columns, the cards and the chart", async () => {
    await page.locator(".scenario-compare input[value='s1']").check();
    const url = await savedAddress(page);
    expect(url).toMatch(/#.*income-provinces\.v1\./);
    const state = {
      urban: await column("urban"),
      rural: await column("rural"),
      first: await column("firstYear"),
      card: await shown("province-ratio-plan"),
      chart: await svgOf("#province-scenario-chart")
    };
    const other = await openPage(url.slice(url.indexOf("#")));
    await expect.poll(() => column("urban", other.page)).toEqual(state.urban);
    expect(await column("rural", other.page)).toEqual(state.rural);
    expect(await column("firstYear", other.page)).toEqual(state.first);
    expect(await grid(other.page).getAttribute("aria-label")).toContain("情景 1");
    await expect.poll(() => shown("province-ratio-plan", other.page)).toBe(state.card);
    await expect.poll(() => svgOf("#province-scenario-chart", other.page)).toBe(state.chart);
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it("a new target ratio moves the first-year column and keeps the scenario, the panel and its undo history", async () => {
    const urbanBefore = await column("urban");
    await grid().evaluate((table) => ((table as HTMLElement).dataset.marker = "same grid"));
    const box = page.locator("form").filter({hasText: "目标收入比"}).locator('input[type="number"]').first();
    await box.fill("2.5");
    await box.dispatchEvent("input");
    const expected = codes.map((code, i) => {
      let year = LAST;
      while (year <= HORIZON && ratio(code, year, typedUrban[i], typedRural[i]) > 2.5) year++;
      return year > HORIZON ? `${HORIZON} 年前未达到` : year === LAST ? `${LAST}（观测值）` : String(year);
    });
    await expect.poll(() => column("firstYear")).toEqual(expected);
    expect(await column("urban")).toEqual(urbanBefore);
    expect(await grid().getAttribute("aria-label")).toContain("情景 1");
    // Not rebuilt: the same grid, whose last edit (the pasted block, redone above) Ctrl+Z still takes back.
    expect(await grid().getAttribute("data-marker")).toBe("same grid");
    await cell(codes[0], "urban").click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => column("urban")).not.toEqual(urbanBefore);
    await page.keyboard.press("Control+y");
    await expect.poll(() => column("urban")).toEqual(urbanBefore);
  });

  it("a tampered link shows a message and the baseline", async () => {
    const other = await openPage("#income-provinces.v1.%%%");
    await expect.poll(() => other.page.locator(".scenario-notice").textContent()).toContain("分享链接无效");
    expect(await grid(other.page).getAttribute("aria-label")).toContain("基线");
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });
});

describe("income by province page: tile map", () => {
  const tiles = () => page.locator(".province-tile-map button.ptm-tile");

  it("draws 31 tiles, each with an accessible name giving the province, the value and the year", async () => {
    expect(await tiles().count()).toBe(31);
    const names = await tiles().evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")!));
    const gansu = names.find((n) => n.startsWith("甘肃"))!;
    expect(gansu).toBe(`甘肃 ${(at(urban, "620000", LAST) / at(rural, "620000", LAST)).toFixed(2)}（城乡收入比，${LAST}年）`);
    expect(new Set(names).size).toBe(31);
    expect(await page.locator(`.province-tile-map button[data-code="${highest}"]`).getAttribute("aria-pressed")).toBe("true");
  });

  it("clicking a tile selects the province for the trend and scenario charts", async () => {
    const trend = await svgOf("#trend-chart");
    await page.locator('.province-tile-map button[data-code="530000"]').click();
    await expect.poll(() => page.locator("#trend-chart").getAttribute("data-selected")).toContain("云南");
    await expect.poll(() => svgOf("#trend-chart")).not.toBe(trend);
    expect(await page.locator("#trend-chart svg").last().textContent()).toContain("云南");
    await expect.poll(() => page.locator("#province-scenario-chart").getAttribute("data-region")).toBe("530000");
    expect(await page.locator('.province-tile-map button[data-code="530000"]').getAttribute("aria-pressed")).toBe("true");
  });

  it("the ranking offers every year of the data, newest first", async () => {
    const years = [...new Set([...urban.keys()].map((k) => Number(k.split("|")[1])))].sort((a, b) => b - a);
    const options = await page.locator("form").filter({hasText: "年份"}).first().locator("select option").allTextContents();
    expect(options).toEqual(years.map(String));
  });

  it("at a phone's width, the editor a keystroke opens lies over its cell in the sideways-scrolled grid", async () => {
    const {page: phone, watch: phoneWatch} = await openPage();
    await phone.setViewportSize({width: 390, height: 844});
    const target = cell("620000", "rural", phone);
    // Scrolled sideways inside its own box, then the cell brought into view: the editor must follow both.
    await grid(phone).evaluate((table) => (table.closest(".scenario-grid")!.scrollLeft = 120));
    await target.click();
    await phone.keyboard.type("7.5");
    const editor = phone.locator(".scenario-grid input.grid-editor");
    expect(await editor.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await editor.inputValue()).toBe("7.5");
    const [box, under] = [await editor.boundingBox(), await target.boundingBox()];
    for (const side of ["x", "y", "width", "height"] as const) expect(Math.abs(box![side] - under![side]), side).toBeLessThanOrEqual(1);
    // The editor covers the cell: what the analyst sees at that point is the editor.
    const topmost = await phone.evaluate(({x, y}) => document.elementFromPoint(x, y)?.className, {x: box!.x + box!.width / 2, y: box!.y + box!.height / 2});
    expect(topmost).toBe("grid-editor");
    await phone.keyboard.press("Enter");
    await expect.poll(() => target.textContent()).toBe("7.50%");
    expect(await editor.isHidden()).toBe(true);
    expect(await grid(phone).locator('td[data-row="' + (row("620000") + 1) + '"][data-key="rural"]').evaluate((td) => td === document.activeElement)).toBe(true);
    expect(phoneWatch.errors).toEqual([]);
    await phone.context().close();
  });

  it("with an input method on, the first keystroke's text lands in the editor and forks the baseline", async () => {
    const {page: fresh, watch: freshWatch} = await openPage();
    await cell("620000", "rural", fresh).click();
    // As Chromium delivers a key an input method takes: keydown "Process" (229), then the composition and its text.
    const cdp = await fresh.context().newCDPSession(fresh);
    await cdp.send("Input.dispatchKeyEvent", {type: "rawKeyDown", key: "Process", code: "Digit7", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229});
    await cdp.send("Input.imeSetComposition", {text: "7", selectionStart: 1, selectionEnd: 1});
    await cdp.send("Input.insertText", {text: "7"});
    await cdp.send("Input.dispatchKeyEvent", {type: "keyUp", key: "Process", code: "Digit7", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229});
    expect(await fresh.locator(".scenario-grid input.grid-editor").inputValue()).toBe("7");
    await fresh.keyboard.press("Enter");
    await expect.poll(() => cell("620000", "rural", fresh).textContent()).toBe("7.00%");
    expect(await grid(fresh).getAttribute("aria-label")).toContain("情景 1");
    expect(freshWatch.errors).toEqual([]);
    await fresh.context().close();
  });

  it("ran without console errors or requests to other hosts", () => {
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
