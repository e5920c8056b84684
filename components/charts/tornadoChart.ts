import * as Plot from "@observablehq/plot";
import type {TornadoBar} from "../scenario/analysis.js";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import {chartFigure} from "../chartFigure.js";
import {SCENARIO_NOTE, type DownloadSpec} from "../download/fileSource.js";
import {column} from "./chartData.js";

/**
 * A tornado chart: for each parameter a bar from the output with it lowered to the output with it raised, around
 * the base value (a rule); widest swing on top. Returned as a chartFigure whose summary gives the base and each
 * parameter's range (`title`, `summary` replace the defaults).
 * @example tornadoChart(tornado({urban: 0.05, rural: 0.065}, ratio2035), {width: 640, label: "2035 收入比"})
 */
export function tornadoChart(
  bars: readonly TornadoBar[],
  {
    width = 640,
    height,
    label = t({zh: "输出", en: "Output"}),
    names = {} as Record<string, string>,
    delta = "±1 pt",
    format = "number",
    digits = 3,
    title,
    summary,
    download
  }: {width?: number; height?: number; label?: string; names?: Record<string, string>; delta?: string; format?: string; digits?: number; title?: Text; summary?: Text; download?: DownloadSpec} = {}
): HTMLElement {
  const f = formatterFor(format, {digits});
  const rows = bars.map((b) => ({...b, name: names[b.parameter] ?? b.parameter, lo: Math.min(b.low, b.high), hi: Math.max(b.low, b.high)}));
  const base = bars[0]?.base;
  // Room on both sides for the value labels, so they never run into the parameter names.
  const lo = Math.min(...rows.map((r) => r.lo), base ?? Infinity);
  const hi = Math.max(...rows.map((r) => r.hi), base ?? -Infinity);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.45;
  const chart = Plot.plot({
    width,
    height: height ?? 60 + 36 * rows.length,
    marginLeft: 140,
    marginRight: 60,
    x: {label: `${label} (${delta})`, grid: true, domain: rows.length ? [lo - pad, hi + pad] : undefined},
    y: {label: null, domain: rows.map((r) => r.name)},
    marks: [
      Plot.barX(rows, {y: "name", x1: "lo", x2: "hi", fill: "#e67e22", fillOpacity: 0.8}),
      Plot.text(rows, {y: "name", x: "lo", text: (d) => `${d.low <= d.high ? "−" : "+"} ${f(d.lo)}`, textAnchor: "end", dx: -4}),
      Plot.text(rows, {y: "name", x: "hi", text: (d) => `${d.low <= d.high ? "+" : "−"} ${f(d.hi)}`, textAnchor: "start", dx: 4}),
      base === undefined ? null : Plot.ruleX([base], {stroke: "var(--theme-foreground)"})
    ]
  });
  const ranges = (lang: "zh" | "en") =>
    rows.map((r) => (lang === "zh" ? `${r.name} ${f(r.lo)} 至 ${f(r.hi)}` : `${r.name} ${f(r.lo)} to ${f(r.hi)}`)).join(lang === "zh" ? "，" : ", ");
  return chartFigure(chart, {
    data: {
      rows,
      columns: [
        column("name", {zh: "参数", en: "Parameter"}),
        column("low", {zh: `${label}：参数下调 ${delta}`, en: `${label}, parameter lowered ${delta}`}, format),
        column("high", {zh: `${label}：参数上调 ${delta}`, en: `${label}, parameter raised ${delta}`}, format),
        column("base", {zh: `${label}：基准`, en: `${label}, base`}, format)
      ],
      note: SCENARIO_NOTE
    },
    download,
    title: title ?? {zh: `${label}的敏感性`, en: `Sensitivity of ${label}`},
    summary: summary ?? {
      zh: base === undefined ? "没有参数。" : `基准 ${f(base)}；每个参数变动 ${delta} 时：${ranges("zh")}。`,
      en: base === undefined ? "No parameters." : `Base ${f(base)}; with each parameter moved by ${delta}: ${ranges("en")}.`
    }
  });
}

