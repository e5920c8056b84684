import * as Plot from "@observablehq/plot";
import type {Text} from "../i18n.js";
import {formatQuantity} from "../format.js";
import {chartFigure} from "../chartFigure.js";
import type {DownloadSpec} from "../download/fileSource.js";
import {column, YEAR} from "./chartData.js";
import {listOf, sentence, yearSpan} from "./chartText.js";

/** One component of rural income in one year (元). */
export interface ComponentRow {
  year: number;
  component: string;
  value: number;
}

/** Display order and bilingual names of the rural income components, bottom to top. */
export const RURAL_COMPONENTS = [
  ["农村居民人均工资性收入", "工资性 Wages"],
  ["农村居民人均经营净收入", "经营净 Net business"],
  ["农村居民人均财产净收入", "财产净 Net property"],
  ["农村居民人均转移净收入", "转移净 Net transfers"]
] as const;

// The components' names in one language, for the summary (same order as RURAL_COMPONENTS).
const COMPONENT_NAMES: Record<string, {zh: string; en: string}> = {
  农村居民人均工资性收入: {zh: "工资性收入", en: "wages"},
  农村居民人均经营净收入: {zh: "经营净收入", en: "net business"},
  农村居民人均财产净收入: {zh: "财产净收入", en: "net property"},
  农村居民人均转移净收入: {zh: "转移净收入", en: "net transfers"}
};

/**
 * Stacked bars of rural per-capita disposable income by component; years without components are not drawn.
 * Returned as a chartFigure whose summary gives the years and each component in the last year (`title`, `summary`
 * replace the defaults).
 * @example compositionChart([{year: 2024, component: "农村居民人均工资性收入", value: 9799}], {width: 640})
 */
export function compositionChart(
  rows: readonly ComponentRow[],
  {width = 640, height = 300, title, summary, download}: {width?: number; height?: number; title?: Text; summary?: Text; download?: DownloadSpec} = {}
): HTMLElement {
  const label = new Map<string, string>(RURAL_COMPONENTS);
  const data = rows.filter((r) => label.has(r.component)).map((r) => ({...r, label: label.get(r.component)!}));
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {label: "年份 Year", type: "band", tickFormat: (d: number) => (d % 2 ? "" : String(d))},
    y: {label: "元 / 人 · yuan per person", grid: true},
    color: {legend: true, domain: RURAL_COMPONENTS.map(([, l]) => l)},
    marks: [
      Plot.barY(data, {x: "year", y: "value", fill: "label", order: RURAL_COMPONENTS.map(([, l]) => l), tip: true}),
      Plot.ruleY([0])
    ]
  });
  const years = data.map((d) => d.year);
  const last = years.length ? Math.max(...years) : null;
  const parts = (lang: "zh" | "en") =>
    RURAL_COMPONENTS.flatMap(([component]) => {
      const row = data.find((d) => d.year === last && d.component === component);
      return row ? [`${COMPONENT_NAMES[component][lang]} ${formatQuantity(row.value, "元", {lang})}`] : [];
    });
  return chartFigure(chart, {
    data: {
      rows: data.map((d) => ({year: d.year, component: d.component, value: d.value})),
      columns: [column("year", YEAR), column("component", {zh: "构成（指标）", en: "Component (indicator)"}), column("value", {zh: "收入", en: "Income"}, "元")]
    },
    download,
    title: title ?? {zh: "农村居民人均可支配收入构成", en: "Rural per-capita disposable income by component"},
    summary:
      summary ??
      (last === null
        ? {zh: "没有收入构成数据。", en: "No component figures."}
        : {
            zh: sentence([`${yearSpan(years)} 年农村居民人均收入按构成堆叠`, `${last} 年：${listOf(parts("zh"), "zh")}`], "zh"),
            en: sentence([`Rural income per person by component, ${yearSpan(years)}`, `in ${last}: ${listOf(parts("en"), "en")}`], "en")
          })
  });
}
