/** One value of a single series in one year (coverage as a fraction, area in 万亩, …). */
export interface LevelPoint {
  year: number;
  value: number;
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
