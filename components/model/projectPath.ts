import {maybeRate} from "./growth.js";
import type {IncomePoint, IncomeYear} from "./incomeProjection.js";
import type {GrowthRow} from "./assumptions.js";

/** One value of a single series in one year (coverage as a fraction, area in 万亩, …). */
export interface LevelPoint {
  year: number;
  value: number;
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

/**
 * Coverage approaching a ceiling by closing a share of the remaining gap each year (gap-closing, not logistic):
 * v(t+1) = v(t) + rate × (ceiling − v(t)), so v(start + n) = ceiling − (ceiling − v0) × (1 − rate)^n. It never
 * overshoots the ceiling for rate in [0, 1]; a start above the ceiling is refused.
 * @example projectSaturating({year: 2024, value: 0.9}, {rate: 0.2, ceiling: 1}, 2030)
 */
export function projectSaturating(
  start: LevelPoint,
  {rate, ceiling}: {rate: number; ceiling: number},
  toYear: number
): LevelPoint[] {
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) throw new Error(`invalid gap-closing rate: ${rate}`);
  if (!Number.isFinite(ceiling)) throw new Error(`invalid ceiling: ${ceiling}`);
  if (!Number.isFinite(start.value) || start.value > ceiling)
    throw new Error(`start ${start.value} is above the ceiling ${ceiling}`);
  checkEndYear(start.year, toYear);
  const points: LevelPoint[] = [];
  for (let year = start.year; year <= toYear; year++) {
    points.push({year, value: ceiling - (ceiling - start.value) * Math.pow(1 - rate, year - start.year)});
  }
  return points;
}

/**
 * A stock growing by a fixed amount per year (area built, 万亩 per year), capped at `ceiling` when given.
 * @example projectLinear({year: 2022, value: 100000}, {pace: 7500, ceiling: 120000}, 2030)
 */
export function projectLinear(
  start: LevelPoint,
  {pace, ceiling}: {pace: number; ceiling?: number},
  toYear: number
): LevelPoint[] {
  if (!Number.isFinite(pace)) throw new Error(`invalid pace: ${pace}`);
  if (ceiling !== undefined && !Number.isFinite(ceiling)) throw new Error(`invalid ceiling: ${ceiling}`);
  if (!Number.isFinite(start.value)) throw new Error(`invalid start value: ${start.value}`);
  checkEndYear(start.year, toYear);
  const points: LevelPoint[] = [];
  for (let year = start.year; year <= toYear; year++) {
    const value = start.value + pace * (year - start.year);
    points.push({year, value: ceiling === undefined ? value : Math.min(value, Math.max(ceiling, start.value))});
  }
  return points;
}

function checkEndYear(startYear: number, toYear: number): void {
  if (!Number.isInteger(toYear) || toYear < startYear) throw new Error(`invalid projection end year: ${toYear}`);
}
