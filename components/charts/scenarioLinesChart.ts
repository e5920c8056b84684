import * as Plot from "@observablehq/plot";
import {t, type Text} from "../i18n.js";
import {formatterFor} from "../format.js";
import type {SeriesPoint} from "../scenario/model.js";
import {chartFigure} from "../chartFigure.js";
import {SCENARIO_NOTE, type DownloadSpec} from "../download/fileSource.js";
import {column, SERIES, YEAR} from "./chartData.js";
import {count, sentence, yearSpan} from "./chartText.js";

/** A named line: observed values or one scenario's projected series. */
export interface NamedSeries {
  name: string;
  points: readonly SeriesPoint[];
}

/** A target drawn as a mark at (x, value). */
export interface TargetMark {
  x: number;
  value: number;
  label: string;
}

/**
 * Observed values (solid, dots) and each scenario's projected series (dashed), overlaid, one colour per scenario,
 * the end value written at the right; targets as labelled crosses; an optional rule at a base year. Returned as a
 * chartFigure titled by the label, its summary the observed years and each scenario's end value (`title`, `summary`
 * replace them).
 * @example scenarioLinesChart({observed, scenarios: [{name: "基线", points}], label: {zh: "收入比", en: "Ratio"}, format: "ratio"}, {width})
 */
export function scenarioLinesChart(
  {
    observed = [],
    scenarios,
    targets = [],
    label,
    format = "number",
    digits,
    baseYear
  }: {
    observed?: readonly SeriesPoint[];
    scenarios: readonly NamedSeries[];
    targets?: readonly TargetMark[];
    label: Text;
    format?: string;
    digits?: number;
    baseYear?: number;
  },
  {width = 640, height = 300, title, summary, download}: {width?: number; height?: number; title?: Text; summary?: Text; download?: DownloadSpec} = {}
): HTMLElement {
  const f = formatterFor(format, {digits});
  const observedName = t({zh: "观测", en: "Observed"});
  const long = scenarios.flatMap(({name, points}) => points.filter((p) => p.y !== null).map((p) => ({...p, scenario: name})));
  const seen = observed.filter((p) => p.y !== null);
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 64,
    marginRight: 80, // room for the end labels
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d"},
    y: {label: t(label), grid: true, tickFormat: (v: number) => f(v)},
    color: {legend: true, domain: [observedName, ...scenarios.map((s) => s.name)]},
    marks: [
      baseYear === undefined ? null : Plot.ruleX([baseYear], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      // Marks without data are left out rather than drawn empty: the figure is rebuilt on every grid edit.
      seen.length ? Plot.lineY(seen, {x: "x", y: "y", stroke: () => observedName, marker: "circle"}) : null,
      Plot.lineY(long, {x: "x", y: "y", stroke: "scenario", strokeDasharray: "6,3", strokeWidth: 2}),
      Plot.text(long, Plot.selectLast({x: "x", y: "y", z: "scenario", text: (d: {y: number}) => f(d.y), dx: 4, textAnchor: "start", fill: "scenario"})),
      targets.length ? Plot.dot(targets, {x: "x", y: "value", symbol: "times", r: 6, stroke: "var(--theme-red, #c0392b)", strokeWidth: 2}) : null,
      targets.length ? Plot.text(targets, {x: "x", y: "value", text: "label", dy: -12, fill: "var(--theme-red, #c0392b)"}) : null,
      Plot.tip(long, Plot.pointer({x: "x", y: "y", title: (d: {scenario: string; x: number; y: number}) => `${d.scenario} ${d.x}: ${f(d.y)}`}))
    ]
  });
  return chartFigure(chart, {
    data: {
      rows: [
        ...observed.map((p) => ({series: observedName, year: p.x, value: p.y})),
        ...scenarios.flatMap(({name, points}) => points.map((p) => ({series: name, year: p.x, value: p.y}))),
        ...targets.map((g) => ({series: g.label, year: g.x, value: g.value}))
      ],
      columns: [column("series", SERIES), column("year", YEAR), column("value", label, format)],
      note: scenarios.length ? SCENARIO_NOTE : undefined
    },
    download,
    title: title ?? {zh: `${t(label, "zh")}：观测与情景`, en: `${t(label, "en")}: observed and scenarios`},
    summary: summary ?? scenarioLinesSummary(label, seen, scenarios, targets, f)
  });
}

// "{label}: observed {first}–{last}, {n} scenarios to {x}; {name} ends at {value}, …; target {value} in {x}."
function scenarioLinesSummary(
  label: Text,
  seen: readonly SeriesPoint[],
  scenarios: readonly NamedSeries[],
  targets: readonly TargetMark[],
  f: (v: number) => string
): Text {
  const ends = scenarios.flatMap(({name, points}) => {
    const last = points.filter((p) => p.y !== null).at(-1);
    return last ? [{name, x: last.x, y: last.y!}] : [];
  });
  const horizon = ends.length ? String(Math.max(...ends.map((e) => e.x))) : "";
  const observed = yearSpan(seen.map((p) => p.x));
  const zhEnds = ends.map((e, i) => `${e.name}${i ? " " : ` ${e.x} 年`}为 ${f(e.y)}`).join("，");
  const enEnds = ends.map((e, i) => `${e.name} ${i ? "at" : "ends at"} ${f(e.y)}`).join(", ");
  const zhTargets = targets.map((g) => `目标 ${g.x} 年 ${f(g.value)}`).join("，");
  const enTargets = targets.map((g) => `target ${f(g.value)} in ${g.x}`).join(", ");
  return {
    zh: sentence(
      [[`${t(label, "zh")}：${observed ? `观测 ${observed} 年` : "无观测值"}`, ends.length ? `${ends.length} 个情景推算至 ${horizon} 年` : ""].filter(Boolean).join("，"), zhEnds, zhTargets],
      "zh"
    ),
    en: sentence(
      [[`${t(label, "en")}: ${observed ? `observed ${observed}` : "no observed values"}`, ends.length ? `${count(ends.length, "scenario")} to ${horizon}` : ""].filter(Boolean).join(", "), enEnds, enTargets],
      "en"
    )
  };
}
