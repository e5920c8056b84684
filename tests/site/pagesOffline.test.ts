import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {DIST, builtPages} from "../support/builtSite.js";
import {launchChromium, openIsolatedPage} from "../support/chromium.js";
import {serveStatic} from "../support/serveStatic.js";

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("with every request to another host aborted", () => {
  it.each(builtPages())("%s loads with zero external requests and no console errors", async (route) => {
    const {page, watch} = await openIsolatedPage(browser, server.url);
    await page.goto(server.url + route, {waitUntil: "load"});
    // Wait until Framework has run every cell: no cell is still pending.
    await page.waitForFunction(() => document.querySelector("#observablehq-main") !== null && !document.querySelector(".observablehq--running"));
    await page.waitForLoadState("networkidle");
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
    await page.context().close();
  });
});
