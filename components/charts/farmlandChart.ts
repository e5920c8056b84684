import * as Plot from "@observablehq/plot";
import {t} from "../i18n.js";
import {formatNumber} from "../format.js";
import type {SeriesPoint} from "../scenario/model.js";

/** An observed cumulative area (万亩); `lowerBound` when the source said 超过 (more than). */
export interface AreaObservation {
  year: number;
  value: number;
  lowerBound: boolean;
  ref: string | null;
}

/** A target level (万亩) with the year it is due. */
export interface TargetMark {
  year: number;
  value: number;
  label: string;
}

/**
 * Cumulative high-standard farmland (万亩): stated figures as filled dots, lower bounds (超…) as open up-pointing
 * triangles written "≥", years without a figure as "缺" on the axis (never filled), targets as dashed rules with a
 * diamond in their year, and a scenario path as a dashed line whose end value is written (with "≥" when it is built on
 * a lower bound).
 * @example farmlandChart(observed, projection.series.cumulative, {width: 640, targets, lowerBound: true})
 */
export function farmlandChart(
  observed: readonly AreaObservation[],
  projection: readonly SeriesPoint[],
  {
    width = 640,
    height = 340,
    targets = [] as readonly TargetMark[],
    missingYears = [] as readonly number[],
    lowerBound = false
  } = {}
) {
  const stated = observed.filter((d) => !d.lowerBound);
  const bounds = observed.filter((d) => d.lowerBound);
  const path = projection.filter((d) => d.y !== null);
  const ge = lowerBound ? "≥ " : "";
  const names = {
    stated: t({zh: "观测", en: "Stated"}),
    bound: t({zh: "下限（超…）", en: "Lower bound (超…)"}),
    missing: t({zh: "缺数据", en: "No data"}),
    target: t({zh: "目标", en: "Target"}),
    scenario: lowerBound ? t({zh: "情景（下限）", en: "Scenario (lower bound)"}) : t({zh: "情景", en: "Scenario"})
  };
  return Plot.plot({
    width,
    height,
    marginLeft: 70,
    marginRight: 80,
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d", interval: 1, inset: 12},
    y: {label: t({zh: "累计面积（万亩）", en: "Cumulative area (万亩)"}), grid: true, zero: false, nice: true, inset: 12, tickFormat: (v: number) => formatNumber(v)},
    color: {
      legend: true,
      domain: [names.stated, names.bound, names.missing, names.target, names.scenario],
      range: ["var(--theme-foreground-focus)", "#8e44ad", "#999", "#c0392b", "#e67e22"]
    },
    marks: [
      Plot.ruleY(targets, {y: "value", stroke: () => names.target, strokeDasharray: "4,3"}),
      Plot.dot(targets, {x: "year", y: "value", symbol: "diamond", fill: () => names.target, r: 5}),
      Plot.text(targets, {x: "year", y: "value", text: (d) => `${d.label} ${formatNumber(d.value)}`, dy: -10, textAnchor: "end"}),
      Plot.lineY(path, {x: "x", y: "y", stroke: () => names.scenario, strokeDasharray: "6,4"}),
      Plot.text(path.slice(-1), {
        x: "x",
        y: "y",
        text: (d) => `${ge}${formatNumber(d.y)}`,
        dx: 6,
        textAnchor: "start",
        fill: "#e67e22",
        className: "projection-end"
      }),
      Plot.dot(missingYears, {x: (d) => d, frameAnchor: "bottom", dy: -6, symbol: "times", stroke: () => names.missing, r: 5}),
      Plot.text(missingYears, {x: (d) => d, frameAnchor: "bottom", dy: -18, text: () => t({zh: "缺", en: "no data"}), fill: "#999"}),
      Plot.dot(stated, {x: "year", y: "value", fill: () => names.stated, r: 4}),
      Plot.dot(bounds, {x: "year", y: "value", symbol: "triangle", stroke: () => names.bound, fill: "none", r: 6, strokeWidth: 2, className: "lower-bound"}),
      Plot.text(bounds, {x: "year", y: "value", text: (d) => `≥ ${formatNumber(d.value)}`, dx: 10, textAnchor: "start"}),
      Plot.tip(
        [
          ...observed.map((d) => ({x: d.year, y: d.value, text: `${d.year}: ${d.lowerBound ? "≥ " : ""}${formatNumber(d.value)} 万亩`})),
          ...path.map((d) => ({x: d.x, y: d.y, text: `${d.x}: ${ge}${formatNumber(d.y)} 万亩 (${names.scenario})`}))
        ],
        Plot.pointer({x: "x", y: "y", title: "text"})
      )
    ]
  });
}
