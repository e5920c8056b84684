import * as Plot from "@observablehq/plot";
import type {BandPoint} from "../model/monteCarlo.js";
import type {IncomePoint} from "../model/incomeProjection.js";

/**
 * Monte Carlo uncertainty: the 10-90% band (area), its median (thin line) and the central scenario path (dashed),
 * after the observed history.
 * @example bandChart(history, monteCarlo(start, rows, ranges, {runs: 1000, seed: 1}), path, {width: 640})
 */
export function bandChart(
  history: readonly IncomePoint[],
  band: readonly BandPoint[],
  central: readonly IncomePoint[],
  {width = 640, height = 300, runs}: {width?: number; height?: number; runs?: number} = {}
) {
  const bandName = `10-90% (${runs ?? "?"} 次模拟 runs)`;
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: "年份 Year", tickFormat: "d"},
    y: {label: "城乡收入比 Urban ÷ rural", grid: true},
    color: {legend: true, domain: ["观测 Observed", "情景 Scenario", bandName], range: ["var(--theme-foreground-focus)", "#e67e22", "#f5cba7"]},
    marks: [
      Plot.areaY(band, {x: "year", y1: "p10", y2: "p90", fill: () => bandName, fillOpacity: 0.6}),
      Plot.lineY(band, {x: "year", y: "p50", stroke: "#e67e22", strokeOpacity: 0.5, strokeWidth: 1}),
      Plot.lineY(history, {x: "year", y: "ratio", stroke: () => "观测 Observed", marker: "circle"}),
      Plot.lineY(central, {x: "year", y: "ratio", stroke: () => "情景 Scenario", strokeDasharray: "6,4", strokeWidth: 2}),
      Plot.tip(band, Plot.pointerX({x: "year", y: "p50", title: (d) => `${d.year}: ${d.p10.toFixed(3)} – ${d.p90.toFixed(3)} (p50 ${d.p50.toFixed(3)})`}))
    ]
  });
}
