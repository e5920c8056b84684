// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {farmlandChart} from "../../../components/charts/farmlandChart.js";
import {coverageChart} from "../../../components/charts/coverageChart.js";
import {progressChart} from "../../../components/charts/progressChart.js";
import {provinceRankChart, type ProvinceIncome} from "../../../components/charts/provinceRankChart.js";
import {provinceTrendChart} from "../../../components/charts/provinceTrendChart.js";
import {observedSeriesChart} from "../../../components/charts/observedSeriesChart.js";

// Synthetic inputs (shapes only); the real figures are checked in tests/site/notebooks.test.ts.
const svgOf = (node: Element) =>
  node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg[class*='plot']")!;

describe("farmlandChart", () => {
  const observed = [
    {year: 2020, value: 10, lowerBound: false, ref: "A"},
    {year: 2023, value: 20, lowerBound: true, ref: "B"}
  ];
  it("draws lower bounds as their own mark, labelled ≥, marks missing years, and writes a ≥ end value on a bound", () => {
    const chart = farmlandChart(
      observed,
      [
        {x: 2023, y: 20},
        {x: 2024, y: 25000}
      ],
      {width: 500, targets: [{year: 2025, value: 30, label: "t"}], missingYears: [2021, 2022], lowerBound: true}
    );
    const svg = svgOf(chart);
    expect(svg.querySelectorAll("g.lower-bound path")).toHaveLength(1);
    expect(svg.textContent).toContain("≥ 20");
    expect(svg.textContent!.match(/缺/g)).toHaveLength(2);
    expect(svg.textContent).toContain("t 30");
    expect(svg.querySelector(".projection-end text")!.textContent).toBe("≥ 25,000");
  });

  it("writes the end value without ≥ when the path starts from a stated figure", () => {
    const svg = svgOf(farmlandChart(observed.slice(0, 1), [{x: 2020, y: 10}, {x: 2021, y: 1500.4}], {width: 500}));
    expect(svg.querySelector(".projection-end text")!.textContent).toBe("1,500");
  });
});

describe("coverageChart", () => {
  it("writes each observed value as a percentage, the targets' labels, one 缺 per missing year, the end value and the year 100% is reached", () => {
    const chart = coverageChart(
      [
        {year: 2020, value: 0.83},
        {year: 2023, value: 0.9}
      ],
      [
        {x: 2023, y: 0.9},
        {x: 2024, y: 0.986},
        {x: 2025, y: 1},
        {x: 2026, y: 1}
      ],
      {width: 500, targets: [{year: 2025, value: 0.88, label: "2025 目标 88%"}], missingYears: [2021, 2022]}
    );
    const text = svgOf(chart).textContent!;
    expect(text).toContain("83%");
    expect(text).toContain("2025 目标 88%");
    expect(text.match(/缺/g)).toHaveLength(2); // the legend is HTML beside the svg
    expect(svgOf(chart).querySelector(".projection-end text")!.textContent).toBe("100%");
    expect(svgOf(chart).querySelector(".full-coverage text")!.textContent).toBe("2025: 100%");
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

describe("province trend and observed series charts", () => {
  it("provinceTrendChart draws another value when told its key and label", () => {
    const rates = [
      {region: "甲", year: 2019, value: 50},
      {region: "甲", year: 2020, value: 52},
      {region: "乙", year: 2020, value: 60}
    ];
    const svg = svgOf(provinceTrendChart(rates, {width: 500, selected: ["甲"], y: "value", label: {zh: "城镇化率（%）", en: "Rate (%)"}}));
    expect(svg.textContent).toContain("城镇化率（%）");
    expect(svg.textContent).toContain("甲");
    expect(svg.textContent).not.toContain("乙");
  });

  it("observedSeriesChart keeps series apart and breaks a line at a missing year instead of joining across it", () => {
    const points = [
      {x: 2019, y: 40},
      {x: 2020, y: 41},
      {x: 2021, y: null},
      {x: 2022, y: 43},
      {x: 2023, y: 44}
    ];
    const chart = observedSeriesChart(
      [
        {name: {zh: "甲序列", en: "A"}, points},
        {name: {zh: "乙序列", en: "B"}, points: points.map((p) => ({...p, y: p.y === null ? null : p.y + 10}))}
      ],
      {width: 500, label: {zh: "比率（%）", en: "Rate (%)"}}
    );
    const svg = svgOf(chart);
    const lines = [...svg.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? "").filter((d) => d.startsWith("M"));
    const broken = lines.filter((d) => (d.match(/M/g) ?? []).length === 2);
    expect(broken).toHaveLength(2); // each series: two pieces, 2019-2020 and 2022-2023
    expect(svg.querySelectorAll("circle")).toHaveLength(8); // a dot for each figure there is, none for 2021
    expect(chart.textContent).toContain("甲序列");
    expect(chart.textContent).toContain("乙序列");
  });
});
