// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {preloadHint} from "../../../components/data/preloadHint.js";
import {firstChartDrawn, loadWhenIdle, whenIdle} from "../../../components/data/whenIdle.js";

describe("whenIdle", () => {
  it("whenIdle(callback, {after}) waits for `after` to settle, then calls back once", async () => {
    let release!: () => void;
    const after = new Promise<void>((resolve) => (release = resolve));
    const calls: string[] = [];
    const called = new Promise<void>((resolve) => whenIdle(() => (calls.push("idle"), resolve()), {after}));
    // Let every pending task and microtask run: nothing may be called while `after` is pending.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([]);
    release();
    await called;
    expect(calls).toEqual(["idle"]);
  });
  it("still calls back when `after` rejects (a failed load must not keep SQL from starting)", async () => {
    await new Promise<void>((resolve) => whenIdle(resolve, {after: Promise.reject(new Error("HTTP 404"))}));
  });
});

describe("loadWhenIdle", () => {
  it("starts loading only once `after` has settled, and resolves with what the load returned", async () => {
    let release!: () => void;
    const after = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const tools = loadWhenIdle(async () => (started++, {ScenarioManager: "kit"}), {after});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toBe(0);
    release();
    expect(await tools).toEqual({ScenarioManager: "kit"});
    expect(started).toBe(1);
  });
  it("rejects with the load's error (a failed import shows in the cell that needs it)", async () => {
    await expect(loadWhenIdle(() => Promise.reject(new Error("import failed")))).rejects.toThrow("import failed");
  });
});

describe("firstChartDrawn", () => {
  const settled = (promise: Promise<void>) => {
    let state = false;
    void promise.then(() => (state = true));
    return () => state;
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

  it("settles only after a Plot chart is in the root and a frame has passed, not on other elements", async () => {
    const root = document.createElement("div");
    document.body.append(root);
    const drawn = settled(firstChartDrawn({root, timeout: 10_000}));
    root.append(document.createElement("table"));
    await tick();
    expect(drawn()).toBe(false);
    const figure = document.createElement("figure");
    figure.className = "plot-d6a7b5-figure";
    root.firstElementChild!.append(figure);
    await expect.poll(drawn).toBe(true);
    root.remove();
  });
  it("settles at once when the chart is already there, and after the timeout when none comes", async () => {
    const root = document.createElement("div");
    root.innerHTML = '<svg class="plot-d6a7b5"></svg>';
    await firstChartDrawn({root, timeout: 10_000});
    const empty = settled(firstChartDrawn({root: document.createElement("div"), timeout: 50}));
    await tick();
    expect(empty()).toBe(false);
    await expect.poll(empty).toBe(true);
  });
});

describe("preloadHint", () => {
  it('preloadHint(wasm, "fetch") adds one low-priority preload link with the fetch credentials mode', () => {
    preloadHint("/_node/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm", "fetch");
    preloadHint("/_node/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm", "fetch");
    const links = document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"][href$="duckdb-eh.wasm"]');
    expect(links.length).toBe(1);
    expect(links[0].getAttribute("as")).toBe("fetch");
    expect(links[0].getAttribute("crossorigin")).toBe("anonymous");
    expect(links[0].getAttribute("fetchpriority")).toBe("low");
  });
  it('preloadHint(worker, "script") adds a script preload without crossorigin', () => {
    preloadHint("/_node/w.js", "script");
    const link = document.head.querySelector<HTMLLinkElement>('link[rel="preload"][href$="/_node/w.js"]')!;
    expect(link.getAttribute("as")).toBe("script");
    expect(link.hasAttribute("crossorigin")).toBe(false);
  });
});
