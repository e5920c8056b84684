import * as Plot from "@observablehq/plot";
import {t} from "../i18n.js";

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
 * axis; each bar is labelled with its own values. Beyond 100% the target has been passed.
 * @example progressChart([{label: "农村自来水普及率", unit: "%", baseline: 83, latest: 96, latestYear: 2025, target: 88}], {width: 640})
 */
export function progressChart(rows: readonly ProgressRow[], {width = 640, barHeight = 46} = {}) {
  const data = rows.map((d) => ({...d, share: (100 * (d.latest - d.baseline)) / (d.target - d.baseline)}));
  const max = Math.max(110, ...data.map((d) => d.share + 10));
  return Plot.plot({
    width,
    height: 50 + barHeight * Math.max(1, data.length),
    marginLeft: 10,
    x: {
      label: t({zh: "基期→目标进度 (%)", en: "Progress from baseline to target (%)"}),
      domain: [Math.min(0, ...data.map((d) => d.share)), max],
      grid: true
    },
    // Wide padding leaves room for each bar's label above it, since the labels are too long for a y axis.
    y: {axis: null, domain: data.map((d) => d.label), padding: 0.6},
    marks: [
      Plot.barX(data, {y: "label", x1: 0, x2: "share", fill: (d) => (d.share >= 100 ? "#27ae60" : "#e67e22")}),
      Plot.ruleX([100], {stroke: "#c0392b", strokeDasharray: "4,3"}),
      Plot.ruleX([0]),
      Plot.text(data, {
        y: "label",
        x: 0,
        dy: -barHeight * 0.2 - 8,
        textAnchor: "start",
        text: (d) =>
          `${d.label}: ${d.baseline} → ${d.lowerBound ? "≥ " : ""}${d.latest} (${d.latestYear}) / 目标 ${d.target} ${d.unit} · ${Math.round(d.share)}%`
      })
    ]
  });
}
