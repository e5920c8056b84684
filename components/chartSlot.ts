// The box a notebook draws a chart in at its width, like Framework's `resize(render)`, with one difference that
// matters on every grid edit: the box is styled `content-visibility: auto`, so when an edit redraws a chart that is off
// screen, the browser builds its new figure but skips that figure's style, layout and paint until it is scrolled into
// view. The box's own width is still laid out, so its resize observer still fires and the chart is drawn at the right
// width, on screen or off.

/** The box's class (tests and stylesheets find chart boxes by it). */
export const CHART_SLOT_CLASS = "chart-slot";

// Inline, so a project using the plugin needs no stylesheet of ours. Off screen the box keeps the height it last had
// on screen (400 px before it was ever shown) and asks for no width of its own: a remembered width would widen a
// narrowed grid column. Charts are drawn at the box's width, so the paint containment this brings clips nothing.
const SLOT_STYLE = "position: relative; content-visibility: auto; contain-intrinsic-size: none auto 400px;";

/**
 * A box that draws `render(width)` whenever its width changes (never at width 0), and stops observing once removed.
 * @example html`<div class="card">${chartSlot((width) => gapChart(rows, {width}))}</div>`
 */
export function chartSlot(render: (width: number) => Node | null | undefined): HTMLDivElement {
  const slot = document.createElement("div");
  slot.className = CHART_SLOT_CLASS;
  slot.setAttribute("style", SLOT_STYLE);
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
