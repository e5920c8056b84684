import {describe, expect, it} from "vitest";
import {createProgress, formatProgress} from "../../../loaders/reload/progress.js";

function sink(isTTY: boolean) {
  let text = "";
  return {stream: {isTTY, write: (s: string) => void (text += s)}, text: () => text};
}

describe("progress", () => {
  it("formatProgress shows source, bytes or rows, and elapsed seconds", () => {
    expect(formatProgress({source: "income-national", rows: 72, elapsedMs: 1234})).toBe(
      "income-national · 72 rows · 1.2 s"
    );
    expect(formatProgress({source: "x.csv ← https://h/x.csv", bytes: 2048, total: 4096, elapsedMs: 50})).toBe(
      "x.csv ← https://h/x.csv · 2.0 kB of 4.0 kB · 0.1 s"
    );
  });

  it("redraws one line on a terminal", () => {
    let t = 0;
    const out = sink(true);
    const progress = createProgress({stream: out.stream, live: true, now: () => t});
    progress.update("a", {bytes: 10});
    t = 500;
    progress.update("a", {bytes: 20});
    progress.done("a", {rows: 3});
    expect(out.text()).toBe("a · 10 B · 0.0 s\r\x1b[2Ka · 20 B · 0.5 s\r\x1b[2Ka · 3 rows · 0.5 s\n");
  });

  it("prints plain lines in CI: one when a step starts and one when it ends, no control characters", () => {
    let t = 0;
    const out = sink(false);
    const progress = createProgress({stream: out.stream, live: false, now: () => t});
    progress.update("a", {bytes: 10});
    t = 2000;
    progress.update("a", {bytes: 20});
    progress.done("a", {rows: 3});
    progress.info("done");
    expect(out.text()).toBe("a · 10 B · 0.0 s\na · 3 rows · 2.0 s\ndone\n");
  });

  it("is plain when CI=true even on a terminal", () => {
    const previous = process.env.CI;
    process.env.CI = "true";
    try {
      const out = sink(true);
      createProgress({stream: out.stream}).update("a");
      expect(out.text()).not.toContain("\r");
    } finally {
      if (previous === undefined) delete process.env.CI;
      else process.env.CI = previous;
    }
  });
});
