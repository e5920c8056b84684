// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi} from "vitest";
import {deferWrite, flushPendingWrites} from "../../../components/scenario/pendingWrites.js";

afterEach(() => {
  flushPendingWrites();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("deferred writes", () => {
  it("wait for a later task, keep only the latest write per key, and run in first-queued order", () => {
    vi.useFakeTimers();
    const log: string[] = [];
    deferWrite("a", () => log.push("a1"));
    deferWrite("b", () => log.push("b1"));
    deferWrite("a", () => log.push("a2"));
    expect(log).toEqual([]);
    vi.runAllTimers();
    expect(log).toEqual(["a2", "b1"]);
    vi.runAllTimers();
    expect(log).toEqual(["a2", "b1"]);
  });

  it("run at once when flushed, and once only", () => {
    vi.useFakeTimers();
    const write = vi.fn();
    deferWrite("a", write);
    flushPendingWrites();
    expect(write).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("run when the page is left or hidden", () => {
    const left = vi.fn();
    deferWrite("a", left);
    dispatchEvent(new Event("pagehide"));
    expect(left).toHaveBeenCalledTimes(1);
    const hidden = vi.fn();
    deferWrite("a", hidden);
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(hidden).toHaveBeenCalledTimes(1);
  });

  it("queued again after a flush, schedule a new run", () => {
    vi.useFakeTimers();
    const first = vi.fn();
    const second = vi.fn();
    deferWrite("a", first);
    flushPendingWrites();
    deferWrite("a", second);
    vi.runAllTimers();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
  });
});
