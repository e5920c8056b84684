import * as Plot from "@observablehq/plot";
import type {ProvinceIncome} from "./provinceRankChart.js";

/**
 * The urban ÷ rural income ratio over time: every province as a faint line, the selected ones coloured and labelled
 * at their last year.
 * @example provinceTrendChart(rows, {width: 640, selected: ["北京", "贵州"]})
 */
export function provinceTrendChart(
  rows: readonly ProvinceIncome[],
  {width = 640, height = 360, selected = [] as readonly string[]} = {}
) {
  const chosen = rows.filter((d) => selected.includes(d.region));
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    marginRight: 60,
    x: {label: "年份 Year", tickFormat: "d", interval: 1},
    y: {label: "城乡收入比 Urban ÷ rural", grid: true},
    color: {domain: [...selected], legend: selected.length > 0},
    marks: [
      Plot.lineY(rows, {
        x: "year",
        y: "ratio",
        z: "region",
        stroke: "var(--theme-foreground-faintest)",
        strokeWidth: 1
      }),
      Plot.lineY(chosen, {x: "year", y: "ratio", z: "region", stroke: "region", strokeWidth: 2, marker: "circle"}),
      Plot.text(
        chosen,
        Plot.selectLast({
          x: "year",
          y: "ratio",
          z: "region",
          text: "region",
          fill: "region",
          dx: 6,
          textAnchor: "start"
        })
      ),
      Plot.tip(
        rows,
        Plot.pointer({x: "year", y: "ratio", title: (d) => `${d.region} ${d.year}: ${d.ratio.toFixed(3)}`})
      )
    ]
  });
}
