// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi} from "vitest";
import {afterFrame, flushAfterFrame} from "../../../components/afterFrame.js";

afterEach(() => {
  flushAfterFrame();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("afterFrame", () => {
  it("waits for a later task, keeps only the latest work per key, and runs it in first-queued order", () => {
    vi.useFakeTimers();
    const log: string[] = [];
    afterFrame("a", () => log.push("a1"));
    afterFrame("b", () => log.push("b1"));
    afterFrame("a", () => log.push("a2"));
    expect(log).toEqual([]);
    vi.runAllTimers();
    expect(log).toEqual(["a2", "b1"]);
    vi.runAllTimers();
    expect(log).toEqual(["a2", "b1"]);
  });

  it("runs at once when flushed, and once only", () => {
    vi.useFakeTimers();
    const write = vi.fn();
    afterFrame("a", write);
    flushAfterFrame();
    expect(write).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it("runs when the page is left or hidden", () => {
    const left = vi.fn();
    afterFrame("a", left);
    dispatchEvent(new Event("pagehide"));
    expect(left).toHaveBeenCalledTimes(1);
    const hidden = vi.fn();
    afterFrame("a", hidden);
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(hidden).toHaveBeenCalledTimes(1);
  });

  it("queued again after a flush, schedules a new run", () => {
    vi.useFakeTimers();
    const first = vi.fn();
    const second = vi.fn();
    afterFrame("a", first);
    flushAfterFrame();
    afterFrame("a", second);
    vi.runAllTimers();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
  });

  it("is one queue per page, shared by every bundled copy of the module (the header's language switch has its own)", async () => {
    vi.resetModules();
    // A query makes the module load a second time, as a second bundle would carry it.
    const second = "../../../components/afterFrame.js?copy";
    const copy = (await import(/* @vite-ignore */ second)) as typeof import("../../../components/afterFrame.js");
    expect(copy.flushAfterFrame).not.toBe(flushAfterFrame);
    const save = vi.fn();
    afterFrame("notebook save", save);
    copy.flushAfterFrame();
    expect(save).toHaveBeenCalledTimes(1);
  });
});
