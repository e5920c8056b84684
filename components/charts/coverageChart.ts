import * as Plot from "@observablehq/plot";
import type {LevelPoint} from "../model/projectPath.js";

/**
 * A coverage rate (%) by year: observed values as dots (never joined across missing years), years without data marked
 * "缺 no data" on the axis, the target as a dashed rule with a diamond in its year, and a scenario path as a dashed line.
 * @example coverageChart(observed, path, {width: 640, target: {year: 2025, value: 88}, missingYears: [2018, 2019, 2024]})
 */
export function coverageChart(
  observed: readonly LevelPoint[],
  projection: readonly LevelPoint[],
  {
    width = 640,
    height = 320,
    target = null as LevelPoint | null,
    missingYears = [] as readonly number[],
    label = "普及率 Coverage (%)"
  } = {}
) {
  const targets = target ? [target] : [];
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {label: "年份 Year", tickFormat: "d", interval: 1},
    y: {label, grid: true, domain: [70, 100]},
    color: {
      legend: true,
      domain: ["观测 Observed", "缺数据 No data", "目标 Target", "情景 Scenario"],
      range: ["var(--theme-foreground-focus)", "#999", "#c0392b", "#e67e22"]
    },
    marks: [
      Plot.ruleY(targets, {y: "value", stroke: () => "目标 Target", strokeDasharray: "4,3"}),
      Plot.dot(targets, {x: "year", y: "value", symbol: "diamond", fill: () => "目标 Target", r: 5}),
      Plot.text(targets, {
        x: "year",
        y: "value",
        text: (d) => `${d.year} 目标 target ${d.value}%`,
        dy: 12,
        textAnchor: "end"
      }),
      Plot.lineY(projection, {x: "year", y: "value", stroke: () => "情景 Scenario", strokeDasharray: "6,4"}),
      Plot.dot(missingYears, {x: (d) => d, y: 70, symbol: "times", stroke: () => "缺数据 No data", r: 5}),
      Plot.text(missingYears, {x: (d) => d, y: 70, text: () => "缺", dy: -10, fill: "#999"}),
      Plot.dot(observed, {x: "year", y: "value", fill: () => "观测 Observed", r: 4}),
      Plot.text(observed, {x: "year", y: "value", text: (d) => `${d.value}`, dy: -10}),
      Plot.tip(
        projection,
        Plot.pointerX({x: "year", y: "value", title: (d) => `${d.year} 情景 scenario: ${d.value.toFixed(1)}%`})
      )
    ]
  });
}
