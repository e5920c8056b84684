/**
 * Calls `callback` once the page has finished loading and the browser next has idle time (at the latest `timeout` ms
 * later), so optional work such as starting DuckDB never competes with what the reader sees first.
 * @example whenIdle(() => database.ready());
 */
export function whenIdle(callback: () => void, {timeout = 2000}: {timeout?: number} = {}): void {
  const idle = () =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(() => callback(), {timeout}) : setTimeout(callback, 0);
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, {once: true});
}
