// Static checks of a built site: what a page would load from another host, and error cells that Framework renders
// into the HTML while `observable build` still exits 0 (e.g. "non-local import").

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i; // http://, https://, //host, ws://...

/** True when a URL in a page would be fetched from somewhere other than the site itself. */
export function isExternalUrl(url: string): boolean {
  const trimmed = url.trim();
  return EXTERNAL.test(trimmed) && !/^\/\/(127\.0\.0\.1|localhost)([:/]|$)/.test(trimmed.replace(/^[a-z]+:/i, ""));
}

/**
 * URLs an HTML page loads from other hosts: script/img/iframe/source/embed src, link href (stylesheets, preloads,
 * icons), CSS url() and @import, and import specifiers in inline modules. Plain <a href> links are not loads.
 * @example externalLoadsInHtml('<script src="https://cdn.jsdelivr.net/x.js"></script>') // ["https://cdn.jsdelivr.net/x.js"]
 */
export function externalLoadsInHtml(html: string): string[] {
  const found: string[] = [];
  for (const [, tag, attrs] of html.matchAll(/<(script|img|iframe|source|embed|video|audio|link|track|object)\b([^>]*)>/gi)) {
    const attribute = tag.toLowerCase() === "link" ? "href" : tag.toLowerCase() === "object" ? "data" : "src";
    for (const [, , value] of attrs.matchAll(new RegExp(`\\b(${attribute}|srcset|poster)\\s*=\\s*["']?([^"'\\s>]+)`, "gi"))) {
      if (isExternalUrl(value)) found.push(value);
    }
  }
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) found.push(...externalLoadsInCss(body));
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) found.push(...externalImportsInJs(body));
  for (const [, value] of html.matchAll(/\bstyle\s*=\s*"([^"]*)"/gi)) found.push(...externalLoadsInCss(value));
  return found;
}

/** url(...) and @import targets on other hosts. */
export function externalLoadsInCss(css: string): string[] {
  const found: string[] = [];
  for (const [, , value] of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/gi)) if (isExternalUrl(value)) found.push(value);
  for (const [, value] of css.matchAll(/@import\s+["']([^"']+)["']/gi)) if (isExternalUrl(value)) found.push(value);
  return found;
}

/** Static and dynamic import specifiers (and importScripts/Worker URLs) pointing at other hosts. */
export function externalImportsInJs(js: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\bexport\s*[\w*{}\s,$]*\s*from\s*["']([^"']+)["']/g,
    /\bimportScripts\s*\(\s*["']([^"']+)["']/g,
    /\bnew\s+(?:Shared)?Worker\s*\(\s*["']([^"']+)["']/g
  ];
  for (const pattern of patterns) for (const [, value] of js.matchAll(pattern)) if (isExternalUrl(value)) found.push(value);
  return found;
}

/**
 * The text of every error cell Framework rendered into a page.
 * @example errorCells('<div class="observablehq--inspect observablehq--error">SyntaxError: non-local import</div>')
 */
export function errorCells(html: string): string[] {
  return [...html.matchAll(/<(\w+)[^>]*class="[^"]*\bobservablehq--error\b[^"]*"[^>]*>([\s\S]*?)<\/\1>/g)].map(([, , text]) =>
    text.replace(/<[^>]+>/g, "").trim()
  );
}

/** `npm:` specifiers in page or module source: each one is a CDN download at build time. */
export function npmSpecifiers(source: string): string[] {
  return [...source.matchAll(/["'`](npm:[^"'`]+)["'`]/g)].map(([, specifier]) => specifier);
}
