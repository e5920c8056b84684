import {afterAll, beforeAll} from "vitest";
import type {Browser} from "playwright-core";
import {DIST} from "./builtSite.js";
import {launchChromium, openIsolatedPage} from "../../scripts/support/chromium.js";
import {serveStatic} from "../../scripts/support/serveStatic.js";

/**
 * Serves a built site on 127.0.0.1 and starts Chromium for the test file that calls it (register it before the file's
 * own beforeAll hooks); `open(route, ready)` opens a page where every request to another host is aborted and counted.
 * @example const site = siteSession(); const {page, watch} = await site.open("/income-gap", "#income-table tbody tr");
 */
export function siteSession(root: string = DIST) {
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(root);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url(): string {
      return server!.url;
    },
    get browser(): Browser {
      return browser!;
    },
    async open(route: string, ready?: string) {
      const opened = await openIsolatedPage(browser!, server!.url);
      await opened.page.goto(server!.url + route);
      if (ready) await opened.page.locator(ready).first().waitFor();
      return opened;
    }
  };
}
