// Chromium for the PDF command, the benchmarks and the browser tests alike (scripts, bench/ and tests/ import it).
import {existsSync} from "node:fs";
import {chromium, type Browser, type Page} from "playwright-core";

/** Debian's Chromium, or $CHROMIUM_PATH. Nothing here downloads a browser. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error("Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH.");
  }
  return found;
}

/** Headless Chromium with the flags that keep it from calling home (this machine's network refuses those calls). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run"
    ]
  });
}

/** What a page did that a test must see: requests to other hosts (aborted) and console errors. */
export interface PageWatch {
  external: string[];
  errors: string[];
}

/**
 * Opens a page that may talk only to `origin`: every other request is aborted and recorded, as are console errors
 * and uncaught exceptions.
 */
export async function openIsolatedPage(browser: Browser, origin: string): Promise<{page: Page; watch: PageWatch}> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch: PageWatch = {external: [], errors: []};
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    watch.external.push(url);
    return route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") watch.errors.push(message.text());
  });
  page.on("pageerror", (error) => watch.errors.push(String(error)));
  return {page, watch};
}
