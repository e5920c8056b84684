import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {siteSession} from "../support/siteSession.js";

// One language at a time: Chinese by default, the header switch changes the page and is remembered across pages,
// ?lang=en works on a first visit.
const site = siteSession();

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const h1 = (page: Page) => page.locator("#observablehq-main h1").first().innerText();
const pagerCaption = (page: Page, rel: string) =>
  page.evaluate((r) => getComputedStyle(document.querySelector(`#observablehq-footer nav a[rel=${r}]`)!, "::before").content, rel);
const axisLabels = (page: Page) =>
  page.locator("#progress-chart svg [data-aria-label='x-axis label'] text").allTextContents();

describe("language", () => {
  it("is Chinese by default: <html lang>, headings, contents, sidebar, pager and footer", async () => {
    const {page, watch} = await site.open("/sources", "#lang-switch button");
    expect(await lang(page)).toBe("zh-CN");
    expect(await h1(page)).toBe("数据来源");
    expect(await page.locator("#observablehq-toc nav > div").first().innerText()).toBe("目录");
    expect(await page.locator("#observablehq-toc a").allInnerTexts()).toEqual(["各数据集说明"]);
    expect(await page.locator("#observablehq-sidebar a").allInnerTexts()).toContain("城乡收入差距");
    expect(await pagerCaption(page, "prev")).toBe('"上一页"');
    expect(await page.locator("#observablehq-footer > div").innerText()).toMatch(/^年鉴情景 · 数据：国家统计局/);
    expect(await page.title()).toBe("数据来源 | 年鉴情景");
    expect(watch.errors).toEqual([]);
  });

  it("the switch reloads in English keeping search and hash, and the choice survives navigation", async () => {
    const {page, watch} = await site.open("/sources?keep=1#notes", "#lang-switch button");
    await page.locator("#lang-switch button", {hasText: "English"}).click();
    await expect.poll(() => lang(page)).toBe("en");
    expect(new URL(page.url()).search + new URL(page.url()).hash).toBe("?keep=1#notes");
    await page.locator("#lang-switch button[aria-pressed=true]", {hasText: "English"}).waitFor();
    expect(await h1(page)).toBe("Data sources");
    expect(await page.locator("#observablehq-toc nav > div").first().innerText()).toBe("Contents");
    expect(await page.locator("#observablehq-toc a").allInnerTexts()).toEqual(["Notes per dataset"]);
    expect(await pagerCaption(page, "prev")).toBe('"Previous page"');
    expect(await page.title()).toBe("Data sources | Yearbook scenarios");

    // Another page, reached through the sidebar: still English, including a chart's axis title.
    await page.locator("#observablehq-sidebar a", {hasText: /^Scorecard$/}).click();
    await page.waitForURL(/\/scorecard/);
    expect(await lang(page)).toBe("en");
    expect(await h1(page)).toBe("Scorecard");
    await expect.poll(() => axisLabels(page)).toEqual([expect.stringContaining("Progress from baseline to target")]);

    // And back to Chinese.
    await page.locator("#lang-switch button", {hasText: "中文"}).click();
    await expect.poll(() => lang(page)).toBe("zh-CN");
    expect(await h1(page)).toBe("目标记分卡");
    await expect.poll(() => axisLabels(page)).toEqual([expect.stringContaining("基期→目标进度")]);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("an edit committed just before the switch is in the reloaded page's link (its save had not run yet)", async () => {
    const {page, watch} = await site.open("/farmland", ".scenario-manager [role=grid] td");
    // Commit a cell and click the switch in one task: the scenario panel's save still waits for the next frame.
    await page.evaluate(() => {
      const cell = document.querySelector<HTMLElement>('.scenario-grid td[data-row="0"][data-col="0"]')!;
      const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent("keydown", {key: k, bubbles: true, cancelable: true}));
      cell.dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true}));
      key(cell, "7");
      const editor = document.querySelector<HTMLInputElement>(".scenario-grid input.grid-editor")!;
      editor.value = "7777";
      key(editor, "Enter");
      if (location.hash.includes("farmland.v1.")) throw new Error("saved before the switch: this test no longer tests it");
      document.querySelector<HTMLButtonElement>("#lang-switch button[data-lang=en]")!.click();
    });
    await expect.poll(() => lang(page)).toBe("en");
    expect(page.url()).toContain("#farmland.v1.");
    await expect.poll(() => page.locator('.scenario-grid td[data-row="0"][data-col="0"]').textContent()).toBe("7,777");
    await page.locator("#lang-switch button", {hasText: "中文"}).click();
    await expect.poll(() => lang(page)).toBe("zh-CN");
    expect(watch.errors).toEqual([]);
  });

  it("?lang=en works on a first visit", async () => {
    const {page} = await site.open("/?lang=en", "#lang-switch button");
    expect(await lang(page)).toBe("en");
    expect(await h1(page)).toBe("Yearbook scenarios");
    expect(await page.locator("#observablehq-sidebar section summary").first().innerText()).toBe("Notebooks");
  });
});
