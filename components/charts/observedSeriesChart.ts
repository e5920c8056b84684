import * as Plot from "@observablehq/plot";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import {chartFigure} from "../chartFigure.js";
import type {DownloadSpec} from "../download/fileSource.js";
import {column, SERIES, YEAR} from "./chartData.js";
import {listOf, sentence, yearSpan} from "./chartText.js";

/** One published series: its name and a value per year (null where the year has no figure). */
export interface ObservedSeries {
  name: Text;
  points: readonly {x: number; y: number | null}[];
}

/**
 * Several published series over the years, one colour each, never merged: a missing year breaks its line (the dots
 * show every figure there is), so no value is drawn where none was published. Returned as a chartFigure titled by
 * the label, its summary each series' years, latest value and missing years (`title`, `summary` replace them).
 * @example observedSeriesChart([{name: {zh: "当年公布", en: "As published"}, points}], {label: {zh: "城镇化率（%）", en: "Rate (%)"}})
 */
export function observedSeriesChart(
  series: readonly ObservedSeries[],
  {
    width = 640,
    height = 320,
    label,
    format = "number",
    digits = 2,
    title,
    summary,
    download
  }: {width?: number; height?: number; label: Text; format?: string; digits?: number; title?: Text; summary?: Text; download?: DownloadSpec}
): HTMLElement {
  const f = formatterFor(format, {digits});
  const long = series.flatMap((s) => s.points.map((p) => ({x: p.x, y: p.y ?? NaN, name: t(s.name)})));
  const present = long.filter((d) => Number.isFinite(d.y));
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d"},
    y: {label: t(label), grid: true, tickFormat: (v: number) => f(v)},
    color: {legend: true, domain: series.map((s) => t(s.name))},
    marks: [
      Plot.lineY(long, {x: "x", y: "y", z: "name", stroke: "name", strokeWidth: 2}),
      Plot.dot(present, {x: "x", y: "y", fill: "name", r: 3}),
      Plot.tip(present, Plot.pointer({x: "x", y: "y", title: (d: {name: string; x: number; y: number}) => `${d.name} ${d.x}: ${f(d.y)}`}))
    ]
  });
  const described = series.flatMap((s) => {
    const present = s.points.filter((p) => p.y !== null);
    if (!present.length) return [];
    const first = Math.min(...present.map((p) => p.x));
    const latest = present.reduce((a, p) => (p.x > a.x ? p : a));
    const missing = s.points.filter((p) => p.y === null && p.x > first && p.x < latest.x).map((p) => String(p.x));
    return [{name: s.name, years: yearSpan(present.map((p) => p.x)), latest, missing}];
  });
  return chartFigure(chart, {
    data: {
      rows: series.flatMap((s) => s.points.map((p) => ({series: t(s.name), year: p.x, value: p.y}))),
      columns: [column("series", SERIES), column("year", YEAR), column("value", label, format)]
    },
    download,
    title: title ?? label,
    summary: summary ?? {
      zh: sentence(
        [
          `${series.length} 个公布序列，分开绘制`,
          ...described.map((d) => `${t(d.name, "zh")} ${d.years} 年（最新 ${d.latest.x} 年 ${f(d.latest.y)}${d.missing.length ? `，${listOf(d.missing, "zh")} 年无数据` : ""}）`)
        ],
        "zh"
      ),
      en: sentence(
        [
          `${series.length} published ${series.length === 1 ? "series" : "series, drawn apart"}`,
          ...described.map((d) => `${t(d.name, "en")} ${d.years} (latest ${f(d.latest.y)} in ${d.latest.x}${d.missing.length ? `, no figure for ${listOf(d.missing, "en")}` : ""})`)
        ],
        "en"
      )
    }
  });
}
