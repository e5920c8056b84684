import {maybeRate} from "./growth.js";

/** Urban and rural per-capita disposable income in one year (元). */
export interface IncomeYear {
  year: number;
  urban: number;
  rural: number;
}

/** An income year with the derived gap measures. */
export interface IncomePoint extends IncomeYear {
  /** urban ÷ rural: the headline 城乡居民收入比 */
  ratio: number;
  /** urban − rural, 元 */
  gap: number;
}

/**
 * Adds ratio (urban/rural) and absolute gap (urban − rural) to income years.
 * @example withGap([{year: 2024, urban: 54188, rural: 23119}])[0].ratio // ≈ 2.344
 */
export function withGap(rows: readonly IncomeYear[]): IncomePoint[] {
  return rows.map((r) => ({...r, ratio: r.urban / r.rural, gap: r.urban - r.rural}));
}

/**
 * Projects urban and rural income from the last observed year with constant annual growth rates (fractions),
 * one point per year up to `toYear`. The start year itself is included as the first point.
 * @example projectIncome({year: 2024, urban: 54188, rural: 23119}, {urban: 0.05, rural: 0.07}, 2035)
 */
export function projectIncome(start: IncomeYear, rates: {urban: number; rural: number}, toYear: number): IncomePoint[] {
  const urban = maybeRate(rates.urban);
  const rural = maybeRate(rates.rural);
  if (!Number.isInteger(toYear) || toYear < start.year) throw new Error(`invalid projection end year: ${toYear}`);
  const points: IncomeYear[] = [];
  for (let year = start.year; year <= toYear; year++) {
    const n = year - start.year;
    points.push({year, urban: start.urban * Math.pow(1 + urban, n), rural: start.rural * Math.pow(1 + rural, n)});
  }
  return withGap(points);
}
