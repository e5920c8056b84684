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

/** Growth assumptions for one projected year, as fractions (0.05 = 5%): income in `year` = income in `year − 1` × (1 + rate). */
export interface GrowthRow {
  year: number;
  urban: number;
  rural: number;
}

/**
 * Compounds urban and rural income from the last observed year with a growth rate per year. The start year is the
 * first point; `rows` must cover consecutive years starting the year after `start.year`.
 * @example projectPath({year: 2024, urban: 54188, rural: 23119}, constantGrowth(2025, 2035, {urban: 0.05, rural: 0.07}))
 */
export function projectPath(start: IncomeYear, rows: readonly GrowthRow[]): IncomePoint[] {
  if (!(start.urban > 0) || !(start.rural > 0))
    throw new Error(`invalid start income in ${start.year}: ${start.urban}, ${start.rural}`);
  const points: IncomePoint[] = [point(start.year, start.urban, start.rural)];
  let {urban, rural} = start;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const expected = start.year + 1 + i;
    if (row.year !== expected) {
      throw new Error(
        `growth rows must be consecutive years after ${start.year}: expected ${expected}, got ${row.year}`
      );
    }
    urban *= 1 + maybeRate(row.urban);
    rural *= 1 + maybeRate(row.rural);
    points.push(point(row.year, urban, rural));
  }
  return points;
}

// Built directly rather than through withGap: paths are recomputed on every edit, for every region and scenario.
function point(year: number, urban: number, rural: number): IncomePoint {
  return {year, urban, rural, ratio: urban / rural, gap: urban - rural};
}

/**
 * `projectPath` for each region: one set of growth rows shared by all regions, or rows per region (a region with a
 * start but no rows is an error, not a silent flat line).
 * @example projectPathByRegion(new Map([["浙江", start]]), rows).get("浙江")
 */
export function projectPathByRegion(
  starts: ReadonlyMap<string, IncomeYear>,
  rowsByRegion: ReadonlyMap<string, readonly GrowthRow[]> | readonly GrowthRow[]
): Map<string, IncomePoint[]> {
  const paths = new Map<string, IncomePoint[]>();
  for (const [region, start] of starts) {
    const rows = isRowMap(rowsByRegion) ? rowsByRegion.get(region) : rowsByRegion;
    if (!rows) throw new Error(`no growth rows for region: ${region}`);
    try {
      paths.set(region, projectPath(start, rows));
    } catch (error) {
      throw new Error(`${region}: ${(error as Error).message}`);
    }
  }
  return paths;
}

function isRowMap(
  x: ReadonlyMap<string, readonly GrowthRow[]> | readonly GrowthRow[]
): x is ReadonlyMap<string, readonly GrowthRow[]> {
  return !Array.isArray(x);
}

