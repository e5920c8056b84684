import * as Plot from "@observablehq/plot";
import type {TornadoBar} from "../scenario/analysis.js";
import {t} from "../i18n.js";
import {formatterFor} from "../format.js";

/**
 * A tornado chart: for each parameter a bar from the output with it lowered to the output with it raised, around
 * the base value (a rule); widest swing on top.
 * @example tornadoChart(tornado({urban: 0.05, rural: 0.065}, ratio2035), {width: 640, label: "2035 收入比"})
 */
export function tornadoChart(
  bars: readonly TornadoBar[],
  {width = 640, height, label = t({zh: "输出", en: "Output"}), names = {} as Record<string, string>, delta = "±1 pt", format = "number", digits = 3}: {width?: number; height?: number; label?: string; names?: Record<string, string>; delta?: string; format?: string; digits?: number} = {}
) {
  const f = formatterFor(format, {digits});
  const rows = bars.map((b) => ({...b, name: names[b.parameter] ?? b.parameter, lo: Math.min(b.low, b.high), hi: Math.max(b.low, b.high)}));
  const base = bars[0]?.base;
  // Room on both sides for the value labels, so they never run into the parameter names.
  const lo = Math.min(...rows.map((r) => r.lo), base ?? Infinity);
  const hi = Math.max(...rows.map((r) => r.hi), base ?? -Infinity);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.45;
  return Plot.plot({
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
}

