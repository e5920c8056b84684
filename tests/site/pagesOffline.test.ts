import {describe, expect, it} from "vitest";
import {builtPages} from "../support/builtSite.js";
import {siteSession} from "../support/siteSession.js";

const site = siteSession();

describe("with every request to another host aborted", () => {
  it.each(builtPages())("%s loads with zero external requests and no console errors", async (route) => {
    const {page, watch} = await site.open(route);
    // Wait until Framework has run every cell: no cell is still pending.
    await page.waitForFunction(() => document.querySelector("#observablehq-main") !== null && !document.querySelector(".observablehq--running"));
    await page.waitForLoadState("networkidle");
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
    await page.context().close();
  });
});
