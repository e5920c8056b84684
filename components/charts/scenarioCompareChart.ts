import * as Plot from "@observablehq/plot";
import type {IncomePoint} from "../model/incomeProjection.js";

/** One scenario's projected path, named. */
export interface ScenarioPath {
  name: string;
  path: readonly IncomePoint[];
}

/**
 * Observed history and each compared scenario's projected ratio (or gap), overlaid, one colour per scenario.
 * @example scenarioCompareChart(history, [{name: "基线", path}, {name: "快速", path2}], {width: 640, measure: "ratio"})
 */
export function scenarioCompareChart(
  history: readonly IncomePoint[],
  scenarios: readonly ScenarioPath[],
  {width = 640, height = 300, measure = "ratio" as "ratio" | "gap", target}: {width?: number; height?: number; measure?: "ratio" | "gap"; target?: number} = {}
) {
  const isRatio = measure === "ratio";
  const observed = "观测 Observed";
  const long = scenarios.flatMap(({name, path}) => path.map((p) => ({...p, scenario: name})));
  const format = (v: number) => (isRatio ? v.toFixed(3) : `${Math.round(v).toLocaleString("en-US")} 元`);
  return Plot.plot({
    width,
    height,
    marginLeft: 64,
    marginRight: isRatio ? 44 : 72, // room for the end labels
    x: {label: "年份 Year", tickFormat: "d"},
    y: {label: isRatio ? "城乡收入比 Urban ÷ rural" : "收入差 Gap (元 yuan)", grid: true},
    color: {legend: true, domain: [observed, ...scenarios.map((s) => s.name)]},
    marks: [
      isRatio && target !== undefined ? Plot.ruleY([target], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}) : null,
      Plot.lineY(history, {x: "year", y: measure, stroke: () => observed, marker: "circle"}),
      Plot.lineY(long, {x: "year", y: measure, stroke: "scenario", strokeDasharray: "6,3", strokeWidth: 2}),
      Plot.text(long, Plot.selectLast({x: "year", y: measure, z: "scenario", text: (d) => format(d[measure]), dx: 4, textAnchor: "start", fill: "scenario"})),
      Plot.tip(long, Plot.pointer({x: "year", y: measure, title: (d) => `${d.scenario} ${d.year}: ${format(d[measure])}`}))
    ]
  });
}
