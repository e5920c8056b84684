import * as Plot from "@observablehq/plot";
import type {IncomePoint} from "../model/incomeProjection.js";
import type {Text} from "../i18n.js";
import {formatNumber, formatQuantity} from "../format.js";
import {chartFigure} from "../chartFigure.js";
import type {DownloadSpec} from "../download/fileSource.js";
import {column, YEAR} from "./chartData.js";

/**
 * The urban-rural income ratio (line) or the absolute gap (bars) by year. Returned as a chartFigure whose summary
 * gives the first and last year's value (`title`, `summary` replace the defaults).
 * @example gapChart(withGap(years), {width: 640, measure: "ratio"})
 */
export function gapChart(
  rows: readonly IncomePoint[],
  {width = 640, height = 260, measure = "ratio" as "ratio" | "gap", title = undefined as Text | undefined, summary = undefined as Text | undefined, download = undefined as DownloadSpec | undefined} = {}
): HTMLElement {
  const isRatio = measure === "ratio";
  const chart = Plot.plot({
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
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const [first, last] = [sorted[0], sorted.at(-1)];
  const value = (d: IncomePoint, lang: "zh" | "en") => (isRatio ? formatNumber(d.ratio, {digits: 2}) : formatQuantity(d.gap, "元", {lang}));
  const data = {
    rows: sorted.map((d) => ({year: d.year, value: isRatio ? d.ratio : d.gap})),
    columns: [column("year", YEAR), isRatio ? column("value", {zh: "城乡收入比", en: "Urban ÷ rural income"}) : column("value", {zh: "收入差", en: "Gap"}, "元")]
  };
  return chartFigure(chart, {
    data,
    download,
    title: title ?? (isRatio ? {zh: "城乡居民收入比", en: "Urban-rural income ratio"} : {zh: "城乡居民收入差", en: "Urban-rural income gap"}),
    summary:
      summary ??
      (first && last
        ? {
            zh: `${isRatio ? "城镇居民人均可支配收入与农村之比" : "城镇与农村居民人均可支配收入之差"}，从 ${first.year} 年的 ${value(first, "zh")} 到 ${last.year} 年的 ${value(last, "zh")}。`,
            en: `${isRatio ? "Urban per-capita disposable income divided by rural" : "Urban minus rural per-capita disposable income"}, from ${value(first, "en")} in ${first.year} to ${value(last, "en")} in ${last.year}.`
          }
        : {zh: "没有数据。", en: "No data."})
  });
}
