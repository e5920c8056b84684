// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {tornadoChart} from "../../../components/charts/tornadoChart.js";
import {sensitivityHeatTable} from "../../../components/charts/sensitivityHeatTable.js";
import {bandChart} from "../../../components/charts/bandChart.js";
import {scenarioLinesChart} from "../../../components/charts/scenarioLinesChart.js";

// A synthetic series falling by `step` a year from `y0` in 2024 (test input, not a statistic).
const line = (y0: number, step: number) => Array.from({length: 12}, (_, i) => ({x: 2024 + i, y: y0 - step * i}));

describe("scenario charts", () => {
  it("tornadoChart draws one bar per parameter and labels both ends", () => {
    const svg = tornadoChart(
      [
        {parameter: "rural", low: 1.9, high: 1.7, base: 1.8},
        {parameter: "urban", low: 1.75, high: 1.85, base: 1.8}
      ],
      {names: {rural: "农村", urban: "城镇"}}
    );
    expect(svg.querySelectorAll("[aria-label=bar] rect").length).toBe(2);
    expect(svg.textContent).toContain("+ 1.850");
    expect(svg.textContent).toContain("+ 1.700"); // rural raised lowers the ratio: the label says which end is +
    expect(svg.textContent).toContain("农村");
  });

  it("sensitivityHeatTable shows every cell and marks those at or below the target", () => {
    const grid = {
      x: {column: "rural", values: [0.06, 0.07, 0.08]},
      y: {column: "urban", values: [0.04, 0.05]},
      probe: {series: "ratio", x: 2035},
      cells: [
        [2.1, 2.0, 1.9],
        [2.3, 2.2, 2.05]
      ]
    };
    const table = sensitivityHeatTable(grid, {xLabel: "农村", yLabel: "城镇", valueFormat: "ratio", target: {value: 2, direction: "<="}});
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["城镇 ↓ · 农村 →", "6%", "7%", "8%"]);
    expect([...table.querySelectorAll("tbody th")].map((th) => th.textContent)).toEqual(["4%", "5%"]);
    expect([...table.querySelectorAll("td[data-met=true]")].map((td) => td.textContent)).toEqual(["2.00 ✓", "1.90 ✓"]);
    const above = sensitivityHeatTable(grid, {xLabel: "农村", yLabel: "城镇", valueFormat: "ratio", target: {value: 2.2, direction: ">="}});
    expect([...above.querySelectorAll("td[data-met=true]")].map((td) => td.textContent)).toEqual(["2.30 ✓", "2.20 ✓"]);
  });

  it("bandChart draws the band as one area, its median and the central scenario as lines", () => {
    const central = line(2.3, 0.03);
    const band = central.map((p) => ({x: p.x, p10: p.y - 0.1, p50: p.y, p90: p.y + 0.1}));
    const figure = bandChart({observed: line(2.6, 0).slice(0, 1), band, central, runs: 100, label: "收入比", format: "ratio"});
    expect(figure.querySelectorAll("[aria-label=area] path").length).toBe(1);
    expect(figure.querySelectorAll("[aria-label=line] path").length).toBe(3);
    expect(figure.textContent).toContain("10-90%（100 次模拟）");
  });

  it("scenarioLinesChart draws the observed line plus one line per scenario, end labels and target marks", () => {
    const chart = scenarioLinesChart({
      observed: line(2.6, 0.02).slice(0, 5).map((p) => ({...p, x: p.x - 4})),
      scenarios: [
        {name: "A", points: line(2.3, 0.03)},
        {name: "B", points: line(2.3, 0.01)}
      ],
      targets: [{x: 2035, value: 2, label: "目标 2.0"}],
      label: "收入比",
      format: "ratio"
    });
    expect(chart.querySelectorAll("[aria-label=line] path").length).toBe(3);
    const texts = [...chart.querySelectorAll("[aria-label=text] text")].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(["1.970", "2.190", "目标 2.0"]));
    expect(chart.querySelectorAll("[aria-label=dot] path, [aria-label=dot] circle").length).toBe(1);
  });
});
