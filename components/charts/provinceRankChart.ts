import * as Plot from "@observablehq/plot";
import {formatNumber} from "../format.js";
import {t} from "../i18n.js";

/** Urban and rural income of one province in one year, with their ratio and gap. */
export interface ProvinceIncome {
  region_code: string;
  region: string;
  year: number;
  urban: number;
  rural: number;
  ratio: number;
  gap: number;
}

/**
 * Provinces ranked by the urban ÷ rural income ratio (or the gap) in one year, highest first, with the national
 * median as a rule.
 * @example provinceRankChart(rows.filter((d) => d.year === 2019), {width: 640, measure: "ratio"})
 */
export function provinceRankChart(
  rows: readonly ProvinceIncome[],
  {width = 640, measure = "ratio" as "ratio" | "gap", highlight = [] as readonly string[]} = {}
) {
  const isRatio = measure === "ratio";
  const text = (d: ProvinceIncome) => (isRatio ? formatNumber(d.ratio, {digits: 2}) : formatNumber(d.gap));
  return Plot.plot({
    width,
    height: 24 + 18 * rows.length,
    marginLeft: 70,
    marginRight: 60,
    x: {label: t(isRatio ? {zh: "城乡收入比（城镇 ÷ 农村）", en: "Urban ÷ rural income"} : {zh: "收入差（元）", en: "Gap (yuan)"}), grid: true, zero: !isRatio},
    y: {label: null},
    marks: [
      Plot.ruleX(
        rows,
        Plot.groupZ({x: "median"}, {x: measure, stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"})
      ),
      Plot.ruleY(rows, {
        y: "region",
        x1: isRatio ? 1 : 0,
        x2: measure,
        stroke: "var(--theme-foreground-faintest)",
        sort: {y: "x", reverse: true}
      }),
      Plot.dot(rows, {
        y: "region",
        x: measure,
        r: 4,
        fill: (d) => (highlight.includes(d.region) ? "#e67e22" : "var(--theme-foreground-focus)")
      }),
      Plot.text(rows, {y: "region", x: measure, text, dx: 8, textAnchor: "start"}),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: "region",
          x: measure,
          title: (d) =>
            t({
              zh: `${d.region} ${d.year}：城镇 ${formatNumber(d.urban)} 元，农村 ${formatNumber(d.rural)} 元，收入比 ${formatNumber(d.ratio, {digits: 3})}，收入差 ${formatNumber(d.gap)} 元`,
              en: `${d.region} ${d.year}: urban ${formatNumber(d.urban)}, rural ${formatNumber(d.rural)} yuan, ratio ${formatNumber(d.ratio, {digits: 3})}, gap ${formatNumber(d.gap)} yuan`
            })
        })
      )
    ]
  });
}
