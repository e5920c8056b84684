// The urbanisation notebook's scenario model: the national resident urbanisation rate (常住人口城镇化率) rises by a
// number of percentage points each year from the last observed year of the census-revised series; the rate is
// locked, and held within 0-100%.
import {formatNumber} from "../format.js";
import {missingYears} from "../model/years.js";
import {HORIZON} from "../plan.js";
import {defineModel, type ScenarioRow} from "../scenario/model.js";
import {selectRows} from "../data/selectRows.js";
import type {TableRows} from "../data/parseTable.js";

/** One year of a published rate series (percent); null where the year has no figure. */
export interface RatePoint {
  year: number;
  value: number | null;
}

/**
 * What the page passes: the census-revised national resident rate (percent), oldest first. The as-published series
 * is drawn beside it on the page but never feeds the scenario: the two differ in 2011-2019 and are not mixed.
 */
export interface UrbanizationData {
  revised: readonly RatePoint[];
}

/** Years the baseline's average rise is measured over. */
export const BASELINE_YEARS = 5;

/**
 * The last year with a figure, and the figure.
 * @example lastObserved([{year: 2023, value: 66.16}, {year: 2024, value: 67}]) // {year: 2024, value: 67}
 */
export function lastObserved(points: readonly RatePoint[]): {year: number; value: number} {
  const found = [...points].reverse().find((p): p is {year: number; value: number} => typeof p.value === "number" && Number.isFinite(p.value));
  if (!found) throw new Error("no observed urbanisation rate / 没有城镇化率观测值");
  return found;
}

/**
 * A rate path: start, then each year's rise in percentage points, held within 0-100.
 * @example ratePath({year: 2024, value: 67}, [{year: 2025, rise: 0.9}]) // [{x: 2024, y: 67}, {x: 2025, y: 67.9}]
 */
export function ratePath(start: {year: number; value: number}, rows: readonly ScenarioRow[]): {x: number; y: number}[] {
  const path = [{x: start.year, y: start.value}];
  let rate = start.value;
  for (const [i, row] of rows.entries()) {
    if (row.year !== start.year + 1 + i) throw new Error(`rows must be consecutive years after ${start.year}: got ${row.year}`);
    const rise = row.rise as number;
    if (!Number.isFinite(rise)) throw new Error(`${row.year}: the rise is not a number`);
    rate = Math.min(100, Math.max(0, rate + rise));
    path.push({x: row.year as number, y: rate});
  }
  return path;
}

const pp = (x: number) => formatNumber(x, {digits: 2});

export const urbanizationModel = defineModel<UrbanizationData>({
  id: "urbanization",
  title: {zh: "常住人口城镇化率情景", en: "Resident urbanisation rate scenarios"},
  rowKey: {key: "year", label: {zh: "年份", en: "Year"}, kind: "year"},
  columns: [
    {key: "rise", label: {zh: "城镇化率年提高", en: "Yearly rise"}, unit: {zh: "个百分点", en: "pp"}, kind: "points", form: "points", min: -5, max: 5, digits: 2, csv: "rise_pp"}
  ],
  baseline({revised}) {
    const last = lastObserved(revised);
    const first = revised.find((p) => p.year === last.year - BASELINE_YEARS);
    // A missing window start is not bridged silently: the rule must say exactly what was computed.
    if (typeof first?.value !== "number")
      throw new Error(`the baseline needs the revised rate of ${last.year - BASELINE_YEARS} / 基线需要 ${last.year - BASELINE_YEARS} 年的修订值`);
    const rise = (last.value - first.value) / BASELINE_YEARS;
    const rows: ScenarioRow[] = [];
    for (let year = last.year + 1; year <= HORIZON; year++) rows.push({year, rise});
    return {
      rows,
      rule: {
        zh: `基线：七普修订序列 ${first.year}-${last.year} 年平均每年提高 ${pp(rise)} 个百分点（${pp(first.value)}% → ${pp(last.value)}%），此后每年相同；城镇化率不超过 100%。`,
        en: `Baseline: the average yearly rise of the census-revised series over ${first.year}-${last.year}, ${pp(rise)} pp (${pp(first.value)}% → ${pp(last.value)}%), held every year after; the rate stays at or below 100%.`
      }
    };
  },
  project(rows, {revised}) {
    const path = ratePath(lastObserved(revised), rows);
    return {locked: {rate: path.slice(1).map((p) => p.y)}, series: {rate: path}};
  },
  locked: [{key: "rate", label: {zh: "城镇化率（%）", en: "Rate (%)"}, format: "number", digits: 2}],
  series: [{key: "rate", label: {zh: "常住人口城镇化率（%）", en: "Resident urbanisation rate (%)"}, format: "number", digits: 2}]
});

/** The national series the page draws, one value per year of the table (null where that series has none). */
export interface NationalRates {
  years: number[];
  published: {x: number; y: number | null}[];
  revised: {x: number; y: number | null}[];
  hukou: {x: number; y: number | null}[];
  /** years where both resident series have a figure and the figures differ */
  differ: number[];
  /** the largest difference between them, in percentage points (0 when they never differ) */
  widest: number;
  /** years of the table without a hukou figure */
  hukouMissing: number[];
}

/** Indicator names as the loaders publish them. */
export const INDICATORS = {
  published: "常住人口城镇化率（当年公布）",
  revised: "常住人口城镇化率（七普修订）",
  hukou: "户籍人口城镇化率"
} as const;

/**
 * Splits the tidy national rows into the three series (never merged: a year missing from one stays null there),
 * and says where the two resident series differ and which years have no hukou figure.
 * @example nationalRates(rows).differ // [2010, 2011, …, 2019]
 */
export function nationalRates(rows: readonly {indicator: string; year: number; value: number | null}[]): NationalRates {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const series = (name: string) =>
    years.map((x) => ({x, y: rows.find((r) => r.year === x && r.indicator === name && r.value !== null)?.value ?? null}));
  const [published, revised, hukou] = [series(INDICATORS.published), series(INDICATORS.revised), series(INDICATORS.hukou)];
  const gaps = years.flatMap((x, i) => {
    const [p, r] = [published[i].y, revised[i].y];
    return p !== null && r !== null && Math.abs(p - r) > 1e-9 ? [{x, d: Math.abs(p - r)}] : [];
  });
  const hukouYears = hukou.filter((p) => p.y !== null).map((p) => p.x);
  return {
    years,
    published,
    revised,
    hukou,
    differ: gaps.map((g) => g.x),
    widest: Math.max(0, ...gaps.map((g) => g.d)),
    hukouMissing: years.length ? missingYears(hukouYears, years[0], years[years.length - 1]) : []
  };
}

/**
 * The national rows the page reads: the resident rates (both series) and the hukou rates with a figure, by year, as
 * `SELECT indicator, year, value FROM national WHERE region_code = 'CN' UNION ALL SELECT … FROM hukou WHERE
 * region_code = 'CN' AND value IS NOT NULL ORDER BY year`.
 * @example nationalRows(await readTable(nationalUrl), await readTable(hukouUrl))[0] // {indicator: "常住人口城镇化率（当年公布）", year: 2005, value: 42.99}
 */
export function nationalRows(national: TableRows, hukou: TableRows): TableRows {
  const columns = ["indicator", "year", "value"];
  return selectRows(
    [
      ...selectRows(national, {columns, where: {region_code: "CN"}}),
      ...selectRows(hukou, {columns, where: {region_code: "CN", value: {notNull: true}}})
    ],
    {orderBy: ["year"]}
  );
}
