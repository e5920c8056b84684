import * as Plot from "@observablehq/plot";
import type {IncomePoint} from "../model/incomeProjection.js";

/**
 * Observed and projected urban-rural income ratio, with the plan's baseline year marked by a rule.
 * @example projectionChart(withGap(history), projectIncome(last, rates, 2035), {width: 640, baselineYear: 2020})
 */
export function projectionChart(
  history: readonly IncomePoint[],
  projection: readonly IncomePoint[],
  {width = 640, height = 300, baselineYear = 2020, markYears = [2025, 2035]} = {}
) {
  const marked = projection.filter((p) => markYears.includes(p.year));
  const baseline = history.find((h) => h.year === baselineYear);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: "年份 Year", tickFormat: "d", interval: 1},
    y: {label: "城乡收入比 Urban ÷ rural", grid: true},
    color: {legend: true, domain: ["观测 Observed", "情景 Projected"], range: ["var(--theme-foreground-focus)", "#e67e22"]},
    marks: [
      Plot.ruleX([baselineYear], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      Plot.text([baselineYear], {x: (d) => d, frameAnchor: "top", dx: 4, textAnchor: "start", text: () => `${baselineYear} 基期 baseline${baseline ? ` ${baseline.ratio.toFixed(2)}` : ""}`}),
      Plot.lineY(history, {x: "year", y: "ratio", stroke: () => "观测 Observed", marker: "circle"}),
      Plot.lineY(projection, {x: "year", y: "ratio", stroke: () => "情景 Projected", strokeDasharray: "6,4"}),
      Plot.dot(marked, {x: "year", y: "ratio", fill: "#e67e22", r: 4}),
      Plot.text(marked, {x: "year", y: "ratio", text: (d) => `${d.year}: ${d.ratio.toFixed(2)}`, dy: -12}),
      Plot.tip(projection, Plot.pointerX({x: "year", y: "ratio", title: (d) => `${d.year}: ${d.ratio.toFixed(3)}`}))
    ]
  });
}
