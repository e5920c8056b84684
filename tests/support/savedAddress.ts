import {expect} from "vitest";
import type {Page} from "playwright-core";

/**
 * The page's address once its scenarios are saved. Saving waits for the frame after an edit, so this waits until the
 * address bar holds the link the share box shows (the panel's share box, or the page's only one).
 */
export async function savedAddress(page: Page, panel = ".scenario-manager"): Promise<string> {
  const shown = await page.locator(`${panel} .share-url`).first().inputValue();
  await expect.poll(() => page.url()).toBe(shown);
  return page.url();
}
