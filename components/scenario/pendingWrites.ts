// Saving scenarios (localStorage and the share link in the address bar) waits until just after the frame that shows
// an edit: history.replaceState makes the browser recompute style and layout on the spot, which would otherwise land
// inside the frame the analyst is waiting for. Writes queued before that frame are coalesced (the latest per key wins)
// and run when the page is hidden or left, and whenever a reader of the address or storage asks (flushPendingWrites).
const pending = new Map<string, () => void>();
let scheduled = false;

/**
 * Queues `write` under `key` (a later write with the same key replaces it) to run after the next frame.
 * @example deferWrite("yearbook-scenarios:farmland", () => localStorage.setItem(key, json))
 */
export function deferWrite(key: string, write: () => void): void {
  pending.set(key, write);
  if (scheduled) return;
  scheduled = true;
  const afterTask = () => setTimeout(flushPendingWrites, 0);
  // A hidden page paints no frames, and animation-frame callbacks would wait for it to be shown.
  const visible = typeof document !== "undefined" && document.visibilityState === "visible";
  if (visible && typeof requestAnimationFrame === "function") requestAnimationFrame(afterTask);
  else afterTask();
}

/**
 * Runs every queued write now, in the order they were first queued.
 * @example flushPendingWrites(); location.href // the address with the latest share link
 */
export function flushPendingWrites(): void {
  scheduled = false;
  const writes = [...pending.values()];
  pending.clear();
  for (const write of writes) write();
}

if (typeof addEventListener === "function" && typeof document !== "undefined") {
  addEventListener("pagehide", flushPendingWrites);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushPendingWrites();
  });
}
