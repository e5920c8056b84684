import * as Plot from "@observablehq/plot";
import type {IncomePoint} from "../model/incomeProjection.js";

/** A region's projected path under one scenario. */
export interface RegionPath {
  region: string;
  scenario: string;
  path: readonly IncomePoint[];
}

/**
 * Projected ratio (or gap) per region, one thin line per region and scenario, coloured by scenario.
 * @example regionPathsChart([{region: "浙江", scenario: "基线", path}], {width: 640, measure: "ratio"})
 */
export function regionPathsChart(
  paths: readonly RegionPath[],
  {
    width = 640,
    height = 320,
    measure = "ratio" as "ratio" | "gap",
    legend = true
  }: {width?: number; height?: number; measure?: "ratio" | "gap"; /** off for a second chart beside one that has it: a legend is a third of the render time */ legend?: boolean} = {}
) {
  const long = paths.flatMap(({region, scenario, path}) => path.map((p) => ({year: p.year, value: p[measure], region, scenario, key: `${scenario}/${region}`})));
  return Plot.plot({
    width,
    height,
    marginLeft: 64,
    x: {label: "年份 Year", tickFormat: "d"},
    y: {label: measure === "ratio" ? "城乡收入比 Urban ÷ rural" : "收入差 Gap (元 yuan)", grid: true},
    color: {legend},
    marks: [Plot.lineY(long, {x: "year", y: "value", z: "key", stroke: "scenario", strokeOpacity: 0.5, strokeWidth: 1})]
  });
}
