import {describe, expect, it} from "vitest";
import {builtPages} from "../support/builtSite.js";
import {pageSettled} from "../support/axe.js";
import {siteSession} from "../support/siteSession.js";

// At a phone's 390 px no page scrolls sideways and no chart is wider than its box; wide tables and the scenario grid
// scroll inside their own box. A few pages at a time, each in a browser context of its own.
const site = siteSession();
const WIDTH = 390;

describe.concurrent("390 px wide", () => {
  for (const route of builtPages()) {
    it(`${route} does not overflow horizontally`, async () => {
      const {page} = await site.open(route);
      await page.setViewportSize({width: WIDTH, height: 844});
      await pageSettled(page);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        grids: [...document.querySelectorAll(".scenario-grid")].map((grid) => ({
          right: Math.round(grid.getBoundingClientRect().right),
          overflowX: getComputedStyle(grid).overflowX
        }))
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(WIDTH);
      // A chart's box clips what overflows it (content-visibility), so the page cannot show it as a sideways scroll:
      // each chart, once scrolled into view and drawn, must fit its box.
      const overflowing = await page.evaluate(async () => {
        const wide: string[] = [];
        for (const slot of document.querySelectorAll<HTMLElement>(".chart-slot")) {
          slot.scrollIntoView();
          await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
          // Scrolled to, a chart is drawn in that frame (chartSlot): a placeholder here would hide an overflow.
          if (slot.querySelector(".chart-pending")) wide.push(`${slot.parentElement?.id || slot.parentElement?.className}: not drawn once scrolled to`);
          else if (slot.scrollWidth > slot.clientWidth + 1) wide.push(`${slot.parentElement?.id || slot.parentElement?.className}: ${slot.scrollWidth} > ${slot.clientWidth}`);
        }
        return wide;
      });
      expect(overflowing).toEqual([]);
      for (const grid of layout.grids) {
        expect(grid.right).toBeLessThanOrEqual(WIDTH);
        expect(grid.overflowX).toBe("auto");
      }
      await page.context().close();
    });
  }
});
