import * as Plot from "@observablehq/plot";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import type {SeriesPoint} from "../scenario/model.js";

/** A named line: observed values or one scenario's projected series. */
export interface NamedSeries {
  name: string;
  points: readonly SeriesPoint[];
}

/** A target drawn as a mark at (x, value). */
export interface TargetMark {
  x: number;
  value: number;
  label: string;
}

/**
 * Observed values (solid, dots) and each scenario's projected series (dashed), overlaid, one colour per scenario,
 * the end value written at the right; targets as labelled crosses; an optional rule at a base year.
 * @example scenarioLinesChart({observed, scenarios: [{name: "基线", points}], label: {zh: "收入比", en: "Ratio"}, format: "ratio"}, {width})
 */
export function scenarioLinesChart(
  {
    observed = [],
    scenarios,
    targets = [],
    label,
    format = "number",
    digits,
    baseYear
  }: {
    observed?: readonly SeriesPoint[];
    scenarios: readonly NamedSeries[];
    targets?: readonly TargetMark[];
    label: Text;
    format?: string;
    digits?: number;
    baseYear?: number;
  },
  {width = 640, height = 300}: {width?: number; height?: number} = {}
) {
  const f = formatterFor(format, {digits});
  const observedName = t({zh: "观测", en: "Observed"});
  const long = scenarios.flatMap(({name, points}) => points.filter((p) => p.y !== null).map((p) => ({...p, scenario: name})));
  const seen = observed.filter((p) => p.y !== null);
  return Plot.plot({
    width,
    height,
    marginLeft: 64,
    marginRight: 80, // room for the end labels
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d"},
    y: {label: t(label), grid: true, tickFormat: (v: number) => f(v)},
    color: {legend: true, domain: [observedName, ...scenarios.map((s) => s.name)]},
    marks: [
      baseYear === undefined ? null : Plot.ruleX([baseYear], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      Plot.lineY(seen, {x: "x", y: "y", stroke: () => observedName, marker: "circle"}),
      Plot.lineY(long, {x: "x", y: "y", stroke: "scenario", strokeDasharray: "6,3", strokeWidth: 2}),
      Plot.text(long, Plot.selectLast({x: "x", y: "y", z: "scenario", text: (d: {y: number}) => f(d.y), dx: 4, textAnchor: "start", fill: "scenario"})),
      Plot.dot(targets, {x: "x", y: "value", symbol: "times", r: 6, stroke: "var(--theme-red, #c0392b)", strokeWidth: 2}),
      Plot.text(targets, {x: "x", y: "value", text: "label", dy: -12, fill: "var(--theme-red, #c0392b)"}),
      Plot.tip(long, Plot.pointer({x: "x", y: "y", title: (d: {scenario: string; x: number; y: number}) => `${d.scenario} ${d.x}: ${f(d.y)}`}))
    ]
  });
}
