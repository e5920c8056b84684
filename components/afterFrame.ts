// Work that must follow an edit but not slow the frame that shows it: saving scenarios (history.replaceState makes the
// browser recompute style and layout on the spot) and measuring where the grid's fill handle goes (reading a cell's
// offsets lays the page out). Queued before that frame, it runs in a task just after it, when layout is already done.
// Work queued under the same key is coalesced (the latest wins); everything runs at once when the page is hidden or
// left, and whenever a reader of the address or storage asks (flushAfterFrame).

// One queue per page, not per copy of this module: the header's language switch is bundled apart from the notebooks
// (scripts/bundle-pages.ts), and its flush must run the notebooks' queued saves.
interface Queue {
  pending: Map<unknown, () => void>;
  scheduled: boolean;
}
const slots = globalThis as unknown as Record<symbol, Queue | undefined>;
const queue = (slots[Symbol.for("yearbook-scenarios.afterFrame")] ??= {pending: new Map(), scheduled: false});

/**
 * Queues `work` under `key` (later work with the same key replaces it) to run after the next frame.
 * @example afterFrame("yearbook-scenarios:farmland", () => localStorage.setItem(key, json))
 */
export function afterFrame(key: unknown, work: () => void): void {
  queue.pending.set(key, work);
  if (queue.scheduled) return;
  queue.scheduled = true;
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
  queue.scheduled = false;
  const queued = [...queue.pending.values()];
  queue.pending.clear();
  for (const work of queued) work();
}

if (typeof addEventListener === "function" && typeof document !== "undefined") {
  addEventListener("pagehide", flushAfterFrame);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushAfterFrame();
  });
}
