import type {Locator} from "playwright-core";

/**
 * Resolves once every chart box under `holder` is drawn: an svg is there and no box holds chartSlot's placeholder.
 * The frame after an edit draws only the charts on screen; the others follow in idle time or when scrolled to.
 */
export async function chartsDrawn(holder: Locator): Promise<void> {
  await holder.locator("svg").first().waitFor({state: "attached"});
  await holder.locator(".chart-pending").first().waitFor({state: "detached"});
}
