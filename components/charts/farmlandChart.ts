import * as Plot from "@observablehq/plot";
import {t, type Lang, type Text} from "../i18n.js";
import {formatNumber, formatQuantity} from "../format.js";
import type {SeriesPoint} from "../scenario/model.js";
import {chartFigure} from "../chartFigure.js";
import {SCENARIO_NOTE, type DownloadSpec} from "../download/fileSource.js";
import {column, SERIES, YEAR} from "./chartData.js";
import {count, listOf, sentence, yearSpan} from "./chartText.js";

/** An observed cumulative area (万亩); `lowerBound` when the source said 超过 (more than). */
export interface AreaObservation {
  year: number;
  value: number;
  lowerBound: boolean;
  ref: string | null;
}

/** A target level (万亩) with the year it is due. */
export interface TargetMark {
  year: number;
  value: number;
  label: string;
}

/**
 * Cumulative high-standard farmland (万亩): stated figures as filled dots, lower bounds (超…) as open up-pointing
 * triangles written "≥", years without a figure as "缺" on the axis (never filled), targets as dashed rules with a
 * diamond in their year, and a scenario path as a dashed line whose end value is written (with "≥" when it is built on
 * a lower bound). Returned as a chartFigure whose summary gives the figures, missing years, targets and the path's
 * end, bounds as "≥" (`title`, `summary` replace the defaults).
 * @example farmlandChart(observed, projection.series.cumulative, {width: 640, targets, lowerBound: true})
 */
