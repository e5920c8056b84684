// The provinces notebook's scenario model: one row per province (GB/T 2260 code), urban and rural income growing at
// a constant rate per year from that province's own latest observed year; the ratio (urban ÷ rural) follows, read at
// the plan's target year, a milestone year and the horizon, with the first year it falls to a chosen ratio.
import {cagr} from "../model/growth.js";
import {missingYears} from "../model/years.js";
import {projectPathByRegion, type GrowthRow, type IncomePoint, type IncomeYear} from "../model/incomeProjection.js";
import {PROVINCE_TILES} from "../charts/provinceTiles.js";
import {t, type Text} from "../i18n.js";
import {HORIZON, MILESTONE_YEAR, PLAN_TARGET_YEAR} from "../plan.js";
import {defineModel, firstMeeting, type Projection, type ScenarioRow} from "../scenario/model.js";
import {joinRows} from "../data/joinRows.js";
import {selectRows} from "../data/selectRows.js";
import type {TableRows} from "../data/parseTable.js";
import type {ProvinceIncome} from "../charts/provinceRankChart.js";

/** One observed province-year with both incomes (元). */
export interface ProvinceIncomeYear extends IncomeYear {
  region_code: string;
  region: string;
}

/**
 * What the page passes: every observed province-year with both incomes, and the ratio whose first year is shown
 * (the page's choice; DEFAULT_TARGET_RATIO when it has none).
 */
export interface IncomeProvincesData {
  observed: readonly ProvinceIncomeYear[];
  targetRatio?: number;
}

/** Where a province's projection starts and the window its baseline growth was measured over. */
export interface ProvinceStart extends IncomeYear {
  region_code: string;
  region: string;
  /** the first year of the baseline window (the start year − BASELINE_YEARS, or the earliest observed year after it) */
  from: number;
  urbanGrowth: number;
  ruralGrowth: number;
}

/** Years the baseline growth is measured over, ending at each province's latest year with both incomes. */
export const BASELINE_YEARS = 5;
/** The ratio whose first year the grid shows when the page chooses none. */
export const DEFAULT_TARGET_RATIO = 2;

const starts = new WeakMap<readonly ProvinceIncomeYear[], Map<string, ProvinceStart>>();

/**
 * Each province's start (its latest year with both incomes) and its own compound growth over the last
 * BASELINE_YEARS years up to it, by code in GB/T 2260 order. A province with a single year has no growth to measure
 * and is an error naming it. Computed once per observed array.
 * @example provinceStarts(observed).get("110000") // {year: 2019, urban: 73849, from: 2014, urbanGrowth: 0.085…}
 */
export function provinceStarts(observed: readonly ProvinceIncomeYear[]): Map<string, ProvinceStart> {
  let out = starts.get(observed);
  if (out) return out;
  const byCode = new Map<string, ProvinceIncomeYear[]>();
  for (const row of observed) {
    if (!(row.urban > 0) || !(row.rural > 0)) continue;
    // A code read by DuckDB's CSV sniffer may arrive as a number: rows are keyed by its text.
    const code = String(row.region_code);
    byCode.set(code, [...(byCode.get(code) ?? []), row]);
  }
  out = new Map();
  for (const code of [...byCode.keys()].sort()) {
    const years = byCode.get(code)!.sort((a, b) => a.year - b.year);
    const last = years[years.length - 1];
    // The window start: the year BASELINE_YEARS back, or the earliest observed year after it when that one is missing.
    const first = years.find((y) => y.year >= last.year - BASELINE_YEARS)!;
    if (first.year === last.year)
      throw new Error(`${last.region} (${code}): only ${last.year} observed, no growth to measure / 只有 ${last.year} 年数据，无法计算增速`);
    const span = last.year - first.year;
    out.set(code, {
      region_code: code,
      region: last.region,
      year: last.year,
      urban: last.urban,
      rural: last.rural,
      from: first.year,
      urbanGrowth: cagr(first.urban, last.urban, span),
      ruralGrowth: cagr(first.rural, last.rural, span)
    });
  }
  starts.set(observed, out);
  return out;
}

/**
 * A province's name in the current language: the name as published in the data in Chinese, the English name of the
 * tile map's list in English, the code when neither knows it.
 * @example provinceName("110000", observed) // "北京"
 */
