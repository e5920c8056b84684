import * as Plot from "@observablehq/plot";
import type {IncomeYear} from "../model/incomeProjection.js";

/**
 * Urban and rural per-capita disposable income by year, one line each.
 * @example incomeLevelsChart([{year: 2024, urban: 54188, rural: 23119}], {width: 640})
 */
export function incomeLevelsChart(rows: readonly IncomeYear[], {width = 640, height = 300} = {}) {
  const long = rows.flatMap((r) => [
    {year: r.year, series: "城镇 Urban", value: r.urban},
    {year: r.year, series: "农村 Rural", value: r.rural}
  ]);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: "年份 Year", tickFormat: "d", interval: 1},
    y: {label: "元 / 人 · yuan per person", grid: true, zero: true},
    color: {legend: true, domain: ["城镇 Urban", "农村 Rural"]},
    marks: [
      Plot.lineY(long, {x: "year", y: "value", stroke: "series", marker: "circle"}),
      Plot.tip(long, Plot.pointerX({x: "year", y: "value", title: (d) => `${d.series} ${d.year}: ${d.value.toLocaleString("en-US")} 元`}))
    ]
  });
}
