import * as Plot from "@observablehq/plot";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";

/** One published series: its name and a value per year (null where the year has no figure). */
export interface ObservedSeries {
  name: Text;
  points: readonly {x: number; y: number | null}[];
}

/**
 * Several published series over the years, one colour each, never merged: a missing year breaks its line (the dots
 * show every figure there is), so no value is drawn where none was published.
 * @example observedSeriesChart([{name: {zh: "当年公布", en: "As published"}, points}], {label: {zh: "城镇化率（%）", en: "Rate (%)"}})
 */
export function observedSeriesChart(
  series: readonly ObservedSeries[],
  {width = 640, height = 320, label, format = "number", digits = 2}: {width?: number; height?: number; label: Text; format?: string; digits?: number}
) {
  const f = formatterFor(format, {digits});
  const long = series.flatMap((s) => s.points.map((p) => ({x: p.x, y: p.y ?? NaN, name: t(s.name)})));
  const present = long.filter((d) => Number.isFinite(d.y));
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d"},
    y: {label: t(label), grid: true, tickFormat: (v: number) => f(v)},
    color: {legend: true, domain: series.map((s) => t(s.name))},
    marks: [
      Plot.lineY(long, {x: "x", y: "y", z: "name", stroke: "name", strokeWidth: 2}),
      Plot.dot(present, {x: "x", y: "y", fill: "name", r: 3}),
      Plot.tip(present, Plot.pointer({x: "x", y: "y", title: (d: {name: string; x: number; y: number}) => `${d.name} ${d.x}: ${f(d.y)}`}))
    ]
  });
}
