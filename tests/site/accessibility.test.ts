import {describe, expect, it} from "vitest";
import {builtPages} from "../support/builtSite.js";
import {pageSettled, seriousViolations} from "../support/axe.js";
import {siteSession} from "../support/siteSession.js";

// axe-core on every built page, in both languages: no serious or critical violation (WCAG 2.1 AA and axe's best
// practices). axe is injected from node_modules, so nothing is fetched. The pages are checked a few at a time (each
// in a browser context of its own): most of a check is waiting for the page to settle.
const site = siteSession();
const pages = builtPages();

describe.concurrent("accessibility (axe-core)", () => {
  it("covers every built page, including the SQL workbench", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/sources", "/revisions", "/scorecard", "/sql"]));
  });
  for (const route of pages) {
    for (const lang of ["zh", "en"] as const) {
      it(`${route} (${lang}) has no serious or critical violation`, async () => {
        const {page} = await site.open(`${route}${lang === "en" ? "?lang=en" : ""}`);
        await pageSettled(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === "en" ? "en" : "zh-CN");
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
