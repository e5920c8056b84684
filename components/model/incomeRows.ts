import type {IncomeYear} from "./incomeProjection.js";

/** Names of the national income indicators in the tidy tables (NBS wording). */
export const URBAN_INCOME = "城镇居民人均可支配收入";
export const RURAL_INCOME = "农村居民人均可支配收入";

/**
 * Collects tidy rows (indicator, year, value) into one record per year that has both urban and rural income,
 * sorted by year. Years missing either figure are left out, not filled.
 * @example incomeYears([{indicator: URBAN_INCOME, year: 2024, value: 54188}, {indicator: RURAL_INCOME, year: 2024, value: 23119}])
 */
export function incomeYears(rows: readonly {indicator: string; year: number; value: number | null}[]): IncomeYear[] {
  const byYear = new Map<number, {urban?: number; rural?: number}>();
  for (const {indicator, year, value} of rows) {
    if (value === null || value === undefined) continue;
    const entry = byYear.get(year) ?? {};
    if (indicator === URBAN_INCOME) entry.urban = value;
    else if (indicator === RURAL_INCOME) entry.rural = value;
    else continue;
    byYear.set(year, entry);
  }
  return [...byYear]
    .filter(([, e]) => e.urban !== undefined && e.rural !== undefined)
    .map(([year, e]) => ({year, urban: e.urban!, rural: e.rural!}))
    .sort((a, b) => a.year - b.year);
}
