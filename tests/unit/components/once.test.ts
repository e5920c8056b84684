import {describe, expect, it, vi} from "vitest";
import {once} from "../../../components/once.js";

describe("once", () => {
  it("computes nothing until asked, then once, and gives the same value every time", () => {
    const compute = vi.fn(() => ({runs: 1000}));
    const band = once(compute);
    expect(compute).not.toHaveBeenCalled();
    const first = band();
    expect(band()).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("remembers undefined as a result too", () => {
    const compute = vi.fn(() => undefined);
    const value = once(compute);
    value();
    value();
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("computes again on the next call when the first one threw", () => {
    let calls = 0;
    const value = once(() => {
      if (++calls === 1) throw new Error("not yet");
      return calls;
    });
    expect(() => value()).toThrow("not yet");
    expect(value()).toBe(2);
  });
});
