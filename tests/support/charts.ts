import type {Locator} from "playwright-core";

/**
 * Resolves once every chart box under `holder` is drawn: an svg is there and no box holds chartSlot's placeholder.
 * The frame after an edit draws only the charts on screen; the others follow in idle time or when scrolled to.
 */
export async function chartsDrawn(holder: Locator): Promise<void> {
  await holder.locator("svg").first().waitFor({state: "attached"});
  await holder.locator(".chart-pending").first().waitFor({state: "detached"});
}

/**
 * What the chart(s) under `holder` draw, once drawn: every path's geometry and every text of their SVGs, as one string
 * to compare (Plot's generated class names differ between pages, so they are left out).
 */
export async function chartMarks(holder: Locator): Promise<string> {
  await chartsDrawn(holder);
  return holder.evaluate((node) => JSON.stringify([...node.querySelectorAll("svg path, svg text")].map((e) => e.getAttribute("d") ?? e.textContent)));
}