export function provinceName(code: string, observed: readonly ProvinceIncomeYear[], lang?: "zh" | "en"): string {
  const tile = PROVINCE_TILES.find((p) => p.code === code);
  const zh = provinceStarts(observed).get(code)?.region ?? tile?.zh ?? code;
  return t({zh, en: tile?.en ?? zh}, lang);
}

/**
 * The years projected for one province: its start year + 1 to HORIZON, all at the row's constant rates.
 * @example growthRows(2019, {urban: 0.05, rural: 0.07}).length // 16
 */
export function growthRows(startYear: number, {urban, rural}: {urban: number; rural: number}): GrowthRow[] {
  const rows: GrowthRow[] = [];
  for (let year = startYear + 1; year <= HORIZON; year++) rows.push({year, urban, rural});
  return rows;
}

const ratioAt = (path: readonly IncomePoint[], year: number) => path.find((p) => p.year === year)?.ratio ?? null;

/**
 * The first-year cell: the year the ratio first falls to `target` or below (from the start year on), "start year
 * (observed)" when the observed start already does, or "not by HORIZON".
 * @example firstYearText(projection, "110000", 2, 2019) // "2031"
 */
export function firstYearText(projection: Projection, code: string, target: number, startYear: number): string {
  const year = firstMeeting(projection, {series: "ratio", value: target, direction: "<="}, {z: code});
  if (year === null) return t({zh: `${HORIZON} 年前未达到`, en: `not by ${HORIZON}`});
  if (year === startYear) return t({zh: `${year}（观测值）`, en: `${year} (observed)`});
  return String(year);
}

const yearLabel = (year: number): Text => ({zh: `${year} 年收入比`, en: `${year} ratio`});

export const incomeProvincesModel = defineModel<IncomeProvincesData>({
  id: "income-provinces",
  title: {zh: "分省收入差距情景", en: "Income gap by province scenarios"},
  rowKey: {key: "region", label: {zh: "省份", en: "Province"}, kind: "region"},
  rowName: (key, {observed}) => provinceName(String(key), observed),
  columns: [
    {key: "urban", label: {zh: "城镇增速", en: "Urban growth"}, unit: {zh: "%/年", en: "%/yr"}, kind: "percent", form: "percent", min: -0.5, max: 0.5, digits: 2, csv: "urban_growth_pct"},
    {key: "rural", label: {zh: "农村增速", en: "Rural growth"}, unit: {zh: "%/年", en: "%/yr"}, kind: "percent", form: "percent", min: -0.5, max: 0.5, digits: 2, csv: "rural_growth_pct"}
  ],
  baseline({observed}) {
    const all = [...provinceStarts(observed).values()];
    if (all.length === 0) throw new Error("no province has both incomes / 没有同时有城镇和农村收入的省份");
    const rows: ScenarioRow[] = all.map((s) => ({region: s.region_code, urban: s.urbanGrowth, rural: s.ruralGrowth}));
    const windows = [...new Set(all.map((s) => `${s.from}-${s.year}`))];
    const same = windows.length === 1;
    return {
      rows,
      rule: {
        zh: `基线：每个省份按本省最近 ${BASELINE_YEARS} 年（${same ? windows[0] : "各省窗口见下表"}）城镇、农村收入的复合平均增速，从本省最后观测年起每年不变。`,
        en: `Baseline: each province's own compound average growth of urban and rural income over its last ${BASELINE_YEARS} years (${same ? windows[0] : "each province's window is in the table below"}), held constant from that province's latest observed year.`
      }
    };
  },
  project(rows, {observed, targetRatio = DEFAULT_TARGET_RATIO}) {
    const byCode = provinceStarts(observed);
    const wanted = new Map<string, IncomeYear>();
    const growth = new Map<string, GrowthRow[]>();
    for (const row of rows) {
      const start = byCode.get(String(row.region));
      if (!start) throw new Error(`no observed income for province ${row.region} / 省份 ${row.region} 没有观测数据`);
      wanted.set(start.region_code, start);
      growth.set(start.region_code, growthRows(start.year, {urban: row.urban as number, rural: row.rural as number}));
    }
    const paths = projectPathByRegion(wanted, growth);
    const series = (key: "ratio" | "gap" | "urban" | "rural") =>
      [...paths].flatMap(([code, path]) => path.map((p) => ({x: p.year, y: p[key], z: code})));
    const projection: Projection = {
      locked: {},
      series: {ratio: series("ratio"), gap: series("gap"), urban: series("urban"), rural: series("rural")}
    };
    const codes = rows.map((r) => String(r.region));
    projection.locked = {
      ratioPlan: codes.map((c) => ratioAt(paths.get(c)!, PLAN_TARGET_YEAR)),
      ratioMilestone: codes.map((c) => ratioAt(paths.get(c)!, MILESTONE_YEAR)),
      ratioHorizon: codes.map((c) => ratioAt(paths.get(c)!, HORIZON)),
      firstYear: codes.map((c) => firstYearText(projection, c, targetRatio, byCode.get(c)!.year))
    };
    return projection;
  },
  locked: [
    {key: "ratioPlan", label: yearLabel(PLAN_TARGET_YEAR), format: "ratio", digits: 3},
    {key: "ratioMilestone", label: yearLabel(MILESTONE_YEAR), format: "ratio", digits: 3},
    {key: "ratioHorizon", label: yearLabel(HORIZON), format: "ratio", digits: 3},
    {key: "firstYear", label: {zh: "收入比降到目标的首年", en: "First year at the target ratio"}, format: "text"}
  ],
  series: [
    {key: "ratio", label: {zh: "城乡收入比（城镇 ÷ 农村）", en: "Urban ÷ rural income"}, format: "ratio", digits: 3},
    {key: "gap", label: {zh: "收入差（元）", en: "Gap (yuan)"}, format: "integer"},
    {key: "urban", label: {zh: "城镇居民人均可支配收入（元）", en: "Urban income per capita (yuan)"}, format: "integer"},
    {key: "rural", label: {zh: "农村居民人均可支配收入（元）", en: "Rural income per capita (yuan)"}, format: "integer"}
  ]
});


