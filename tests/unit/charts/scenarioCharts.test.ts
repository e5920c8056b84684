// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {tornadoChart} from "../../../components/charts/tornadoChart.js";
import {sensitivityHeatTable} from "../../../components/charts/sensitivityHeatTable.js";
import {bandChart} from "../../../components/charts/bandChart.js";
import {scenarioCompareChart} from "../../../components/charts/scenarioCompareChart.js";
import {regionPathsChart} from "../../../components/charts/regionPathsChart.js";
import {compareTable, summarize} from "../../../components/scenarioSummary.js";
import {withGap} from "../../../components/model/incomeProjection.js";

const path = (ratio0: number, step: number) =>
  withGap(Array.from({length: 12}, (_, i) => ({year: 2024 + i, urban: 1000 * (ratio0 - step * i), rural: 1000})));

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
    const table = sensitivityHeatTable({urbanRates: [0.04, 0.05], ruralRates: [0.06, 0.07, 0.08], year: 2035, cells: [[2.1, 2.0, 1.9], [2.3, 2.2, 2.05]]}, {target: 2});
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["城镇 Urban ↓ · 农村 Rural →", "6.0%", "7.0%", "8.0%"]);
    expect([...table.querySelectorAll("td[data-met=true]")].map((td) => td.textContent)).toEqual(["2.00 ✓", "1.90 ✓"]);
  });

  it("bandChart, scenarioCompareChart and regionPathsChart draw one line per series", () => {
    const history = path(2.6, 0).slice(0, 1);
    const band = path(2.3, 0.03).map((p) => ({year: p.year, p10: p.ratio - 0.1, p50: p.ratio, p90: p.ratio + 0.1}));
    const figure = bandChart(history, band, path(2.3, 0.03), {runs: 100});
    expect(figure.querySelectorAll("[aria-label=area] path").length).toBe(1);
    const compare = scenarioCompareChart(history, [{name: "A", path: path(2.3, 0.03)}, {name: "B", path: path(2.3, 0.01)}]);
    expect(compare.querySelectorAll("[aria-label=line] path").length).toBe(3);
    const regions = regionPathsChart([
      {region: "r1", scenario: "A", path: path(2.3, 0.03)},
      {region: "r2", scenario: "A", path: path(2.1, 0.03)}
    ]);
    expect(regions.querySelectorAll("[aria-label=line] path").length).toBe(2);
  });
});

describe("compareTable", () => {
  it("summarize finds 2025/2035 values and the first year at or below the target", () => {
    const s = summarize("s1", "A", path(2.3, 0.03), 2.1);
    expect(s.ratio2025).toBeCloseTo(2.27, 9);
    expect(s.ratio2035).toBeCloseTo(1.97, 9);
    expect(s.firstYear).toBe(2031);
  });
  it("compareTable shows differences from the baseline row and 'not by 2035' when a target is missed", () => {
    const rows = [summarize("baseline", "Base", path(2.3, 0.01), 2.1), summarize("s1", "A", path(2.3, 0.03), 2.1)];
    const table = compareTable(rows, {target: 2.1});
    const cells = (id: string) => [...table.querySelectorAll(`tr[data-id=${id}] td`)].map((td) => td.textContent);
    expect(cells("baseline")[1]).toBe("2.190");
    expect(cells("baseline")[4]).toContain("not by 2035");
    expect(cells("s1")[1]).toBe("1.970 (−0.220)");
  });
});
