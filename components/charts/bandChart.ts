import * as Plot from "@observablehq/plot";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import type {BandPoint} from "../scenario/analysis.js";
import type {SeriesPoint} from "../scenario/model.js";

/**
 * Monte Carlo uncertainty: the 10-90% band (area), its median (thin line) and the central scenario (dashed), after
 * the observed values.
 * @example bandChart({observed, band, central, runs: 1000, label: {zh: "收入比", en: "Ratio"}, format: "ratio"}, {width})
 */
export function bandChart(
  {observed = [], band, central, runs, label, format = "number", digits}: {
    observed?: readonly SeriesPoint[];
    band: readonly BandPoint[];
    central: readonly SeriesPoint[];
    runs: number;
    label: Text;
    format?: string;
    digits?: number;
  },
  {width = 640, height = 300}: {width?: number; height?: number} = {}
) {
  const f = formatterFor(format, {digits});
  const bandName = t({zh: `10-90%（${runs} 次模拟）`, en: `10-90% (${runs} runs)`});
  const observedName = t({zh: "观测", en: "Observed"});
  const scenarioName = t({zh: "情景", en: "Scenario"});
  return Plot.plot({
    width,
    height,
    marginLeft: 64,
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d"},
    y: {label: t(label), grid: true, tickFormat: (v: number) => f(v)},
    color: {legend: true, domain: [observedName, scenarioName, bandName], range: ["var(--theme-foreground-focus)", "#e67e22", "#f5cba7"]},
    marks: [
      Plot.areaY(band, {x: "x", y1: "p10", y2: "p90", fill: () => bandName, fillOpacity: 0.6}),
      Plot.lineY(band, {x: "x", y: "p50", stroke: "#e67e22", strokeOpacity: 0.5, strokeWidth: 1}),
      Plot.lineY(observed.filter((p) => p.y !== null), {x: "x", y: "y", stroke: () => observedName, marker: "circle"}),
      Plot.lineY(central.filter((p) => p.y !== null), {x: "x", y: "y", stroke: () => scenarioName, strokeDasharray: "6,4", strokeWidth: 2}),
      Plot.tip(band, Plot.pointerX({x: "x", y: "p50", title: (d: BandPoint) => `${d.x}: ${f(d.p10)} – ${f(d.p90)} (p50 ${f(d.p50)})`}))
    ]
  });
}