/**
 * Where the projections start, in words: each start year with how many provinces start there, so the page says it
 * from the data and never writes a year.
 * @example t(startYearsText(observed), "en") // "2019 (31 provinces)"
 */
export function startYearsText(observed: readonly ProvinceIncomeYear[]): {zh: string; en: string} {
  const count = new Map<number, number>();
  for (const s of provinceStarts(observed).values()) count.set(s.year, (count.get(s.year) ?? 0) + 1);
  const years = [...count].sort((a, b) => a[0] - b[0]);
  return {
    zh: years.map(([year, n]) => `${year} 年（${n} 个省份）`).join("；"),
    en: years.map(([year, n]) => `${year} (${n} province${n === 1 ? "" : "s"})`).join("; ")
  };
}

/**
 * Provinces with a year missing between the first and last year of the data, each with the missing years.
 * @example provinceGaps(observed) // [{region: "甘肃", years: [2016, 2017]}]
 */
export function provinceGaps(observed: readonly {region: string; year: number}[]): {region: string; years: number[]}[] {
  const all = observed.map((o) => o.year);
  const [from, to] = [Math.min(...all), Math.max(...all)];
  const byRegion = new Map<string, Set<number>>();
  for (const o of observed) byRegion.set(o.region, (byRegion.get(o.region) ?? new Set()).add(o.year));
  return [...byRegion].flatMap(([region, years]) => {
    const missing = missingYears(years, from, to);
    return missing.length ? [{region, years: missing}] : [];
  });
}

/**
 * Each province-year with both an urban and a rural figure, with their ratio and gap, by year then code: the rows of
 * `SELECT … u.value / r.value AS ratio, u.value - r.value AS gap FROM urban u JOIN rural r USING (region_code, year)
 * WHERE both are not null ORDER BY year, region_code` (codes as text).
 * @example provinceIncomes(urbanTable, ruralTable)[0] // {region_code: "110000", region: "北京", year: 2013, urban: 44564, rural: 17101, ratio: 2.61, gap: 27463}
 */
export function provinceIncomes(urban: TableRows, rural: TableRows): ProvinceIncome[] {
  const pairs = joinRows(urban, rural, ["region_code", "year"], (u, r) => {
    const [urbanValue, ruralValue] = [u.value as number, r.value as number];
    return {region_code: String(u.region_code), region: u.region, year: u.year, urban: urbanValue, rural: ruralValue, ratio: urbanValue / ruralValue, gap: urbanValue - ruralValue};
  });
  return selectRows(pairs, {where: {urban: {notNull: true}, rural: {notNull: true}}, orderBy: ["year", "region_code"]}) as unknown as ProvinceIncome[];
}
