import * as Plot from "@observablehq/plot";
import {t, type Text} from "../i18n.js";
import {formatPercent} from "../format.js";
import type {SeriesPoint} from "../scenario/model.js";
import {chartFigure} from "../chartFigure.js";
import {SCENARIO_NOTE, type DownloadSpec} from "../download/fileSource.js";
import {column, SERIES, YEAR} from "./chartData.js";
import {listOf, sentence, yearSpan} from "./chartText.js";

/** A coverage figure as a fraction (0.96 for 96%). */
export interface CoveragePoint {
  year: number;
  value: number;
}

/** A coverage level to reach (a fraction), with the year it is due and its label. */
export interface CoverageTarget {
  year: number;
  value: number;
  label: string;
}

/**
 * A coverage rate by year, all values as fractions: observed figures as labelled dots (never joined across missing
 * years), years without a figure as "缺" on the axis, targets as dashed rules with a diamond in their year, and a
 * scenario path as a dashed line with its end value and the first year it reaches 100% written. Returned as a
 * chartFigure titled by the label, its summary the observed years, missing years, targets and the path's end
 * (`title`, `summary` replace them).
 * @example coverageChart(observed, projection.series.coverage, {width: 640, targets, missingYears: [2018, 2019, 2024]})
 */
export function coverageChart(
  observed: readonly CoveragePoint[],
  projection: readonly SeriesPoint[],
  {
    width = 640,
    height = 320,
    targets = [] as readonly CoverageTarget[],
    missingYears = [] as readonly number[],
    label = {zh: "普及率", en: "Coverage"} as Text,
    title = undefined as Text | undefined,
    summary = undefined as Text | undefined,
    download = undefined as DownloadSpec | undefined
  } = {}
): HTMLElement {
  const path = projection.filter((d) => d.y !== null);
  // The first projected year at 100%: where the path meets the ceiling is what a reader looks for.
  const full = path.slice(1).find((d) => d.y! >= 1);
  const names = {
    observed: t({zh: "观测", en: "Observed"}),
    missing: t({zh: "缺数据", en: "No data"}),
    target: t({zh: "目标", en: "Target"}),
    scenario: t({zh: "情景", en: "Scenario"})
  };
  const floor = 0.7;
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    marginRight: 60,
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d", interval: 1},
    y: {label: t(label), grid: true, domain: [floor, 1], tickFormat: (v: number) => formatPercent(v, {digits: 0})},
    color: {
      legend: true,
      domain: [names.observed, names.missing, names.target, names.scenario],
      range: ["var(--theme-foreground-focus)", "#999", "#c0392b", "#e67e22"]
    },
    marks: [
      Plot.ruleY(targets, {y: "value", stroke: () => names.target, strokeDasharray: "4,3"}),
      Plot.dot(targets, {x: "year", y: "value", symbol: "diamond", fill: () => names.target, r: 5}),
      Plot.text(targets, {x: "year", y: "value", text: "label", dy: 12, textAnchor: "end"}),
      Plot.lineY(path, {x: "x", y: "y", stroke: () => names.scenario, strokeDasharray: "6,4"}),
      Plot.text(path.slice(-1), {x: "x", y: "y", text: (d) => formatPercent(d.y, {digits: 1}), dx: 6, textAnchor: "start", fill: "#e67e22", className: "projection-end"}),
      Plot.dot(full ? [full] : [], {x: "x", y: "y", r: 4, fill: "#e67e22"}),
      Plot.text(full ? [full] : [], {x: "x", y: "y", text: (d) => `${d.x}: ${formatPercent(d.y, {digits: 1})}`, dy: -10, fill: "#e67e22", className: "full-coverage"}),
      Plot.dot(missingYears, {x: (d) => d, y: floor, symbol: "times", stroke: () => names.missing, r: 5}),
      Plot.text(missingYears, {x: (d) => d, y: floor, text: () => t({zh: "缺", en: "no data"}), dy: -10, fill: "#999"}),
      Plot.dot(observed, {x: "year", y: "value", fill: () => names.observed, r: 4}),
      Plot.text(observed, {x: "year", y: "value", text: (d) => formatPercent(d.value, {digits: 1}), dy: -10}),
      Plot.tip(path, Plot.pointerX({x: "x", y: "y", title: (d) => `${d.x} ${names.scenario}: ${formatPercent(d.y, {digits: 1})}`}))
    ]
  });
  // Missing years are rows without a value, so the file says which years have no figure.
  const data = {
    rows: [
      ...observed.map((d) => ({series: names.observed, year: d.year, value: d.value})),
      ...missingYears.map((year) => ({series: names.missing, year, value: null})),
      ...targets.map((d) => ({series: `${names.target} ${d.label}`, year: d.year, value: d.value})),
      ...path.map((d) => ({series: names.scenario, year: d.x, value: d.y}))
    ],
    columns: [column("series", SERIES), column("year", YEAR), column("value", label, "percent")],
    note: path.length ? SCENARIO_NOTE : undefined
  };
  return chartFigure(chart, {data, download, title: title ?? label, summary: summary ?? coverageSummary(observed, path, full, targets, missingYears)});
}

function coverageSummary(
  observed: readonly CoveragePoint[],
  path: readonly SeriesPoint[],
  full: SeriesPoint | undefined,
  targets: readonly CoverageTarget[],
  missingYears: readonly number[]
): Text {
  const pct = (v: number | null) => formatPercent(v, {digits: 1});
  const latest = observed.reduce<CoveragePoint | null>((a, d) => (a === null || d.year > a.year ? d : a), null);
  const years = yearSpan(observed.map((d) => d.year));
  const missing = missingYears.map(String);
  const end = path.length > 1 ? path.at(-1)! : null;
  return {
    zh: sentence(
      [
        latest ? `观测 ${years} 年（最新 ${latest.year} 年 ${pct(latest.value)}）` : "无观测值",
        missing.length ? `${listOf(missing, "zh")} 年无数据` : "",
        targets.map((g) => `目标 ${g.year} 年 ${pct(g.value)}`).join("，"),
        end ? `情景至 ${end.x} 年为 ${pct(end.y)}${full ? `，${full.x} 年达到 100%` : ""}` : ""
      ],
      "zh"
    ),
    en: sentence(
      [
        latest ? `Observed ${years} (latest ${pct(latest.value)} in ${latest.year})` : "No observed figures",
        missing.length ? `no figure for ${listOf(missing, "en")}` : "",
        targets.map((g) => `target ${pct(g.value)} by ${g.year}`).join(", "),
        end ? `the scenario ends at ${pct(end.y)} in ${end.x}${full ? `, reaching 100% in ${full.x}` : ""}` : ""
      ],
      "en"
    )
  };
}
