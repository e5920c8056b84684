import {cagr, maybeRate} from "./growth.js";
import type {IncomeYear} from "./incomeProjection.js";

/** Annual growth assumptions for one projected year, as fractions (0.05 = 5%): income in `year` = income in `year − 1` × (1 + rate). */
export interface GrowthRow {
  year: number;
  urban: number;
  rural: number;
}

/**
 * The same urban and rural growth rate in every year from `fromYear` to `toYear` (both included).
 * @example constantGrowth(2025, 2035, {urban: 0.05, rural: 0.065}) // 11 rows
 */
export function constantGrowth(fromYear: number, toYear: number, rates: {urban: number; rural: number}): GrowthRow[] {
  const urban = maybeRate(rates.urban);
  const rural = maybeRate(rates.rural);
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear) {
    throw new Error(`invalid year range: ${fromYear}-${toYear}`);
  }
  const rows: GrowthRow[] = [];
  for (let year = fromYear; year <= toYear; year++) rows.push({year, urban, rural});
  return rows;
}

/**
 * The read-only baseline: each series keeps growing at its compound average rate over the last `years` observed years
 * (CAGR from the last year minus `years` to the last year), from the year after the last observation to `toYear`.
 * The rule comes back as text (Chinese / English) so the page can show how the baseline was made.
 * @example baselineGrowth(history, {years: 5}).rule // "基线：2019-2024 年复合平均增速 … / Baseline: …"
 */
export function baselineGrowth(
  history: readonly IncomeYear[],
  {years = 5, toYear = 2035}: {years?: number; toYear?: number} = {}
): {rows: GrowthRow[]; rule: string} {
  if (!Number.isInteger(years) || years < 1) throw new Error(`invalid baseline window: ${years} years`);
  if (history.length === 0) throw new Error("baseline needs at least one observed year / 基线需要观测数据");
  const sorted = [...history].sort((a, b) => a.year - b.year);
  const last = sorted[sorted.length - 1];
  const first = sorted.find((r) => r.year === last.year - years);
  // A missing window start is not filled or shortened silently: the rule must describe exactly what was computed.
  if (!first)
    throw new Error(`baseline needs an observation in ${last.year - years} / 基线需要 ${last.year - years} 年数据`);
  const urban = cagr(first.urban, last.urban, years);
  const rural = cagr(first.rural, last.rural, years);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const rule =
    `基线：按 ${first.year}-${last.year} 年复合平均增速外推（城镇 ${pct(urban)}，农村 ${pct(rural)}）` +
    ` / Baseline: ${first.year}-${last.year} compound average growth carried forward (urban ${pct(urban)}, rural ${pct(rural)})`;
  const rows = toYear > last.year ? constantGrowth(last.year + 1, toYear, {urban, rural}) : [];
  return {rows, rule};
}
