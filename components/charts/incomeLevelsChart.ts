import * as Plot from "@observablehq/plot";
import type {IncomeYear} from "../model/incomeProjection.js";
import type {Lang, Text} from "../i18n.js";
import {formatQuantity} from "../format.js";
import {chartFigure} from "../chartFigure.js";
import type {DownloadSpec} from "../download/fileSource.js";
import {column, YEAR} from "./chartData.js";

/**
 * Urban and rural per-capita disposable income by year, one line each. Returned as a chartFigure whose summary gives
 * both in the first and last year (`title`, `summary` replace the defaults).
 * @example incomeLevelsChart([{year: 2024, urban: 54188, rural: 23119}], {width: 640})
 */
export function incomeLevelsChart(
  rows: readonly IncomeYear[],
  {width = 640, height = 300, title = undefined as Text | undefined, summary = undefined as Text | undefined, download = undefined as DownloadSpec | undefined} = {}
): HTMLElement {
  const long = rows.flatMap((r) => [
    {year: r.year, series: "城镇 Urban", value: r.urban},
    {year: r.year, series: "农村 Rural", value: r.rural}
  ]);
  const chart = Plot.plot({
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
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const [first, last] = [sorted[0], sorted.at(-1)];
  const q = (v: number, lang: Lang) => formatQuantity(v, "元", {lang});
  const data = {
    rows: sorted,
    columns: [column("year", YEAR), column("urban", {zh: "城镇居民人均可支配收入", en: "Urban per-capita disposable income"}, "元"), column("rural", {zh: "农村居民人均可支配收入", en: "Rural per-capita disposable income"}, "元")]
  };
  return chartFigure(chart, {
    data,
    download,
    title: title ?? {zh: "城乡居民人均可支配收入", en: "Urban and rural per-capita disposable income"},
    summary:
      summary ??
      (first && last
        ? {
            zh: `${first.year}–${last.year} 年，城镇居民从 ${q(first.urban, "zh")} 到 ${q(last.urban, "zh")}，农村居民从 ${q(first.rural, "zh")} 到 ${q(last.rural, "zh")}（每人每年）。`,
            en: `${first.year}–${last.year}: urban from ${q(first.urban, "en")} to ${q(last.urban, "en")}, rural from ${q(first.rural, "en")} to ${q(last.rural, "en")} per person a year.`
          }
        : {zh: "没有数据。", en: "No data."})
  });
}
