/**
 * Asks the browser to fetch `href` early at low priority (`<link rel="preload">`), once per address, so a later
 * request for it (from a worker too, through the HTTP cache) finds it downloaded; `as: "fetch"` for data and wasm.
 * @example preloadHint(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"), "fetch");
 */
export function preloadHint(href: string, as: "fetch" | "script"): void {
  const url = new URL(href, location.href).href;
  if ([...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')].some((link) => link.href === url)) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.setAttribute("as", as);
  link.href = url;
  // Same credentials mode as the worker's own fetch of the wasm, so the two requests share one cache entry.
  if (as === "fetch") link.setAttribute("crossorigin", "anonymous");
  link.setAttribute("fetchpriority", "low");
  document.head.append(link);
}
