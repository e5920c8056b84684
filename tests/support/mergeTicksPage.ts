// Browser side of tests/site/mergeTicks.test.ts (bundled with esbuild): draws SYNTHETIC Plot charts with or without
// mergeTicks, so the test can compare screenshots.
import * as Plot from "@observablehq/plot";
import {mergeTicks} from "../../components/charts/mergeTicks.js";

const line = (y0: number, step: number) => Array.from({length: 12}, (_, i) => ({x: 2024 + i, y: y0 - step * i, k: i % 2 ? "a" : "b"}));
const charts = () => [
  Plot.plot({width: 640, height: 300, x: {grid: true, tickFormat: "d"}, y: {grid: true}, marks: [Plot.lineY(line(2.3, 0.03), {x: "x", y: "y"})]}),
  Plot.plot({
    width: 640,
    height: 200,
    marginLeft: 140,
    x: {grid: true},
    y: {label: null, domain: ["城镇增速", "农村增速"]},
    marks: [Plot.barX([{n: "城镇增速", a: 1.9, b: 2.1}, {n: "农村增速", a: 1.8, b: 2.2}], {y: "n", x1: "a", x2: "b"}), Plot.ruleX([2])]
  }),
  Plot.plot({width: 640, height: 300, color: {legend: true}, y: {grid: true}, marks: [Plot.lineY(line(2.6, 0.02), {x: "x", y: "y", stroke: "k"})]})
];

/** Draws the charts (merged or not) as the page's only content; returns how many elements the page holds. */
function draw(merged: boolean): number {
  const made = charts();
  if (merged) for (const chart of made) mergeTicks(chart);
  document.body.replaceChildren(...made);
  return document.body.querySelectorAll("*").length;
}

Object.assign(globalThis, {draw});
