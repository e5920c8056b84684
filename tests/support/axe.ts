import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";

/** One axe-core finding, reduced to what a report needs. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core (from node_modules, injected from disk: nothing is fetched) on the page as it is, and returns the
 * violations of impact `serious` or `critical`.
 * @example expect(await seriousViolations(page)).toEqual([])
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({content: AXE_SOURCE});
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(context: Document, options: object): Promise<{violations: {id: string; impact: string | null; help: string; nodes: {target: unknown[]}[]}[]}>}}).axe;
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => String(n.target.join(" ")))}));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Waits until the page is quiet: no network request for 500 ms (Playwright's networkidle), then for `quietMs` no change
 * to the DOM and no DuckDB query in flight (components/duckdb.ts marks each query and result: DuckDB works in a
 * worker, with no request or DOM change to wait on). Framework's built client exposes no "all cells settled" signal.
 * @example await pageSettled(page)
 */
export async function pageSettled(page: Page, quietMs = 1000): Promise<void> {
  await page.waitForLoadState("networkidle");
  // A string, not a function: the script must not pick up helpers a TypeScript transform may add (e.g. __name).
  await page.evaluate(`(async () => {
    // components/duckdb.ts marks each query and each result on the performance timeline (whichever bundle it is in).
    const marks = (name) => performance.getEntriesByName("ys-duckdb-" + name).length;
    const duckdb = {queriesInFlight: () => marks("query") - marks("result")};
    await new Promise((resolve, reject) => {
      const quiet = ${Number(quietMs)};
      let last = performance.now();
      const observer = new MutationObserver(() => (last = performance.now()));
      observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
      const started = performance.now();
      const check = () => {
        const now = performance.now();
        if (duckdb.queriesInFlight() > 0) last = now;
        if (now - last >= quiet) {
          observer.disconnect();
          resolve();
        } else if (now - started > 30000) {
          observer.disconnect();
          reject(new Error("the page kept changing (or querying) for 30 s"));
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  })()`);
}
