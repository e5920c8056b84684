import * as Plot from "@observablehq/plot";
import type {LevelPoint} from "../model/projectPath.js";

/** An observed cumulative area; `lowerBound` when the source said 超过 (more than). */
export interface AreaObservation extends LevelPoint {
  lowerBound: boolean;
  ref: string | null;
}

/** A target level with the year it is due. */
export interface TargetMark extends LevelPoint {
  label: string;
}

const fmt = (v: number) => Math.round(v).toLocaleString("en-US");

/**
 * Cumulative high-standard farmland (万亩): stated figures as filled dots, lower bounds (超…) as open up-pointing
 * triangles, years without a figure as “缺” on the axis (never filled), targets as dashed rules with a diamond in their year, and a scenario path as a dashed line.
 * @example farmlandChart(observed, projectLinear({year: 2022, value: 100000}, {pace: 5000}, 2030), {width: 640, targets})
 */
export function farmlandChart(
  observed: readonly AreaObservation[],
  projection: readonly LevelPoint[],
  {width = 640, height = 340, targets = [] as readonly TargetMark[], missingYears = [] as readonly number[]} = {}
) {
  const stated = observed.filter((d) => !d.lowerBound);
  const bounds = observed.filter((d) => d.lowerBound);
  return Plot.plot({
    width,
    height,
    marginLeft: 70,
    x: {label: "年份 Year", tickFormat: "d", interval: 1, inset: 12},
    y: {label: "累计面积 Cumulative area (万亩)", grid: true, zero: false, nice: true, inset: 12},
    color: {
      legend: true,
      domain: ["观测 Stated", "下限 Lower bound (超…)", "缺数据 No data", "目标 Target", "情景 Scenario"],
      range: ["var(--theme-foreground-focus)", "#8e44ad", "#999", "#c0392b", "#e67e22"]
    },
    marks: [
      Plot.ruleY(targets, {y: "value", stroke: () => "目标 Target", strokeDasharray: "4,3"}),
      Plot.dot(targets, {x: "year", y: "value", symbol: "diamond", fill: () => "目标 Target", r: 5}),
      Plot.text(targets, {
        x: "year",
        y: "value",
        text: (d) => `${d.label} ${fmt(d.value)}`,
        dy: -10,
        textAnchor: "end"
      }),
      Plot.lineY(projection, {x: "year", y: "value", stroke: () => "情景 Scenario", strokeDasharray: "6,4"}),
      Plot.dot(missingYears, {
        x: (d) => d,
        frameAnchor: "bottom",
        dy: -6,
        symbol: "times",
        stroke: () => "缺数据 No data",
        r: 5
      }),
      Plot.text(missingYears, {x: (d) => d, frameAnchor: "bottom", dy: -18, text: () => "缺 no data", fill: "#999"}),
      Plot.dot(stated, {x: "year", y: "value", fill: () => "观测 Stated", r: 4}),
      Plot.dot(bounds, {
        x: "year",
        y: "value",
        symbol: "triangle",
        stroke: () => "下限 Lower bound (超…)",
        fill: "none",
        r: 6,
        strokeWidth: 2,
        className: "lower-bound"
      }),
      Plot.text(bounds, {x: "year", y: "value", text: (d) => `≥ ${fmt(d.value)}`, dx: 10, textAnchor: "start"}),
      Plot.tip(
        [
          ...observed.map((d) => ({...d, kind: d.lowerBound ? "≥" : ""})),
          ...projection.map((d) => ({...d, kind: "情景 scenario"}))
        ],
        Plot.pointer({
          x: "year",
          y: "value",
          title: (d) =>
            `${d.year}: ${d.kind === "≥" ? "≥ " : ""}${fmt(d.value)} 万亩${d.kind && d.kind !== "≥" ? ` (${d.kind})` : ""}`
        })
      )
    ]
  });
}
