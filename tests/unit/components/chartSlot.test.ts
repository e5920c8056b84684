// @vitest-environment jsdom
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {chartSlot, CHART_SLOT_CLASS} from "../../../components/chartSlot.js";

// jsdom has no ResizeObserver: this one reports the widths a test gives it.
class FakeResizeObserver {
  static last: FakeResizeObserver;
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.last = this;
  }
  observe(target: Element) {
    this.observed.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
  report(width: number) {
    this.callback([{contentRect: {width, height: 0}} as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
}

beforeEach(() => vi.stubGlobal("ResizeObserver", FakeResizeObserver));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe("chartSlot", () => {
  it("draws at the box's width, again only when the width changes, never at width 0", () => {
    const render = vi.fn((width: number) => Object.assign(document.createElement("figure"), {title: String(width)}));
    const slot = chartSlot(render);
    document.body.append(slot);
    const observer = FakeResizeObserver.last;
    expect(slot.className).toBe(CHART_SLOT_CLASS);
    // Its containment is inline, so a project using the plugin needs no stylesheet of ours.
    expect(slot.getAttribute("style")).toContain("content-visibility: auto");
    expect(observer.observed).toEqual([slot]);
    observer.report(0);
    expect(render).not.toHaveBeenCalled();
    observer.report(640);
    observer.report(640);
    expect(render.mock.calls).toEqual([[640]]);
    observer.report(320);
    expect(render.mock.calls).toEqual([[640], [320]]);
    expect([...slot.children].map((c) => (c as HTMLElement).title)).toEqual(["320"]);
  });

  it("holds nothing when the render returns nothing", () => {
    const slot = chartSlot(() => null);
    document.body.append(slot);
    FakeResizeObserver.last.report(500);
    expect(slot.childNodes.length).toBe(0);
  });

  it("stops observing once taken off the page (its cell re-ran), without drawing", () => {
    const render = vi.fn(() => document.createElement("figure"));
    const slot = chartSlot(render);
    document.body.append(slot);
    slot.remove();
    FakeResizeObserver.last.report(0);
    expect(FakeResizeObserver.last.disconnected).toBe(true);
    expect(render).not.toHaveBeenCalled();
  });
});
