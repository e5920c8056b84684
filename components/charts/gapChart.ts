import * as Plot from "@observablehq/plot";
import type {IncomePoint} from "../model/incomeProjection.js";

/**
 * The urban-rural income ratio (line, left) and absolute gap (bars, as a second panel) by year.
 * @example gapChart(withGap(years), {width: 640, measure: "ratio"})
 */
export function gapChart(rows: readonly IncomePoint[], {width = 640, height = 260, measure = "ratio" as "ratio" | "gap"} = {}) {
  const isRatio = measure === "ratio";
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: isRatio ? {label: "年份 Year", tickFormat: "d", interval: 1} : {label: "年份 Year", type: "band", tickFormat: (d: number) => (d % 2 ? "" : String(d))},
    y: isRatio
      ? {label: "城乡收入比 Urban ÷ rural", grid: true, domain: [1.5, 3]}
      : {label: "收入差 Gap (元 yuan)", grid: true},
    marks: isRatio
      ? [
          Plot.lineY(rows, {x: "year", y: "ratio", marker: "circle", stroke: "var(--theme-foreground-focus)"}),
          Plot.text(rows, Plot.selectLast({x: "year", y: "ratio", text: (d) => d.ratio.toFixed(2), dy: -10})),
          Plot.tip(rows, Plot.pointerX({x: "year", y: "ratio", title: (d) => `${d.year}: ${d.ratio.toFixed(3)}`}))
        ]
      : [
          Plot.barY(rows, {x: "year", y: "gap", fill: "var(--theme-foreground-muted)"}),
          Plot.tip(rows, Plot.pointerX({x: "year", y: "gap", title: (d) => `${d.year}: ${Math.round(d.gap).toLocaleString("en-US")} 元`})),
          Plot.ruleY([0])
        ]
  });
}
