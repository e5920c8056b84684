import * as Plot from "@observablehq/plot";
import {formatNumber} from "../format.js";
import {t, type Text} from "../i18n.js";
import {chartFigure} from "../chartFigure.js";
import type {DownloadSpec} from "../download/fileSource.js";
import {column, YEAR} from "./chartData.js";
import {sentence, yearSpan} from "./chartText.js";

/** A province-year; the value drawn is under some key (the income ratio, an urbanisation rate, …). */
export interface ProvinceYear {
  region: string;
  year: number;
}

const RATIO: Text = {zh: "城乡收入比（城镇 ÷ 农村）", en: "Urban ÷ rural income"};

/**
 * One value over time for every province: each as a faint line, the selected ones coloured and labelled at their
 * last year. By default the urban ÷ rural income ratio; `y` and `label` draw another value. A missing year breaks
 * the line rather than joining across it. Returned as a chartFigure whose summary gives the provinces, the years and
 * each selected province's last value (`title`, `summary` replace the defaults).
 * @example provinceTrendChart(rows, {width: 640, selected: ["北京", "贵州"]})
 * @example provinceTrendChart(rates, {y: "value", label: {zh: "城镇化率（%）", en: "Urbanisation rate (%)"}, digits: 2})
 */
export function provinceTrendChart<R extends ProvinceYear>(
  rows: readonly R[],
  {
    width = 640,
    height = 360,
    selected = [] as readonly string[],
    y = "ratio",
    label = RATIO,
    digits = 3,
    title,
    summary,
    download
  }: {width?: number; height?: number; selected?: readonly string[]; y?: string; label?: Text; digits?: number; title?: Text; summary?: Text; download?: DownloadSpec} = {}
): HTMLElement {
  const chosen = rows.filter((d) => selected.includes(d.region));
  const value = (d: R) => {
    const v = (d as unknown as Record<string, unknown>)[y];
    return typeof v === "number" ? v : NaN;
  };
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    marginRight: 60,
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d", interval: 1},
    y: {label: t(label), grid: true},
    color: {domain: [...selected], legend: selected.length > 0},
    marks: [
      Plot.lineY(rows, {x: "year", y: value, z: "region", stroke: "var(--theme-foreground-faintest)", strokeWidth: 1}),
      Plot.lineY(chosen, {x: "year", y: value, z: "region", stroke: "region", strokeWidth: 2, marker: "circle"}),
      Plot.text(
        chosen,
        Plot.selectLast({x: "year", y: value, z: "region", text: "region", fill: "region", dx: 6, textAnchor: "start"})
      ),
      Plot.tip(
        rows,
        Plot.pointer({x: "year", y: value, title: (d: R) => `${d.region} ${d.year}: ${formatNumber(value(d), {digits})}`})
      )
    ]
  });
  const regions = new Set(rows.map((d) => d.region)).size;
  const years = yearSpan(rows.map((d) => d.year));
  const lasts = selected.flatMap((region) => {
    const last = chosen.filter((d) => d.region === region && Number.isFinite(value(d))).sort((a, b) => a.year - b.year).at(-1);
    return last ? [{region, year: last.year, text: formatNumber(value(last), {digits})}] : [];
  });
  return chartFigure(chart, {
    data: {
      rows: rows.map((d) => ({region: d.region, year: d.year, value: Number.isFinite(value(d)) ? value(d) : null})),
      columns: [column("region", {zh: "省份", en: "Province"}), column("year", YEAR), column("value", label)]
    },
    download,
    title: title ?? {zh: `分省${t(label, "zh")}`, en: `${t(label, "en")} by province`},
    summary: summary ?? {
      zh: sentence([`${regions} 个省份，${years} 年`, lasts.length ? `突出显示：${lasts.map((d) => `${d.region} ${d.year} 年 ${d.text}`).join("，")}` : "未选省份"], "zh"),
      en: sentence([`${regions} provinces, ${years}`, lasts.length ? `highlighted: ${lasts.map((d) => `${d.region} ${d.text} in ${d.year}`).join(", ")}` : "none highlighted"], "en")
    }
  });
}
