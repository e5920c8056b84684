/**
 * Calls `callback` once `after` has settled (when given), the page has finished loading and the browser next has idle
 * time (at the latest `timeout` ms later), so optional work such as starting DuckDB never competes with what the reader
 * sees first: pass the promise of the page's first-drawn data as `after`.
 * @example whenIdle(() => database.ready(), {after: income});
 */
export function whenIdle(callback: () => void, {after, timeout = 2000}: {after?: PromiseLike<unknown>; timeout?: number} = {}): void {
  const idle = () =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(() => callback(), {timeout}) : setTimeout(callback, 0);
  const loaded = () => (document.readyState === "complete" ? idle() : addEventListener("load", idle, {once: true}));
  if (after) Promise.resolve(after).then(loaded, loaded);
  else loaded();
}

/**
 * `load()` run by `whenIdle`: a promise of what it returns, settled once `after` has settled and the browser is idle
 * (at the latest `timeout` ms later). A page loads its below-the-fold tools this way, so the first chart's module
 * graph stays small and nothing it shows waits for them.
 * @example const tools = loadWhenIdle(() => import("./components/notebookTools.js"), {after: incomeTable, timeout: 300});
 */
export function loadWhenIdle<T>(load: () => Promise<T>, options: {after?: PromiseLike<unknown>; timeout?: number} = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => whenIdle(() => load().then(resolve, reject), options));
}

/** What counts as a chart: the figures and SVGs Plot draws (every chart component here is one). */
export const CHART_SELECTOR = 'svg[class^="plot"], figure[class^="plot"]';

/**
 * Settles once a chart is in `root` (by default the page's main column) and a frame has been drawn with it, or after
 * `timeout` ms whatever happened (a page whose chart failed still gets what waits on this). A notebook loads its
 * scenario tools `after: firstChartDrawn()`, so fetching and compiling them never delays the frame the reader waits for.
 * @example const tools = await loadWhenIdle(loadNotebookTools, {after: firstChartDrawn(), timeout: 300});
 */
export function firstChartDrawn({root, timeout = 3000}: {root?: ParentNode; timeout?: number} = {}): Promise<void> {
  const main = root ?? document.querySelector("#observablehq-main") ?? document;
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      // The frame that shows the chart, then the task after it.
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    const observer = new MutationObserver(() => {
      if (main.querySelector(CHART_SELECTOR)) finish();
    });
    const timer = setTimeout(finish, timeout);
    if (main.querySelector(CHART_SELECTOR)) finish();
    else observer.observe(main, {childList: true, subtree: true});
  });
}
