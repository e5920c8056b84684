// npm run report:pdf -- <slug> [<slug> …] | --all  [--dist dist] [--out <dir>]
// Prints report pages of the built site to A4 PDFs with the system Chromium (CHROMIUM_PATH or /usr/bin/chromium,
// the one the tests use; nothing downloads a browser). Build first (npm run build); PDFs go beside the pages
// (<dist>/reports/<slug>.pdf) unless --out says otherwise.
import {existsSync, mkdirSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {pathToFileURL} from "node:url";
import {launchChromium, openIsolatedPage} from "./support/chromium.js";
import {serveStatic} from "./support/serveStatic.js";
import {REPORTS_DIR} from "../loaders/reports.js";

const USAGE = "usage: npm run report:pdf -- <slug> [<slug> …] | --all  [--dist dist] [--out <dir>]";

/**
 * Renders each report's page of the built site `dist` to `<out>/<slug>.pdf`; returns the files written.
 * Throws naming the slug when a page is missing or does not finish drawing.
 * @example await renderReportPdfs(["example-rural-8"], {dist: "dist"}) // ["dist/reports/example-rural-8.pdf"]
 */
export async function renderReportPdfs(slugs: readonly string[], {dist = "dist", out = join(dist, "reports")}: {dist?: string; out?: string} = {}): Promise<string[]> {
  for (const slug of slugs) if (!existsSync(join(dist, "reports", `${slug}.html`))) throw new Error(`${slug}: no page ${join(dist, "reports", `${slug}.html`)} (is it in reports/, and is the site built?)`);
  mkdirSync(out, {recursive: true});
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    for (const slug of slugs) {
      const {page, watch} = await openIsolatedPage(browser, server.url);
      await page.emulateMedia({media: "print"});
      await page.goto(`${server.url}/reports/${slug}`);
      // Drawn when the last section's tables and every chart are in the page (a condition, not a delay).
      await page.locator(".assumptions-table").first().waitFor({state: "attached", timeout: 30_000});
      await page.locator(".report-chart svg").first().waitFor({state: "attached", timeout: 30_000});
      if (watch.errors.length) throw new Error(`${slug}: the page reported errors: ${watch.errors.join("; ")}`);
      const path = join(out, `${slug}.pdf`);
      await page.pdf({path, format: "A4", printBackground: true, preferCSSPageSize: true});
      await page.context().close();
      written.push(path);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

async function main() {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {all: {type: "boolean", default: false}, dist: {type: "string", default: "dist"}, out: {type: "string"}}
  });
  const slugs = values.all
    ? readdirSync(REPORTS_DIR).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort()
    : positionals;
  if (slugs.length === 0) throw new Error(USAGE);
  for (const path of await renderReportPdfs(slugs, {dist: values.dist, out: values.out})) console.log(path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  });
}
