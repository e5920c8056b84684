// Work that must follow an edit but not slow the frame that shows it: saving scenarios (history.replaceState makes the
// browser recompute style and layout on the spot) and measuring where the grid's fill handle goes (reading a cell's
// offsets lays the page out). Queued before that frame, it runs in a task just after it, when layout is already done.
// Work queued under the same key is coalesced (the latest wins); everything runs at once when the page is hidden or
// left, and whenever a reader of the address or storage asks (flushAfterFrame).
const pending = new Map<unknown, () => void>();
let scheduled = false;

/**
 * Queues `work` under `key` (later work with the same key replaces it) to run after the next frame.
 * @example afterFrame("yearbook-scenarios:farmland", () => localStorage.setItem(key, json))
 */
export function afterFrame(key: unknown, work: () => void): void {
  pending.set(key, work);
  if (scheduled) return;
  scheduled = true;
  const afterTask = () => setTimeout(flushAfterFrame, 0);
  // A hidden page paints no frames, and animation-frame callbacks would wait for it to be shown.
  const visible = typeof document !== "undefined" && document.visibilityState === "visible";
  if (visible && typeof requestAnimationFrame === "function") requestAnimationFrame(afterTask);
  else afterTask();
}

/**
 * Runs all queued work now, in the order it was first queued.
 * @example flushAfterFrame(); location.href // the address with the latest share link
 */
export function flushAfterFrame(): void {
  scheduled = false;
  const queued = [...pending.values()];
  pending.clear();
  for (const work of queued) work();
}

if (typeof addEventListener === "function" && typeof document !== "undefined") {
  addEventListener("pagehide", flushAfterFrame);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushAfterFrame();
  });
}
