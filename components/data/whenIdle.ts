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
