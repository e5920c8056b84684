import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import {beforeAll, describe, expect, it} from "vitest";
import type {Locator, Page} from "playwright-core";
import type {PageWatch} from "../../scripts/support/chromium.js";
import {chartsDrawn} from "../support/charts.js";
import {siteSession} from "../support/siteSession.js";
import {pasteTsv} from "../support/clipboard.js";
import {observationNote} from "../../components/scorecard/planMeta.js";
import {FARMLAND_HORIZON} from "../../components/plan.js";
import {savedAddress} from "../support/savedAddress.js";

// The farmland scenario panel driven as an analyst would: keyboard, a pasted Excel block, undo/redo, a bad cell, and
// the share link in a fresh page. Expected numbers come from data/plan/plan_indicators.csv, read here.
const national = csvParse(readFileSync("data/plan/plan_indicators.csv", "utf8"))
  .filter((r) => r.indicator_id === "hsf_cumulative" && r.scope === "national")
  .map((r) => ({year: Number(r.year), value: Number(r.value), lowerBound: observationNote(r.indicator_zh!, "CN", Number(r.year))?.hedge === "lower bound"}));
const start = national.at(-1)!; // 2023, ≥ 100,000 万亩 ("超10亿亩", S22)
const stated = national.filter((d) => !d.lowerBound);
const pace = (stated.at(-1)!.value - stated[0].value) / (stated.at(-1)!.year - stated[0].year); // 10,000 万亩 a year
const FIRST = start.year + 1;

const site = siteSession();
let page: Page;
let watch: PageWatch;
let lang: "zh" | "en";
const L = (zh: string, en: string) => (lang === "en" ? en : zh);

async function openPage(hash = "") {
  const opened = await site.open(`/farmland${hash}`, ".scenario-manager [role=grid] td");
  await opened.page.locator("#hsf-2025").waitFor();
  return opened;
}

beforeAll(async () => {
  ({page, watch} = await openPage());
  lang = (await page.evaluate(() => document.documentElement.lang)).startsWith("en") ? "en" : "zh";
});

const grid = (p: Page = page) => p.locator(".scenario-manager [role=grid]");
const cell = (year: number, key: string, p: Page = page): Locator => grid(p).locator(`td[data-row="${year - FIRST}"][data-key="${key}"]`);
const column = (key: string, p: Page = page) => grid(p).locator(`td[data-key="${key}"]`).allTextContents();
const ge = (v: number) => `≥ ${v.toLocaleString("en-US")}`;
// What the active scenario's cumulative should be, from the start and the typed areas.
const cumulative = (added: number[]) => added.map((_, i) => start.value + added.slice(0, i + 1).reduce((a, b) => a + b, 0));
// Read once the chart is drawn (off-screen charts are drawn in idle time).
const endLabel = async (p: Page = page) => {
  await chartsDrawn(p.locator("#farmland-scenario-chart"));
  return p.locator("#farmland-scenario-chart .projection-end text").textContent();
};

const paste = (text: string) => pasteTsv(page, text);

