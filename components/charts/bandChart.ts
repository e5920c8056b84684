import * as Plot from "@observablehq/plot";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import type {BandPoint} from "../scenario/analysis.js";
import type {SeriesPoint} from "../scenario/model.js";
import {chartFigure} from "../chartFigure.js";
import {SCENARIO_NOTE, type DownloadSpec} from "../download/fileSource.js";
import {column, YEAR} from "./chartData.js";
import {sentence, yearSpan} from "./chartText.js";

/**
 * Monte Carlo uncertainty: the 10-90% band (area), its median (thin line) and the central scenario (dashed), after
 * the observed values. Returned as a chartFigure whose summary gives the band, median and central value in the last
 * year (`title`, `summary` replace the defaults).
 * @example bandChart({observed, band, central, runs: 1000, label: {zh: "收入比", en: "Ratio"}, format: "ratio"}, {width})
 */
export function bandChart(
  {observed = [], band, central, runs, label, format = "number", digits}: {
    observed?: readonly SeriesPoint[];
    band: readonly BandPoint[];
    central: readonly SeriesPoint[];
    runs: number;
    label: Text;
    format?: string;
    digits?: number;
  },
  {width = 640, height = 300, title, summary, download}: {width?: number; height?: number; title?: Text; summary?: Text; download?: DownloadSpec} = {}
): HTMLElement {
  const f = formatterFor(format, {digits});
  const bandName = t({zh: `10-90%（${runs} 次模拟）`, en: `10-90% (${runs} runs)`});
  const observedName = t({zh: "观测", en: "Observed"});
  const scenarioName = t({zh: "情景", en: "Scenario"});
  // An empty mark is left out rather than drawn empty: the band is rebuilt on every grid edit.
  const observedPoints = observed.filter((p) => p.y !== null);
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 64,
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d"},
    y: {label: t(label), grid: true, tickFormat: (v: number) => f(v)},
    color: {legend: true, domain: [observedName, scenarioName, bandName], range: ["var(--theme-foreground-focus)", "#e67e22", "#f5cba7"]},
    marks: [
      Plot.areaY(band, {x: "x", y1: "p10", y2: "p90", fill: () => bandName, fillOpacity: 0.6}),
      Plot.lineY(band, {x: "x", y: "p50", stroke: "#e67e22", strokeOpacity: 0.5, strokeWidth: 1}),
      observedPoints.length ? Plot.lineY(observedPoints, {x: "x", y: "y", stroke: () => observedName, marker: "circle"}) : null,
      Plot.lineY(central.filter((p) => p.y !== null), {x: "x", y: "y", stroke: () => scenarioName, strokeDasharray: "6,4", strokeWidth: 2}),
      Plot.tip(band, Plot.pointerX({x: "x", y: "p50", title: (d: BandPoint) => `${d.x}: ${f(d.p10)} – ${f(d.p90)} (p50 ${f(d.p50)})`}))
    ]
  });
  const end = band.at(-1);
  const centralEnd = end ? central.find((p) => p.x === end.x && p.y !== null)?.y ?? null : null;
  const observedYears = yearSpan(observedPoints.map((p) => p.x));
  // One row per year: the observed value, the band's percentiles and the central scenario, side by side.
  const years = [...new Set([...observed, ...central].map((p) => p.x).concat(band.map((b) => b.x)))].sort((a, b) => a - b);
  const at = (points: readonly SeriesPoint[], x: number) => points.find((p) => p.x === x)?.y ?? null;
  const bandAt = new Map(band.map((b) => [b.x, b]));
  return chartFigure(chart, {
    data: {
      rows: years.map((x) => ({year: x, observed: at(observed, x), p10: bandAt.get(x)?.p10 ?? null, p50: bandAt.get(x)?.p50 ?? null, p90: bandAt.get(x)?.p90 ?? null, central: at(central, x)})),
      columns: [
        column("year", YEAR),
        column("observed", {zh: `${t(label, "zh")}：观测`, en: `${t(label, "en")}: observed`}, format),
        column("p10", {zh: `第 10 百分位（${runs} 次模拟）`, en: `10th percentile (${runs} runs)`}, format),
        column("p50", {zh: "中位数", en: "Median"}, format),
        column("p90", {zh: "第 90 百分位", en: "90th percentile"}, format),
        column("central", {zh: "中心情景", en: "Central scenario"}, format)
      ],
      note: SCENARIO_NOTE
    },
    download,
    title: title ?? {zh: `${t(label, "zh")}：蒙特卡洛 10-90% 区间`, en: `${t(label, "en")}: Monte Carlo 10-90% band`},
    summary: summary ?? {
      zh: sentence(
        [
          `${runs} 次模拟${observedYears ? `，观测 ${observedYears} 年` : ""}`,
          end ? `${end.x} 年 80% 的模拟结果在 ${f(end.p10)} 至 ${f(end.p90)} 之间（中位数 ${f(end.p50)}）` : "无模拟结果",
          centralEnd === null ? "" : `中心情景为 ${f(centralEnd)}`
        ],
        "zh"
      ),
      en: sentence(
        [
          `${runs} runs${observedYears ? `, observed ${observedYears}` : ""}`,
          end ? `in ${end.x} the middle 80% of runs lie between ${f(end.p10)} and ${f(end.p90)} (median ${f(end.p50)})` : "no runs",
          centralEnd === null ? "" : `the central scenario ends at ${f(centralEnd)}`
        ],
        "en"
      )
    }
  });
}
