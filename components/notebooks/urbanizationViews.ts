// The urbanisation notebook's observed figures as charts and a table: the national resident rate as published and as
// census-revised (two series, never merged) with the hukou rate where a cited figure exists, and the provinces' rates.
import {chartFigure} from "../chartFigure.js";
import {observedSeriesChart} from "../charts/observedSeriesChart.js";
import {provinceTrendChart} from "../charts/provinceTrendChart.js";
import {provinceTileMap, type ProvinceTileMap} from "../charts/provinceTileMap.js";
import {formatNumber} from "../format.js";
import type {NationalRates} from "./urbanizationModel.js";
import type {DownloadSpec} from "../download/fileSource.js";

/** A row of the national table: each series' figure for the year, null where that series has none. */
export interface NationalTableRow {
  year: number;
  published: number | null;
  revised: number | null;
  hukou: number | null;
}

/**
 * One row per year with the three national series side by side.
 * @example nationalTableRows(nationalRates(rows))[0] // {year: 2005, published: 42.99, revised: null, hukou: null}
 */
export function nationalTableRows({years, published, revised, hukou}: NationalRates): NationalTableRow[] {
  return years.map((year, i) => ({year, published: published[i].y, revised: revised[i].y, hukou: hukou[i].y}));
}

/**
 * The national chart: the resident rate as published and as census-revised, and the hukou rate, one line each.
 * @example nationalRatesFigure(nationalRates(rows), {width: 640})
 */
export function nationalRatesFigure(
  {years, published, revised, hukou}: NationalRates,
  {width, download}: {width: number; download?: DownloadSpec}
): HTMLElement {
  const [first, last] = [years[0], years[years.length - 1]];
  const chart = observedSeriesChart(
    [
      {name: {zh: "常住：当年公布", en: "Resident, as published"}, points: published},
      {name: {zh: "常住：七普修订", en: "Resident, census-revised"}, points: revised},
      {name: {zh: "户籍人口城镇化率", en: "Hukou rate"}, points: hukou}
    ],
    {width, label: {zh: "城镇化率（%）", en: "Urbanisation rate (%)"}}
  );
  return chartFigure(chart, {
    title: {zh: `全国城镇化率，${first}-${last} 年`, en: `National urbanisation rate, ${first}-${last}`},
    summary: {
      zh: "常住人口城镇化率的当年公布值和七普修订值各为一条线，户籍人口城镇化率只画有出处的年份，缺年处断开。",
      en: "The resident rate as first published and census-revised, one line each; the hukou rate only in years with a cited figure, broken where a year is missing."
    },
    download
  });
}

/**
 * Every province's resident rate over the years, grey, with the picked province coloured and labelled.
 * @example provinceRatesFigure(provinces, {width: 640, picked: "北京"})
 */
export function provinceRatesFigure(
  provinces: readonly {region_code: string; region: string; year: number; value: number}[],
  {width, picked, download}: {width: number; picked: string; download?: DownloadSpec}
): HTMLElement {
  const years = provinces.map((d) => d.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const label = {zh: "常住人口城镇化率（%）", en: "Resident urbanisation rate (%)"};
  return chartFigure(provinceTrendChart(provinces, {width, selected: [picked], y: "value", label, digits: 2}), {
    title: {zh: `各省常住人口城镇化率，${first}-${last} 年`, en: `Resident urbanisation rate by province, ${first}-${last}`},
    summary: {zh: `每个省份一条灰线，${picked} 着色并标注。`, en: `One grey line per province; ${picked} coloured and labelled.`},
    download
  });
}

/**
 * The tile map of the provinces' resident rates in `year` (Beijing picked first); an input whose value is the picked
 * province's code.
 * @example const picked = view(provinceRateTiles(provinces, 2023))
 */
export function provinceRateTiles(
  provinces: readonly {region_code: string; year: number; value: number}[],
  year: number
): ProvinceTileMap {
  return provinceTileMap(
    provinces.filter((d) => d.year === year).map((d) => ({code: d.region_code, value: d.value, year: d.year})),
    {
      label: {zh: "常住人口城镇化率（%）", en: "Resident urbanisation rate (%)"},
      source: {zh: "国家统计局分省年度数据（见来源说明）", en: "NBS provincial annual data (see the source note)"},
      format: (v: number) => formatNumber(v, {digits: 2}),
      value: "110000"
    }
  );
}