describe("farmland scenarios", () => {
  it("starts from the last national figure, a lower bound, with the baseline pace and says the results are ≥", async () => {
    expect(start).toEqual({year: 2023, value: 100000, lowerBound: true});
    expect(await column("added")).toEqual(Array(FARMLAND_HORIZON - start.year).fill(pace.toLocaleString("en-US")));
    expect(await column("cumulative")).toEqual(cumulative(Array(FARMLAND_HORIZON - start.year).fill(pace)).map(ge));
    expect(await page.locator(".scenario-rule").textContent()).toContain(L("年均增加", "average yearly addition"));
    expect(await page.locator(".lower-bound-note").count()).toBeGreaterThan(0);
    expect(await page.locator("#met-2025").textContent()).toBe(L(`最迟 ${FIRST} 年`, `by ${FIRST} at the latest`));
  });

  it("typing into the baseline forks 情景 1, selects it, says so in one line, and the locked column and chart follow", async () => {
    await cell(FIRST, "added").click();
    await page.keyboard.type("5000");
    await page.keyboard.press("Enter");
    const name = L("情景 1", "Scenario 1");
    await expect.poll(() => page.locator(".scenario-picker option:checked").textContent()).toBe(name);
    expect(await page.locator(".scenario-picker option").count()).toBe(2);
    const notice = (await page.locator(".scenario-notice").textContent())!;
    expect(notice).toBe(L(`已用你的修改新建“${name}”，基线保持不变`, `Created “${name}” from your edit; the baseline is unchanged`));
    expect(notice).not.toContain("\n");
    const added = [5000, ...Array(FARMLAND_HORIZON - FIRST).fill(pace)];
    expect(await column("cumulative")).toEqual(cumulative(added).map(ge));
    await expect.poll(() => page.locator("#hsf-2025").textContent()).toBe(ge(cumulative(added)[1])); // ≥ 115,000
    await expect.poll(() => endLabel()).toBe(ge(cumulative(added).at(-1)!)); // ≥ 165,000
    // The baseline itself is unchanged.
    await page.locator(".scenario-picker").selectOption("baseline");
    await expect.poll(() => column("added")).toEqual(Array(FARMLAND_HORIZON - start.year).fill(pace.toLocaleString("en-US")));
    await page.locator(".scenario-picker").selectOption("s1");
    await expect.poll(() => column("added").then((c) => c[0])).toBe("5,000");
  });

  it("pastes an Excel block (CRLF), and Ctrl+Z / Ctrl+Y take it back and replay it exactly", async () => {
    const before = {added: await column("added"), cumulative: await column("cumulative")};
    await cell(FIRST + 1, "added").click();
    await paste("2000\r\n3000\r\n4000\r\n");
    const added = [5000, 2000, 3000, 4000, pace, pace, pace];
    await expect.poll(() => column("cumulative")).toEqual(cumulative(added).map(ge));
    expect(await column("added")).toEqual(added.map((v) => v.toLocaleString("en-US")));
    await expect.poll(() => endLabel()).toBe(ge(cumulative(added).at(-1)!)); // ≥ 144,000
    await expect.poll(() => page.locator("#met-2025").textContent()).toBe(L(`最迟 ${FIRST + 2} 年`, `by ${FIRST + 2} at the latest`));
    await page.keyboard.press("Control+z");
    await expect.poll(() => column("added")).toEqual(before.added);
    expect(await column("cumulative")).toEqual(before.cumulative);
    await page.keyboard.press("Control+y");
    await expect.poll(() => column("added")).toEqual(added.map((v) => v.toLocaleString("en-US")));
    expect(await column("cumulative")).toEqual(cumulative(added).map(ge));
  });

  it("an invalid cell keeps its value and the message names the cell", async () => {
    const before = await column("added");
    await cell(2027, "added").click();
    await page.keyboard.type("abc");
    await page.keyboard.press("Enter");
    const message = (await page.locator(".grid-message").textContent())!;
    expect(message).toContain(`2027 ${L("当年新建 万亩", "Built in the year 万亩 (10k mu)")}: "abc"`);
    expect(message).toContain("not a number");
    await cell(2028, "added").click();
    await page.keyboard.type("-5");
    await page.keyboard.press("Enter");
    expect(await page.locator(".grid-message").textContent()).toContain('2028');
    expect(await page.locator(".grid-message").textContent()).toContain("out of range");
    expect(await column("added")).toEqual(before);
  });

  it("a share URL opened in a fresh page reproduces the scenarios, the headline figures and the chart", async () => {
    const url = await savedAddress(page);
    expect(url).toContain("#farmland.v1.");
    const state = {
      names: await page.locator(".scenario-picker option").allTextContents(),
      added: await column("added"),
      cumulative: await column("cumulative"),
      hsf2025: await page.locator("#hsf-2025").textContent(),
      hsf2030: await page.locator("#hsf-2030").textContent(),
      end: await endLabel()
    };
    const other = await openPage(url.slice(url.indexOf("#")));
    await expect.poll(() => column("added", other.page)).toEqual(state.added);
    expect(await other.page.locator(".scenario-picker option").allTextContents()).toEqual(state.names);
    expect(await column("cumulative", other.page)).toEqual(state.cumulative);
    await expect.poll(() => other.page.locator("#hsf-2030").textContent()).toBe(state.hsf2030);
    expect(await other.page.locator("#hsf-2025").textContent()).toBe(state.hsf2025);
    expect(await endLabel(other.page)).toBe(state.end);
    expect(await other.page.locator(".scenario-notice").textContent()).toBe(L("已打开链接中的情景", "Opened the scenarios in the link"));
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it("a tampered link shows a message and the baseline", async () => {
    const other = await openPage("#farmland.v1.%%%not-base64");
    await expect.poll(() => other.page.locator(".scenario-notice").textContent()).toContain(L("分享链接无效", "invalid share link"));
    expect(await other.page.locator(".scenario-picker option").count()).toBe(1);
    expect(await column("added", other.page)).toEqual(Array(FARMLAND_HORIZON - start.year).fill(pace.toLocaleString("en-US")));
    expect(other.watch.errors).toEqual([]);
    await other.page.context().close();
  });

  it("ran without console errors or requests to other hosts", () => {
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
