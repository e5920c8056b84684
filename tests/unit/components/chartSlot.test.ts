// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi, type Mock} from "vitest";

// jsdom has no layout, ResizeObserver or IntersectionObserver: these report what a test tells them, and each box is
// on screen or not as the test says.
class FakeResizeObserver {
  static last: FakeResizeObserver;
  observed = new Set<Element>();
  constructor(readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  report(...sizes: [Element, number][]) {
    this.callback(sizes.map(([target, width]) => ({target, contentRect: {width, height: 0}}) as unknown as ResizeObserverEntry), this as unknown as ResizeObserver);
  }
}
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver;
  observed = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback, readonly options: IntersectionObserverInit) {
    FakeIntersectionObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  report(target: Element, isIntersecting: boolean) {
    this.callback([{target, isIntersecting} as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}
// Idle time comes when a test says so: one queued callback per idle period.
let idleQueue: (() => void)[] = [];
function idlePeriod() {
  const callbacks = idleQueue;
  idleQueue = [];
  callbacks.forEach((callback) => callback());
}
const idleOptions: (IdleRequestOptions | undefined)[] = [];
vi.stubGlobal("requestIdleCallback", (callback: () => void, options?: IdleRequestOptions) => {
  idleOptions.push(options);
  return idleQueue.push(callback);
});
vi.stubGlobal("ResizeObserver", FakeResizeObserver);
vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
// The module's observers are made when it loads, so it loads after the fakes are in place.
const {chartSlot, CHART_SLOT_CLASS, CHART_PENDING_CLASS} = await import("../../../components/chartSlot.js");
const resized = FakeResizeObserver.last;
const near = FakeIntersectionObserver.last;

const shownBoxes = new Set<Element>();
function place(box: Element, onScreen: boolean) {
  if (onScreen) shownBoxes.add(box);
  else shownBoxes.delete(box);
  box.getBoundingClientRect = () => ({top: onScreen ? 100 : 5000, bottom: onScreen ? 500 : 5400, width: 640}) as DOMRect;
}
function figure(width: number) {
  return Object.assign(document.createElement("figure"), {title: String(width)});
}
function newBox(render: Mock<(width: number) => Node | null> = vi.fn(figure), {onScreen = true} = {}) {
  const box = chartSlot(render);
  place(box, onScreen);
  document.body.append(box);
  return {box, render};
}
const shown = (box: Element) => [...box.children].map((c) => (c as HTMLElement).title || c.className);

afterEach(() => {
  document.body.replaceChildren();
  while (idleQueue.length) idlePeriod();
});

describe("chartSlot", () => {
  it("draws at the box's width when on screen, again only when the width changes, never at width 0", () => {
    const {box, render} = newBox();
    expect(box.className).toBe(CHART_SLOT_CLASS);
    // Its containment is inline, so a project using the plugin needs no stylesheet of ours.
    expect(box.getAttribute("style")).toContain("content-visibility: auto");
    expect(resized.observed.has(box)).toBe(true);
    resized.report([box, 0]);
    expect(render).not.toHaveBeenCalled();
    resized.report([box, 640]);
    resized.report([box, 640]);
    expect(render.mock.calls).toEqual([[640]]);
    resized.report([box, 320]);
    expect(render.mock.calls).toEqual([[640], [320]]);
    expect(shown(box)).toEqual(["320"]);
  });

  it("holds a placeholder off screen, and draws the chart when the page scrolls it into view before idle time", () => {
    const {box, render} = newBox(undefined, {onScreen: false});
    resized.report([box, 640]);
    expect(render).not.toHaveBeenCalled();
    expect(shown(box)).toEqual([CHART_PENDING_CLASS]);
    // A scroll that leaves it off screen draws nothing.
    document.dispatchEvent(new Event("scroll"));
    expect(render).not.toHaveBeenCalled();
    place(box, true);
    document.dispatchEvent(new Event("scroll"));
    expect(render.mock.calls).toEqual([[640]]);
    expect(shown(box)).toEqual(["640"]);
    // Drawn once: later scrolls leave it be.
    document.dispatchEvent(new Event("scroll"));
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("draws every off-screen chart in idle time, one per idle period, those close to the view first", () => {
    const far = newBox(undefined, {onScreen: false});
    const close = newBox(undefined, {onScreen: false});
    resized.report([far.box, 640], [close.box, 640]);
    expect(near.options.rootMargin).toBe("50% 0px");
    expect(near.observed).toEqual(new Set([far.box, close.box]));
    near.report(close.box, true);
    expect(close.render).not.toHaveBeenCalled(); // not in the observer's own task
    idlePeriod();
    expect(shown(close.box)).toEqual(["640"]);
    expect(far.render).not.toHaveBeenCalled();
    expect(near.observed.has(close.box)).toBe(false);
    idlePeriod();
    expect(shown(far.box)).toEqual(["640"]);
    expect(near.observed.size).toBe(0);
    idlePeriod();
    expect([far.render.mock.calls, close.render.mock.calls]).toEqual([[[640]], [[640]]]);
    // A browser short of idle time still draws them, a second later at most.
    expect(idleOptions.at(-1)).toEqual({timeout: 1000});
  });

  it("puts a box back in line when it leaves the view's neighbourhood before idle time", () => {
    const first = newBox(undefined, {onScreen: false});
    const passed = newBox(undefined, {onScreen: false});
    resized.report([first.box, 640], [passed.box, 640]);
    near.report(passed.box, true);
    near.report(passed.box, false);
    idlePeriod();
    expect(shown(first.box)).toEqual(["640"]);
    expect(passed.render).not.toHaveBeenCalled();
  });

  it("draws every waiting chart before the page is printed", () => {
    const boxes = [newBox(undefined, {onScreen: false}), newBox(undefined, {onScreen: false})];
    resized.report(...boxes.map(({box}) => [box, 500] as [Element, number]));
    dispatchEvent(new Event("beforeprint"));
    expect(boxes.map(({box}) => shown(box))).toEqual([["500"], ["500"]]);
  });

  it("before printing, leaves a box taken off the page undrawn even before its observer says so", () => {
    const {box, render} = newBox(undefined, {onScreen: false});
    resized.report([box, 640]);
    box.remove();
    dispatchEvent(new Event("beforeprint"));
    expect(render).not.toHaveBeenCalled();
    expect(near.observed.has(box)).toBe(false);
  });

  it("waits again when a drawn chart's box changes width off screen", () => {
    const {box, render} = newBox();
    resized.report([box, 640]);
    place(box, false);
    resized.report([box, 480]);
    expect(shown(box)).toEqual([CHART_PENDING_CLASS]);
    place(box, true);
    document.dispatchEvent(new Event("scroll"));
    expect(render.mock.calls).toEqual([[640], [480]]);
  });

  it("holds nothing when the render returns nothing", () => {
    const {box} = newBox(vi.fn(() => null));
    resized.report([box, 500]);
    expect(box.childNodes.length).toBe(0);
  });

  it("stops observing once taken off the page (its cell re-ran), without drawing", () => {
    const {box, render} = newBox(undefined, {onScreen: false});
    resized.report([box, 640]);
    box.remove();
    resized.report([box, 0]);
    expect(resized.observed.has(box)).toBe(false);
    expect(near.observed.has(box)).toBe(false);
    dispatchEvent(new Event("beforeprint"));
    idlePeriod();
    expect(render).not.toHaveBeenCalled();
  });
});