export function farmlandChart(
  observed: readonly AreaObservation[],
  projection: readonly SeriesPoint[],
  {
    width = 640,
    height = 340,
    targets = [] as readonly TargetMark[],
    missingYears = [] as readonly number[],
    lowerBound = false,
    title = undefined as Text | undefined,
    summary = undefined as Text | undefined,
    download = undefined as DownloadSpec | undefined
  } = {}
): HTMLElement {
  const stated = observed.filter((d) => !d.lowerBound);
  const bounds = observed.filter((d) => d.lowerBound);
  const path = projection.filter((d) => d.y !== null);
  const ge = lowerBound ? "≥ " : "";
  const names = {
    stated: t({zh: "观测", en: "Stated"}),
    bound: t({zh: "下限（超…）", en: "Lower bound (超…)"}),
    missing: t({zh: "缺数据", en: "No data"}),
    target: t({zh: "目标", en: "Target"}),
    scenario: lowerBound ? t({zh: "情景（下限）", en: "Scenario (lower bound)"}) : t({zh: "情景", en: "Scenario"})
  };
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 70,
    marginRight: 80,
    x: {label: t({zh: "年份", en: "Year"}), tickFormat: "d", interval: 1, inset: 12},
    y: {label: t({zh: "累计面积（万亩）", en: "Cumulative area (万亩)"}), grid: true, zero: false, nice: true, inset: 12, tickFormat: (v: number) => formatNumber(v)},
    color: {
      legend: true,
      domain: [names.stated, names.bound, names.missing, names.target, names.scenario],
      range: ["var(--theme-foreground-focus)", "#8e44ad", "#999", "#c0392b", "#e67e22"]
    },
    marks: [
      Plot.ruleY(targets, {y: "value", stroke: () => names.target, strokeDasharray: "4,3"}),
      Plot.dot(targets, {x: "year", y: "value", symbol: "diamond", fill: () => names.target, r: 5}),
      Plot.text(targets, {x: "year", y: "value", text: (d) => `${d.label} ${formatNumber(d.value)}`, dy: -10, textAnchor: "end"}),
      Plot.lineY(path, {x: "x", y: "y", stroke: () => names.scenario, strokeDasharray: "6,4"}),
      Plot.text(path.slice(-1), {
        x: "x",
        y: "y",
        text: (d) => `${ge}${formatNumber(d.y)}`,
        dx: 6,
        textAnchor: "start",
        fill: "#e67e22",
        className: "projection-end"
      }),
      Plot.dot(missingYears, {x: (d) => d, frameAnchor: "bottom", dy: -6, symbol: "times", stroke: () => names.missing, r: 5}),
      Plot.text(missingYears, {x: (d) => d, frameAnchor: "bottom", dy: -18, text: () => t({zh: "缺", en: "no data"}), fill: "#999"}),
      Plot.dot(stated, {x: "year", y: "value", fill: () => names.stated, r: 4}),
      Plot.dot(bounds, {x: "year", y: "value", symbol: "triangle", stroke: () => names.bound, fill: "none", r: 6, strokeWidth: 2, className: "lower-bound"}),
      Plot.text(bounds, {x: "year", y: "value", text: (d) => `≥ ${formatNumber(d.value)}`, dx: 10, textAnchor: "start"}),
      Plot.tip(
        [
          ...observed.map((d) => ({x: d.year, y: d.value, text: `${d.year}: ${d.lowerBound ? "≥ " : ""}${formatNumber(d.value)} 万亩`})),
          ...path.map((d) => ({x: d.x, y: d.y, text: `${d.x}: ${ge}${formatNumber(d.y)} 万亩 (${names.scenario})`}))
        ],
        Plot.pointer({x: "x", y: "y", title: "text"})
      )
    ]
  });
  // A bound keeps its "≥" in a qualifier column, so the file never turns 超… into a plain figure.
  const data = {
    rows: [
      ...observed.map((d) => ({series: d.lowerBound ? names.bound : names.stated, year: d.year, value: d.value, qualifier: d.lowerBound ? "≥" : null})),
      ...missingYears.map((year) => ({series: names.missing, year, value: null, qualifier: null})),
      ...targets.map((d) => ({series: `${names.target} ${d.label}`, year: d.year, value: d.value, qualifier: null})),
      ...path.map((d) => ({series: names.scenario, year: d.x, value: d.y, qualifier: lowerBound ? "≥" : null}))
    ],
    columns: [
      column("series", SERIES),
      column("year", YEAR),
      column("value", {zh: "累计面积", en: "Cumulative area"}, "万亩"),
      column("qualifier", {zh: "限定", en: "Qualifier"})
    ],
    note: path.length ? SCENARIO_NOTE : undefined
  };
  return chartFigure(chart, {
    data,
    download,
    title: title ?? {zh: "高标准农田累计面积", en: "Cumulative high-standard farmland"},
    summary: summary ?? {zh: farmlandSummary("zh"), en: farmlandSummary("en")}
  });

  function farmlandSummary(lang: Lang): string {
    const q = (v: number | null) => formatQuantity(v, "万亩", {lang});
    const latest = observed.reduce<AreaObservation | null>((a, d) => (a === null || d.year > a.year ? d : a), null);
    const years = yearSpan(observed.map((d) => d.year));
    const missing = listOf(missingYears.map(String), lang);
    const end = path.length > 1 ? path.at(-1)! : null;
    if (lang === "zh")
      return sentence(
        [
          latest ? `${observed.length} 个公布数值，${years} 年（最新 ${latest.year} 年${latest.lowerBound ? "超过 " : " "}${q(latest.value)}）` : "无公布数值",
          missingYears.length ? `${missing} 年无数据` : "",
          targets.map((g) => `目标 ${g.year} 年 ${q(g.value)}`).join("，"),
          end ? `情景至 ${end.x} 年为 ${ge}${q(end.y)}` : ""
        ],
        "zh"
      );
    return sentence(
      [
        latest ? `${count(observed.length, "published figure")}, ${years} (latest ${latest.lowerBound ? "more than " : ""}${q(latest.value)} in ${latest.year})` : "No published figures",
        missingYears.length ? `no figure for ${missing}` : "",
        targets.map((g) => `target ${q(g.value)} by ${g.year}`).join(", "),
        end ? `the scenario ends at ${ge}${q(end.y)} in ${end.x}` : ""
      ],
      "en"
    );
  }
}
