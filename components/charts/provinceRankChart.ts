import * as Plot from "@observablehq/plot";
import {formatNumber, formatQuantity} from "../format.js";
import {t, type Lang, type Text} from "../i18n.js";
import {chartFigure} from "../chartFigure.js";
import type {DownloadSpec} from "../download/fileSource.js";
import {column, YEAR} from "./chartData.js";
import {sentence, yearSpan} from "./chartText.js";

/** Urban and rural income of one province in one year, with their ratio and gap. */
export interface ProvinceIncome {
  region_code: string;
  region: string;
  year: number;
  urban: number;
  rural: number;
  ratio: number;
  gap: number;
}

/**
 * Provinces ranked by the urban ÷ rural income ratio (or the gap) in one year, highest first, with the national
 * median as a rule. Returned as a chartFigure whose summary names the highest and lowest, the median and the
 * highlighted provinces (`title`, `summary` replace the defaults).
 * @example provinceRankChart(rows.filter((d) => d.year === 2019), {width: 640, measure: "ratio"})
 */
export function provinceRankChart(
  rows: readonly ProvinceIncome[],
  {
    width = 640,
    measure = "ratio" as "ratio" | "gap",
    highlight = [] as readonly string[],
    title = undefined as Text | undefined,
    summary = undefined as Text | undefined,
    download = undefined as DownloadSpec | undefined
  } = {}
): HTMLElement {
  const isRatio = measure === "ratio";
  const text = (d: ProvinceIncome) => (isRatio ? formatNumber(d.ratio, {digits: 2}) : formatNumber(d.gap));
  const chart = Plot.plot({
    width,
    height: 24 + 18 * rows.length,
    marginLeft: 70,
    marginRight: 60,
    x: {label: t(isRatio ? {zh: "城乡收入比（城镇 ÷ 农村）", en: "Urban ÷ rural income"} : {zh: "收入差（元）", en: "Gap (yuan)"}), grid: true, zero: !isRatio},
    y: {label: null},
    marks: [
      Plot.ruleX(
        rows,
        Plot.groupZ({x: "median"}, {x: measure, stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"})
      ),
      Plot.ruleY(rows, {
        y: "region",
        x1: isRatio ? 1 : 0,
        x2: measure,
        stroke: "var(--theme-foreground-faintest)",
        sort: {y: "x", reverse: true}
      }),
      Plot.dot(rows, {
        y: "region",
        x: measure,
        r: 4,
        fill: (d) => (highlight.includes(d.region) ? "#e67e22" : "var(--theme-foreground-focus)")
      }),
      Plot.text(rows, {y: "region", x: measure, text, dx: 8, textAnchor: "start"}),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: "region",
          x: measure,
          title: (d) =>
            t({
              zh: `${d.region} ${d.year}：城镇 ${formatNumber(d.urban)} 元，农村 ${formatNumber(d.rural)} 元，收入比 ${formatNumber(d.ratio, {digits: 3})}，收入差 ${formatNumber(d.gap)} 元`,
              en: `${d.region} ${d.year}: urban ${formatNumber(d.urban)}, rural ${formatNumber(d.rural)} yuan, ratio ${formatNumber(d.ratio, {digits: 3})}, gap ${formatNumber(d.gap)} yuan`
            })
        })
      )
    ]
  });
  const years = yearSpan(rows.map((d) => d.year));
  return chartFigure(chart, {
    data: {
      rows,
      columns: [
        column("region", {zh: "省份", en: "Province"}),
        column("region_code", {zh: "代码", en: "Code"}),
        column("year", YEAR),
        isRatio ? column("ratio", {zh: "城乡收入比", en: "Urban ÷ rural income"}) : column("gap", {zh: "收入差", en: "Gap"}, "元")
      ]
    },
    download,
    title:
      title ??
      (isRatio
        ? {zh: `${years} 年分省城乡收入比`, en: `Urban ÷ rural income by province, ${years}`}
        : {zh: `${years} 年分省城乡收入差`, en: `Urban-rural income gap by province, ${years}`}),
    summary: summary ?? {zh: rankSummary(rows, measure, highlight, "zh"), en: rankSummary(rows, measure, highlight, "en")}
  });
}

// "31 provinces, highest first: A 2.9 highest, B 1.7 lowest, median 2.3; C 2.5."
function rankSummary(rows: readonly ProvinceIncome[], measure: "ratio" | "gap", highlight: readonly string[], lang: Lang): string {
  if (!rows.length) return lang === "zh" ? "没有数据。" : "No data.";
  const v = (x: number) => (measure === "ratio" ? formatNumber(x, {digits: 2}) : formatQuantity(x, "元", {lang}));
  const sorted = [...rows].sort((a, b) => b[measure] - a[measure]);
  const [top, bottom] = [sorted[0], sorted.at(-1)!];
  const values = sorted.map((d) => d[measure]);
  const mid = values.length >> 1;
  const median = values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  const marked = sorted.filter((d) => highlight.includes(d.region));
  if (lang === "zh")
    return sentence(
      [
        `${rows.length} 个省份从高到低排列：最高为${top.region}（${v(top[measure])}），最低为${bottom.region}（${v(bottom[measure])}），中位数 ${v(median)}`,
        marked.map((d) => `${d.region}为 ${v(d[measure])}`).join("，")
      ],
      "zh"
    );
  return sentence(
    [
      `${rows.length} provinces, highest first: ${top.region} highest at ${v(top[measure])}, ${bottom.region} lowest at ${v(bottom[measure])}, median ${v(median)}`,
      marked.map((d) => `${d.region} ${v(d[measure])}`).join(", ")
    ],
    "en"
  );
}
