import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {openIsolatedPage} from "../../scripts/support/chromium.js";
import {chartsDrawn} from "../support/charts.js";
import {pdfPageTexts} from "../support/pdfText.js";
import {siteSession} from "../support/siteSession.js";

// When the charts an edit changes are drawn, on the income-gap page (nine charts, most of them far below the grid):
// the edit's frame draws those on screen; the others are drawn in idle time, in the frame they are scrolled to if
// idle time has not come, and all before printing.
const site = siteSession();
// Tall enough that the projection chart under the grid is on screen with the grid; the band chart is far below.
const VIEWPORT = {width: 1280, height: 1400};

/** The income-gap page with its grid at the top of the view; with `idle: false`, a page that is never idle. */
async function openIncomeGap({idle}: {idle: boolean}): Promise<Page> {
  const {page} = await openIsolatedPage(site.browser, site.url);
  // As a browser that never has idle time does: a callback runs when its timeout expires, one without never.
  if (!idle)
    await page.addInitScript(() => {
      window.requestIdleCallback = (callback, options) =>
        options?.timeout ? window.setTimeout(() => callback({didTimeout: true, timeRemaining: () => 0}), options.timeout) : 0;
    });
  await page.setViewportSize(VIEWPORT);
  await page.goto(`${site.url}/income-gap`);
  await page.locator(".scenario-grid td[data-key='rural']").first().waitFor();
  await page.locator(".scenario-grid").evaluate((grid) => grid.scrollIntoView());
  await chartsDrawn(page.locator("#projection-chart"));
  return page;
}

type AfterEdit = {
  projection: {drawn: boolean; labels: string};
  headline: string;
  bandPending: boolean;
  scrollY: number;
  jumped?: {onScreen: boolean; pending: boolean; svg: boolean};
};

/**
 * Types `value` into the 2025 rural cell and presses Enter, as the grid's keys arrive; resolves in a task after the
 * next frame's rendering (before any idle time) with what that frame left on the page. With `jump`, then scrolls the
 * band chart into view at once, as a link to it or the End key would, and tells what the next frame shows there.
 */
const EDIT = async ({value, jump = false}: {value: string; jump?: boolean}): Promise<AfterEdit> => {
  const cell = document.querySelector<HTMLElement>(".scenario-grid td[data-row='0'][data-key='rural']")!;
  cell.dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true}));
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const channel = new MessageChannel();
  const afterFrame = new Promise((done) => (channel.port1.onmessage = done));
  requestAnimationFrame(() => channel.port2.postMessage(0));
  cell.dispatchEvent(new KeyboardEvent("keydown", {key: value[0], bubbles: true, cancelable: true}));
  const editor = document.querySelector<HTMLInputElement>(".scenario-grid input.grid-editor")!;
  editor.value = value;
  editor.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true, cancelable: true}));
  await afterFrame;
  channel.port1.close();
  const projection = document.querySelector("#projection-chart")!;
  const band = document.querySelector("#band-chart")!;
  const after: AfterEdit = {
    projection: {drawn: projection.querySelector(".chart-pending") === null, labels: [...projection.querySelectorAll("svg text")].map((t) => t.textContent).join(" ")},
    headline: document.querySelector("#ratio-2035")!.textContent!,
    bandPending: band.querySelector(".chart-pending") !== null,
    scrollY
  };
  if (jump) {
    band.scrollIntoView();
    await new Promise((done) => requestAnimationFrame(done));
    const {top, bottom} = band.getBoundingClientRect();
    after.jumped = {onScreen: bottom > 0 && top < innerHeight, pending: band.querySelector(".chart-pending") !== null, svg: band.querySelector("svg") !== null};
  }
  return after;
};

describe("drawing the charts after an edit", () => {
  it("the edit's frame draws the chart on screen with the new figures and leaves the band chart far below for later", async () => {
    const page = await openIncomeGap({idle: true});
    const before = await page.locator("#ratio-2035").textContent();
    const after = await page.evaluate(EDIT, {value: "9.5"});
    expect(after.headline).not.toBe(before);
    expect(after.projection.drawn).toBe(true);
    // The chart's end label is the 2035 ratio of the headline card, already in that frame.
    expect(after.projection.labels).toContain(after.headline);
    expect(after.bandPending).toBe(true);
    // Then every chart is drawn in idle time, with the page left where it was.
    await chartsDrawn(page.locator("#observablehq-main"));
    expect(await page.evaluate(() => scrollY)).toBe(after.scrollY);
    await page.context().close();
  });

  it("on a page never idle, a jump to a chart not drawn yet shows it drawn in the very next frame", async () => {
    const page = await openIncomeGap({idle: false});
    const after = await page.evaluate(EDIT, {value: "9.25", jump: true});
    expect(after.bandPending).toBe(true);
    expect(after.jumped).toEqual({onScreen: true, pending: false, svg: true});
    await page.context().close();
  });

  it("on a page never idle, printing right after an edit draws every chart first", async () => {
    const page = await openIncomeGap({idle: false});
    const after = await page.evaluate(EDIT, {value: "9.75"});
    expect(after.bandPending).toBe(true);
    expect(await page.locator("#band-chart .chart-pending").count()).toBe(1);
    const pdf = await page.pdf({format: "A4"});
    expect(await page.locator("#observablehq-main .chart-pending").count()).toBe(0);
    // What the band chart draws is in the printed pages.
    const bandLabels = await page.locator("#band-chart svg text").allTextContents();
    const printed = pdfPageTexts(pdf).join("\n");
    const labels = bandLabels.map((label) => label.trim()).filter((label) => /\d/.test(label));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(printed).toContain(label);
    await page.context().close();
  });
});
