// The box a notebook draws a chart in at its width, like Framework's `resize(render)`, with one difference that
// matters on every grid edit: the box is styled `content-visibility: auto` (class chart-slot, src/style.css), so when
// an edit redraws a chart that is off screen, the browser builds its new figure but skips that figure's style, layout
// and paint until it is scrolled into view. The box's own width is still laid out, so its resize observer still fires
// and the chart is drawn at the right width, on screen or off.

/** The class that gives the box its containment (see src/style.css). */
export const CHART_SLOT_CLASS = "chart-slot";

/**
 * A box that draws `render(width)` whenever its width changes (never at width 0), and stops observing once removed.
 * @example html`<div class="card">${chartSlot((width) => gapChart(rows, {width}))}</div>`
 */
export function chartSlot(render: (width: number) => Node | null | undefined): HTMLDivElement {
  const slot = document.createElement("div");
  slot.className = CHART_SLOT_CLASS;
  let drawnWidth: number | undefined;
  const observer = new ResizeObserver(([entry]) => {
    // A box taken off the page (its cell re-ran) reports no size: it will not be shown again.
    if (!slot.isConnected) return observer.disconnect();
    const {width} = entry.contentRect;
    if (width === drawnWidth || width <= 0) return;
    drawnWidth = width;
    const chart = render(width);
    slot.replaceChildren(...(chart ? [chart] : []));
  });
  observer.observe(slot);
  return slot;
}
