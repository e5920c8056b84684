import {readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";

/** The built site under test: dist/, or $YS_DIST (as observablehq.config.ts). */
export const DIST = process.env.YS_DIST ?? "dist";

/** Where scripts/build-offline.mjs records how the build went. */
export const BUILD_REPORT = `${DIST.replace(/\/+$/, "")}.build-report.json`;

/** Every file below `dir`, as paths relative to `dir`. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** The site's page routes ("/", "/income-gap", ...) from the built HTML files. */
export function builtPages(dist = DIST): string[] {
  return listFiles(dist)
    .filter((f) => f.endsWith(".html") && !f.startsWith("_"))
    .map((f) => "/" + f.replace(/\.html$/, "").replace(/(^|\/)index$/, ""));
}
