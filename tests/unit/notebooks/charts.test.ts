// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {farmlandChart} from "../../../components/charts/farmlandChart.js";
import {coverageChart} from "../../../components/charts/coverageChart.js";
import {progressChart} from "../../../components/charts/progressChart.js";
import {provinceRankChart, type ProvinceIncome} from "../../../components/charts/provinceRankChart.js";
import {provinceTrendChart} from "../../../components/charts/provinceTrendChart.js";

// Synthetic inputs (shapes only); the real figures are checked in tests/site/notebooks.test.ts.
const svgOf = (node: Element) =>
  node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg[class*='plot']")!;

describe("farmlandChart", () => {
  const observed = [
    {year: 2020, value: 10, lowerBound: false, ref: "A"},
    {year: 2023, value: 20, lowerBound: true, ref: "B"}
  ];
  it("draws lower bounds as their own mark, labelled ≥, and marks missing years", () => {
    const chart = farmlandChart(
      observed,
      [
        {year: 2023, value: 20},
        {year: 2024, value: 25}
      ],
      {width: 500, targets: [{year: 2025, value: 30, label: "t"}], missingYears: [2021, 2022]}
    );
    const svg = svgOf(chart);
    expect(svg.querySelectorAll("g.lower-bound path")).toHaveLength(1);
    expect(svg.textContent).toContain("≥ 20");
    expect(svg.textContent!.match(/缺 no data/g)).toHaveLength(2);
    expect(svg.textContent).toContain("t 30");
  });
});

describe("coverageChart", () => {
  it("writes each observed value and one 缺 per missing year", () => {
    const chart = coverageChart(
      [
        {year: 2020, value: 83},
        {year: 2023, value: 90}
      ],
      [],
      {width: 500, target: {year: 2025, value: 88}, missingYears: [2021, 2022]}
    );
    const text = svgOf(chart).textContent!;
    expect(text).toContain("83");
    expect(text).toContain("2025 目标 target 88%");
    expect(text.match(/缺/g)).toHaveLength(2); // the legend is HTML beside the svg
  });
});

describe("progressChart", () => {
  it("labels each bar with baseline → latest (year) / target", () => {
    const chart = progressChart([{label: "x", unit: "%", baseline: 80, latest: 85, latestYear: 2023, target: 90}], {
      width: 500
    });
    expect(svgOf(chart).textContent).toContain("x: 80 → 85 (2023) / 目标 90 % · 50%");
    const bound = progressChart(
      [{label: "y", unit: "万亩", baseline: 0, latest: 10, latestYear: 2023, target: 10, lowerBound: true}],
      {width: 500}
    );
    expect(svgOf(bound).textContent).toContain("y: 0 → ≥ 10 (2023) / 目标 10 万亩 · 100%");
  });

  it("draws a target passed 2.6 times over to the target's edge, marked exceeded with its share written", () => {
    const chart = progressChart(
      [
        {label: "far", unit: "%", baseline: 83, latest: 96, latestYear: 2025, target: 88},
        {label: "half", unit: "%", baseline: 80, latest: 85, latestYear: 2023, target: 90}
      ],
      {width: 500}
    );
    const text = svgOf(chart).textContent!;
    expect(text).toContain("far: 83 → 96 (2025) / 目标 88 % · 已超过目标 (260%)");
    expect(text).toContain("half: 80 → 85 (2023) / 目标 90 % · 50%");
    // Both bars start at x = 0; the passed one ends exactly where 100% is, twice the half-way bar.
    const widths = [...chart.querySelectorAll("g[aria-label='bar'] rect")].map((r) => Number(r.getAttribute("width")));
    expect(widths[0]).toBeCloseTo(2 * widths[1], 6);
  });
});

describe("province charts", () => {
  const rows: ProvinceIncome[] = [
    {region_code: "1", region: "甲", year: 2019, urban: 300, rural: 100, ratio: 3, gap: 200},
    {region_code: "2", region: "乙", year: 2019, urban: 200, rural: 100, ratio: 2, gap: 100}
  ];
  it("provinceRankChart writes each region's ratio", () => {
    const text = svgOf(provinceRankChart(rows, {width: 500})).textContent!;
    expect(text).toContain("3.00");
    expect(text).toContain("2.00");
  });
  it("provinceTrendChart labels only the selected regions", () => {
    const text = svgOf(provinceTrendChart(rows, {width: 500, selected: ["乙"]})).textContent!;
    expect(text).toContain("乙");
    expect(text).not.toContain("甲");
  });
});
