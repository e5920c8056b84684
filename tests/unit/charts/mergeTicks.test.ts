// @vitest-environment jsdom
import * as Plot from "@observablehq/plot";
import {describe, expect, it} from "vitest";
import {mergeTicks} from "../../../components/charts/mergeTicks.js";

// SYNTHETIC points for a chart's structure only.
const points = Array.from({length: 12}, (_, i) => ({x: 2024 + i, y: 2.3 - 0.03 * i}));
const chart = () => Plot.plot({width: 640, height: 300, x: {grid: true, tickFormat: "d"}, y: {grid: true}, marks: [Plot.lineY(points, {x: "x", y: "y"})]});
const groups = (svg: Element) => [...svg.querySelectorAll("g[aria-label]")].filter((g) => /(tick|-grid)$/.test(g.getAttribute("aria-label")!));

// Every tick and grid segment as absolute [x1, y1, x2, y2] strings, read from separate elements or from subpaths.
function segments(group: Element): string[] {
  return [...group.children].flatMap((child) => {
    if (child.localName === "line") return [["x1", "y1", "x2", "y2"].map((a) => Number(child.getAttribute(a))).join(" ")];
    const transform = /translate\(([^,]+),([^)]+)\)/.exec(child.getAttribute("transform") ?? "");
    if (transform) {
      const [, dx, dy] = /^M0,0L(.+),(.+)$/.exec(child.getAttribute("d")!)!;
      const [x, y] = [Number(transform[1]), Number(transform[2])];
      return [[x, y, x + Number(dx), y + Number(dy)].join(" ")];
    }
    return [...child.getAttribute("d")!.matchAll(/M([^,]+),([^lL]+)([lL])([^,]+),([^M]+)/g)].map(([, x, y, kind, a, b]) => {
      const [x1, y1] = [Number(x), Number(y)];
      return (kind === "l" ? [x1, y1, x1 + Number(a), y1 + Number(b)] : [x1, y1, Number(a), Number(b)]).join(" ");
    });
  });
}

describe("mergeTicks", () => {
  it("draws each tick and grid group as one path holding exactly the segments of its former elements", () => {
    const plain = chart();
    const merged = mergeTicks(chart());
    const [before, after] = [groups(plain), groups(merged)];
    expect(after.map((g) => g.getAttribute("aria-label"))).toEqual(["y-grid", "y-axis tick", "x-grid", "x-axis tick"]);
    expect(before.map((g) => g.childElementCount)).toEqual([7, 7, 6, 6]);
    expect(after.map((g) => g.childElementCount)).toEqual([1, 1, 1, 1]);
    after.forEach((g, i) => expect(segments(g)).toEqual(segments(before[i])));
    // The group keeps its stroke, opacity and offset; the tick labels are not touched.
    expect(after.map((g) => g.getAttribute("transform"))).toEqual(before.map((g) => g.getAttribute("transform")));
    expect(merged.querySelectorAll("g[aria-label='x-axis tick label'] text")).toHaveLength(6);
  });
  it("also finds groups whose label chartFigure moved to data-aria-label", () => {
    const svg = chart();
    for (const g of svg.querySelectorAll("g[aria-label]")) g.setAttribute("data-aria-label", g.getAttribute("aria-label")!), g.removeAttribute("aria-label");
    mergeTicks(svg);
    expect(svg.querySelectorAll("g[data-aria-label='x-axis tick'] > path")).toHaveLength(1);
  });
  it("leaves a group alone when any child is not a plain tick or line (another attribute, a title, a rotation)", () => {
    const svg = chart();
    const [yGrid, yTick, xGrid, xTick] = groups(svg);
    xGrid.firstElementChild!.setAttribute("stroke", "red");
    yGrid.firstElementChild!.append(document.createElementNS("http://www.w3.org/2000/svg", "title"));
    yTick.firstElementChild!.setAttribute("transform", "translate(1,2) rotate(45)");
    mergeTicks(svg);
    expect([yGrid, yTick, xGrid, xTick].map((g) => g.childElementCount)).toEqual([7, 7, 6, 1]);
  });
});
