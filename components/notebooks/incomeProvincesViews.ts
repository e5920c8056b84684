// The provinces notebook's observed figures as a tile map and charts: the ratio or gap of one year on the map and as
// a ranking, and every province's ratio over the years with the chosen ones coloured.
import {chartFigure} from "../chartFigure.js";
import {provinceRankChart} from "../charts/provinceRankChart.js";
import {provinceTrendChart} from "../charts/provinceTrendChart.js";
import {provinceTileMap, type ProvinceTileMap} from "../charts/provinceTileMap.js";
import {formatNumber} from "../format.js";
import type {ProvinceIncome} from "../charts/provinceRankChart.js";
import type {DownloadSpec} from "../download/fileSource.js";

/** The measure a page shows: the urban ÷ rural ratio or the urban − rural gap (元). */
export type Measure = "ratio" | "gap";

/**
 * The tile map of one year's ratio or gap, `value` picked first; an input whose value is the picked province's code.
 * @example const picked = view(incomeTiles(ofYear, {measure: "ratio", value: "110000"}))
 */
export function incomeTiles(ofYear: readonly ProvinceIncome[], {measure, value}: {measure: Measure; value: string}): ProvinceTileMap {
  const isRatio = measure === "ratio";
  return provinceTileMap(
    ofYear.map((d) => ({code: d.region_code, value: d[measure], year: d.year})),
    {
      label: isRatio ? {zh: "城乡收入比", en: "Urban ÷ rural income"} : {zh: "收入差（元）", en: "Gap (yuan)"},
      source: {zh: "国家统计局，分省年度数据", en: "NBS, provincial annual data"},
      format: (v: number) => formatNumber(v, {digits: isRatio ? 2 : 0}),
      scheme: "oranges",
      value
    }
  );
}

/**
 * One year's provinces ranked by the measure, the picked one highlighted.
 * @example incomeRankFigure(ofYear, {width: 640, year: 2019, measure: "ratio", picked: "贵州"})
 */
export function incomeRankFigure(
  ofYear: readonly ProvinceIncome[],
  {width, year, measure, picked, download}: {width: number; year: number; measure: Measure; picked: string; download?: DownloadSpec}
): HTMLElement {
  return chartFigure(provinceRankChart(ofYear, {width, measure, highlight: [picked]}), {
    title:
      measure === "ratio"
        ? {zh: `${year} 年各省城乡收入比`, en: `Urban ÷ rural income by province, ${year}`}
        : {zh: `${year} 年各省城乡收入差`, en: `Urban − rural income gap by province, ${year}`},
    summary: {
      zh: "31 个省份从高到低排列，虚线为中位数，橙色点为地图上选中的省份。",
      en: "The 31 provinces from highest to lowest; the dashed rule is the median, the orange dot the province picked on the map."
    },
    download
  });
}

/**
 * Every province's ratio over the years, grey, with the selected ones coloured and labelled.
 * @example incomeTrendFigure(incomes, {width: 640, selected: ["北京", "贵州"]})
 */
export function incomeTrendFigure(
  incomes: readonly ProvinceIncome[],
  {width, selected, download}: {width: number; selected: readonly string[]; download?: DownloadSpec}
): HTMLElement {
  const years = incomes.map((d) => d.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return chartFigure(provinceTrendChart(incomes, {width, selected}), {
    title: {zh: `各省城乡收入比，${first}-${last} 年`, en: `Urban ÷ rural income by province, ${first}-${last}`},
    summary: {zh: `每个省份一条灰线；${selected.join("、")} 着色并标注。`, en: `One grey line per province; ${selected.join(", ")} coloured and labelled.`},
    download
  });
}
