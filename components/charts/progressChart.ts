import * as Plot from "@observablehq/plot";
import {t, type Text} from "../i18n.js";
import {formatNumber} from "../format.js";
import {chartFigure} from "../chartFigure.js";
import type {DownloadSpec} from "../download/fileSource.js";
import {column} from "./chartData.js";

/** One target's progress: baseline, latest observation and target in the target's own unit. */
export interface ProgressRow {
  label: string;
  unit: string;
  baseline: number;
  latest: number;
  latestYear: number;
  target: number;
  /** The latest value is a lower bound (超…): written “≥”. */
  lowerBound?: boolean;
}

/**
 * Progress from baseline (0%) to target (100%) for targets with all three values, so different units share one
 * axis; each bar is labelled with its own values. A target passed is drawn to the target's edge and marked
 * "exceeded" with its value written, so one bar far past 100% does not squeeze the others. Returned as a chartFigure
 * whose summary counts the targets reached, passed and not yet reached (`title`, `summary` replace the defaults).
 * @example progressChart([{label: "农村自来水普及率", unit: "%", baseline: 83, latest: 96, latestYear: 2025, target: 88}], {width: 640})
 */
export function progressChart(
  rows: readonly ProgressRow[],
  {width = 640, barHeight = 46, title = undefined as Text | undefined, summary = undefined as Text | undefined, download = undefined as DownloadSpec | undefined} = {}
): HTMLElement {
  const data = rows.map((d) => {
    const share = (100 * (d.latest - d.baseline)) / (d.target - d.baseline);
    return {...d, share, drawn: Math.max(Math.min(share, 100), Math.min(0, share)), exceeded: share > 100};
  });
  const exceeded = t({zh: "已超过目标", en: "exceeded"});
  const targetWord = t({zh: "目标", en: "target"});
  // Up to two decimals, as the figures were printed (87.5, not 87.50).
  const n = (v: number) => formatNumber(v, {digits: 2, trim: true});
  const chart = Plot.plot({
    width,
    height: 50 + barHeight * Math.max(1, data.length),
    marginLeft: 10,
    marginRight: 20,
    x: {
      label: t({zh: "基期→目标进度 (%)", en: "Progress from baseline to target (%)"}),
      domain: [Math.min(0, ...data.map((d) => d.drawn)), 110],
      grid: true
    },
    // Wide padding leaves room for each bar's label above it, since the labels are too long for a y axis.
    y: {axis: null, domain: data.map((d) => d.label), padding: 0.6},
    marks: [
      Plot.barX(data, {y: "label", x1: 0, x2: "drawn", fill: (d) => (d.share >= 100 ? "#1e8449" : "#b9770e")}),
      // A passed target ends in an arrow at the target's edge: the bar is cut there, not drawn to scale.
      Plot.text(data.filter((d) => d.exceeded), {y: "label", x: 100, text: () => "▶", textAnchor: "start", dx: 2, fill: "#1e8449"}),
      Plot.ruleX([100], {stroke: "#c0392b", strokeDasharray: "4,3"}),
      Plot.ruleX([0]),
      Plot.text(data, {
        y: "label",
        x: 0,
        dy: -barHeight * 0.2 - 8,
        textAnchor: "start",
        text: (d) =>
          `${d.label}: ${n(d.baseline)} → ${d.lowerBound ? "≥ " : ""}${n(d.latest)} (${d.latestYear}) / ${targetWord} ${n(d.target)} ${d.unit} · ${
            d.exceeded ? `${exceeded} (${Math.round(d.share)}%)` : `${Math.round(d.share)}%`
          }`
      })
    ]
  });
  const reached = data.filter((d) => d.share >= 100).length;
  const passed = data.filter((d) => d.exceeded).length;
  return chartFigure(chart, {
    data: {
      rows: data.map((d) => ({...d, qualifier: d.lowerBound ? "≥" : null})),
      columns: [
        column("label", {zh: "指标", en: "Indicator"}),
        column("unit", {zh: "单位", en: "Unit"}),
        column("baseline", {zh: "基期值", en: "Baseline"}),
        column("qualifier", {zh: "最新值限定", en: "Latest qualifier"}),
        column("latest", {zh: "最新值", en: "Latest"}),
        column("latestYear", {zh: "最新年份", en: "Latest year"}),
        column("target", {zh: "目标值", en: "Target"}),
        column("share", {zh: "基期到目标的进度（%）", en: "Progress from baseline to target (%)"})
      ]
    },
    download,
    title: title ?? {zh: "基期到目标的进度", en: "Progress from baseline to target"},
    summary: summary ?? {
      zh: `${data.length} 个指标，每条从基期（0%）到目标（100%）：${reached} 个已达到或超过目标（其中 ${passed} 个已超过），${data.length - reached} 个尚未达到。`,
      en: `${data.length} ${data.length === 1 ? "target" : "targets"}, each bar from baseline (0%) to target (100%): ${reached} reached or passed (${passed} passed), ${data.length - reached} not yet reached.`
    }
  });
}
