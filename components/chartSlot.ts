// The box a notebook draws a chart in at its width, like Framework's `resize(render)`, with one difference that
// matters on every grid edit: the frame after an edit draws only the charts on screen. An edit re-runs every cell that
// depends on the grid, and each makes a new box; drawing figures nobody can see would spend the analyst's frame on
// them. So a box off screen holds a placeholder of the usual chart height and is drawn
// - in idle time between frames (within a second at the latest), one chart at a time, those within half a screen of
//   the view first: every chart is drawn soon after an edit (for find-in-page, screen readers and downloads), but
//   after the analyst's next keys, not before them;
// - in the frame it first shows on screen if idle time has not come yet: boxes are checked as the page scrolls,
//   before that frame is laid out, so no frame shows an empty box, even after a jump through a link or the End key;
// - all at once before printing.
// The box is also styled `content-visibility: auto`, so a chart drawn and then scrolled far away costs no style,
// layout or paint when something else changes.

/** The box's class (tests and stylesheets find chart boxes by it). */
export const CHART_SLOT_CLASS = "chart-slot";
/** The placeholder's class: a box holding one has a chart to draw when it is shown. */
export const CHART_PENDING_CLASS = "chart-pending";

// Inline, so a project using the plugin needs no stylesheet of ours. Off screen the box keeps the height it last had
// on screen (400 px before it was ever shown) and asks for no width of its own: a remembered width would widen a
// narrowed grid column. Charts are drawn at the box's width, so the paint containment this brings clips nothing.
const SLOT_STYLE = "position: relative; content-visibility: auto; contain-intrinsic-size: none auto 400px;";
// About a chart's height, so the page moves little when the chart replaces it.
const PLACEHOLDER_HEIGHT = "400px";
// How far from the view a box counts as close: drawn first in idle time.
const AHEAD = "50% 0px";
// The longest a chart off screen waits for idle time, in ms.
const IDLE_DEADLINE = 1000;

interface Slot {
  render: (width: number) => Node | null | undefined;
  width: number;
  drawnWidth?: number;
}

const slots = new WeakMap<Element, Slot>();
// Boxes with a chart to draw: checked on every scroll, drawn before printing.
const pending = new Set<HTMLElement>();

function draw(element: HTMLElement) {
  const slot = slots.get(element);
  forget(element);
  if (!slot || slot.width <= 0 || slot.width === slot.drawnWidth) return;
  slot.drawnWidth = slot.width;
  const chart = slot.render(slot.width);
  element.replaceChildren(...(chart ? [chart] : []));
}

function placeholder(): HTMLDivElement {
  const div = document.createElement("div");
  div.className = CHART_PENDING_CLASS;
  div.style.height = PLACEHOLDER_HEIGHT;
  return div;
}

function wait(element: HTMLElement) {
  if (pending.has(element)) return;
  // A new box holds its placeholder already; a drawn one whose width changed off screen gets one, and is drawn again
  // even if its width comes back to the one it had.
  if (!element.firstElementChild?.classList.contains(CHART_PENDING_CLASS)) element.replaceChildren(placeholder());
  const slot = slots.get(element);
  if (slot) slot.drawnWidth = undefined;
  pending.add(element);
  ahead?.observe(element);
  drawWhenIdle();
}

// A box no longer waiting: drawn, or taken off the page (its cell re-ran).
function forget(element: HTMLElement) {
  pending.delete(element);
  near.delete(element);
  ahead?.unobserve(element);
}

// Whether a box is on screen. Called only where the page's layout is already up to date: reading it costs nothing.
function onScreen(element: Element): boolean {
  const {top, bottom, width} = element.getBoundingClientRect();
  return width > 0 && bottom > 0 && top < innerHeight;
}

function drawShown() {
  // Read every box first, then draw: a draw changes the page, and a read after it would lay the page out again.
  const shown = [...pending].filter((element) => !element.isConnected || onScreen(element));
  for (const element of shown) {
    if (element.isConnected) draw(element);
    else forget(element);
  }
}

// One observer for every box: its callback sees all the boxes whose width changed in a frame, so it reads where they
// are before it draws any of them.
const resized =
  typeof ResizeObserver === "function"
    ? new ResizeObserver((entries) => {
        const changed: HTMLElement[] = [];
        for (const entry of entries) {
          const element = entry.target as HTMLElement;
          const slot = slots.get(element);
          // A box taken off the page (its cell re-ran) reports no size: it will not be shown again.
          if (!slot || !element.isConnected) {
            resized?.unobserve(element);
            forget(element);
            continue;
          }
          slot.width = entry.contentRect.width;
          if (slot.width > 0 && slot.width !== slot.drawnWidth) changed.push(element);
        }
        const shown = changed.map(onScreen);
        changed.forEach((element, i) => (shown[i] ? draw(element) : wait(element)));
      })
    : undefined;

// Boxes close to the view: drawn first in idle time.
const near = new Set<HTMLElement>();
let idleQueued = false;
// One chart per idle period: a key pressed meanwhile waits for one chart's drawing at most. A browser can go seconds
// without idle time (seen on a freshly started one): past the deadline the chart is drawn in a task of its own.
function drawWhenIdle() {
  if (idleQueued || !pending.size) return;
  idleQueued = true;
  const idle =
    typeof requestIdleCallback === "function"
      ? (work: () => void) => requestIdleCallback(work, {timeout: IDLE_DEADLINE})
      : (work: () => void) => setTimeout(work, 1);
  idle(() => {
    idleQueued = false;
    const [element] = near.size ? near : pending;
    if (element?.isConnected) draw(element);
    else if (element) forget(element);
    drawWhenIdle();
  });
}

const ahead =
  typeof IntersectionObserver === "function"
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const element = entry.target as HTMLElement;
            // Scrolled away again before idle time came: no longer first in line.
            if (entry.isIntersecting && pending.has(element)) near.add(element);
            else near.delete(element);
          }
        },
        {rootMargin: AHEAD}
      )
    : undefined;

if (typeof addEventListener === "function") {
  // Scroll events come before the frame is laid out: a box drawn here shows in that same frame.
  addEventListener("scroll", () => pending.size && drawShown(), {capture: true, passive: true});
  addEventListener("beforeprint", () => [...pending].forEach((element) => (element.isConnected ? draw(element) : forget(element))));
}

/**
 * A box that draws `render(width)` at its width, right away when on screen and otherwise in idle time, and again
 * whenever its width changes (never at width 0). It stops observing once removed.
 * @example html`<div class="card">${chartSlot((width) => gapChart(rows, {width}))}</div>`
 */
export function chartSlot(render: Slot["render"]): HTMLDivElement {
  const element = document.createElement("div");
  element.className = CHART_SLOT_CLASS;
  element.setAttribute("style", SLOT_STYLE);
  element.append(placeholder());
  slots.set(element, {render, width: 0});
  resized?.observe(element);
  return element;
}
